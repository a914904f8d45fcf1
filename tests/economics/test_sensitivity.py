"""Tornado and Monte Carlo: ordered by influence, reproducible under the seed."""

from __future__ import annotations

import pytest

from generator.economics import evaluate, monte_carlo, tornado
from generator.economics.sensitivity import draw_parameters

from .conftest import example_inputs, make_params

RANGES = {
    "arbeidsproductiviteit_per_uur": (20.0, 40.0, 60.0),
    "deadweight": (0.4, 0.5, 0.8),
    "effectduur_jaren": (2.0, 3.0, 4.0),
    "gewerkte_weken_per_jaar": (40.0, 52.0, 52.0),
    "jaarlijkse_afname": (0.1, 0.2, 0.3),
    "discontovoet": (0.0125, 0.0225, 0.0325),
    "effect_niet_gemeten": (0.0, 0.5, 1.0),
    "uitkering_per_jaar": (10_000.0, 15_000.0, 20_000.0),
}


def test_tornado_bars_by_hand_and_widest_first() -> None:
    result = tornado(example_inputs(), make_params(RANGES), "baten_per_gemeten_deelnemer")
    # Benefit per measured participant: 24,903.21 (see test_model.py).
    assert result.metric == "baten_per_gemeten_deelnemer"
    assert result.centraal == pytest.approx(24_903.213156305857)
    # Widths, with F = 2.39454 and 10,400 = 20,800 / 2 per measured participant:
    #   productivity 20 | 60:  ×0.5 → 12,451.61 | ×1.5 → 37,354.82          width 24,903.21
    #   deadweight 0.4 | 0.8:  ×1.2 → 29,883.86 | ×0.4 →  9,961.29          width 19,922.57
    #   duration 2 | 4:        10,400 × 1.78240 = 18,536.92 |
    #                          10,400 × (F + 0.512 / 1.0225³) = 29,884.18   width 11,347.26
    #   weeks 40 | 52:         ×40/52 → 19,156.32 | 24,903.21               width  5,746.90
    #   decay 0.1 | 0.3:       10,400 × 2.65494 = 27,611.37 |
    #                          10,400 × 2.15327 = 22,394.00                 width  5,217.38
    #   discount 1.25% | 3.25%: 25,109.95 | 24,701.68                       width    408.27
    #   effect_niet_gemeten, uitkering_per_jaar: do not move the KPI        width      0
    assert [bar.parameter for bar in result.bars] == [
        "arbeidsproductiviteit_per_uur", "deadweight", "effectduur_jaren",
        "gewerkte_weken_per_jaar", "jaarlijkse_afname", "discontovoet",
        "verdringing", "effect_niet_gemeten", "uitkering_per_jaar",
        "geplande_deelnemers_per_jaar", "verwachte_deelnemers_per_regio", "verlies_vrije_tijd",
        "belasting_premies_aandeel", "mbo_rendement_per_jaar", "mbo_slagingskans",
        "mbo_studieduur_jaren"]
    productivity = result.bars[0]
    assert (productivity.laag, productivity.hoog) == (20.0, 60.0)
    assert productivity.uitkomst_laag == pytest.approx(12_451.606578152928)
    assert productivity.uitkomst_hoog == pytest.approx(37_354.819734458785)
    assert productivity.breedte == pytest.approx(24_903.213156305857)
    duration = result.bars[2]
    assert duration.uitkomst_laag == pytest.approx(18_536.919315403422)
    assert duration.uitkomst_hoog == pytest.approx(29_884.176552610938)
    assert result.bars[-1].breedte == 0.0


def test_tornado_of_the_npv_shows_the_extrapolation() -> None:
    result = tornado(example_inputs(), make_params(RANGES), metric="netto_contante_waarde")
    bar = next(bar for bar in result.bars if bar.parameter == "effect_niet_gemeten")
    # e = 0: 49,806.43 × 1 − 40,000; e = 1: 49,806.43 × 2 − 40,000 → width 49,806.43
    assert bar.uitkomst_laag == pytest.approx(9_806.426312611715)
    assert bar.uitkomst_hoog == pytest.approx(59_612.85262522343)
    assert [b.parameter for b in result.bars][:3] == [
        "arbeidsproductiviteit_per_uur", "deadweight", "effect_niet_gemeten"]


def test_tornado_refuses_an_unknown_metric() -> None:
    with pytest.raises(ValueError, match="metric"):
        tornado(example_inputs(), make_params(RANGES), metric="geluk")


def test_monte_carlo_is_reproducible_under_its_seed() -> None:
    params = make_params(RANGES, seed=6)
    first = monte_carlo(example_inputs(), params)
    again = monte_carlo(example_inputs(), params)
    assert first == again
    assert (first.seed, first.trekkingen) == (6, 10_000)


def test_monte_carlo_differs_under_another_seed() -> None:
    params = make_params(RANGES)
    one = monte_carlo(example_inputs(), params, seed=1)
    two = monte_carlo(example_inputs(), params, seed=2)
    assert one["baten_per_gemeten_deelnemer"] != two["baten_per_gemeten_deelnemer"]
    # ... but not by much: 10,000 draws pin the median down to well within 2%.
    assert one["baten_per_gemeten_deelnemer"].p50 == pytest.approx(
        two["baten_per_gemeten_deelnemer"].p50, rel=0.02)


def test_monte_carlo_interval_is_ordered_and_spans_the_centre() -> None:
    params = make_params(RANGES)
    interval = monte_carlo(example_inputs(), params)["baten_per_gemeten_deelnemer"]
    central = evaluate(example_inputs(), params).baten_per_gemeten_deelnemer
    assert interval.p5 < interval.p50 < interval.p95
    assert interval.p5 < central < interval.p95


def test_monte_carlo_without_uncertainty_is_the_central_value(example_params) -> None:
    # laag = centraal = hoog everywhere: every draw is the central value.
    result = monte_carlo(example_inputs(), example_params, trekkingen=100)
    interval = result["baten_per_gemeten_deelnemer"]
    assert interval.p5 == interval.p50 == interval.p95 == pytest.approx(24_903.213156305857)


def test_monte_carlo_leaves_undefined_metrics_empty(example_params) -> None:
    result = monte_carlo(example_inputs(kosten_eur=0.0), example_params, trekkingen=100)
    assert result["baten_kostenratio"] is None
    assert result["netto_contante_waarde"] is not None


def test_draws_stay_within_each_parameters_range() -> None:
    draws = draw_parameters(make_params(RANGES), trekkingen=1_000, seed=3)
    for name, (low, _, high) in RANGES.items():
        assert low <= draws[name].min() and draws[name].max() <= high, name


def test_the_monte_carlo_range_contains_the_central_value_of_the_example_data() -> None:
    # Property: on the repository's own data and parameters, P5 <= central <= P95.
    from pathlib import Path

    from generator.compute.pipeline import compute_snapshot
    from generator.economics import evaluate, load_parameters
    from generator.publish.economy import _inputs
    from generator.sources import open_snapshot

    repo = Path(__file__).resolve().parents[2]
    computation = compute_snapshot(open_snapshot(repo))
    params = load_parameters(repo / "indicators/economie/parameters.yml")
    regions = [r.id for r in computation.tables.regions]
    for members in [regions] + [[r] for r in regions]:
        parts = _inputs(computation.tables, computation.periods[-1], members)
        central, run = evaluate(parts, params), monte_carlo(parts, params)
        for metric in ("baten_per_deelnemer_per_jaar", "baten_per_bereikte_deelnemer",
                       "netto_contante_waarde", "baten_kostenratio", "bbp_effect_pct"):
            interval = run[metric]
            assert interval.p5 <= getattr(central, metric) <= interval.p95, (members, metric)
