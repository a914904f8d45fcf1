"""What a build ran with: the code's commit, tool versions, and facts about the data commit.

The only module of provenance that calls Git or inspects the installation; the builders
(manifest, PROV, audit pages) take these facts as arguments so they stay pure.
"""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import generator

TOOLS = ("pandas", "numpy", "frictionless", "jinja2", "markdown", "plotly", "mkdocs",
         "mkdocs-material", "pyyaml")
"""Distributions whose version can change a figure or a page; reported when installed."""
DIRTY_SUFFIX = "-dirty"
"""Appended to the code commit when the package differs from it (as `git describe --dirty`)."""


@dataclass(frozen=True)
class Author:
    name: str
    email: str


def tool_versions() -> dict[str, str]:
    """`impactmonitor`, Python, Git and the libraries of TOOLS that are installed."""
    versions = {"impactmonitor": generator.__version__, "python": platform.python_version()}
    for name in TOOLS:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    git = _git(Path.cwd(), "--version")
    if git:
        versions["git"] = git.removeprefix("git version ").strip()
    return dict(sorted(versions.items()))


def code_commit(package_dir: Path | None = None) -> str | None:
    """The commit the running `generator` package is at, `-dirty` when it differs from it.

    None when the package is not in a Git work tree (installed from a wheel). Only the
    package and `pyproject.toml` count: a change to the data or the narrative does not
    make the code dirty.
    """
    package_dir = package_dir or Path(generator.__file__).resolve().parent
    top = _git(package_dir, "rev-parse", "--show-toplevel")
    if not top:
        return None
    root = Path(top.strip())
    sha = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    if not sha:
        return None
    relative = package_dir.relative_to(root).as_posix() if package_dir.is_relative_to(root) else "."
    status = _git(root, "status", "--porcelain", "--", relative, "pyproject.toml")
    return sha.strip() + (DIRTY_SUFFIX if status and status.strip() else "")


def commit_date(root: Path, commit: str | None) -> str | None:
    """ISO 8601 committer date of `commit`: the build date, so a rebuild gives the same.

    For uncommitted data, `SOURCE_DATE_EPOCH` when set (the reproducible-builds
    convention), else None: there is no date the data can be pinned to.
    """
    if commit is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.isdigit():
            return datetime.fromtimestamp(int(epoch), timezone.utc).isoformat()
        return None
    found = _git(root, "log", "-1", "--format=%cI", commit, "--")
    return found.strip() if found else None


def commit_authors(root: Path, commit: str | None) -> list[Author]:
    """The author of `commit` (`git log -1 --format=%an%n%ae`); none for uncommitted data."""
    if commit is None:
        return []
    found = _git(root, "log", "-1", "--format=%an%n%ae", commit, "--")
    if not found:
        return []
    name, _, email = found.rstrip("\n").partition("\n")
    return [Author(name, email)]


def _git(cwd: Path, *args: str) -> str | None:
    """Git's output, or None when Git is missing or the command fails (not a repository)."""
    try:
        result = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True,
                                text=True, check=False)
    except FileNotFoundError:
        return None
    return result.stdout if result.returncode == 0 else None
