"""The engine: every indicator's values per scope, period and breakdown cell, as Figures.

Pure: frames and definitions in, Figures out. The only place that knows how a rule
aggregates (tallies and ratios here, the economic model in `model.py`, attainment of
targets in `attainment.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from generator.compute.attainment import attainment_figures
from generator.compute.lineage import Figure
from generator.compute.economics_adapter import model_figures
from generator.compute.scopes import Scope, scopes_for
from generator.compute.data_frames import Tables
from generator.compute.tally import Cell, Part, TallyEvaluator, lineage, sort_cells
from generator.compute.intervals import wilson_interval
from generator.indicators.definition import (
    AttainmentRule,
    Definition,
    Difference,
    ModelRule,
    Ratio,
    Tally,
)


def compute(tables: Tables, definitions: Sequence[Definition], periods: Sequence[str], *,
            breakdowns: bool = True) -> list[Figure]:
    """All figures of `definitions` for `periods` (each cumulative up to that quarter).

    With `breakdowns=False` only the headline values and the split of `totaal` by fase
    (which targets are measured on) are computed: enough for `kpi` and `diff`.
    """
    figures: list[Figure] = []
    for definition in definitions:
        if isinstance(definition.rule, (Tally, Ratio, Difference)):
            figures.extend(rule_figures(definition, tables, periods, breakdowns))
        elif isinstance(definition.rule, ModelRule):
            figures.extend(model_figures(definition, tables, periods))
        elif isinstance(definition.rule, AttainmentRule):
            figures.extend(attainment_figures(definition, definitions, figures, tables))
    return figures


def rule_figures(definition: Definition, tables: Tables, periods: Sequence[str],
                 breakdowns: bool = True) -> list[Figure]:
    evaluators = [TallyEvaluator(t, tables.frames[t.resource]) for t in definition.tallies]
    specs: list[tuple[str, ...]] = [()]
    if breakdowns:
        specs += list(definition.column_breakdowns)
    cells = {spec: _cells(spec, evaluators) for spec in specs}
    scopes = scopes_for(definition, tables)
    figures = []
    for period in periods:
        for spec in specs:
            for scope in scopes:
                if not scope.reports(period) or (scope.phase and spec):
                    continue  # fase splits totaal on its own, never combined with columns
                for cell in cells[spec]:
                    parts = [e.part(period, spec, cell, scope.members) for e in evaluators]
                    figure = _figure(definition, tables, scope, period, spec, cell, parts)
                    figures.append(_labelled(figure, evaluators))
    return figures


def _labelled(figure: Figure, evaluators: list[TallyEvaluator]) -> Figure:
    """Attach the original text of free-text cells (the breakdown holds their slug)."""
    labels = tuple({column: text for column, key in figure.breakdown for e in evaluators
                    if (text := e.labels.get((column, key))) is not None}.items())
    return replace(figure, extra=figure.extra + (("labels", labels),)) if labels else figure


def _cells(spec: tuple[str, ...], evaluators: list[TallyEvaluator]) -> list[Cell]:
    if not spec:
        return [()]
    found = [cell for e in evaluators for cell in e.cells(spec)]
    return sort_cells(found, spec, [e.tally.resource for e in evaluators])


def _figure(definition: Definition, tables: Tables, scope: Scope, period: str,
            spec: tuple[str, ...], cell: Cell, parts: list[Part]) -> Figure:
    return Figure(
        indicator=definition.id,
        version=definition.version,
        region=scope.region,
        period=period,
        value=combine(definition, parts),
        unit=definition.unit,
        breakdown=scope.breakdown + tuple(zip(spec, cell)),
        sources=lineage(parts, tables, [scope.register] if scope.register else []),
        commit=tables.commit,
        extra=_interval(definition, parts),
    )


def _interval(definition: Definition, parts: list[Part]) -> tuple[tuple[str, object], ...]:
    """A share's 95% Wilson interval beside its value (same unit), when the rule asks."""
    rule = definition.rule
    if not isinstance(rule, Ratio) or rule.interval != "wilson" or not parts[1].value:
        return ()
    low, high = wilson_interval(parts[0].value, parts[1].value)
    return (("interval", "wilson 95%"), ("interval_laag", rule.factor * low),
            ("interval_hoog", rule.factor * high))


def combine(definition: Definition, parts: list[Part]) -> int | float | None:
    """A tally's value, plus minus min, or numerator over denominator; None when nothing to
    divide by."""
    rule = definition.rule
    if isinstance(rule, Tally):
        return parts[0].value
    if isinstance(rule, Difference):
        return parts[0].value - parts[1].value
    numerator, denominator = parts[0].value, parts[1].value
    if not denominator:
        return None
    return rule.factor * numerator / denominator
