"""What `impactmonitor kpi` prints: figures with their targets, as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from generator.compute.attainment import TARGET_KEY
from generator.compute.formatting import MISSING, format_value
from generator.compute.lineage import Figure
from generator.compute.pipeline import Computation
from generator.compute.targets import target_for
from generator.indicators.definition import AttainmentRule, Definition, Target


@dataclass(frozen=True)
class KpiEntry:
    figure: Figure
    definition: Definition
    target: Target | None

    def as_dict(self) -> dict[str, Any]:
        figure, definition, target = self.figure, self.definition, self.target
        return {
            "id": figure.indicator,
            "title": definition.title,
            "region": figure.region,
            "period": figure.period,
            "breakdown": dict(figure.breakdown),
            "value": figure.value,
            "unit": figure.unit,
            "target": target.value if target else None,
            "target_due": target.due if target else None,
            "expectations": [{"value": e.value, "low": e.low, "high": e.high, "source": e.source}
                             for e in definition.expectations],
            "figure_id": figure.figure_id,
            "version": figure.version,
            "details": dict(figure.extra),
            "suppressed": figure.suppressed,
        }


def kpi_entries(computation: Computation, region: str | None = None,
                breakdowns: bool = False) -> list[KpiEntry]:
    """The figures to show, in the engine's order (indicator, scope, cell).

    Without `breakdowns`: headline values, the fase split of `totaal` where a target is
    measured on it, and attainment of each target.
    """
    entries = []
    for figure in computation.figures:
        if region is not None and figure.region != region:
            continue
        definition = computation.definition(figure.indicator)
        target = target_for(definition, figure, computation.tables)
        attainment = isinstance(definition.rule, AttainmentRule)
        if breakdowns or not figure.breakdown or attainment or target is not None:
            entries.append(KpiEntry(figure, definition, target))
    return entries


def to_json(computation: Computation, entries: Sequence[KpiEntry]) -> str:
    return json.dumps({"commit": computation.snapshot.commit,
                       "indicators": [entry.as_dict() for entry in entries]},
                      ensure_ascii=False, indent=2)


CSV_COLUMNS = ("id", "region", "period", "breakdown", "value", "unit", "target", "target_due",
               "figure_id", "version")


def to_csv(entries: Sequence[KpiEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        data = entry.as_dict()
        data["breakdown"] = ";".join(f"{k}={v}" for k, v in entry.figure.breakdown)
        writer.writerow(["" if data[c] is None else data[c] for c in CSV_COLUMNS])
    return out.getvalue()


def scope_label(figure: Figure, computation: Computation | None = None) -> str:
    """`voorbeeld-noord`, `totaal`, `totaal · fase pilot`, `totaal · bestemming werk`.

    An attainment figure is labelled with the title of the indicator it measures.
    """
    cells = list(figure.breakdown)
    prefix = []
    if computation is not None and cells and cells[0][0] == TARGET_KEY:
        prefix = [computation.definition(cells.pop(0)[1]).title + ":"]
    return " ".join(prefix) + (" " if prefix else "") + " · ".join(
        [figure.region, *(f"{k} {v}" for k, v in cells)])


def goal_text(entry: KpiEntry) -> str:
    definition = entry.definition
    if entry.target:
        return f"≥ {format_value(entry.target.value, definition.unit, definition.decimals)}"
    if entry.figure.breakdown or not definition.expectations:
        return ""
    e = definition.expectations[0]
    if e.value is not None:
        return f"verwacht {format_value(e.value, definition.unit, definition.decimals)}"
    return (f"verwacht {format_value(e.low, definition.unit, definition.decimals)}–"
            f"{format_value(e.high, definition.unit, definition.decimals)}")


def to_table(computation: Computation, entries: Sequence[KpiEntry],
             hidden: Callable[[Figure], str] | None = None) -> str:
    """The entries as a text table; `hidden` labels a suppressed value (`<5`, `x`)."""
    period = computation.periods[0] if computation.periods else MISSING
    snapshot = computation.snapshot
    source = f"commit {snapshot.commit}" if snapshot.commit else snapshot.label
    header = ("Indicator", "Regio", "Waarde", "Doel", "Bereikt", "Uiterlijk")
    rows: list[tuple[str, ...]] = []
    previous = None
    for entry in entries:
        figure, definition, target = entry.figure, entry.definition, entry.target
        reached = ""
        if target and target.value and figure.value is not None:
            reached = format_value(100 * figure.value / target.value, "procent", 0)
        shown = (hidden(figure) if figure.suppressed and hidden is not None
                 else format_value(figure.value, definition.unit, definition.decimals))
        rows.append((definition.title if definition.id != previous else "", scope_label(figure, computation),
                     shown,
                     goal_text(entry), reached, target.due if target else ""))
        previous = definition.id
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    right = {2, 3, 4}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    lines = [f"Impactmonitor LLO Collectief: stand tot en met {period} "
             "(opgeteld vanaf de start van elke regio)",
             f"Gegevens: {source}", "", line(header), line(["-" * w for w in widths])]
    lines += [line(r) for r in rows]
    if not rows:
        lines.append("(geen waarden voor deze selectie)")
    return "\n".join(lines)

