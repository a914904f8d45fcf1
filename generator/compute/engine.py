"""The engine: every indicator's values per scope, period and breakdown cell, as Figures.

Pure: frames and definitions in, Figures out. The only place that knows how a rule
aggregates (tallies and ratios here, the economic model in `model.py`, attainment of
targets in `attainment.py`).
"""

from __future__ import annotations

from collections.abc import Hashable, MutableMapping, Sequence
from dataclasses import replace
from typing import Any

from generator.compute.attainment import attainment_figures
from generator.compute.lineage import TOTAL, Figure, naming
from generator.compute.economics_adapter import keep_model_figures, model_figures
from generator.compute.scopes import Scope, scopes_for
from generator.compute.data_frames import Tables
from generator.compute.tally import Cell, Part, TallyEvaluator, lineage, sort_cells
from generator.compute.intervals import wilson_interval
from generator.indicators.definition import (
    PHASE,
    AttainmentRule,
    Definition,
    Difference,
    ModelRule,
    Ratio,
    Tally,
)


def compute(tables: Tables, definitions: Sequence[Definition], periods: Sequence[str], *,
            breakdowns: bool = True,
            kept: MutableMapping[Hashable, Any] | None = None) -> list[Figure]:
    """All figures of `definitions` for `periods` (each cumulative up to that quarter).

    With `breakdowns=False` only the headline values and the split of `totaal` by fase
    (which targets are measured on) are computed: enough for `kpi` and `diff`.

    With `kept` (a serving process's memory) the figures of a tally, ratio or difference
    for one scope (a region, `totaal`) are kept under everything they read (`_scope_key`),
    so a rebuild after one region's file changed computes again only that region and the
    totals of the rules that read the changed resource; the model's figures likewise
    (`economics_adapter.model_figures`).
    """
    figures: list[Figure] = []
    for definition in definitions:
        if isinstance(definition.rule, (Tally, Ratio, Difference)):
            figures.extend(rule_figures(definition, tables, periods, breakdowns, kept))
        elif isinstance(definition.rule, ModelRule):
            figures.extend(model_figures(definition, tables, periods, kept))
        elif isinstance(definition.rule, AttainmentRule):
            figures.extend(attainment_figures(definition, definitions, figures, tables))
    return figures


RegionFigures = dict[tuple[str, tuple[str, ...]], list[Figure]]
"""(period, breakdown spec) -> one region's figures of one rule, in the engine's order."""


def rule_figures(definition: Definition, tables: Tables, periods: Sequence[str],
                 breakdowns: bool = True,
                 kept: MutableMapping[Hashable, Any] | None = None) -> list[Figure]:
    evaluators = [TallyEvaluator(t, tables.frames[t.resource]) for t in definition.tallies]
    specs: list[tuple[str, ...]] = [()]
    if breakdowns:
        specs += list(definition.column_breakdowns)
    cells = {spec: _cells(spec, evaluators) for spec in specs}
    scopes = scopes_for(definition, tables)
    keys: dict[Scope, Hashable] = {}
    reused: dict[Scope, RegionFigures] = {}
    if kept is not None:
        identity = repr(definition)
        for scope in scopes:
            key = keys[scope] = _scope_key(identity, definition, tables, periods, scope, cells,
                                           evaluators)
            if key in kept:
                reused[scope] = naming(kept, key, tables.commit)
    made: dict[Scope, RegionFigures] = {scope: {} for scope in keys if scope not in reused}
    figures = []
    for period in periods:
        for spec in specs:
            for scope in scopes:
                if not scope.reports(period) or (scope.phase and spec):
                    continue  # fase splits totaal on its own, never combined with columns
                if scope in reused:
                    figures.extend(reused[scope][(period, spec)])
                    continue
                batch = []
                for cell in cells[spec]:
                    parts = [e.part(period, spec, cell, scope.members) for e in evaluators]
                    figure = _figure(definition, tables, scope, period, spec, cell, parts)
                    batch.append(_labelled(figure, evaluators))
                if scope in made:
                    made[scope][(period, spec)] = batch
                figures.extend(batch)
    for scope, found in made.items():
        kept[keys[scope]] = (tables.commit, found)  # type: ignore[index]
    return figures


def keep_figures(tables: Tables, definitions: Sequence[Definition], periods: Sequence[str],
                 figures: Sequence[Figure], kept: MutableMapping[Hashable, Any]) -> None:
    """Put each region's figures of every rule among `figures` (what `compute` gave for
    these tables, definitions and periods, with breakdowns, e.g. read back from the cache)
    into `kept`, as `rule_figures` and `model_figures` would have: a serving process that
    started on a warm cache then computes only the changed region (and the totals holding
    it) on its first save too. A rule's totals are kept as well; the model's are not, but
    their results are, by content, in the model's own named stores."""
    found: dict[tuple[str, str], RegionFigures] = {}
    for figure in figures:
        spec = tuple(column for column, _ in figure.breakdown)
        found.setdefault((figure.indicator, figure.region), {}).setdefault(
            (figure.period, spec), []).append(figure)
    for definition in definitions:
        if isinstance(definition.rule, ModelRule):
            keep_model_figures(definition, tables, periods, found, kept)
            continue
        if not isinstance(definition.rule, (Tally, Ratio, Difference)):
            continue
        evaluators = [TallyEvaluator(t, tables.frames[t.resource]) for t in definition.tallies]
        specs = [(), *definition.column_breakdowns]
        cells = {spec: _cells(spec, evaluators) for spec in specs}
        identity = repr(definition)
        scopes = scopes_for(definition, tables)
        if any(scope.phase for scope in scopes) and any(PHASE in spec for spec in specs):
            scopes = [scope for scope in scopes if scope.region != TOTAL]  # fase twice: unsure
        for scope in scopes:
            mine = found.get((definition.id, scope.region), {})
            if scope.phase:  # a fase's total: fase=<phase> among the total's figures
                mine = {(period, ()): [f for f in mine.get((period, (PHASE,)), [])
                                       if f.breakdown == scope.breakdown]
                        for period in periods}
            batches = {(period, spec): mine.get((period, spec), [])
                       for period in periods if scope.reports(period)
                       for spec in specs if not (scope.phase and spec)}
            # As `rule_figures` makes them: one figure per cell, or the scope is made again.
            if all(len(batch) == len(cells[spec]) for (_, spec), batch in batches.items()):
                kept[_scope_key(identity, definition, tables, periods, scope, cells,
                                evaluators)] = (tables.commit, batches)


def _scope_key(identity: str, definition: Definition, tables: Tables, periods: Sequence[str],
               scope: Scope, cells: dict[tuple[str, ...], list[Cell]],
               evaluators: list[TallyEvaluator]) -> Hashable:
    """What a scope's figures of a rule read: the definition (`identity`, its repr), the
    scope (its members, when it starts reporting, for `totaal` of a fase the register rows
    that decide them), the files (blob ids) its members' rows come from, the quarters, the
    breakdown cells (found over every region: a region shows a cell it has no rows in) and
    the free-text labels (idem). A region's figures are reused while its own files are
    the same; a total's while every member's are (a save of one region's file computes
    again the totals of the rules that read that resource only).
    Not the commit the figures name: `naming` puts it in."""
    return ("rule-scope", identity, scope, tuple(periods),
            tuple((spec, tuple(found)) for spec, found in cells.items()),
            tuple(tuple(sorted(e.labels.items())) for e in evaluators),
            tuple(tables.region_files(t.resource).get(member, ())
                  for t in definition.tallies for member in scope.members))


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
