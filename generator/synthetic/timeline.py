"""Quarter arithmetic the generator needs beyond `contract.quarters`."""

from __future__ import annotations

from generator.contract import Quarter


def _ordinal(quarter: Quarter) -> int:
    return quarter.year * 4 + quarter.q - 1


def shift(quarter: Quarter, quarters: int) -> Quarter:
    """The quarter `quarters` later (earlier when negative)."""
    ordinal = _ordinal(quarter) + quarters
    return Quarter(ordinal // 4, ordinal % 4 + 1)


def distance(first: Quarter, second: Quarter) -> int:
    """How many quarters `second` lies after `first` (negative when before)."""
    return _ordinal(second) - _ordinal(first)
