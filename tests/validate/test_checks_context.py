from __future__ import annotations

import pytest

from generator.contract import PERCENT_INDICATORS
from generator.validate.checks.context import check_percentages

from .helpers import flatten, path, region, table


def context(indicator: str, waarde: float | None) -> dict:
    return {"periode": "2024-Q1", "indicator": indicator, "waarde": waarde,
            "bron": "CBS StatLine (synthetisch)"}


@pytest.mark.parametrize("indicator", PERCENT_INDICATORS)
def test_percentages_from_0_to_100_pass(indicator: str) -> None:
    delivery = region(table("context", context(indicator, 0.0), context(indicator, 100.0)))
    assert flatten(check_percentages(delivery)) == []


@pytest.mark.parametrize("indicator", PERCENT_INDICATORS)
def test_percentage_above_100(indicator: str) -> None:
    delivery = region(table("context", context(indicator, 100.5)))
    problems = list(check_percentages(delivery))
    assert flatten(problems) == [(path("context"), 2, "waarde", "percentage-above-100")]
    assert "100.5" in problems[0].message


def test_vacancies_per_100_unemployed_is_not_a_percentage() -> None:
    delivery = region(table("context", context("vacatures_per_100_werklozen", 140.0),
                            context("werkloosheid_pct", None)))
    assert flatten(check_percentages(delivery)) == []
