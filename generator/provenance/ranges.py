"""Row numbers as ranges: `2, 3, 4, 9` -> `2–4, 9`, for pages, manifests and forge links."""

from __future__ import annotations

from collections.abc import Iterable

RANGE_DASH = "–"
"""En dash, as Dutch typography writes a range."""


def row_ranges(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs of the (deduplicated) rows as `(first, last)` pairs, ascending."""
    ordered = sorted(set(rows))
    if not ordered:
        return []
    if ordered[-1] - ordered[0] + 1 == len(ordered):  # one run, as most sources are
        return [(ordered[0], ordered[-1])]
    runs: list[tuple[int, int]] = []
    for row in ordered:
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def format_range(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}{RANGE_DASH}{last}"


def format_ranges(rows: Iterable[int]) -> str:
    """`2–14, 20`; empty text when there are no rows."""
    return ", ".join(format_range(a, b) for a, b in row_ranges(rows))


def compact_ranges(rows: Iterable[int]) -> str:
    """`2-14,20`: the machine form (ASCII, no spaces) a manifest stores; see `parse_ranges`."""
    return ",".join(f"{a}-{b}" if a != b else str(a) for a, b in row_ranges(rows))


def parse_ranges(text: str) -> list[int]:
    """The rows of `compact_ranges`' text (either dash accepted), ascending."""
    rows: list[int] = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        first, _, last = part.replace(RANGE_DASH, "-").partition("-")
        rows.extend(range(int(first), int(last or first) + 1))
    return rows
