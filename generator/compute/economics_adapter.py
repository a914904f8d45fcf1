"""Adapter to the economic model (`generator.economics`): its two KPIs as Figures.

The engine selects the rows (a scope's regions, cohorts and periods up to the period) and
hands them over; the model's maths stay in `generator.economics`. The parameter file is
read from the same snapshot as the data, so a value at a ref uses the parameters of that
ref.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import yaml

from generator.compute.lineage import Figure, SourceRows
from generator.compute.scopes import Scope, scopes_for
from generator.compute.data_frames import Tables
from generator.compute.tally import Part, lineage
from generator.errors import UserError
from generator.indicators.definition import MODEL_SOURCES, Definition, ModelRule, default_time_column
from generator.sources import git_blob_id

SCENARIOS = ("low", "central", "high")
OUTCOMES = {
    "baten_per_deelnemer": lambda result: result.baten_per_deelnemer,
    "bbp_effect_pct": lambda result: result.bbp_effect_pct,
}
"""`regel.uitkomst` -> how to read it from an `EconomicResult`."""


def model_figures(definition: Definition, tables: Tables, periods: Sequence[str]) -> list[Figure]:
    assert isinstance(definition.rule, ModelRule)
    outcome = OUTCOMES[definition.rule.outcome]
    params, params_source = _parameters(tables)
    figures = []
    for period in periods:
        for scope in scopes_for(definition, tables):
            if not scope.reports(period):
                continue
            results, parts = evaluate_scope(tables, scope, period, params)
            low, central, high = (outcome(results[s]) for s in SCENARIOS)
            extra_sources = [params_source] + ([scope.register] if scope.register else [])
            figures.append(Figure(
                indicator=definition.id,
                version=f"{definition.version}+parameters.{params.versie}",
                region=scope.region,
                period=period,
                value=central,
                unit=definition.unit,
                breakdown=scope.breakdown,
                sources=lineage(parts, tables, extra_sources),
                commit=tables.commit,
                extra=(("laag", low), ("hoog", high), ("parameters", params.versie),
                       ("meetjaar", results["central"].meetjaar),
                       ("aantal_gemeten", results["central"].aantal_gemeten)),
            ))
    return figures


def evaluate_scope(tables: Tables, scope: Scope, period: str,
                   params: Any) -> tuple[dict[str, Any], list[Part]]:
    """The model's low, central and high result for a scope's rows up to `period`.

    Both model KPIs read the same results, so they are kept on `tables` and computed once.
    """
    key = ("economics", scope.members, period)
    if key not in tables.memo:
        from generator.economics import evaluate, inputs_from_frames  # only these KPIs need it

        selected = {resource: _rows_up_to(tables, resource, scope.members, period)
                    for resource in MODEL_SOURCES}
        frames = {resource: tables.frames[resource].iloc[positions]
                  for resource, positions in selected.items()}
        try:
            inputs = inputs_from_frames(frames["arbeid"], frames["instroom"], frames["kosten"],
                                        meetjaar=int(period[:4]))
            results = {s: evaluate(inputs, params, s) for s in SCENARIOS}
        except ValueError as error:
            raise UserError(f"Het economisch model kan {scope.region} tot en met {period} niet "
                            f"berekenen: {error}. Controleer arbeid, instroom en kosten.") from error
        tables.memo[key] = (results, [Part(0, {r: p}) for r, p in selected.items()])
    return tables.memo[key]


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
