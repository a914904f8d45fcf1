"""From a snapshot to figures: validate the data, load tables and definitions, compute.

The edge between I/O (snapshot, validator) and the pure engine; `kpi`, `diff` and later
`build` and `trace` all go through here so they see the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Hashable, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.cache import Cache, folder_blobs, snapshot_blobs
from generator.compute.engine import compute
from generator.compute.lineage import TOTAL, Figure
from generator.compute.data_frames import Tables, load_tables
from generator.contract import Quarter, quarter_range
from generator.errors import UsageError, UserError
from generator.indicators import Definition, load_definitions
from generator.indicators.definition import AttainmentRule
from generator.report import Report
from generator.sources import SNAPSHOT_DIRS, Snapshot, open_snapshot


@dataclass
class Computation:
    snapshot: Snapshot
    tables: Tables
    definitions: list[Definition]
    figures: list[Figure]
    periods: list[str]

    def definition(self, indicator: str) -> Definition:
        return next(d for d in self.definitions if d.id == indicator)


class InvalidData(UserError):
    """The data at the snapshot do not validate; `report` says why."""

    def __init__(self, report: Report, label: str) -> None:
        super().__init__(f"De gegevens ({label}) zijn ongeldig; er is niets berekend.")
        self.report = report


def validate_snapshot(snapshot: Snapshot, cache: Cache | None = None) -> Report:
    """The validator's report on the snapshot's data; InvalidData (carrying it) unless they
    pass `validate`. Every command that computes goes through here: the one copy of it.

    With a `cache` the report is reused while the files and the current quarter (the
    validator's "now") are the same; `verify` and `trace` pass none and validate afresh.
    """
    as_of = Quarter.of_date(dt.date.today())
    if cache is None:
        report = _validate(snapshot, as_of)
    else:
        # The working tree is validated as it is on disk, ignored files included.
        files = (snapshot_blobs(snapshot) if snapshot.ref is not None
                 else folder_blobs(snapshot.root, SNAPSHOT_DIRS))
        report = cache.through("validation", {"files": files, "as_of": str(as_of)},
                               lambda: _validate(snapshot, as_of, cache))
    if not report.valid:
        raise InvalidData(report, snapshot.label)
    return report


def _validate(snapshot: Snapshot, as_of: Quarter, cache: Cache | None = None) -> Report:
    from generator.validate import validate_repository  # heavy (Frictionless): only here

    with snapshot.materialised() as folder:
        # With a cache, each region unchanged since an earlier build is reused on its own.
        return validate_repository(folder, as_of=as_of, cache=cache)


def compute_snapshot(snapshot: Snapshot, periods: Sequence[str] | None = None, *,
                     breakdowns: bool = True,
                     kept: MutableMapping[Hashable, Any] | None = None) -> Computation:
    """Figures for `periods`, or for every quarter from the first start to the latest data.

    `kept`: a serving process's memory of each region's figures (`engine.compute`)."""
    tables = load_tables(snapshot.files, snapshot.commit)
    chosen = list(periods) if periods is not None else all_periods(tables)
    return _compute(snapshot, tables, chosen, breakdowns, kept)


def compute_at(root: Path, ref: str | None = None, period: str | None = None, *,
               region: str | None = None, breakdowns: bool = False,
               validate: bool = True) -> Computation:
    """Validate and compute one period (default: the latest quarter with data) at a ref.

    `region`, when given, must be a region of the register or `totaal` (checked before the
    work starts); the computation still holds every region, as `totaal` needs them.
    """
    snapshot = open_snapshot(root, ref)
    if validate:
        validate_snapshot(snapshot)
    tables = load_tables(snapshot.files, snapshot.commit)
    known = [r.id for r in tables.regions] + [TOTAL]
    if region is not None and region not in known:
        raise UsageError(f"Onbekende regio '{region}'; kies uit {', '.join(known)}.")
    period = period or tables.latest_period()
    if period is None:
        raise UserError("Er zijn nog geen gegevens: geen enkel kwartaal om te tonen.")
    return _compute(snapshot, tables, [period], breakdowns)


def _compute(snapshot: Snapshot, tables: Tables, periods: list[str], breakdowns: bool,
             kept: MutableMapping[Hashable, Any] | None = None) -> Computation:
    definitions = load_definitions(snapshot.files)
    figures = compute(tables, definitions, periods, breakdowns=breakdowns, kept=kept)
    return Computation(snapshot, tables, definitions, figures, periods)


def select_definitions(definitions: Sequence[Definition],
                       indicators: Collection[str] | None) -> list[Definition]:
    """The definitions of `indicators` (all when None) and those they read, in order.

    For computing a few figures quickly (`trace`): attainment reads the figures of every
    indicator with a target, so selecting it selects them too.
    """
    if indicators is None:
        return list(definitions)
    wanted = set(indicators)
    if any(isinstance(d.rule, AttainmentRule) for d in definitions if d.id in wanted):
        wanted |= {d.id for d in definitions if d.targets}
    return [d for d in definitions if d.id in wanted]


def all_periods(tables: Tables) -> list[str]:
    latest = tables.latest_period()
    starts = [r.pilot_start for r in tables.regions if r.pilot_start]
    if latest is None or not starts:
        return []
    return [str(q) for q in quarter_range(Quarter.parse(min(starts)), Quarter.parse(latest))]
