"""`trace`: one figure's lineage, computed afresh from the data at a ref, and checked.

Two checks: the value is computed again from only the rows its lineage lists (a row that
went in unlisted would change it), and, with `expect`, compared with a value as a reader
saw it on the site (`1.234`, `12,5%`, `€ 1.234` or a machine number).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.compute.formatting import MISSING, format_value
from generator.compute.lineage import Figure
from generator.compute.pipeline import all_periods, validate_snapshot
from generator.compute.data_frames import DATA_DIR, REGISTER_PATH, load_tables
from generator.indicators import Definition, load_definitions
from generator.provenance.environment import code_commit, tool_versions
from generator.provenance.facts import validation_summary
from generator.provenance.figure_ids import closest_ids, parse_figure_id
from generator.provenance.resolve import all_ids, figures_for, restrict
from generator.sources import Snapshot, open_snapshot

SUPPRESSION_LABELS = ("onderdrukt", "x")
"""What the site shows for a hidden cell, besides `<k`: nothing to compare a value with."""
_DUTCH_NUMBER = re.compile(r"^-?(?:€\s?)?\d{1,3}(?:\.\d{3})*(?:,(?P<decimals>\d+))?\s?%?$")


@dataclass(frozen=True)
class Trace:
    figure: Figure
    definition: Definition | None
    snapshot: Snapshot
    validation: dict[str, Any] | None
    """`validation_summary` of the data at the ref; None when not validated."""
    code_commit: str | None
    tool_versions: dict[str, str]
    rows_only_value: float | int | None
    """The value computed from only the listed rows (None when it yields no figure)."""
    rows_only_matches: bool
    expected: str | None = None
    expected_matches: bool | None = None
    """None when nothing was expected, or the site hides the value (`<5`)."""

    @property
    def ok(self) -> bool:
        return self.rows_only_matches and self.expected_matches is not False

    @property
    def command(self) -> str:
        """What recomputes this figure; without `--ref` only for uncommitted data."""
        ref = f" --ref {self.snapshot.commit}" if self.snapshot.commit else ""
        return f"impactmonitor trace {self.figure.figure_id}{ref}"

    def shown(self, value: float | int | None) -> str:
        """A value as the site writes it (Dutch notation, the definition's decimals)."""
        decimals = self.definition.decimals if self.definition else None
        return format_value(value, self.figure.unit, decimals)


@dataclass(frozen=True)
class Unknown:
    figure_id: str
    snapshot: Snapshot
    suggestions: list[str] = field(default_factory=list)


def trace(root: Path, figure_id: str, ref: str | None = None, *,
          expect: str | None = None, validate: bool = True) -> Trace | Unknown:
    """Validate and compute at `ref` (None: the working tree) what `figure_id` needs.

    Validation takes half the time; `validate=False` skips it (and the result says so)
    for an auditor tracing many figures of a commit a build has already validated.
    """
    snapshot = open_snapshot(root, ref)
    validation = validation_summary(validate_snapshot(snapshot)) if validate else None
    tables = load_tables(snapshot.files, snapshot.commit)
    definitions = load_definitions(snapshot.files)
    periods = all_periods(tables)
    latest = periods[-1] if periods else None
    key = parse_figure_id(figure_id)
    figure = None
    if key is not None and key.period in periods:
        figure = figures_for(key, snapshot, tables, definitions, latest).get(key.figure_id)
    if figure is None or key is None:
        period = key.period if key is not None and key.period in periods else latest
        known = all_ids(snapshot, tables, definitions, period, latest) if period else []
        return Unknown(figure_id, snapshot, closest_ids(figure_id, known))
    again = figures_for(key, snapshot, restrict(tables, figure.sources), definitions,
                        latest).get(key.figure_id)
    definition = next((d for d in definitions if d.id == figure.indicator), None)
    found = Trace(figure, definition, snapshot, validation, code_commit(),
                  tool_versions(), again.value if again else None,
                  _rows_only_matches(figure, again))
    if expect is None:
        return found
    return replace(found, expected=expect, expected_matches=matches_expected(found, expect))


def _rows_only_matches(figure: Figure, again: Figure | None) -> bool:
    """Same value from the listed rows; no figure at all is right only when no data rows
    are listed and the value is what counting nothing gives (0, or none to divide by)."""
    if again is not None:
        return same_value(figure.value, again.value)
    listed = any(s.rows for s in figure.sources
                 if s.file.startswith(f"{DATA_DIR}/") and s.file != REGISTER_PATH)
    return not listed and figure.value in (0, None)


def same_value(a: float | int | None, b: float | int | None) -> bool:
    """Equal numbers; floats within 1e-9 relative (a sum in another order may differ in
    the last bit, which no page shows)."""
    if a is None or b is None:
        return a is b
    return a == b or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def matches_expected(found: Trace, expected: str) -> bool | None:
    """Whether `expected` is this figure's value as the site shows it or as a number.

    None when `expected` is a suppression label: the site hid the value, so there is
    nothing to compare (the audit entry says the cell is suppressed).
    """
    text = expected.strip()
    if text.lower() in SUPPRESSION_LABELS or text.startswith("<"):
        return None
    value = found.figure.value
    if text in ("", MISSING, "null", "None"):
        return value is None
    if _normalised(text) == _normalised(found.shown(value)):
        return True
    # Tables and charts write a value with the unit's usual decimals (more for a small
    # value), cards with the definition's: the number as written says how many it has.
    dutch = _DUTCH_NUMBER.match(text.replace("\u00a0", " ").replace("\u202f", " "))
    if dutch and value is not None:
        decimals = len(dutch.group("decimals") or "")
        if _normalised(text) == _normalised(format_value(value, found.figure.unit, decimals)):
            return True
    try:
        number = float(text)
    except ValueError:
        return False
    return value is not None and same_value(value, number)


def _normalised(text: str) -> str:
    """`€ 1.234`, `€1.234` and `1.234` alike; `12,5%` and `12,5` alike."""
    return "".join(c for c in text if c not in "€% \u00a0\u202f")
