"""Which target a figure is measured against."""

from __future__ import annotations

from generator.compute.lineage import TOTAL, Figure
from generator.compute.data_frames import Tables
from generator.indicators.definition import PHASE, Definition, Target


def target_for(definition: Definition, figure: Figure, tables: Tables) -> Target | None:
    """The target of `definition` that applies to this figure, if any.

    A `totaal` target with a fase is measured on `totaal` split by that fase; a
    `per_regio` target on the headline value of each region of its fase. Breakdown
    cells by a column never carry a target.
    """
    if figure.breakdown and [key for key, _ in figure.breakdown] != [PHASE]:
        return None
    phase_cell = figure.breakdown[0][1] if figure.breakdown else None
    region = tables.region(figure.region) if figure.region != TOTAL else None
    region_phase = region.fase if region else None
    for target in definition.targets:
        if target.applies_to(figure.region, region_phase, phase_cell):
            return target
    return None
