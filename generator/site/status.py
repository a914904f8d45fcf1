"""How a KPI stands against its target: behaald, op koers or achter.

The evaluation framework gives a target and (assumed) due quarter, not a path to it. We
take the simplest path a reader can check by hand: a straight line from zero in the
quarter before the scope starts to the target in the due quarter. A value on or above
that line is "op koers", below it "achter"; at or above the target itself "behaald".
The home page states this rule beside the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.compute.attainment import TARGET_KEY
from generator.compute.lineage import TOTAL, Figure
from generator.contract import Quarter, quarter_range
from generator.indicators.definition import Definition, Target
from generator.publish.sitedata import SiteData

BEHAALD, OP_KOERS, ACHTER = "behaald", "op koers", "achter"


@dataclass(frozen=True)
class TargetStanding:
    definition: Definition
    target: Target
    measured: Figure
    """The figure the target is measured on (e.g. `totaal` split by fase)."""
    attainment: Figure
    """`doelbereik`: the measured value as a percentage of the target."""
    expected_pct: float
    """Where the straight path to the target is at the figure's period, in percent."""
    status: str | None
    """BEHAALD, OP_KOERS, ACHTER; None when there is no value yet."""


def expected_share(start: str, period: str, due: str) -> float:
    """Share of the target the straight path has reached in `period` (0-1)."""
    first, now, last = Quarter.parse(start), Quarter.parse(period), Quarter.parse(due)
    total = len(quarter_range(first, last))
    done = len(quarter_range(first, now)) if now >= first else 0
    return 1.0 if total <= 0 else min(1.0, done / total)


def judge(attainment_pct: float | None, expected_pct: float) -> str | None:
    if attainment_pct is None:
        return None
    if attainment_pct >= 100:
        return BEHAALD
    return OP_KOERS if attainment_pct >= expected_pct else ACHTER


def standings(site: SiteData, definition: Definition, period: str | None = None,
              region: str | None = None) -> list[TargetStanding]:
    """Every target of `definition` at `period` (default: the latest), for one scope or all."""
    period = period or site.latest
    found = []
    for figure in _attainment(site).get(period, []):
        if not figure.breakdown or figure.breakdown[0] != (TARGET_KEY, definition.id):
            continue
        if region is not None and figure.region != region:
            continue
        extra = dict(figure.extra)
        measured = site.get(str(extra["gemeten"]))
        target = _target(definition, extra)
        if measured is None or target is None:
            continue
        start = _start(site, figure.region, target.phase)
        expected = 100 * expected_share(start, period, target.due) if start else 0.0
        found.append(TargetStanding(definition, target, measured, figure, expected,
                                    judge(figure.value, expected)))
    return found


_ATTAINMENT: list[tuple[SiteData, dict[str, list[Figure]]]] = []
KEEP_SITES = 8
"""Data states whose attainment figures are kept indexed (the live monitor, editions)."""


def _attainment(site: SiteData) -> dict[str, list[Figure]]:
    """The `doelbereik` figures of a data state by period, in its order. A page asks for
    them hundreds of times per render; scanning every figure each time was seconds at 20
    regions. Kept for the very object (a SiteData is read-only once made)."""
    for kept, index in _ATTAINMENT:
        if kept is site:
            return index
    index: dict[str, list[Figure]] = {}
    for figure in site.figures:
        if figure.indicator == "doelbereik":
            index.setdefault(figure.period, []).append(figure)
    _ATTAINMENT.insert(0, (site, index))
    del _ATTAINMENT[KEEP_SITES:]
    return index


def _target(definition: Definition, extra: dict[str, object]) -> Target | None:
    return next((t for t in definition.targets
                 if t.value == extra.get("doel") and t.phase == extra.get("fase")
                 and t.due == extra.get("uiterlijk")), None)


def _start(site: SiteData, region: str, phase: str | None) -> str | None:
    """The first quarter of the scope: a region's start, or the earliest of its fase."""
    if region != TOTAL:
        found = site.region(region)
        return found.pilot_start if found else None
    starts = [r.pilot_start for r in site.regions
              if r.pilot_start and (phase is None or r.fase == phase)]
    return min(starts) if starts else None
