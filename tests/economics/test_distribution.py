"""The distribution table per party: transfers shown, cancelling, and the NPV as its sum."""

from __future__ import annotations

import pytest

from generator.economics import evaluate
from generator.economics.inputs import CohortWork, CostItem
from generator.economics.result import PARTIES, TRANSFER_ITEMS

from .conftest import example_inputs, make_params

# The worked example (benefits total 74,709.64 for the 4 reached, F = 2.39454, S = 1.5) with
# taxes b = 0.3, lost leisure l = 0.25, and costs € 30,000 groeifonds, € 6,000 regio,
# € 4,000 werkgevers (none development, all in 2024).
BATEN = 74_709.63946891756
F, S = 2.3945397265678707, 1.5
ITEMS = (CostItem(2024, "uitvoering", "groeifonds", 30_000.0),
         CostItem(2024, "uitvoering", "regio", 6_000.0),
         CostItem(2024, "begeleiding", "werkgevers", 4_000.0))
PARAMS = {"belasting_premies_aandeel": 0.3, "verlies_vrije_tijd": 0.25}


def test_the_table_by_hand() -> None:
    result = evaluate(example_inputs(kosten_posten=ITEMS), make_params(PARAMS))
    table = result.verdeling
    # taxes 74,709.64 × 0.3 = 22,412.89; benefits saved 7,500 × F × S = 26,938.57;
    # leisure 74,709.64 × 0.25 = 18,677.41
    taxes, benefits, leisure = BATEN * 0.3, 7_500 * F * S, BATEN * 0.25
    assert table.cell("deelnemer", "productie") == pytest.approx(BATEN, rel=1e-12)
    assert table.cell("deelnemer", "belastingen") == pytest.approx(-taxes, rel=1e-12)
    assert table.cell("overheid", "belastingen") == pytest.approx(taxes, rel=1e-12)
    assert table.cell("deelnemer", "uitkeringen") == pytest.approx(-benefits, rel=1e-12)
    assert table.cell("overheid", "uitkeringen") == pytest.approx(benefits, rel=1e-12)
    assert table.cell("deelnemer", "vrije_tijd") == pytest.approx(-leisure, rel=1e-12)
    assert table.cell("overheid", "kosten") == pytest.approx(-36_000.0)
    assert table.cell("werkgevers", "kosten") == pytest.approx(-4_000.0)
    assert table.cell("overig", "kosten") == 0.0
    # participant 74,709.64 − 22,412.89 − 26,938.57 − 18,677.41 = 6,680.77
    assert table.saldo("deelnemer") == pytest.approx(BATEN * 0.45 - benefits, rel=1e-12)
    # government 22,412.89 + 26,938.57 − 36,000 = 13,351.46
    assert table.saldo("overheid") == pytest.approx(taxes + benefits - 36_000, rel=1e-12)


@pytest.mark.parametrize("changes", [
    {},
    {"deadweight": 0.9, "belasting_premies_aandeel": 0.4, "verlies_vrije_tijd": 0.5},
    {"effectduur_jaren": 1.0, "effect_niet_gemeten": 1.0, "uitkering_per_jaar": 22_000.0},
    {"mbo_slagingskans": 0.5, "mbo_rendement_per_jaar": 4_000.0, "mbo_studieduur_jaren": 1.0},
])
def test_transfers_cancel_and_the_parties_sum_to_the_npv(changes) -> None:
    regions = [example_inputs(kosten_posten=ITEMS),
               example_inputs(cohorts=(CohortWork("2024-Q1", 3, 0, 60, 0, 5_000, 3, 0),),
                              deelnemers=7, kosten_eur=1_000.0, mbo_instroom=2)]
    for inputs in (regions[0], regions[1], regions):
        result = evaluate(inputs, make_params({**PARAMS, **changes}))
        table = result.verdeling
        for item in TRANSFER_ITEMS:
            assert table.item_total(item) == pytest.approx(0.0, abs=1e-6)
        assert sum(table.saldo(p) for p in PARTIES) == pytest.approx(
            result.netto_contante_waarde, rel=1e-12)


@pytest.mark.parametrize("changes", [
    {},
    {"deadweight": 0.9, "verlies_vrije_tijd": 0.5, "verwachte_deelnemers_per_regio": 3.0},
    {"mbo_slagingskans": 0.5, "mbo_rendement_per_jaar": 4_000.0, "mbo_studieduur_jaren": 1.0},
])
def test_every_new_total_is_the_sum_of_its_regions(changes) -> None:
    from generator.economics import FollowUp

    a = example_inputs(kosten_posten=ITEMS, opvolging=FollowUp(10, 8), mbo_instroom=1)
    b = example_inputs(cohorts=(CohortWork("2024-Q1", 3, 0, 60, 0, 5_000, 3, 0),),
                       deelnemers=7, kosten_eur=1_000.0, mbo_instroom=2)
    params = make_params({**PARAMS, **changes})
    both, ra, rb = evaluate([a, b], params), evaluate(a, params), evaluate(b, params)
    for name in ("baten_totaal", "baten_mbo", "kosten", "kosten_vrije_tijd",
                 "netto_contante_waarde", "toegevoegde_waarde_meetjaar"):
        assert getattr(both, name) == pytest.approx(getattr(ra, name) + getattr(rb, name)), name
    for party in PARTIES:
        assert both.verdeling.saldo(party) == pytest.approx(
            ra.verdeling.saldo(party) + rb.verdeling.saldo(party)), party
