"""Rows as the builders hand them over, the cell types that fix number formats, and order."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from generator import contract
from generator.contract import Quarter


@dataclass(frozen=True)
class Money:
    """Euro amount kept in cents, so sums are exact and always print with two decimals."""

    cents: int

    def __str__(self) -> str:
        return f"{self.cents // 100}.{self.cents % 100:02d}"


@dataclass(frozen=True)
class Tenths:
    """A number with one decimal (hours, percentages), kept in tenths for exact sums."""

    tenths: int

    def __str__(self) -> str:
        return f"{self.tenths // 10}.{self.tenths % 10}"


Cell = str | int | Quarter | Money | Tenths | None
Row = dict[str, Cell]


def format_cell(value: Cell) -> str:
    """The CSV text of a cell: empty for None, integers without a decimal point."""
    if value is None:
        return ""
    return str(value)


@cache
def enum_rank(resource: str, field_name: str) -> dict[str, int]:
    """Position of each allowed value, so rows sort in the contract's own order."""
    values = contract.field(resource, field_name)["constraints"]["enum"]
    return {value: i for i, value in enumerate(values)}


def by_enum(resource: str, field_name: str, value: str) -> int:
    return enum_rank(resource, field_name)[value]
