"""One price base year: costs, monetary parameters and GDP deflated before discounting."""

from __future__ import annotations

import pytest

from generator.economics import evaluate, parse_parameters
from generator.economics.prices import NO_PRICE_LEVEL, PriceLevel
from generator.economics.schema import check_parameters

from .conftest import example_inputs, make_params

# Base year 2024; inflation 2023 +4%, 2024 +2%, 2025 +5%.
#   P_2022 = 1 / (1.02 × 1.04) = 0.942684766   (2023's change counts from 2022 to 2023)
#   P_2023 = 1 / 1.02          = 0.980392157
#   P_2024 = 1
#   P_2025 = 1.05
#   P_2026 = 1.05 (no figure for 2026: no price change)
PRICES = PriceLevel(basisjaar=2024, reeks="CPI", inflatie={2023: 0.04, 2024: 0.02, 2025: 0.05})


def test_the_price_level_chains_the_yearly_inflation() -> None:
    assert PRICES.index(2024) == 1.0
    assert PRICES.index(2023) == pytest.approx(1 / 1.02)
    assert PRICES.index(2022) == pytest.approx(1 / (1.02 * 1.04))
    assert PRICES.index(2025) == pytest.approx(1.05)
    assert PRICES.index(2026) == pytest.approx(1.05)
    assert PRICES.missing_years({2023, 2026}) == (2026,)
    assert NO_PRICE_LEVEL.index(2020) == 1.0


def with_prices(params, prices: PriceLevel):
    from dataclasses import replace

    return replace(params, prijspeil=prices)


def test_costs_are_deflated_then_brought_to_the_meetjaar() -> None:
    # Costs € 30,000 in 2023 and € 10,500 in 2025, meetjaar 2025, r = 2.25%:
    #   2023: 30,000 / P_2023 = 30,000 × 1.02 = 30,600 in 2024 prices; × 1.0225² = 31,992.99
    #   2025: 10,500 / 1.05 = 10,000; in the meetjaar itself: × 1
    #   K = 31,992.99 + 10,000 = 41,992.99 (nominal 40,500)
    inputs = example_inputs(kosten_eur=40_500.0, kosten_per_jaar={2023: 30_000.0, 2025: 10_500.0},
                            meetjaar=2025)
    result = evaluate(inputs, with_prices(make_params(), PRICES))
    assert result.kosten_nominaal == 40_500.0
    assert result.kosten_prijspeil == pytest.approx(40_600.0)
    assert result.kosten == pytest.approx(30_600 * 1.0225 ** 2 + 10_000, rel=1e-12)
    assert result.prijspeil == 2024


def test_monetary_parameters_and_gdp_are_brought_to_the_base_year() -> None:
    # Productivity € 40 dated 2025 (parameter datum): 40 / 1.05 = 38.0952 in 2024 prices.
    #   yearly value net: 20 × 52 × 38.0952 × 0.5 = 19,809.52; per reached: × 1.5 / 4 = 7,428.57
    # GDP 2023 € 1,000 bn current prices: / P_2023 = 1,020 bn in 2024 prices.
    #   bbp-effect = 19,809.52 × 1.5 / 1.02e12 × 100
    params = make_params()
    productivity = params["arbeidsproductiviteit_per_uur"]
    from dataclasses import replace

    dated = replace(productivity, datum="2025-01")
    params = replace(params, parameters={**params.parameters, productivity.name: dated},
                     bbp={2023: replace(params.bbp[2024], jaar=2023)}, prijspeil=PRICES)
    result = evaluate(example_inputs(), params)
    net = 20 * 52 * 40 / 1.05 * 0.5
    assert result.jaarwaarde_netto == pytest.approx(net, rel=1e-12)
    assert result.baten_per_deelnemer == pytest.approx(net * 1.5 / 4, rel=1e-12)
    assert result.bbp_prijspeil_eur == pytest.approx(1.02e12)
    assert result.bbp_effect_pct == pytest.approx(net * 1.5 / 1.02e12 * 100, rel=1e-12)


def test_without_a_price_base_year_nothing_changes(example_params) -> None:
    assert example_params.prijspeil is NO_PRICE_LEVEL
    result = evaluate(example_inputs(), example_params)
    assert (result.kosten, result.prijspeil) == (40_000.0, None)


def test_the_price_block_is_checked() -> None:
    from .conftest import PARAMETERS_PATH
    import yaml

    raw = yaml.safe_load(PARAMETERS_PATH.read_text(encoding="utf-8"))
    assert check_parameters(raw) == []
    assert parse_parameters(raw).prijspeil.basisjaar == 2024
    raw["prijspeil"]["inflatie"][2024] = 3.3  # a percentage written where a share belongs
    raw["prijspeil"]["basisjaar"] = "2024"
    assert [(p.field, p.code) for p in check_parameters(raw)] == [
        ("basisjaar", "bad-year"), ("inflatie.2024", "out-of-range")]


def test_the_method_page_shows_the_files_inflation() -> None:
    from generator.economics import load_parameters

    from .conftest import METHOD_PAGE, PARAMETERS_PATH

    page = " ".join(METHOD_PAGE.read_text(encoding="utf-8").split())
    prices = load_parameters(PARAMETERS_PATH).prijspeil
    shown = [f"{year} {f'{rate * 100:.1f}'.replace('.', ',')}%"
             for year, rate in sorted(prices.inflatie.items())]
    assert [text for text in shown if text not in page] == []
    assert f"`prijspeil.basisjaar` in het parameterbestand: {prices.basisjaar}" in page


def test_a_part_deflated_before_is_never_read_for_another_part_or_price_level() -> None:
    """The deflated copy of a part is kept by the very objects (`model._deflated`): the
    same part under other prices, or a part with other costs, is deflated afresh."""
    from generator.economics.inputs import CostItem

    params = with_prices(make_params(), PRICES)
    part = example_inputs(kosten_posten=(CostItem(2023, "uitvoering", "regio", 30_000.0),),
                          kosten_eur=30_000.0)
    assert evaluate(part, params).kosten_prijspeil == pytest.approx(30_600.0)
    assert evaluate(part, params).kosten_prijspeil == pytest.approx(30_600.0)
    assert evaluate(part, with_prices(params, NO_PRICE_LEVEL)).kosten_prijspeil == 30_000.0
    other = example_inputs(kosten_posten=(CostItem(2023, "uitvoering", "regio", 10_000.0),),
                           kosten_eur=10_000.0)
    assert evaluate(other, params).kosten_prijspeil == pytest.approx(10_200.0)
