"""What the pages read: one computation's figures after disclosure control, indexed.

A `SiteData` is made once per data state (the live monitor, each report edition) and is
read-only afterwards. Every number a page shows is looked up here, so the set of figures
the site can show is exactly `SiteData.figures` (what the audit pages and the manifest of
issue 5 list).
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable, Hashable, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from generator.cache import Cache, cache_key, snapshot_blobs
from generator.compute.lineage import TOTAL, Figure
from generator.compute.engine import keep_figures
from generator.compute.pipeline import Computation, all_periods, compute_snapshot
from generator.compute.data_frames import REGISTER_PATH, ROW, load_tables, parse_csv
from generator.contract import REGISTER
from generator.indicators.definition import PHASE, Definition
from generator.publish import disclosure
from generator.publish.derived import context_figures
from generator.publish.economy import EconomyView, economy_view, suppress_small_measured
from generator.sources import Snapshot

Breakdown = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    """As in the register's `naam`; shown to readers."""
    fase: str | None
    pilot_start: str | None


@dataclass
class SiteData:
    computation: Computation
    figures: list[Figure]
    """The engine's figures with disclosure applied, then the derived ones (context)."""
    regions: list[Region]
    k: int
    """Disclosure threshold: breakdown cells from 1 to k-1 are shown as `<k`."""
    economy: EconomyView | None = None
    withheld: frozenset[str] = frozenset()
    """Regions whose figures this audience may not read (`generator.publish.audience`): their
    pages and figures are absent; `regions` still lists them, since a total's target and
    status depend on every region."""
    _index: dict[str, Figure] = field(default_factory=dict, repr=False)
    _series: dict[tuple[str, str, Breakdown], list[Figure]] = field(default_factory=dict,
                                                                      repr=False)
    _cells: dict[tuple[str, str, str, tuple[str, ...]], list[Figure]] = field(
        default_factory=dict, repr=False)
    _by_indicator: dict[str, list[Figure]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        series: dict[tuple[str, str, Breakdown], list[Figure]] = defaultdict(list)
        cells: dict[tuple[str, str, str, tuple[str, ...]], list[Figure]] = defaultdict(list)
        by_indicator: dict[str, list[Figure]] = defaultdict(list)
        for figure in self.figures:
            self._index[figure.figure_id] = figure
            by_indicator[figure.indicator].append(figure)
            series[(figure.indicator, figure.region, figure.breakdown)].append(figure)
            columns = tuple(key for key, _ in figure.breakdown)
            cells[(figure.indicator, figure.region, figure.period, columns)].append(figure)
        self._series = {key: sorted(found, key=lambda f: f.period) for key, found in series.items()}
        self._cells = dict(cells)
        self._by_indicator = dict(by_indicator)

    @property
    def definitions(self) -> list[Definition]:
        """In the order of overviews (`volgorde`, then id)."""
        return sorted(self.computation.definitions, key=lambda d: (d.position, d.id))

    @property
    def periods(self) -> list[str]:
        return self.computation.periods

    @property
    def latest(self) -> str | None:
        return self.periods[-1] if self.periods else None

    @property
    def commit(self) -> str | None:
        return self.computation.snapshot.commit

    def definition(self, indicator: str) -> Definition | None:
        return next((d for d in self.computation.definitions if d.id == indicator), None)

    def region(self, region_id: str) -> Region | None:
        return next((r for r in self.regions if r.id == region_id), None)

    def region_name(self, region_id: str) -> str:
        if region_id == TOTAL:
            return "Totaal"
        region = self.region(region_id)
        return region.name if region else region_id

    @property
    def shown_regions(self) -> list[Region]:
        """The regions whose pages and figures the site shows (all but the withheld)."""
        return [r for r in self.regions if r.id not in self.withheld]

    def scopes(self) -> list[str]:
        """Every shown region id, then `totaal`: the order of columns and series."""
        return [r.id for r in self.shown_regions] + [TOTAL]

    def get(self, figure_id: str) -> Figure | None:
        return self._index.get(figure_id)

    def figure(self, indicator: str, region: str, period: str,
               breakdown: Breakdown = ()) -> Figure | None:
        for figure in self.series(indicator, region, breakdown):
            if figure.period == period:
                return figure
        return None

    def series(self, indicator: str, region: str, breakdown: Breakdown = ()) -> list[Figure]:
        """One scope's values over time, oldest first."""
        return self._series.get((indicator, region, breakdown), [])

    def cells(self, indicator: str, region: str, period: str,
              columns: Sequence[str]) -> list[Figure]:
        """The breakdown cells of one scope by `columns`, in the engine's order."""
        return self._cells.get((indicator, region, period, tuple(columns)), [])

    def breakdowns(self, definition: Definition) -> list[tuple[str, ...]]:
        """The column breakdowns a page shows (the fase split of `totaal` is not one)."""
        return [b for b in definition.breakdowns if b != (PHASE,)]

    def indicator_figures(self, indicator: str) -> list[Figure]:
        return list(self._by_indicator.get(indicator, []))


class PeriodNotInData(ValueError):
    def __init__(self, period: str, periods: Sequence[str]) -> None:
        super().__init__(f"{period} is not a quarter of the data")
        self.period = period
        self.periods = list(periods)


def compute_site_data(snapshot: Snapshot, k: int, until: str | None = None, *,
                      cache: Cache | None = None) -> SiteData:
    """The figures the site shows of `snapshot`'s data, computed as every build does: every
    quarter from the first start (up to and including `until`), disclosure control with
    `k`, then the derived figures.

    The live monitor, each report edition and `verify`'s rebuild all come through here, so
    a check cannot drift from what it checks. Raises PeriodNotInData for an `until` the
    data do not reach.

    With a `cache` the result is reused while the snapshot's files (data, definitions,
    parameters: everything the engine reads), `k` and `until` are the same; `verify`
    passes none and computes afresh. The data commit the figures name is carried, not
    stored: a commit that changes only the narrative reuses the figures of the one before,
    which then name the new commit.
    """
    if cache is None:
        return _compute_site_data(snapshot, k, until)
    kept = cache.memo("region-figures", KEEP_REGION_FIGURES)
    carried: dict[str, object] = {"snapshot": snapshot}
    if snapshot.commit is not None:
        carried["commit"] = snapshot.commit
    parts = {"files": snapshot_blobs(snapshot), "committed": snapshot.commit is not None,
             "k": k, "until": until}
    identity = cache_key("site-data", {**parts, "carried": {
        "commit": snapshot.commit, "ref": snapshot.ref, "root": str(snapshot.root)}})
    if kept is None:
        def compute() -> SiteData:
            return _compute_site_data(snapshot, k, until)

        read = cache.later("site-data", parts, compute, carried=carried)
        data = (cache.through("site-data", parts, compute, carried=carried) if read is None
                else _Deferred(read))
        return _known(data, identity, snapshot)
    known = cache.memo("region-figures-of", KEEP_STATES)
    assert known is not None

    def make() -> SiteData:
        made = _compute_site_data(snapshot, k, until, kept)
        known[id(made)] = made
        return made

    data = cache.through("site-data", parts, make, carried=carried)
    if id(data) not in known:  # read from the folder: its regions' figures were not kept
        computation = data.computation
        keep_figures(computation.tables, computation.definitions, computation.periods,
                     computation.figures, kept)
        known[id(data)] = data  # held, so that its id is not another object's
    return _known(data, identity, snapshot)


class _Deferred(SiteData):
    """Site data in the cache folder, read when anything of them is first read: a build
    whose pages are found by content (`generator.site.render`) never unpickles them. Then
    it becomes the `SiteData` read, the same object (its identity is what `content_key`
    and the caller know it by)."""

    def __init__(self, read: Callable[[], SiteData]) -> None:  # the fields come with `read`
        object.__setattr__(self, "_read_deferred", read)

    def __getattribute__(self, name: str) -> Any:
        read = object.__getattribute__(self, "_read_deferred")
        real = read()
        fields = object.__getattribute__(self, "__dict__")
        fields.clear()
        fields.update(real.__dict__)
        object.__setattr__(self, "__class__", SiteData)
        return getattr(self, name)


_KNOWN: dict[int, tuple[str, Snapshot | None]] = {}
"""id of a SiteData alive -> its content key and the snapshot it was computed from."""


def content_key(data: SiteData) -> str | None:
    """A key of everything `data` is made of, for a later stage that caches by content
    what it makes of it (`generator.site.render`): the site-data entry's key (the
    snapshot's blobs, `k`, `until`, the code version) and the carried snapshot's commit,
    ref and folder. None for data that did not come through a cache (`verify`'s) or
    were made from such data in another way than `derived_key` records."""
    known = _KNOWN.get(id(data))
    return known[0] if known is not None else None


def derived_key(data: SiteData, made_from: SiteData, how: str) -> SiteData:
    """Record that `data` is `made_from` turned into another audience's view by `how`, a
    label that names the function and every argument it took; returns `data`."""
    key = content_key(made_from)
    if key is not None:
        _known(data, cache_key("derived-site-data", {"from": key, "how": how}))
    return data


def source_snapshot(data: SiteData) -> Snapshot:
    """The snapshot `data` were computed from, without reading data the cache defers."""
    known = _KNOWN.get(id(data))
    return known[1] if known is not None and known[1] is not None else data.computation.snapshot


def _known(data: SiteData, key: str, snapshot: Snapshot | None = None) -> SiteData:
    known = _KNOWN.get(id(data))
    if known is None or known[0] != key:
        _KNOWN[id(data)] = (key, snapshot)
        weakref.finalize(data, _forget, id(data), key)
    return data


def _forget(identity: int, key: str) -> None:
    known = _KNOWN.get(identity)
    if known is not None and known[0] == key:
        del _KNOWN[identity]


KEEP_REGION_FIGURES = 4_000
"""One scope's (a region's, a total's) figures of one rule that a serving process keeps
(23 scopes x some 25 rules per data state: the live monitor and a few editions)."""
KEEP_STATES = 16
"""Data states whose regions' figures a serving process has kept (by the SiteData)."""


def _compute_site_data(snapshot: Snapshot, k: int, until: str | None,
                       kept: MutableMapping[Hashable, Any] | None = None) -> SiteData:
    if until is None:
        return load_site_data(compute_snapshot(snapshot, kept=kept), k)
    periods = all_periods(load_tables(snapshot.files, snapshot.commit))
    if until not in periods:
        raise PeriodNotInData(until, periods)
    return load_site_data(compute_snapshot(snapshot, periods[: periods.index(until) + 1],
                                           kept=kept), k)


def suppressed(figures: list[Figure], k: int) -> list[Figure]:
    """The figures as they may be published: small breakdown cells and their give-aways
    hidden (`disclosure.apply`), and model figures over fewer than k measured participants
    (`suppress_small_measured`). The site and `impactmonitor kpi` both use this."""
    return suppress_small_measured(list(disclosure.apply(figures, k)), k)


def load_site_data(computation: Computation, k: int) -> SiteData:
    figures = suppressed(computation.figures, k)
    economy = economy_view(computation, figures)
    figures += context_figures(computation) + (economy.figures if economy else [])
    return SiteData(computation, figures, register_regions(computation), k, economy)


def register_regions(computation: Computation) -> list[Region]:
    """The regions in the register's order, with their names (the engine keeps only ids)."""
    content = computation.snapshot.files.get(REGISTER_PATH)
    names: dict[str, str] = {}
    if content is not None:
        frame = parse_csv(content, REGISTER)
        for record in frame.drop(columns=[ROW]).to_dict("records"):
            if pd.notna(record["regio_id"]) and pd.notna(record["naam"]):
                names[str(record["regio_id"])] = str(record["naam"])
    return [Region(r.id, names.get(r.id, r.id), r.fase, r.pilot_start)
            for r in computation.tables.regions]
