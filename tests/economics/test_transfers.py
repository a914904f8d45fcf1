"""Benefit payments are transfers: shown for government and participant, never a benefit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.economics import CohortWork, evaluate

from .conftest import example_inputs, make_params

FACTOR = 2.3945397265678707  # see test_model.py


def test_transfers_match_the_hand_calculation(example_params) -> None:
    transfers = evaluate(example_inputs(), example_params).transfers
    # 2 → 1 on a benefit: 1 × 15,000 × (1 − 0.5) = 7,500 a year; × F = 17,959.05
    assert transfers.uitkeringen_minder == 1
    assert transfers.per_jaar == pytest.approx(7_500.0)
    assert transfers.overheid == pytest.approx(17_959.04794925903, rel=1e-12)
    assert transfers.deelnemer == pytest.approx(-17_959.04794925903, rel=1e-12)
    assert transfers.saldo == 0.0


def test_the_benefit_amount_does_not_move_any_social_figure(example_params) -> None:
    base = evaluate(example_inputs(), example_params)
    richer = evaluate(example_inputs(), make_params({"uitkering_per_jaar": 40_000.0}))
    assert richer.transfers.overheid > base.transfers.overheid
    for field in ("baten_gemeten", "baten_totaal", "netto_contante_waarde",
                  "baten_kostenratio", "bbp_effect_pct", "toegevoegde_waarde_meetjaar"):
        assert getattr(richer, field) == getattr(base, field), field


@given(t0=st.integers(0, 50), t1=st.integers(0, 50), amount=st.floats(0, 50_000))
def test_leaving_benefits_never_counts_as_benefit(t0: int, t1: int, amount: float) -> None:
    cohort = CohortWork("2024-Q1", 50, 100, 300, 0, 0, t0, t1)
    no_change = CohortWork("2024-Q1", 50, 100, 300, 0, 0, 0, 0)
    params = make_params({"uitkering_per_jaar": amount})
    with_transfers = evaluate(example_inputs(cohorts=(cohort,), deelnemers=60), params)
    without = evaluate(example_inputs(cohorts=(no_change,), deelnemers=60), params)
    assert with_transfers.baten_totaal == without.baten_totaal
    assert with_transfers.bbp_effect_pct == without.bbp_effect_pct
    # (t0 − t1) × amount × (1 − 0.5) × F, for the government; the participants lose as much
    assert with_transfers.transfers.overheid == pytest.approx((t0 - t1) * amount * 0.5 * FACTOR)
    assert with_transfers.transfers.saldo == pytest.approx(0.0, abs=1e-6)
