"""Scopes: the groups of regions a value is computed for.

Each region on its own, `totaal` over all regions, and — when an indicator splits by fase
or a target needs it — `totaal` over the regions of one fase (`pilot`, `opschaling`).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.compute.lineage import TOTAL, SourceRows
from generator.compute.data_frames import REGISTER_PATH, Tables
from generator.indicators.definition import PHASE, Definition


@dataclass(frozen=True)
class Scope:
    region: str
    """A region id or `totaal`."""
    members: tuple[str, ...]
    phase: str | None = None
    """For `totaal` of one fase: that fase (the figure's breakdown is `fase=<phase>`)."""
    start: str | None = None
    """First quarter to report: a region reports from its `pilot_start`."""
    register: SourceRows | None = None
    """The rows of `regios.csv` that decide the members, when fase decides them."""

    @property
    def breakdown(self) -> tuple[tuple[str, str], ...]:
        return ((PHASE, self.phase),) if self.phase else ()

    def reports(self, period: str) -> bool:
        return self.start is None or self.start <= period


def scopes_for(definition: Definition, tables: Tables) -> list[Scope]:
    scopes = [Scope(r.id, (r.id,), start=r.pilot_start) for r in tables.regions]
    scopes.append(Scope(TOTAL, tuple(r.id for r in tables.regions)))
    if definition.splits_by_phase:
        phases = {r.fase for r in tables.regions if r.fase}
        phases |= {t.phase for t in definition.targets if t.scope == "totaal" and t.phase}
        for phase in sorted(phases):
            members = [r for r in tables.regions if r.fase == phase]
            register = None
            if tables.register is not None:
                register = SourceRows(REGISTER_PATH, tables.register.blob,
                                      tuple(sorted(r.register_row for r in members)))
            scopes.append(Scope(TOTAL, tuple(r.id for r in members), phase=phase,
                                register=register))
    return scopes
