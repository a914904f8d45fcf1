"""What a build ran with: commits and their dates, the code's commit, tool versions.

The only module of provenance that calls Git or inspects the installation. A build asks
once, through `facts.gather_facts`; the builders (manifest, PROV, audit pages, the build
information page) take the answers as arguments, so they stay pure and agree.
"""

from __future__ import annotations

import platform
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path

import generator

TOOLS = ("pandas", "numpy", "frictionless", "jinja2", "markdown", "plotly", "mkdocs",
         "mkdocs-material", "pyyaml")
"""Distributions whose version can change a figure or a page; reported when installed."""
DIRTY_SUFFIX = "-dirty"
"""Appended to a commit when the files it stands for differ from it (as `git describe --dirty`)."""


@dataclass(frozen=True)
class Author:
    name: str
    email: str


@dataclass(frozen=True)
class Commit:
    sha: str
    date: datetime
    """Committer date, in the committer's offset."""


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


def commit_info(root: Path, ref: str, paths: Sequence[str] = ()) -> Commit | None:
    """The commit `ref` names with its committer date; with `paths`, the last commit at or
    before `ref` that changed one of them. None outside Git or for an unknown ref."""
    found = _git(root, "log", "-1", "--format=%H %cI", ref, "--", *paths)
    if not found or not found.strip():
        return None
    sha, date = found.split()
    return Commit(sha, datetime.fromisoformat(date))


def worktree_dirty(root: Path, excluding: Sequence[str] = ()) -> bool:
    """Whether tracked files outside `excluding` differ from HEAD (untracked ones do not
    count: a build's scratch output is not part of what it was built from)."""
    found = _git(root, "status", "--porcelain", "--untracked-files=no", "--", ".",
                 *(f":(exclude){path}" for path in excluding))
    return bool(found and found.strip())


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
