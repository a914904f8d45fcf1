"""Typed access to cells for the checks: a cell of the wrong type reads as None.

The loader already turns cells that fail their type into None, but checks also run on
hand-built tables; reading through these helpers keeps every check from raising on a
value it did not expect.
"""

from __future__ import annotations

from generator.contract import Quarter, parse_quarter
from generator.validate.rows import Row


def integer(row: Row, name: str) -> int | None:
    value = row[name]
    # bool is an int subclass, but never a count.
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def number(row: Row, name: str) -> float | None:
    value = row[name]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def text(row: Row, name: str) -> str | None:
    value = row[name]
    return value if isinstance(value, str) and value != "" else None


def quarter(row: Row, name: str) -> Quarter | None:
    return parse_quarter(row[name])


def amount(value: float) -> str:
    """A figure as a data steward wrote it: `12` rather than `12.0`."""
    return str(int(value)) if float(value).is_integer() else str(value)
