"""Costs complete: development costs spread over the expected participants, lost leisure."""

from __future__ import annotations

import pandas as pd
import pytest

from generator.economics import evaluate
from generator.economics.frames import cost_items
from generator.economics.inputs import CostItem
from generator.economics.model import development_share

from .conftest import example_inputs, make_params

# The worked example (4 reached, benefits total 74,709.64, see test_model.py) with costs
# € 30,000 development (groeifonds) and € 10,000 delivery (regio), all in the meetjaar 2024.
ITEMS = (CostItem(2024, "ontwikkeling", "groeifonds", 30_000.0),
         CostItem(2024, "uitvoering", "regio", 10_000.0))
BATEN_TOTAAL = 74_709.63946891756


def test_development_share_is_reached_over_expected_at_most_one() -> None:
    assert development_share(4, 10) == pytest.approx(0.4)
    assert development_share(40, 10) == 1.0
    assert development_share(4, 0) == 1.0  # not spread (a file without the parameter)


def test_development_costs_count_for_the_share_of_participants_reached() -> None:
    # M = 10 expected: 4 / 10 = 0.4 of 30,000 = 12,000; plus 10,000 delivery = 22,000
    params = make_params({"verwachte_deelnemers_per_regio": 10.0})
    result = evaluate(example_inputs(kosten_posten=ITEMS), params)
    assert result.kosten == pytest.approx(22_000.0)
    assert dict(result.kosten_per_financier) == pytest.approx(
        {"groeifonds": 12_000.0, "regio": 10_000.0, "werkgevers": 0.0, "overig": 0.0})
    assert result.kosten_nominaal == 40_000.0
    assert result.netto_contante_waarde == pytest.approx(BATEN_TOTAAL - 22_000.0, rel=1e-12)


def test_lost_leisure_is_a_cost_in_npv_and_ratio() -> None:
    # l = 0.25: V = 74,709.64 × 0.25 = 18,677.41; NPV = 74,709.64 − 40,000 − 18,677.41
    #   = 16,032.23; ratio 74,709.64 / 58,677.41 = 1.27323
    result = evaluate(example_inputs(), make_params({"verlies_vrije_tijd": 0.25}))
    assert result.kosten_vrije_tijd == pytest.approx(BATEN_TOTAAL * 0.25, rel=1e-12)
    assert result.netto_contante_waarde == pytest.approx(BATEN_TOTAAL * 0.75 - 40_000, rel=1e-12)
    assert result.baten_kostenratio == pytest.approx(
        BATEN_TOTAAL / (40_000 + BATEN_TOTAAL * 0.25), rel=1e-12)
    # The benefit per participant itself (production) is unchanged: 7,800
    assert result.baten_per_deelnemer == pytest.approx(7_800.0)


def test_cost_items_are_summed_by_year_kind_and_financier() -> None:
    kosten = pd.DataFrame({
        "periode": ["2023-Q1", "2023-Q3", "2024-Q1", "2024-Q2"],
        "kostensoort": ["ontwikkeling", "ontwikkeling", "uitvoering", "uitvoering"],
        "financier": ["groeifonds", "groeifonds", "regio", "werkgevers"],
        "bedrag_eur": [100.0, 50.0, 20.0, 5.0]})
    assert cost_items(kosten) == (CostItem(2023, "ontwikkeling", "groeifonds", 150.0),
                                  CostItem(2024, "uitvoering", "regio", 20.0),
                                  CostItem(2024, "uitvoering", "werkgevers", 5.0))


def test_cost_items_must_add_up_to_the_total() -> None:
    with pytest.raises(ValueError, match="kosten_posten"):
        example_inputs(kosten_posten=ITEMS[:1])
