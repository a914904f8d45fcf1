"""Which indicator values a change moves: two computations compared, as Markdown.

Compared are the headline values (every region and `totaal`) at one period, the latest
quarter with data on either side, so a new quarter and a correction of an old one both
show up in the values a reader sees first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.compute.formatting import MISSING, format_change, format_value
from generator.compute.lineage import TOTAL, Figure
from generator.compute.pipeline import (
    Computation, InvalidData, compute_snapshot, validate_snapshot,
)
from generator.compute.data_frames import load_tables
from generator.indicators.definition import Definition
from generator.sources import open_snapshot

NOTHING_MOVED = "Geen indicatorwaarden veranderd."


@dataclass(frozen=True)
class Change:
    region: str
    definition: Definition
    before: float | int | None
    after: float | int | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def changes(base: Computation, head: Computation) -> list[Change]:
    """Headline figures whose value differs, ordered by region (`totaal` last), indicator."""
    before = _headline(base.figures)
    after = _headline(head.figures)
    definitions = {d.id: d for d in base.definitions} | {d.id: d for d in head.definitions}
    order = {d.id: i for i, d in enumerate(head.definitions)}
    found = []
    for key in before.keys() | after.keys():
        old, new = before.get(key), after.get(key)
        if not _same(old, new):
            found.append(Change(key[0], definitions[key[1]], old, new))
    return sorted(found, key=lambda c: (c.region == TOTAL, c.region,
                                        order.get(c.definition.id, len(order)), c.definition.id))


def _headline(figures: Sequence[Figure]) -> dict[tuple[str, str], float | int | None]:
    return {(f.region, f.indicator): f.value for f in figures if not f.breakdown}


def _same(old: float | int | None, new: float | int | None) -> bool:
    if old is None or new is None:
        return old is new
    return math.isclose(old, new, rel_tol=1e-9, abs_tol=1e-9)


def to_markdown(found: Sequence[Change], base: Computation, head: Computation) -> str:
    period = head.periods[0] if head.periods else MISSING
    lines = ["## Indicatorwaarden: wat deze wijziging verandert", "",
             f"Van {_name(base)} naar {_name(head)}, stand tot en met {period} "
             "(opgeteld vanaf de start van elke regio).", ""]
    if not found:
        return "\n".join(lines + [NOTHING_MOVED]) + "\n"
    lines += ["| regio | indicator | voor | na | verschil |", "|---|---|---:|---:|---:|"]
    for change in found:
        d = change.definition
        delta = change.delta
        cells = [change.region, d.title,
                 format_value(change.before, d.unit, d.decimals),
                 format_value(change.after, d.unit, d.decimals),
                 MISSING if delta is None else format_change(delta, d.unit, d.decimals)]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _name(computation: Computation) -> str:
    snapshot = computation.snapshot
    if snapshot.commit is None:
        return f"de {snapshot.label}"
    shown = f"`{snapshot.commit[:12]}`"
    return f"`{snapshot.ref}` ({shown})" if snapshot.ref and snapshot.ref != snapshot.commit else shown


def compare_refs(root: Path, base_ref: str, head_ref: str) -> str:
    """The Markdown summary of what going from `base_ref` to `head_ref` moves.

    Only the head is validated: the base is what was accepted before, and a change that
    makes the data invalid is reported by `validate`, not by a table of numbers.
    """
    base_snapshot, head_snapshot = open_snapshot(root, base_ref), open_snapshot(root, head_ref)
    try:
        validate_snapshot(head_snapshot)
    except InvalidData:
        return ("## Indicatorwaarden: wat deze wijziging verandert\n\n"
                f"De gegevens op `{head_ref}` zijn ongeldig; er is niets vergeleken. "
                "Zie de uitvoer van `impactmonitor validate`.\n")
    base_tables = load_tables(base_snapshot.files, base_snapshot.commit)
    head_tables = load_tables(head_snapshot.files, head_snapshot.commit)
    latest = [p for p in (base_tables.latest_period(), head_tables.latest_period()) if p]
    if not latest:
        return NOTHING_MOVED + "\n"
    period = max(latest)
    base = compute_snapshot(base_snapshot, [period], breakdowns=False)
    head = compute_snapshot(head_snapshot, [period], breakdowns=False)
    return to_markdown(changes(base, head), base, head)
