"""Compute the few figures a figure id needs, from a snapshot's tables.

`trace` must be fast and must give the value the site shows: it computes only the
figure's indicator (and what that indicator reads) for the figure's one quarter, through
the same engine and the same derived-figure functions as the site. Figure ids of the
site's derived figures (context rows, Monte Carlo percentiles, tornado outcomes; see
`generator/publish/derived.py`) resolve here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from generator.compute.attainment import TARGET_KEY
from generator.compute.engine import compute
from generator.compute.lineage import Figure, SourceRows
from generator.compute.pipeline import Computation, select_definitions
from generator.compute.data_frames import FILE, ROW, Tables
from generator.indicators.definition import PHASE, Definition
from generator.provenance.figure_ids import FigureKey
from generator.publish.derived import (
    CONTEXT,
    DISTRIBUTION,
    MONTE_CARLO,
    SENSITIVITY,
    context_figures,
)
from generator.publish.economy import economy_view
from generator.sources import Snapshot

_NO_COLUMNS = (PHASE, TARGET_KEY, MONTE_CARLO, SENSITIVITY, DISTRIBUTION)
"""Breakdown keys that do not need the engine's column breakdowns."""


def figures_for(key: FigureKey, snapshot: Snapshot, tables: Tables,
                definitions: Sequence[Definition], latest: str | None) -> dict[str, Figure]:
    """Figures of `key`'s indicator at `key.period` (id -> figure); `key`'s own among them
    when it exists. Unknown indicators give none; Monte Carlo percentiles exist for the
    `latest` quarter only, as the economy page shows them (so do tornado outcomes)."""
    periods = [key.period]
    if key.indicator == CONTEXT:
        computation = Computation(snapshot, tables, list(definitions), [], periods)
        found = [f for f in context_figures(computation) if f.period == key.period]
        return {f.figure_id: f for f in found}
    if key.indicator not in {d.id for d in definitions}:
        return {}
    wanted = [key.indicator] + [value for k, value in key.breakdown if k == TARGET_KEY]
    columns = any(k not in _NO_COLUMNS for k in key.breakdown_keys)
    figures = compute(tables, select_definitions(definitions, wanted), periods,
                      breakdowns=columns)
    if {MONTE_CARLO, SENSITIVITY, DISTRIBUTION} & set(key.breakdown_keys) and \
            key.period == latest:
        figures += _intervals(snapshot, tables, definitions, figures, key.period)
    return {f.figure_id: f for f in figures}


def all_ids(snapshot: Snapshot, tables: Tables, definitions: Sequence[Definition],
            period: str, latest: str | None) -> list[str]:
    """Every figure id the site can show for `period`: to suggest the closest to a typo."""
    figures = compute(tables, definitions, [period], breakdowns=True)
    if period == latest:
        figures += _intervals(snapshot, tables, definitions, figures, period)
    ids = [f.figure_id for f in figures]
    context = figures_for(FigureKey(CONTEXT, "", period), snapshot, tables, definitions, latest)
    return ids + list(context)


def restrict(tables: Tables, sources: Sequence[SourceRows]) -> Tables:
    """The tables with only the rows `sources` name (the register and parameters kept).

    Computing a figure again from these checks that its lineage is complete: a row that
    went in but is not listed would change the value.
    """
    frames = {}
    for resource, frame in tables.frames.items():
        keep = np.zeros(len(frame), dtype=bool)
        for source in sources:
            in_file = frame[FILE].eq(source.file).fillna(False).to_numpy(dtype=bool)
            if in_file.any():
                keep |= in_file & frame[ROW].isin(source.rows).to_numpy(dtype=bool)
        frames[resource] = frame[keep].reset_index(drop=True)
    return replace(tables, frames=frames, memo={})


def _intervals(snapshot: Snapshot, tables: Tables, definitions: Sequence[Definition],
               figures: list[Figure], period: str) -> list[Figure]:
    """The Monte Carlo percentiles, tornado outcomes and distribution table the economy page
    shows beside the model's `totaal`."""
    computation = Computation(snapshot, tables, list(definitions), figures, [period])
    view = economy_view(computation, figures)
    return view.figures if view else []
