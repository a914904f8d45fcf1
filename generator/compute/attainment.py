"""Attainment (`doelbereik`): each target's measured value as a percentage of the target.

Computed from the figures the engine already made, so it carries their lineage: an
attainment figure went in through exactly the rows of the value it measures.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.compute.lineage import Figure
from generator.compute.data_frames import Tables
from generator.compute.targets import target_for
from generator.indicators.definition import Definition

TARGET_KEY = "doel"
"""Breakdown key of an attainment figure: the id of the indicator whose target it is,
followed by the fase cell of the measured figure for a `totaal` target of one fase."""


def attainment_figures(definition: Definition, definitions: Sequence[Definition],
                       figures: Sequence[Figure], tables: Tables) -> list[Figure]:
    with_targets = {d.id: d for d in definitions if d.targets}
    found = []
    for figure in figures:
        measured = with_targets.get(figure.indicator)
        target = measured and target_for(measured, figure, tables)
        if not target:
            continue
        value = None
        if figure.value is not None and target.value:
            value = 100 * figure.value / target.value
        found.append(Figure(
            indicator=definition.id,
            version=definition.version,
            region=figure.region,
            period=figure.period,
            value=value,
            unit=definition.unit,
            breakdown=((TARGET_KEY, measured.id),) + figure.breakdown,
            sources=figure.sources,
            commit=figure.commit,
            extra=(("gemeten", figure.figure_id), ("versie_gemeten", measured.version),
                   ("waarde_gemeten", figure.value), ("doel", target.value),
                   ("fase", target.phase), ("uiterlijk", target.due)),
        ))
    return found
