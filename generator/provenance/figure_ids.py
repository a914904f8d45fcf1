"""Figure ids (`indicator.region.period[.key=value...]`) read back into their parts.

The compute stage makes the ids (`generator.compute.lineage.figure_id`); `trace` needs to
know which indicator and quarter to compute before any figure exists, so it parses them.
No part of an id contains a dot: indicator and region ids are lower case with `_` or `-`,
breakdown values are contract categories or slugs.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from generator.compute.lineage import figure_id
from generator.contract.quarters import QUARTER_PATTERN

SUGGESTIONS = 5


@dataclass(frozen=True)
class FigureKey:
    indicator: str
    region: str
    period: str
    breakdown: tuple[tuple[str, str], ...] = ()

    @property
    def figure_id(self) -> str:
        return figure_id(self.indicator, self.region, self.period, self.breakdown)

    @property
    def breakdown_keys(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.breakdown)


def parse_figure_id(text: str) -> FigureKey | None:
    """The parts of a well-formed id, or None when it cannot be one."""
    parts = text.strip().split(".")
    if len(parts) < 3 or not all(parts[:2]) or not QUARTER_PATTERN.match(parts[2]):
        return None
    breakdown = []
    for cell in parts[3:]:
        key, sep, value = cell.partition("=")
        if not (key and sep and value):
            return None
        breakdown.append((key, value))
    return FigureKey(parts[0], parts[1], parts[2], tuple(breakdown))


def closest_ids(text: str, known: Iterable[str], limit: int = SUGGESTIONS) -> list[str]:
    """The known ids most like `text`, best first (difflib's ratio, as `git` suggests)."""
    return difflib.get_close_matches(text.strip(), list(known), n=limit, cutoff=0.6)
