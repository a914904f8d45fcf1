"""A process keeps each scope's Monte Carlo by content (`economy._RUNS`): a changed cell
draws again for its region and the totals, the other regions' runs are reused, and the
economy view is the one computed from scratch."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cache import Kept
from generator.compute import economics_adapter
from generator.publish import economy
from generator.publish.sitedata import compute_site_data
from generator.sources import open_snapshot
from tests.fixtures.handmade_repo import make_repo, set_cell

K = 1  # no suppression: every region's range is published


def view(root: Path) -> economy.EconomyView:
    data = compute_site_data(open_snapshot(root, None), K)
    assert data.economy is not None
    return data.economy


def scratch(root: Path) -> economy.EconomyView:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(economy, "_RUNS", Kept(economy.KEEP_RUNS))
        patch.setattr(economics_adapter, "_INPUTS", Kept(economics_adapter.KEEP_INPUTS))
        patch.setattr(economics_adapter, "_RESULTS", Kept(economics_adapter.KEEP_RESULTS))
        return view(root)


def ranges(found: economy.EconomyView) -> dict[tuple[str, str], list[object]]:
    return {key: [(f.figure_id, f.value, f.extra) for f in shown]
            for key, shown in found.regional_intervals.items()}


def test_a_changed_cell_draws_again_for_its_region_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(economy, "_RUNS", Kept(economy.KEEP_RUNS))
    make_repo(tmp_path)
    before = view(tmp_path)
    kept_runs = runs()
    set_cell(tmp_path / "data/noord/arbeid.csv", 2, "uren_per_week_t1", "150")
    changed = view(tmp_path)
    fresh = scratch(tmp_path)
    assert ranges(changed) == ranges(fresh)  # never a stale range
    assert changed.monte_carlo == fresh.monte_carlo
    differ = {key for key, shown in ranges(changed).items() if shown != ranges(before)[key]}
    assert differ and {region for _, region in differ} == {"noord"}
    # zuid's run is the kept one; noord's and the total's were drawn again
    latest = {key[1]: run for key, run in runs().items() if key[2] == before.period}
    earlier = {key[1]: run for key, run in kept_runs.items() if key[2] == before.period}
    assert latest[("zuid",)] is earlier[("zuid",)]
    for members in [("noord",), ("noord", "zuid")]:
        assert latest[members] is not earlier[members]
        assert latest[members] != earlier[members]


def runs() -> dict[tuple, object]:
    """The runs the process keeps, by key (read without reordering while iterating)."""
    keys = list(economy._RUNS)
    return {key: economy._RUNS[key] for key in keys}
