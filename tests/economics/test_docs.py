"""The method page against the code: every parameter named, the worked example recomputed."""

from __future__ import annotations

import re

import pytest

from generator.economics import evaluate, load_parameters

from .conftest import METHOD_PAGE, PARAMETERS_PATH, example_inputs


def nl(value: float, decimals: int = 2) -> str:
    """Dutch number format, as the page writes it: 49.806,43 and −17.959,05."""
    text = f"{abs(value):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return ("−" if value < 0 else "") + text


@pytest.fixture(scope="module")
def page() -> str:
    return METHOD_PAGE.read_text(encoding="utf-8")


def test_every_parameter_is_on_the_method_page(page: str) -> None:
    params = load_parameters(PARAMETERS_PATH)
    missing = [name for name in params.parameters if f"`{name}`" not in page]
    assert missing == []
    assert f"versie {params.versie}" in page


def test_the_parameter_table_shows_the_files_values(page: str) -> None:
    params = load_parameters(PARAMETERS_PATH)
    for name, parameter in params.parameters.items():
        row = next(line for line in page.splitlines() if line.startswith(f"| `{name}` |"))
        cells = [cell.strip() for cell in row.split("|")[2:5]]
        as_written = [_page_number(cell) for cell in cells]
        assert as_written == [parameter.laag, parameter.centraal, parameter.hoog], name


def test_the_worked_example_is_what_the_model_computes(page: str, example_params) -> None:
    result = evaluate(example_inputs(), example_params)
    cost_a_year_earlier = evaluate(example_inputs(kosten_per_jaar={2023: 40_000.0}), example_params)
    expected = [
        f"€ {nl(result.jaarwaarde_bruto)}",
        f"€ {nl(result.jaarwaarde_netto)}",
        f"| {nl(result.contantewaardefactor, 4)} |",
        f"€ {nl(result.baten_gemeten)}",
        f"€ {nl(result.baten_per_gemeten_deelnemer)}",
        f"| {nl(result.opschalingsfactor, 1)} |",
        f"€ {nl(result.baten_totaal)}",
        f"€ {nl(result.baten_per_bereikte_deelnemer)}",
        f"€ {nl(result.netto_contante_waarde)}",
        f"| {nl(result.baten_kostenratio)} |",
        f"€ {nl(result.transfers.per_jaar)}",
        f"€ {nl(result.transfers.overheid)}",
        f"€ {nl(result.transfers.deelnemer)}",
        f"€ {nl(result.toegevoegde_waarde_meetjaar)}",
        f"{nl(result.bbp_effect_pct, 8)}%",
        f"{nl(result.bbp_effect_pct_gemeten, 8)}%",
        f"€ {nl(result.bruto_uurloon_gemeten)}",
        f"€ {nl(cost_a_year_earlier.kosten)}",
    ]
    assert [text for text in expected if text not in page] == []


def test_the_example_years_are_shown_discounted_as_computed(page: str) -> None:
    # Year 2 and 3 rows: 20,800 × 0.8 / 1.0225 and 20,800 × 0.64 / 1.0225²
    assert f"€ {nl(20_800 * 0.8 / 1.0225)}" in page
    assert f"€ {nl(20_800 * 0.64 / 1.0225 ** 2)}" in page


def test_the_page_has_no_template_braces(page: str) -> None:
    # The site renders pages through Jinja2; a stray brace would break or hide text.
    assert not re.search(r"\{[{%#]", page)


def _page_number(cell: str) -> float:
    text = cell.replace(".", "").replace(",", ".")
    if text.endswith("%"):
        return round(float(text[:-1]) / 100, 10)
    return float(text)
