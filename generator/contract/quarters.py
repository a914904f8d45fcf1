"""Quarters (`YYYY-Qn`), the time unit of the data contract."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

QUARTER_PATTERN = re.compile(r"^([0-9]{4})-Q([1-4])$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    q: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        match = QUARTER_PATTERN.match(text)
        if not match:
            raise ValueError(f"not a quarter: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of_date(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def next(self) -> Quarter:
        return Quarter(self.year + (self.q == 4), self.q % 4 + 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.q}"


def parse_quarter(text: object) -> Quarter | None:
    """The quarter a cell holds, or None when it is empty or malformed."""
    if isinstance(text, str) and QUARTER_PATTERN.match(text):
        return Quarter.parse(text)
    return None


def quarter_range(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from first to last, both included."""
    quarters = []
    current = first
    while current <= last:
        quarters.append(current)
        current = current.next()
    return quarters
