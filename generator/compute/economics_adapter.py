"""Adapter to the economic model (`generator.economics`): its two KPIs as Figures.

The engine selects the rows (a scope's regions, cohorts and periods up to the period) and
hands them over; the model's maths stay in `generator.economics`. The parameter file is
read from the same snapshot as the data, so a value at a ref uses the parameters of that
ref.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, MutableMapping, Sequence
from typing import Any

import numpy as np
import yaml

from generator.compute.lineage import TOTAL, Figure, SourceRows, naming
from generator.compute.scopes import Scope, scopes_for
from generator.compute.data_frames import REGION, Tables
from generator.compute.tally import Part, lineage
from generator.cache import Kept
from generator.errors import UserError
from generator.indicators.definition import MODEL_SOURCES, Definition, ModelRule, default_time_column
from generator.sources import git_blob_id

OUTCOMES = {
    "baten_per_deelnemer": "baten_per_gemeten_deelnemer",  # definitions before issue 11
    "baten_per_deelnemer_per_jaar": "baten_per_deelnemer_per_jaar",
    "baten_per_deelnemer_contant": "baten_per_bereikte_deelnemer",
    "netto_contante_waarde": "netto_contante_waarde",
    "baten_kostenverhouding": "baten_kostenratio",
    "bbp_effect_pct": "bbp_effect_pct",
    "bbp_effect_opgeschaald_pct": "bbp_effect_opgeschaald_pct",
}
"""`regel.uitkomst` -> the `EconomicResult` field (and Monte Carlo metric) it reads."""
PROGRAMME_LEVEL = frozenset({"bbp_effect_opgeschaald_pct"})
"""Outcomes that exist only for the programme (`totaal`), never beside a single region."""


def model_figures(definition: Definition, tables: Tables, periods: Sequence[str],
                  kept: MutableMapping[Hashable, Any] | None = None) -> list[Figure]:
    """The model KPI of `definition` per scope and period. With `kept` (a serving
    process's memory, as `engine.compute`) a scope's figures are kept under everything
    they read (`_scope_key`): a save of one region's file evaluates again that region and
    the totals holding it."""
    assert isinstance(definition.rule, ModelRule)
    field = OUTCOMES[definition.rule.outcome]
    programme_only = definition.rule.outcome in PROGRAMME_LEVEL
    params, params_source = _parameters(tables)
    scopes = [scope for scope in scopes_for(definition, tables)
              if not programme_only or scope.region == TOTAL]
    keys: dict[Scope, Hashable] = {}
    reused: dict[Scope, dict[Any, list[Figure]]] = {}
    if kept is not None:
        identity = repr(definition)
        for scope in scopes:
            key = keys[scope] = _scope_key(identity, definition, tables, periods, scope,
                                           params_source)
            if key in kept:
                reused[scope] = naming(kept, key, tables.commit)
    made: dict[Scope, dict[Any, list[Figure]]] = {s: {} for s in keys if s not in reused}
    figures = []
    for period in periods:
        for scope in scopes:
            if not scope.reports(period):
                continue
            if scope in reused:
                figures.extend(reused[scope][period])
                continue
            result, parts = evaluate_scope(tables, scope, period, params, definition.sources)
            central = getattr(result, field)
            extra_sources = [params_source] + ([scope.register] if scope.register else [])
            figure = Figure(
                indicator=definition.id,
                version=f"{definition.version}+parameters.{params.versie}",
                region=scope.region,
                period=period,
                value=central,
                unit=definition.unit,
                breakdown=scope.breakdown,
                sources=lineage(parts, tables, extra_sources),
                commit=tables.commit,
                extra=_extra(definition.rule.outcome, result, params),
            )
            if scope in made:
                made[scope][period] = [figure]
            figures.append(figure)
    for scope, found in made.items():
        kept[keys[scope]] = (tables.commit, found)  # type: ignore[index]
    return figures


def keep_model_figures(definition: Definition, tables: Tables, periods: Sequence[str],
                       found: Mapping[tuple[str, str], Mapping[tuple[str, tuple[str, ...]],
                                                               list[Figure]]],
                       kept: MutableMapping[Hashable, Any]) -> None:
    """Put each region's model figures of `definition` (`found`: (indicator, region) ->
    (period, breakdown columns) -> figures, as `engine.keep_figures` groups what `compute`
    gave) into `kept`, as `model_figures` would have. A region without a figure for a
    quarter it reports (none was computed) is left out: it is computed again."""
    assert isinstance(definition.rule, ModelRule)
    if definition.rule.outcome in PROGRAMME_LEVEL:
        return
    _, params_source = _parameters(tables)
    identity = repr(definition)
    for scope in scopes_for(definition, tables):
        if scope.region == TOTAL:
            continue
        mine = found.get((definition.id, scope.region), {})
        by_period = {period: mine.get((period, ()), [])
                     for period in periods if scope.reports(period)}
        if all(len(figures) == 1 for figures in by_period.values()):
            kept[_scope_key(identity, definition, tables, periods, scope, params_source)] = (
                tables.commit, by_period)


def _scope_key(identity: str, definition: Definition, tables: Tables, periods: Sequence[str],
               scope: Scope, params_source: SourceRows) -> Hashable:
    """What a scope's model figures read: the definition (`identity`, its repr), the scope
    (members, start, the register rows of a fase's members), the quarters, the parameter
    file (blob id) and the files (blob ids) of its members' rows of the model's sources.
    Not the commit the figures name: `naming` puts it in."""
    sources = tuple(r for r in MODEL_SOURCES if r in definition.sources)
    return ("model-scope", identity, scope, tuple(periods), params_source.blob, sources,
            tuple(tables.region_files(r).get(m, ()) for m in scope.members for r in sources))


def _extra(outcome: str, result: Any, params: Any) -> tuple[tuple[str, Any], ...]:
    """What a reader needs beside the value: parameters, meetjaar, denominators, horizon;
    for the yearly KPI the non-response bounds. No low/high: the range is the Monte Carlo."""
    extra: list[tuple[str, Any]] = [
        ("parameters", params.versie), ("meetjaar", result.meetjaar),
        ("aantal_gemeten", result.aantal_gemeten), ("deelnemers", result.deelnemers),
        ("horizon_jaren", result.parameter("effectduur_jaren"))]
    if outcome == "baten_per_deelnemer_per_jaar":
        extra += [("nonrespons_nul", result.per_jaar_nonrespons_nul),
                  ("nonrespons_gelijk", result.per_jaar_nonrespons_gelijk)]
    if outcome == "bbp_effect_opgeschaald_pct":
        extra += [("geplande_deelnemers_per_jaar",
                   result.parameter("geplande_deelnemers_per_jaar"))]
    return tuple(extra)


def scope_inputs(frames: dict[str, Any], meetjaar: int, *,
                 memo: MutableMapping[Any, Any] | None = None,
                 key: Callable[[str], Hashable] | None = None) -> list[Any]:
    """One EconomicInputs per region in the frames: each region's measured effect is
    extrapolated to its own participants reached, and a scope's total is their sum.
    Without `uitstroom` among the frames (a definition from before it was a model source)
    the decay is the parameter's.

    With a `memo`, a region's inputs are kept under `key(region)`, which must say
    everything its rows are chosen by and read from but the scope: a region's rows up to
    a period are the same in every scope that holds it (the region itself, `totaal`,
    `totaal` of its fase).
    """
    from generator.economics import inputs_from_frames

    regions = sorted(set(frames["instroom"][REGION]) | set(frames["arbeid"][REGION])
                     | set(frames["kosten"][REGION]))
    follow_up = frames.get("uitstroom")

    def inputs(region: str) -> Any:
        return inputs_from_frames(*(frames[r][frames[r][REGION] == region]
                                    for r in ("arbeid", "instroom", "kosten")),
                                  meetjaar=meetjaar,
                                  uitstroom=(follow_up[follow_up[REGION] == region]
                                             if follow_up is not None else None))

    if memo is None or key is None:
        return [inputs(region) for region in regions]
    found = []
    for region in regions:
        wanted = key(region)
        if wanted not in memo:
            memo[wanted] = inputs(region)
        found.append(memo[wanted])
    return found


KEEP_INPUTS = 5_000
_INPUTS = Kept(KEEP_INPUTS, name="economics-inputs")
"""A region's inputs up to a quarter that a process keeps (20 regions x 16 quarters is
320 per data state): a serving process then makes again only the inputs of the region
whose file changed. Named: kept by content, the next build or serve reads the last one's."""


def kept_inputs(tables: Tables, frames: dict[str, Any], period: str) -> list[Any]:
    """`scope_inputs` of a scope's `frames` (rows up to `period`), each region's kept by
    content for the process: the files (blob ids) its rows are read from, the quarter and
    the resources among the frames say everything its inputs read."""
    used = tuple(r for r in MODEL_SOURCES if r in frames)
    return scope_inputs(frames, int(period[:4]), memo=_INPUTS, key=lambda region: (
        "economics-inputs", region, period, used,
        tuple(tables.region_files(r).get(region, ()) for r in used)))


def evaluate_scope(tables: Tables, scope: Scope, period: str, params: Any,
                   sources: Sequence[str] = MODEL_SOURCES) -> tuple[Any, list[Part]]:
    """The model's central result for a scope's rows up to `period`, read from the
    definition's declared `sources` (MODEL_SOURCES, or the older set without `uitstroom`).

    The model KPIs read the same results, so they are kept on `tables` and computed once;
    and for the process by content (`_RESULTS`): a scope's result reads only its members'
    rows of the sources up to the period, and the parameters.
    """
    sources = tuple(r for r in MODEL_SOURCES if r in sources)
    key = ("economics", scope.members, period, sources)
    if key not in tables.memo:
        selected = {resource: _rows_up_to(tables, resource, scope.members, period)
                    for resource in sources}
        content = ("economics-result", scope.members, period, sources,
                   _parameters(tables)[1].blob,
                   tuple(tables.region_files(r).get(m, ()) for m in scope.members
                         for r in sources))
        if content not in _RESULTS:
            _RESULTS[content] = _evaluate(tables, scope, period, params, selected)
        tables.memo[key] = (_RESULTS[content], [Part(0, {r: p}) for r, p in selected.items()])
    return tables.memo[key]


KEEP_RESULTS = 2_000
_RESULTS = Kept(KEEP_RESULTS, name="economics-results")
"""The model's result per scope and quarter that a process keeps (23 scopes x 16 quarters
per data state): a serving process evaluates again only the scopes holding a changed file.
Named: kept by content, the next build or serve reads the last one's."""


def _evaluate(tables: Tables, scope: Scope, period: str, params: Any,
              selected: dict[str, np.ndarray]) -> Any:
    from generator.economics import evaluate  # only these KPIs need it

    frames = {resource: tables.frames[resource].iloc[positions]
              for resource, positions in selected.items()}
    try:
        parts = kept_inputs(tables, frames, period)
        if not parts:  # nothing delivered yet: one empty input gives zeros and None
            from generator.economics import inputs_from_frames

            parts = [inputs_from_frames(frames["arbeid"], frames["instroom"],
                                        frames["kosten"], meetjaar=int(period[:4]))]
        return evaluate(parts, params)
    except ValueError as error:
        raise UserError(f"Het economisch model kan {scope.region} tot en met {period} niet "
                        f"berekenen: {error}. Controleer arbeid, instroom en kosten.") from error


def _rows_up_to(tables: Tables, resource: str, members: tuple[str, ...], period: str) -> np.ndarray:
    times, regions = tables.time_and_region(resource, default_time_column(resource))
    return np.flatnonzero((times <= period) & np.isin(regions, members))


def _parameters(tables: Tables) -> tuple[Any, SourceRows]:
    from generator.economics import PARAMETERS_FILE, parse_parameters

    content = tables.extra_files.get(PARAMETERS_FILE)
    if content is None:
        raise UserError(f"{PARAMETERS_FILE} ontbreekt: het economisch model heeft zijn "
                        "parameters nodig.")
    key = ("economics-parameters", git_blob_id(content))
    if key not in tables.memo:
        tables.memo[key] = parse_parameters(yaml.safe_load(content.decode("utf-8")))
    return tables.memo[key], SourceRows(PARAMETERS_FILE, git_blob_id(content), ())
