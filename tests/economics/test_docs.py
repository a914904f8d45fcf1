"""The method page against the code: every parameter named, the worked example recomputed."""

from __future__ import annotations

import re

import pytest

from generator.economics import evaluate, load_parameters

from .conftest import METHOD_PAGE, PARAMETERS_PATH, example_inputs


def nl(value: float, decimals: int = 2) -> str:
    """Dutch number format, as the page writes it: 49.806,43 and -17.959,05."""
    text = f"{abs(value):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if value < 0 else "") + text


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


def test_every_outcome_of_the_worked_example_comes_from_the_model(page: str) -> None:
    # The page calls rekenvoorbeeld("<name>") for each outcome; none is typed.
    from generator.economics.example import worked_example

    names = re.findall(r'rekenvoorbeeld\("([a-z0-9_]+)"', page)
    assert len(names) >= 50
    assert sorted(set(names) - set(worked_example())) == []
    table = page[page.index("## Rekenvoorbeeld"):page.index("## Wat het model niet meeneemt")]
    outcome_cells = [row.rsplit("|", 2)[-2].strip() for row in table.splitlines()
                     if row.startswith("| ") and not row.startswith(("| stap", "| partij"))
                     and not row.startswith("|---")]
    assert [c for c in outcome_cells if "rekenvoorbeeld" not in c] == []


def test_the_worked_example_matches_the_hand_calculations(example_params) -> None:
    from generator.economics.example import worked_example

    found = worked_example()
    result = evaluate(example_inputs(), example_params)
    assert found["baten_totaal"] == result.baten_totaal
    assert found["jaar_2"] == pytest.approx(20_800 * 0.8 / 1.0225)
    assert found["afname_opvolging"] == pytest.approx(0.36)
    assert found["kosten_gedefleerd_meetjaar"] == pytest.approx(40_000 * 1.033 * 1.0225)
    assert found["kosten_ontwikkeling_gespreid"] == pytest.approx(22_000.0)
    assert found["verdeling_totaal"] == pytest.approx(found["netto_contante_waarde_alles"])
    assert found["verdeling_totaal_belastingen"] == pytest.approx(0.0, abs=1e-9)
    assert found["verdeling_totaal_uitkeringen"] == pytest.approx(0.0, abs=1e-9)


def _page_number(cell: str) -> float:
    text = cell.replace(".", "").replace(",", ".")
    if text.endswith("%"):
        return round(float(text[:-1]) / 100, 10)
    return float(text)
