"""Values with their provenance: what every computed number carries from the moment it exists.

The site, `trace` and `verify` only read these records; they never reconstruct where a
number came from.
"""

from __future__ import annotations

from collections.abc import Hashable, MutableMapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

TOTAL = "totaal"
"""The region id used for the sum over all regions."""


@dataclass(frozen=True)
class SourceRows:
    """The rows of one data file that went into a value."""

    file: str
    """Repo-relative POSIX path, e.g. `data/voorbeeld-noord/instroom.csv`."""
    blob: str
    """Git blob id of the file's content."""
    rows: tuple[int, ...]
    """Spreadsheet row numbers (header = 1), ascending."""


@dataclass(frozen=True)
class Figure:
    """One computed value and everything needed to audit it."""

    indicator: str
    version: str
    """Version of the indicator definition (or model parameters) it was computed with."""
    region: str
    """A region id or `totaal`."""
    period: str
    """Last quarter included (`YYYY-Qn`); values are cumulative up to it."""
    value: float | int | None
    unit: str
    breakdown: tuple[tuple[str, str], ...] = ()
    """Category filters of a breakdown cell, e.g. `(("bestemming", "werk"),)`."""
    sources: tuple[SourceRows, ...] = ()
    commit: str | None = None
    """Full sha of the commit the data were read at; None for an uncommitted working tree."""
    suppressed: bool = False
    """True when disclosure control hides the value on the site."""
    extra: tuple[tuple[str, Any], ...] = field(default=(), compare=False)
    """Further named details (scenario, parameters), shown in the audit entry."""

    @cached_property
    def figure_id(self) -> str:
        """Stable, URL- and anchor-safe id: `indicator.region.period[.key=value...]`.

        Made once per figure (every index and page looks figures up by it); the fields it
        is made of are frozen, and `replace` makes a new figure."""
        return figure_id(self.indicator, self.region, self.period, self.breakdown)

    def __getstate__(self) -> dict[str, Any]:
        """The fields only: the id made on reading is left out of a pickle."""
        state = dict(self.__dict__)
        state.pop("figure_id", None)
        return state


def figure_id(indicator: str, region: str, period: str,
              breakdown: tuple[tuple[str, str], ...] = ()) -> str:
    if not breakdown:
        return f"{indicator}.{region}.{period}"
    return ".".join([indicator, region, period, *(f"{key}={value}" for key, value in breakdown)])


def naming(kept: MutableMapping[Hashable, Any], key: Hashable,
           commit: str | None) -> dict[Any, list[Figure]]:
    """Figures a serving process kept under `key` (as `(commit, {at: [Figure]})`), naming
    `commit`: the commit is a label of the figures, not an input of their values (the
    first save after a clean checkout changes only it)."""
    then, found = kept[key]
    if then != commit:
        found = {at: [replace(f, commit=commit) for f in batch] for at, batch in found.items()}
        kept[key] = (commit, found)
    return found  # type: ignore[no-any-return]
