"""The economic effect as the site shows it: sensitivity of the model at the latest quarter.

The engine gives the model KPIs (central value, low and high in `extra`). The page also
shows how much they depend on the parameters: a tornado of the benefit per measured
participant and the seeded Monte Carlo interval of both KPIs, for `totaal`. Those are
computed here with the model's own functions on the same rows the engine hands it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import yaml

from generator.compute.lineage import TOTAL, Figure
from generator.compute.pipeline import Computation
from generator.compute.data_frames import REGION, Tables
from generator.economics import (
    PARAMETERS_FILE,
    EconomicParameters,
    MonteCarloResult,
    Tornado,
    inputs_from_frames,
    monte_carlo,
    parse_parameters,
    tornado,
)
from generator.indicators.definition import ModelRule
from generator.publish.derived import interval_figures, sensitivity_figures

METRIC_OF_OUTCOME = {"baten_per_deelnemer": "baten_per_gemeten_deelnemer",
                     "bbp_effect_pct": "bbp_effect_pct"}
"""The model's result field that each `regel.uitkomst` reads (see compute/economics_adapter.py)."""
TORNADO_METRIC = "baten_per_gemeten_deelnemer"


@dataclass(frozen=True)
class EconomyView:
    period: str
    parameters: EconomicParameters
    tornado: Tornado
    monte_carlo: MonteCarloResult
    headline: dict[str, Figure]
    """Model indicator id -> its `totaal` figure at `period`."""
    intervals: dict[str, list[Figure]]
    """Model indicator id -> its P5, P50, P95 figures."""
    sensitivity: dict[tuple[str, str], Figure]
    """(parameter, laag|hoog) -> the tornado's outcome as a figure (`derived.py`)."""

    @property
    def figures(self) -> list[Figure]:
        return [f for found in self.intervals.values() for f in found] + list(
            self.sensitivity.values())


def economy_view(computation: Computation, figures: list[Figure]) -> EconomyView | None:
    """None when there is no model indicator, no parameter file or no data yet."""
    models = [d for d in computation.definitions if isinstance(d.rule, ModelRule)]
    content = computation.tables.extra_files.get(PARAMETERS_FILE)
    if not models or content is None or not computation.periods:
        return None
    period = computation.periods[-1]
    headline = {f.indicator: f for f in figures
                if f.region == TOTAL and f.period == period and not f.breakdown
                and f.indicator in {d.id for d in models}}
    if not headline:
        return None
    params = parse_parameters(yaml.safe_load(content.decode("utf-8")))
    inputs = _inputs(computation.tables, period)
    interval = monte_carlo(inputs, params)
    intervals = {}
    for definition in models:
        metric = METRIC_OF_OUTCOME[definition.rule.outcome]  # type: ignore[union-attr]
        found = interval[metric]
        central = headline.get(definition.id)
        if found is None or central is None:
            continue
        intervals[definition.id] = interval_figures(
            central, metric, {"p5": found.p5, "p50": found.p50, "p95": found.p95},
            interval.seed, interval.trekkingen)
    bars = tornado(inputs, params, TORNADO_METRIC)
    sensitivity: dict[tuple[str, str], Figure] = {}
    for definition in models:
        central = headline.get(definition.id)
        if central is not None and METRIC_OF_OUTCOME[
                definition.rule.outcome] == TORNADO_METRIC:  # type: ignore[union-attr]
            sensitivity = sensitivity_figures(central, TORNADO_METRIC, bars.bars)
            break
    return EconomyView(period, params, bars, interval, headline, intervals, sensitivity)


def _inputs(tables: Tables, period: str):  # -> EconomicInputs
    """All regions' `arbeid` (cohort <= period), `instroom` and `kosten` (periode <= period)."""
    members = [r.id for r in tables.regions]
    frames = {}
    for resource, time in (("arbeid", "cohort"), ("instroom", "periode"), ("kosten", "periode")):
        frame = tables.frames[resource]
        mask = (frame[time] <= period).fillna(False).to_numpy(dtype=bool)
        mask &= frame[REGION].isin(members).to_numpy(dtype=bool)
        frames[resource] = frame.iloc[np.flatnonzero(mask)]
    return inputs_from_frames(frames["arbeid"], frames["instroom"], frames["kosten"],
                              meetjaar=int(period[:4]))
