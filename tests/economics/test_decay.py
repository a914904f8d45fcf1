"""The yearly decay of the effect from the measured follow-up after 6 and 12 months."""

from __future__ import annotations

import pandas as pd
import pytest

from generator.economics import FollowUp, evaluate, monte_carlo
from generator.economics.frames import follow_up_from_uitstroom
from generator.economics.model import decay_from_follow_up

from .conftest import example_inputs, make_params

# Follow-up: of 10 active 6 months after leaving for work or mbo, 8 are active at 12 months.
#   half-year retention s = 8 / 10 = 0.8; yearly retention s² = 0.64; decay a = 1 − 0.64 = 0.36
#   F = 1 + 0.64 / 1.0225 + 0.64² / 1.0225² = 1 + 0.625916870415648 + 0.391771928670903
#     = 2.017688799086551
FOLLOW_UP = FollowUp(actief_6=10, actief_12=8)
FACTOR = 1 + 0.64 / 1.0225 + 0.64 ** 2 / 1.0225 ** 2


def test_decay_is_one_minus_the_squared_half_year_retention() -> None:
    assert decay_from_follow_up(0.8) == pytest.approx(0.36)
    assert decay_from_follow_up(1.0) == 0.0
    assert FOLLOW_UP.half_year_retention == 0.8
    assert FollowUp(0, 0).half_year_retention is None


def test_the_follow_up_replaces_the_decay_parameter(example_params) -> None:
    # The parameter (0.2 in the example) would give F = 2.3945; the follow-up gives 2.0177.
    result = evaluate(example_inputs(opvolging=FOLLOW_UP), example_params)
    assert result.jaarlijkse_afname_opvolging == pytest.approx(0.36)
    assert result.contantewaardefactor == pytest.approx(2.017688799086551, rel=1e-12)
    # 20,800 × F = 41,967.93; the yearly KPI (year 1) does not change: 7,800
    assert result.baten_gemeten == pytest.approx(20_800 * FACTOR, rel=1e-12)
    assert result.baten_per_deelnemer == pytest.approx(7_800.0)
    # The decay parameter no longer matters for this region.
    other = evaluate(example_inputs(opvolging=FOLLOW_UP), make_params({"jaarlijkse_afname": 0.0}))
    assert other.baten_gemeten == pytest.approx(result.baten_gemeten, rel=1e-12)


def test_without_anyone_active_at_six_months_the_parameter_is_used(example_params) -> None:
    result = evaluate(example_inputs(opvolging=FollowUp(0, 0)), example_params)
    assert result.jaarlijkse_afname_opvolging is None
    assert result.contantewaardefactor == pytest.approx(2.3945397265678707, rel=1e-12)


def test_each_region_decays_with_its_own_follow_up(example_params) -> None:
    a = example_inputs(opvolging=FOLLOW_UP)
    b = example_inputs(opvolging=FollowUp(4, 4))  # no decay: F = 1 + 1/1.0225 + 1/1.0225²
    both = evaluate([a, b], example_params)
    assert both.baten_gemeten == pytest.approx(
        20_800 * FACTOR + 20_800 * (1 + 1 / 1.0225 + 1 / 1.0225 ** 2), rel=1e-12)
    # Pooled for the reader: s = 12 / 14, a = 1 − (12/14)²
    assert both.jaarlijkse_afname_opvolging == pytest.approx(1 - (12 / 14) ** 2)


def test_the_follow_up_is_read_from_uitstroom_rows_to_work_or_mbo() -> None:
    uitstroom = pd.DataFrame({
        "bestemming": ["werk", "mbo", "werk_en_mbo", "geen", "werk", "vervolgtraject"],
        "aantal": [5, 3, 2, 4, 6, 2],
        "actief_na_6_maanden": [4, 3, 2, 1, 5, 2],
        "actief_na_12_maanden": [3, 2, 2, 1, None, 1],  # the 5th row: 12 months not known yet
    })
    assert follow_up_from_uitstroom(uitstroom) == FollowUp(actief_6=9, actief_12=7)
    assert follow_up_from_uitstroom(uitstroom.iloc[4:5]) is None


def test_the_monte_carlo_draws_the_retention_and_contains_the_central_value() -> None:
    params = make_params({"deadweight": (0.4, 0.5, 0.7)}, trekkingen=2_000)
    inputs = example_inputs(opvolging=FOLLOW_UP)
    run = monte_carlo(inputs, params)
    central = evaluate(inputs, params)
    interval = run["baten_per_bereikte_deelnemer"]
    assert interval.p5 < central.baten_per_bereikte_deelnemer < interval.p95
    # Only the follow-up is uncertain at a fixed deadweight: the range still has width.
    fixed = monte_carlo(inputs, make_params(trekkingen=2_000))["baten_per_bereikte_deelnemer"]
    assert fixed.p5 < evaluate(inputs, make_params()).baten_per_bereikte_deelnemer < fixed.p95
