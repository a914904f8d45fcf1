"""The Wilson interval of a share, and a difference rule's value (plus minus min)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.compute.engine import combine
from generator.compute.intervals import wilson_interval
from generator.compute.tally import Part
from generator.indicators.parse import parse_definition

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("successes", "total", "low", "high"), [
    # Published Wilson 95% intervals (e.g. Newcombe 1998, table I):
    (7, 10, 0.3968, 0.8922),
    (0, 10, 0.0, 0.2775),    # no collapse to a point at 0
    (10, 10, 0.7225, 1.0),
])
def test_wilson_interval_against_published_values(successes, total, low, high) -> None:
    found = wilson_interval(successes, total)
    assert found == pytest.approx((low, high), abs=1e-4)


@pytest.mark.parametrize("successes, total", [(1, 3), (12, 40), (39, 40)])
def test_the_interval_contains_the_share_and_stays_within_zero_and_one(successes, total) -> None:
    low, high = wilson_interval(successes, total)
    assert 0 <= low < successes / total < high <= 1


def test_a_difference_is_plus_minus_min() -> None:
    path = REPO / "indicators" / "verbetering_arbeidsmarktpositie_netto.yml"
    definition = parse_definition(yaml.safe_load(path.read_text(encoding="utf-8")))
    # 12 improved to rung 4 or higher, 5 fell from rung 4 or higher: net 7
    assert combine(definition, [Part(12), Part(5)]) == 7
    assert combine(definition, [Part(2), Part(5)]) == -3
