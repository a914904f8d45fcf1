"""The economic effect as the site shows it: sensitivity of the model at the latest quarter.

The engine gives the model indicators (central value; denominators, horizon and the
non-response bounds in `extra`). The page also shows how much they depend on the
parameters: the seeded Monte Carlo P5–P95 of every model indicator, per region and for
`totaal` (THE range: there is no corner-case low/high), and a tornado of the yearly
benefit per participant reached for `totaal`. Those are computed here with the model's own
functions on the same rows the engine hands it. Model figures averaged over fewer than k
measured participants are suppressed like small cells (`suppress_small_measured`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import yaml

from generator.cache import Kept
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
    evaluate,
    parse_parameters,
    tornado,
)
from generator.indicators.definition import MODEL_SOURCES, ModelRule
from generator.sources import git_blob_id
from generator.publish.derived import distribution_figures, interval_figures, sensitivity_figures

from generator.compute.economics_adapter import OUTCOMES as METRIC_OF_OUTCOME, kept_inputs

TORNADO_METRIC = "baten_per_deelnemer_per_jaar"
DISTRIBUTION_OUTCOME = "netto_contante_waarde"
"""The model outcome the distribution table adds up to."""
MODEL_K_KEY = "onderdrukking_k"


@dataclass(frozen=True)
class EconomyView:
    period: str
    parameters: EconomicParameters
    tornado: Tornado
    monte_carlo: MonteCarloResult
    """The Monte Carlo of `totaal` (the page's sentence on the draws)."""
    headline: dict[str, Figure]
    """Model indicator id -> its `totaal` figure at `period`."""
    intervals: dict[str, list[Figure]]
    """Model indicator id -> its `totaal` P5, P50, P95 figures."""
    sensitivity: dict[tuple[str, str], Figure]
    """(parameter, laag|hoog) -> the tornado's outcome as a figure (`derived.py`)."""
    regional_intervals: dict[tuple[str, str], list[Figure]] = field(default_factory=dict)
    """(model indicator id, region) -> that region's P5, P50, P95 figures."""
    distribution: dict[tuple[str, str], Figure] = field(default_factory=dict)
    """(party | totaal, item | saldo) -> a cell of the distribution table of `totaal`."""

    @property
    def figures(self) -> list[Figure]:
        return ([f for found in self.intervals.values() for f in found]
                + [f for found in self.regional_intervals.values() for f in found]
                + list(self.sensitivity.values()) + list(self.distribution.values()))


def suppress_small_measured(figures: list[Figure], k: int) -> list[Figure]:
    """Model figures averaged over fewer than k measured participants are hidden like a small
    cell: value None, `suppressed`, and the reason in `extra` (never the count itself)."""
    from generator.publish.disclosure import PRIMARY, REASON_KEY

    shown = []
    for figure in figures:
        if not figure.extra:  # most figures: nothing said beside the value
            shown.append(figure)
            continue
        measured = dict(figure.extra).get("aantal_gemeten")
        if (isinstance(measured, int) and 0 < measured < k and not figure.suppressed):
            extra = tuple(item for item in figure.extra
                          if item[0] not in ("nonrespons_nul", "nonrespons_gelijk",
                                             "aantal_gemeten"))
            figure = replace(figure, value=None, suppressed=True,
                             extra=extra + ((REASON_KEY, PRIMARY), (MODEL_K_KEY, k)))
        shown.append(figure)
    return shown


def economy_view(computation: Computation, figures: list[Figure]) -> EconomyView | None:
    """None when there is no model indicator, no parameter file or no data yet."""
    models = [d for d in computation.definitions if isinstance(d.rule, ModelRule)]
    content = computation.tables.extra_files.get(PARAMETERS_FILE)
    if not models or content is None or not computation.periods:
        return None
    period = computation.periods[-1]
    latest = {(f.indicator, f.region): f for f in figures
              if f.period == period and not f.breakdown
              and f.indicator in {d.id for d in models}}
    headline = {ind: f for (ind, region), f in latest.items() if region == TOTAL}
    if not headline:
        return None
    params = parse_parameters(yaml.safe_load(content.decode("utf-8")))
    members = [r.id for r in computation.tables.regions]
    sources = {r for d in models for r in d.sources}
    runs = {scope: _monte_carlo(computation.tables, period, members if scope == TOTAL
                                else [scope], sources, params, git_blob_id(content))
            for scope in [TOTAL] + members}
    intervals: dict[str, list[Figure]] = {}
    regional: dict[tuple[str, str], list[Figure]] = {}
    for definition in models:
        metric = METRIC_OF_OUTCOME[definition.rule.outcome]  # type: ignore[union-attr]
        for scope, run in runs.items():
            central = latest.get((definition.id, scope))
            found = run[metric]
            # A suppressed central value has no published range either.
            if found is None or central is None or central.suppressed:
                continue
            shown = interval_figures(central, metric,
                                     {"p5": found.p5, "p50": found.p50, "p95": found.p95},
                                     run.seed, run.trekkingen)
            if scope == TOTAL:
                intervals[definition.id] = shown
            else:
                regional[(definition.id, scope)] = shown
    total_inputs = _inputs(computation.tables, period, members, sources)
    bars = tornado(total_inputs, params, TORNADO_METRIC)
    sensitivity: dict[tuple[str, str], Figure] = {}
    for definition in models:
        central = headline.get(definition.id)
        if central is not None and not central.suppressed and METRIC_OF_OUTCOME[
                definition.rule.outcome] == TORNADO_METRIC:  # type: ignore[union-attr]
            sensitivity = sensitivity_figures(central, TORNADO_METRIC, bars.bars)
            break
    distribution: dict[tuple[str, str], Figure] = {}
    for definition in models:
        central = headline.get(definition.id)
        if central is not None and not central.suppressed and \
                definition.rule.outcome == DISTRIBUTION_OUTCOME:  # type: ignore[union-attr]
            distribution = distribution_figures(central,
                                                evaluate(total_inputs, params).verdeling)
            break
    return EconomyView(period, params, bars, runs[TOTAL], headline, intervals, sensitivity,
                       regional, distribution)


KEEP_RUNS = 1_000
_RUNS = Kept(KEEP_RUNS, name="monte-carlo")
"""A scope's Monte Carlo at a quarter that a process keeps (21 scopes per data state): a
serving process draws again only for the scopes holding a changed file. Named: kept by
content, the next build or serve reads the last one's."""


def _monte_carlo(tables: Tables, period: str, members: list[str], sources: set[str],
                 params: EconomicParameters, params_blob: str) -> MonteCarloResult:
    """`monte_carlo` of the members' inputs up to `period`, kept for the process by
    content: the parameter file (blob id), the quarter, and the files (blob ids) of the
    members' rows of the resources `_inputs` reads say everything the seeded draws read."""
    used = tuple(r for r in ("arbeid", "instroom", "kosten", "uitstroom")
                 if r != "uitstroom" or r in sources)
    key = ("monte-carlo", tuple(members), period, used, params_blob,
           tuple(tables.region_files(r).get(m, ()) for m in members for r in used))
    if key not in _RUNS:
        _RUNS[key] = monte_carlo(_inputs(tables, period, members, sources), params)
    return _RUNS[key]  # type: ignore[no-any-return]


def _inputs(tables: Tables, period: str, members: list[str],
            sources: set[str] = set(MODEL_SOURCES)):  # -> list[EconomicInputs]
    """Each member region's `arbeid` (cohort <= period), `instroom`, `kosten` and, when the
    model definitions declare it, `uitstroom` (periode <= period), as the engine hands them
    to the model."""
    frames = {}
    for resource, time in (("arbeid", "cohort"), ("instroom", "periode"), ("kosten", "periode"),
                           ("uitstroom", "periode")):
        if resource == "uitstroom" and resource not in sources:
            continue
        frame = tables.frames[resource]
        mask = (frame[time] <= period).fillna(False).to_numpy(dtype=bool)
        mask &= frame[REGION].isin(members).to_numpy(dtype=bool)
        frames[resource] = frame.iloc[np.flatnonzero(mask)]
    parts = kept_inputs(tables, frames, period)  # the very inputs of the engine's model KPIs
    return parts or [inputs_from_frames(frames["arbeid"], frames["instroom"], frames["kosten"],
                                        meetjaar=int(period[:4]))]
