"""The GDP expectation (0,002%) is a programme figure after scale-up: never beside a region."""

from __future__ import annotations

from pathlib import Path

from generator.compute.lineage import TOTAL
from generator.compute.pipeline import compute_snapshot
from generator.sources import open_snapshot

REPO = Path(__file__).resolve().parents[2]


def test_no_region_has_a_figure_of_an_indicator_with_the_gdp_expectation() -> None:
    computation = compute_snapshot(open_snapshot(REPO))
    with_expectation = {d.id for d in computation.definitions
                        if any(e.value == 0.002 for e in d.expectations)}
    assert with_expectation == {"bbp_effect_opgeschaald"}
    regional = [f.figure_id for f in computation.figures
                if f.indicator in with_expectation and f.region != TOTAL]
    assert regional == []
    assert any(f.indicator == "bbp_effect_opgeschaald" and f.region == TOTAL
               for f in computation.figures)
