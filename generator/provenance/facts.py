"""The facts a build states about itself, gathered once and handed to everything that says them.

The build information page, the manifest (and PROV export) and every audit page name the
data commit, the code commit, the build date and the tool versions. They read them from
one `BuildFacts`, made by `gather_facts` at the start of a build, so they cannot disagree
and Git is asked once.

The build date is the committer date of HEAD, the commit the site is built from (its
narrative, templates and configuration), or `SOURCE_DATE_EPOCH` when the caller sets it
(the reproducible-builds convention); never the clock, so two builds of one commit are
byte-identical. Outside Git it is 0, so that even then two builds agree.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from generator.provenance.environment import (
    DIRTY_SUFFIX, Commit, code_commit, commit_info, tool_versions, worktree_dirty,
)
from generator.sources import SNAPSHOT_DIRS, Snapshot

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


@dataclass(frozen=True)
class BuildFacts:
    data: Commit | None
    """The commit the data were read at; None for a working tree with uncommitted data."""
    code_commit: str | None
    """The commit of the `generator` package that computed the figures (`-dirty` when the
    package differs from it); None when it is not run from a Git work tree."""
    epoch: int
    """The build date, seconds since 1970 (see the module's docstring)."""
    tool_versions: Mapping[str, str]
    validation: Mapping[str, Any]
    """`validation_summary` of the data the build validated."""
    data_ref: str | None = None
    """The ref the data were asked at (`--ref`); None for the working tree."""
    data_changed: Commit | None = None
    """The last commit at or before `data` that changed data/ or indicators/."""
    head: Commit | None = None
    """HEAD of the repository built: narrative, templates and mkdocs.yml."""
    head_dirty: bool = False
    """The working tree differs from HEAD outside data/ and indicators/."""
    validation_text: str = ""
    """The validator's summary line, as the build information page shows it."""
    warnings: tuple[str, ...] = field(default=())

    @property
    def data_commit(self) -> str | None:
        return self.data.sha if self.data else None

    @property
    def site_commit(self) -> str | None:
        """HEAD, `-dirty` when the narrative or configuration differ from it."""
        if self.head is None:
            return None
        return self.head.sha + (DIRTY_SUFFIX if self.head_dirty else "")

    @property
    def built(self) -> datetime:
        return datetime.fromtimestamp(self.epoch, timezone.utc)

    @property
    def build_date(self) -> str:
        """ISO 8601 in UTC, as the manifest states it."""
        return self.built.isoformat()


def gather_facts(root: Path, snapshot: Snapshot, report: Any) -> BuildFacts:
    """Ask Git and the installation once; `report` is the validator's report of `snapshot`."""
    head = commit_info(root, "HEAD")
    data = commit_info(root, snapshot.commit) if snapshot.commit else None
    changed = commit_info(root, snapshot.commit, SNAPSHOT_DIRS) if snapshot.commit else None
    return BuildFacts(
        data=data, code_commit=code_commit(), epoch=build_epoch(head),
        tool_versions=tool_versions(), validation=validation_summary(report),
        data_ref=snapshot.ref, data_changed=changed, head=head,
        head_dirty=worktree_dirty(root, SNAPSHOT_DIRS), validation_text=report.summary(),
        warnings=tuple(f"{p.file}: {p.message}" for p in report.warnings))


def build_epoch(head: Commit | None) -> int:
    given = os.environ.get(EPOCH_VARIABLE)
    if given and given.isdigit():
        return int(given)
    return int(head.date.timestamp()) if head is not None else 0


def validation_summary(report: Any) -> dict[str, Any]:
    """The part of a validation report (`generator.report.Report`) a build states."""
    return {"valid": report.valid, "errors": len(report.errors),
            "warnings": len(report.warnings), "files_checked": report.files_checked}
