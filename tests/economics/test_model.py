"""The model against the hand calculation of the method page's worked example."""

from __future__ import annotations

import pytest

from generator.economics import CohortWork, EconomicInputs, evaluate, present_value_factor
from generator.errors import UserError

from .conftest import example_inputs, make_params

# Worked example: 2 measured, 20 → 40 hours a week in all (+10 each), 52 weeks, € 40 an hour,
# deadweight 0.5, 3 years with 20% decay a year, r = 2.25%, 4 reached, costs € 40,000.
#   yearly value gross   20 × 52 × 40                     = 41,600
#   yearly value net     41,600 × (1 − 0.5)                = 20,800
#   year 1               20,800                            = 20,800
#   year 2               20,800 × 0.8 / 1.0225             = 16,273.838630806846
#   year 3               20,800 × 0.64 / 1.0225²           = 12,732.587681804870
#   factor F             1 + 0.78239608801956 + 0.612143638548311 = 2.3945397265678707
#   benefit measured     20,800 × F                        = 49,806.426312611715
FACTOR = 2.3945397265678707
BATEN_GEMETEN = 49_806.426312611715


def test_present_value_factor_discounts_and_decays_from_year_one() -> None:
    assert present_value_factor(0.0225, 0.2, 3) == pytest.approx(FACTOR, rel=1e-12)
    # One year: only the meetjaar itself, undiscounted.
    assert present_value_factor(0.0225, 0.2, 1) == pytest.approx(1.0)
    # No discounting, no decay: just the number of years.
    assert present_value_factor(0.0, 0.0, 4) == pytest.approx(4.0)
    # 2.5 years: the third year counts half: 1 + 0.782396088 + 0.5 × 0.612143639 = 2.0884679073
    assert present_value_factor(0.0225, 0.2, 2.5) == pytest.approx(2.0884679072937155, rel=1e-12)
    assert present_value_factor(0.0225, 0.2, 0) == 0.0


def test_benefits_match_the_hand_calculation(example_params) -> None:
    result = evaluate(example_inputs(), example_params)
    assert result.extra_uren_per_week == 10.0
    assert result.jaarwaarde_bruto == pytest.approx(41_600.0)
    assert result.jaarwaarde_netto == pytest.approx(20_800.0)
    assert result.contantewaardefactor == pytest.approx(FACTOR, rel=1e-12)
    assert result.baten_gemeten == pytest.approx(BATEN_GEMETEN, rel=1e-12)
    # KPI: per MEASURED participant: 49,806.43 / 2
    assert result.baten_per_gemeten_deelnemer == pytest.approx(24_903.213156305857, rel=1e-12)
    # KPI: per REACHED participant, per year: 20,800 × 1.5 / 4 = 7,800
    assert result.baten_per_deelnemer == pytest.approx(7_800.0)
    # Non-response bounds: non-measured at zero (20,800 / 4), at the measured effect (/ 2)
    assert result.per_jaar_nonrespons_nul == pytest.approx(5_200.0)
    assert result.per_jaar_nonrespons_gelijk == pytest.approx(10_400.0)
    assert result.per_jaar_nonrespons_nul <= result.baten_per_deelnemer \
        <= result.per_jaar_nonrespons_gelijk
    # Extrapolation: (2 + 0.5 × (4 − 2)) / 2 = 1.5 → 49,806.43 × 1.5 = 74,709.64; / 4 reached
    assert result.opschalingsfactor == pytest.approx(1.5)
    assert result.baten_totaal == pytest.approx(74_709.63946891756, rel=1e-12)
    assert result.baten_per_bereikte_deelnemer == pytest.approx(18_677.40986722939, rel=1e-12)


def test_deadweight_scales_the_benefit_linearly() -> None:
    # Deadweight 0.75 leaves a quarter: 41,600 × 0.25 × F = 10,400 × 2.39454 = 24,903.21
    result = evaluate(example_inputs(), make_params({"deadweight": 0.75}))
    assert result.baten_gemeten == pytest.approx(24_903.213156305857, rel=1e-12)


def test_npv_and_benefit_cost_ratio(example_params) -> None:
    result = evaluate(example_inputs(), example_params)
    # 74,709.64 − 40,000 = 34,709.64; 74,709.64 / 40,000 = 1.8677
    assert result.kosten == 40_000.0
    assert result.netto_contante_waarde == pytest.approx(34_709.63946891756, rel=1e-12)
    assert result.baten_kostenratio == pytest.approx(1.867740986722939, rel=1e-12)


def test_costs_of_earlier_years_are_brought_to_the_meetjaar(example_params) -> None:
    inputs = example_inputs(kosten_per_jaar={2023: 30_000.0, 2024: 10_000.0})
    result = evaluate(inputs, example_params)
    # 30,000 × 1.0225 + 10,000 = 40,675; NPV 74,709.64 − 40,675 = 34,034.64
    assert result.kosten == pytest.approx(40_675.0)
    assert result.kosten_nominaal == 40_000.0
    assert result.netto_contante_waarde == pytest.approx(34_034.63946891756, rel=1e-12)
    # 74,709.64 / 40,675 = 1.836746...
    assert result.baten_kostenratio == pytest.approx(74_709.63946891756 / 40_675.0, rel=1e-12)


def test_costs_by_year_must_add_up_to_the_total() -> None:
    with pytest.raises(ValueError, match="kosten_per_jaar"):
        example_inputs(kosten_per_jaar={2023: 1.0})


def test_no_costs_gives_no_ratio(example_params) -> None:
    result = evaluate(example_inputs(kosten_eur=0.0), example_params)
    assert result.baten_kostenratio is None
    assert result.netto_contante_waarde == pytest.approx(74_709.63946891756)


def test_gdp_effect_uses_the_added_value_of_the_meetjaar(example_params) -> None:
    result = evaluate(example_inputs(), example_params)
    # 20,800 × 1.5 = 31,200 added value; / € 1,000 billion × 100 = 0.00000312 %
    assert result.toegevoegde_waarde_meetjaar == pytest.approx(31_200.0)
    assert result.bbp_jaar == 2024
    assert result.bbp_eur == 1e12
    assert result.bbp_effect_pct == pytest.approx(3.12e-6, rel=1e-12)
    # Measured only: 20,800 / 1e12 × 100
    assert result.bbp_effect_pct_gemeten == pytest.approx(2.08e-6, rel=1e-12)


def test_gdp_of_a_later_year_falls_back_to_the_latest_published() -> None:
    params = make_params(bbp={2022: 900_000.0, 2023: 1_040_000.0})
    result = evaluate(example_inputs(meetjaar=2025), params)
    assert result.bbp_jaar == 2023
    # 31,200 / 1.04e12 × 100 = 3.0e-6
    assert result.bbp_effect_pct == pytest.approx(3.0e-6, rel=1e-12)


def test_gdp_missing_for_the_meetjaar_and_before_is_a_clear_error() -> None:
    params = make_params(bbp={2030: 2_000_000.0})
    with pytest.raises(UserError, match="Geen bbp bekend voor 2024"):
        evaluate(example_inputs(), params)


def test_meetjaar_defaults_to_the_latest_cohort(example_params) -> None:
    cohorts = (CohortWork("2023-Q4", 1, 0, 10, 0, 0, 0, 0),
               CohortWork("2024-Q2", 1, 10, 20, 0, 0, 0, 0))
    inputs = EconomicInputs(cohorts=cohorts, deelnemers=2, kosten_eur=0.0)
    assert evaluate(inputs, example_params).meetjaar == 2024


def test_nobody_measured_gives_no_per_participant_figures(example_params) -> None:
    inputs = EconomicInputs(cohorts=(), deelnemers=10, kosten_eur=5_000.0, meetjaar=2024)
    result = evaluate(inputs, example_params)
    assert result.extra_uren_per_week is None
    assert result.baten_per_gemeten_deelnemer is None
    assert result.baten_totaal == 0.0
    # Nobody measured: the effect per participant is unknown, not zero.
    assert result.baten_per_bereikte_deelnemer is None
    assert result.baten_per_deelnemer is None
    assert result.netto_contante_waarde == -5_000.0
    assert result.bbp_effect_pct == 0.0


def test_fewer_hours_give_a_negative_benefit_not_a_hidden_zero(example_params) -> None:
    cohort = CohortWork("2024-Q1", 2, 40, 20, 0, 0, 0, 0)
    result = evaluate(example_inputs(cohorts=(cohort,)), example_params)
    assert result.extra_uren_per_week == -10.0
    assert result.baten_gemeten == pytest.approx(-BATEN_GEMETEN, rel=1e-12)
    assert result.bruto_uurloon_gemeten is None


def test_implied_hourly_wage_from_the_data(example_params) -> None:
    # 1,300 more a month / (20 hours × 52 / 12 weeks a month) = € 15 an hour
    result = evaluate(example_inputs(), example_params)
    assert result.bruto_uurloon_gemeten == pytest.approx(15.0)
    assert result.bruto_inkomensstijging_per_jaar == pytest.approx(15_600.0)


def test_displacement_is_separate_from_deadweight() -> None:
    # 41,600 × (1 − 0.5) × (1 − 0.2) = 16,640 a year; per reached 16,640 × 1.5 / 4 = 6,240
    result = evaluate(example_inputs(), make_params({"verdringing": 0.2}))
    assert result.jaarwaarde_netto == pytest.approx(16_640.0)
    assert result.baten_per_deelnemer == pytest.approx(6_240.0)


def test_projection_at_scale_is_yearly_value_times_planned_participants(example_params) -> None:
    # 7,800 × 1,000 / 1e12 × 100 = 0.00078 %
    result = evaluate(example_inputs(), example_params)
    assert result.bbp_effect_opgeschaald_pct == pytest.approx(0.00078)


def test_a_total_is_the_sum_of_its_regions(example_params) -> None:
    # Each region extrapolates its own measured effect: region b has 1 of 5 measured.
    a = example_inputs()
    b = example_inputs(cohorts=(CohortWork("2024-Q1", 1, 0, 30, 0, 2_000, 1, 0),),
                       deelnemers=5, kosten_eur=10_000.0)
    both = evaluate([a, b], example_params)
    ra, rb = evaluate(a, example_params), evaluate(b, example_params)
    for name in ("baten_totaal", "kosten", "netto_contante_waarde", "toegevoegde_waarde_meetjaar",
                 "bbp_effect_pct", "bbp_effect_pct_gemeten"):
        assert getattr(both, name) == pytest.approx(getattr(ra, name) + getattr(rb, name)), name
    assert both.deelnemers == 9 and both.aantal_gemeten == 3
    assert both.baten_per_deelnemer == pytest.approx(
        (ra.toegevoegde_waarde_meetjaar + rb.toegevoegde_waarde_meetjaar) / 9)


@pytest.mark.parametrize("changes, message", [
    ({"deelnemers": 1}, "deelnemers"),
    ({"kosten_eur": -1.0}, "negative"),
    ({"cohorts": (), "meetjaar": None}, "meetjaar"),
])
def test_inconsistent_inputs_are_refused(changes, message) -> None:
    with pytest.raises(ValueError, match=message):
        example_inputs(**changes)


@pytest.mark.parametrize("fields, message", [
    (("2024-Q5", 1, 0, 0, 0, 0, 0, 0), "quarter"),
    (("2024-Q1", 1, -1, 0, 0, 0, 0, 0), "negative"),
    (("2024-Q1", 1, 0, 0, 0, 0, 2, 0), "met_uitkering"),
])
def test_inconsistent_cohorts_are_refused(fields, message) -> None:
    with pytest.raises(ValueError, match=message):
        CohortWork(*fields)


def test_a_regions_kept_sums_are_never_read_for_other_inputs_or_parameters(
        example_params) -> None:
    """Each part's sums are kept for the process (`model._kept_part_sums`) under the very
    part and the parameters' values: other hours, or another productivity, are computed
    afresh; the same again gives the same."""
    part = example_inputs()
    assert evaluate(part, example_params).baten_gemeten == pytest.approx(BATEN_GEMETEN,
                                                                         rel=1e-12)
    assert evaluate(part, example_params).baten_gemeten == pytest.approx(BATEN_GEMETEN,
                                                                         rel=1e-12)
    fewer = example_inputs(cohorts=(CohortWork("2024-Q1", 2, 40, 20, 0, 0, 0, 0),))
    assert evaluate(fewer, example_params).baten_gemeten == pytest.approx(-BATEN_GEMETEN,
                                                                          rel=1e-12)
    both = evaluate([part, fewer], example_params)  # a total: the two kept sums added
    assert both.baten_gemeten == pytest.approx(0.0, abs=1e-6)
    doubled = make_params({"arbeidsproductiviteit_per_uur": 80.0})
    assert evaluate(part, doubled).baten_gemeten == pytest.approx(2 * BATEN_GEMETEN,
                                                                  rel=1e-12)
