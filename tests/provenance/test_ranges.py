"""Row numbers as runs, in the page form (`2–14, 20`) and the manifest form (`2-14,20`)."""

from __future__ import annotations

import pytest

from generator.provenance.ranges import compact_ranges, format_ranges, parse_ranges, row_ranges


@pytest.mark.parametrize(("rows", "runs", "page", "manifest"), [
    ((), [], "", ""),
    ((7,), [(7, 7)], "7", "7"),
    ((2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 20), [(2, 14), (20, 20)], "2–14, 20", "2-14,20"),
    ((20, 3, 2, 4, 2), [(2, 4), (20, 20)], "2–4, 20", "2-4,20"),
    ((2, 4, 6), [(2, 2), (4, 4), (6, 6)], "2, 4, 6", "2,4,6"),
    ((9, 10), [(9, 10)], "9–10", "9-10"),
    ((1, 2, 5, 6, 7, 100), [(1, 2), (5, 7), (100, 100)], "1–2, 5–7, 100", "1-2,5-7,100"),
])
def test_runs(rows: tuple[int, ...], runs: list[tuple[int, int]], page: str, manifest: str) -> None:
    assert row_ranges(rows) == runs
    assert format_ranges(rows) == page
    assert compact_ranges(rows) == manifest
    assert parse_ranges(manifest) == sorted(set(rows))
    assert parse_ranges(page) == sorted(set(rows))
