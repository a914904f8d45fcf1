"""Indicator definitions as typed records: what `indicators/<id>.yml` says, after checking.

The YAML keys are Dutch (researchers write them); the records use English names. Only the
compute engine interprets a rule; this module merely holds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

Scalar = Union[str, int, float]

VALUE_OPERATORS = ("is", "is_niet", "in", "niet_in", "groter_dan", "kleiner_dan",
                   "minstens", "hoogstens", "leeg")
"""Filter operators that compare a column with a value given in the definition."""
COLUMN_OPERATORS = ("groter_dan_kolom", "kleiner_dan_kolom", "gelijk_aan_kolom")
"""Filter operators that compare a column with another column of the same row."""

DEFAULT_TIME_COLUMNS: dict[str, str] = {
    "trajecten": "beschikbaar_vanaf",
    "metingen": "cohort",
    "arbeid": "cohort",
}
"""The quarter a row belongs to; `periode` for every resource not listed."""

PHASE = "fase"
"""Breakdown of `totaal` by the regions' `fase` in `regios.csv` rather than by a column."""

MODEL_SOURCES: tuple[str, ...] = ("arbeid", "instroom", "kosten", "uitstroom")
"""What the economic model reads: per-cohort sums, participants reached, costs, and the
follow-up after 6 and 12 months (the decay of the effect)."""
LEGACY_MODEL_SOURCES: tuple[str, ...] = ("arbeid", "instroom", "kosten")
"""The model's sources before issue 11 (no follow-up: the decay was a parameter). Accepted so
that an edition pinned to an older commit still computes as it did."""


def default_time_column(resource: str) -> str:
    return DEFAULT_TIME_COLUMNS.get(resource, "periode")


@dataclass(frozen=True)
class Condition:
    column: str
    operator: str
    """One of VALUE_OPERATORS or COLUMN_OPERATORS."""
    operand: Any
    """A scalar, a tuple of scalars, a bool (`leeg`) or another column's name."""


@dataclass(frozen=True)
class Tally:
    """One resource, filtered, aggregated; additive over regions and cohorts/periods."""

    resource: str
    aggregation: str
    """`som` (of `column`), `aantal_rijen`, or `som_van_scores` (scores of `column`'s values)."""
    column: str | None = None
    scores: tuple[tuple[str, float], ...] = ()
    conditions: tuple[Condition, ...] = ()
    time: str = "cumulatief"
    """`cumulatief`: every row up to the period; `laatste_stand`: per key the latest row."""
    time_column: str = "periode"
    key: tuple[str, ...] = ()
    """Columns that identify a state for `laatste_stand` (e.g. `aspect`)."""


@dataclass(frozen=True)
class Ratio:
    """Numerator over denominator, each a tally; `totaal` divides the summed parts."""

    numerator: Tally
    denominator: Tally
    factor: float = 1.0
    interval: str | None = None
    """`wilson`: a share of counts, shown with its 95% Wilson score interval."""


@dataclass(frozen=True)
class Difference:
    """One tally minus another (e.g. improved minus worsened); additive like a tally."""

    plus: Tally
    minus: Tally


@dataclass(frozen=True)
class ModelRule:
    """A result of the economic model (generator.economics)."""

    outcome: str
    """A field of the model's result: see `compute/economics_adapter.OUTCOMES`."""


@dataclass(frozen=True)
class AttainmentRule:
    """Attainment of every target of every other indicator, in percent."""


Rule = Union[Tally, Ratio, Difference, ModelRule, AttainmentRule]


@dataclass(frozen=True)
class Target:
    value: float
    scope: str
    """`totaal` (the sum over the regions of `phase`, or all) or `per_regio` (each region)."""
    phase: str | None
    due: str
    """The quarter by which it should be met."""
    source: str
    note: str = ""

    def applies_to(self, region: str, region_phase: str | None, phase_cell: str | None) -> bool:
        """Whether this target is measured on the figure of `region` (with `fase` cell)."""
        if self.scope == "totaal":
            return region == "totaal" and phase_cell == self.phase
        return region != "totaal" and phase_cell is None and self.phase in (None, region_phase)


@dataclass(frozen=True)
class Expectation:
    """What the evaluation framework expects; reported beside the value, never a target."""

    source: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    note: str = ""


@dataclass(frozen=True)
class Definition:
    id: str
    version: str
    title: str
    description: str
    question: int
    unit: str
    rule: Rule
    sources: tuple[str, ...]
    file: str = ""
    """Repo-relative path of the YAML file."""
    blob: str = ""
    """Git blob id of the YAML file, for lineage."""
    kpi: bool = False
    position: int = 1000
    """Place in overviews (`volgorde`), ascending."""
    decimals: int | None = None
    breakdowns: tuple[tuple[str, ...], ...] = ()
    """Each a combination of columns; `(PHASE,)` is the split of `totaal` by fase."""
    order: str = "categorie"
    targets: tuple[Target, ...] = ()
    expectations: tuple[Expectation, ...] = ()
    caveats: tuple[str, ...] = ()

    @property
    def additive(self) -> bool:
        """True when `totaal` is the plain sum of the regions' values."""
        return isinstance(self.rule, Tally)

    @property
    def tallies(self) -> tuple[Tally, ...]:
        if isinstance(self.rule, Tally):
            return (self.rule,)
        if isinstance(self.rule, Ratio):
            return (self.rule.numerator, self.rule.denominator)
        if isinstance(self.rule, Difference):
            return (self.rule.plus, self.rule.minus)
        return ()

    @property
    def column_breakdowns(self) -> tuple[tuple[str, ...], ...]:
        return tuple(b for b in self.breakdowns if b != (PHASE,))

    @property
    def splits_by_phase(self) -> bool:
        """`totaal` is also computed per fase: declared, or needed to measure a target."""
        return (PHASE,) in self.breakdowns or any(
            t.scope == "totaal" and t.phase for t in self.targets)
