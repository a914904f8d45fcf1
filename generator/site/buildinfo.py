"""What a build states about itself: commits, the build date, tool versions, validation.

The build date is the commit date of the code and narrative (HEAD), not the clock, so two
builds of one commit are identical; it becomes `SOURCE_DATE_EPOCH` for MkDocs (sitemap
dates, gzip headers). Git is asked here, at the edge; the pages only read the record.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.sources import SNAPSHOT_DIRS, Snapshot

TOOLS = ("impactmonitor", "mkdocs", "mkdocs-material", "jinja2", "markdown", "pandas",
         "plotly", "frictionless")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


@dataclass(frozen=True)
class Commit:
    sha: str
    date: dt.datetime
    """Committer date, in the committer's offset."""


@dataclass(frozen=True)
class BuildInfo:
    data: Commit | None
    """The commit the data were read at; None for a working tree with changes."""
    data_changed: Commit | None
    """The last commit at or before `data` that changed data/ or indicators/."""
    code: Commit | None
    """HEAD: the generator, narrative and configuration the site was built with."""
    code_dirty: bool
    """The working tree differs from HEAD outside data/ (narrative or code not committed)."""
    ref: str | None
    """The ref the data were asked at (`--ref`), None for the working tree."""
    epoch: int
    """The build time, seconds since 1970 (see `build_epoch`)."""
    versions: tuple[tuple[str, str], ...]
    validation: str
    """The validator's summary line."""
    warnings: tuple[str, ...] = ()

    @property
    def built(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.epoch, dt.timezone.utc)


def dutch_date(moment: dt.date | dt.datetime) -> str:
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def gather(root: Path, snapshot: Snapshot, validation: str,
           warnings: tuple[str, ...] = ()) -> BuildInfo:
    code = commit_info(root, "HEAD")
    data = commit_info(root, snapshot.commit) if snapshot.commit else None
    changed = last_change(root, snapshot.commit) if snapshot.commit else None
    epoch = build_epoch(code)
    return BuildInfo(data, changed, code, _dirty(root), snapshot.ref, epoch, tool_versions(),
                     validation, warnings)


def build_epoch(code: Commit | None) -> int:
    """SOURCE_DATE_EPOCH when the caller set it (the reproducible-builds convention), else
    the commit time of HEAD; 0 outside Git, so that even then two builds agree."""
    given = os.environ.get("SOURCE_DATE_EPOCH")
    if given and given.isdigit():
        return int(given)
    return int(code.date.timestamp()) if code is not None else 0


def tool_versions() -> tuple[tuple[str, str], ...]:
    found = [("Python", platform.python_version())]
    for name in TOOLS:
        try:
            found.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            found.append((name, "niet geïnstalleerd"))
    return tuple(found)


def commit_info(root: Path, ref: str) -> Commit | None:
    out = _git(root, "log", "-1", "--format=%H %cI", ref, "--")
    if not out:
        return None
    sha, date = out.split()
    return Commit(sha, dt.datetime.fromisoformat(date))


def last_change(root: Path, commit: str) -> Commit | None:
    out = _git(root, "log", "-1", "--format=%H %cI", commit, "--", *SNAPSHOT_DIRS)
    if not out:
        return None
    sha, date = out.split()
    return Commit(sha, dt.datetime.fromisoformat(date))


def _dirty(root: Path) -> bool:
    out = _git(root, "status", "--porcelain", "--untracked-files=no", "--", ".",
               *(f":(exclude){d}" for d in SNAPSHOT_DIRS))
    return bool(out)


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                                text=True, check=False)
    except FileNotFoundError:
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
