"""The parameter file: the real one loads, a broken one lists every problem by parameter."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from generator.economics import (
    PARAMETER_NAMES,
    ParameterFileError,
    check_parameters,
    load_parameters,
    parse_parameters,
)
from generator.errors import UserError

from .conftest import PARAMETERS_PATH


@pytest.fixture
def raw() -> dict:
    return yaml.safe_load(PARAMETERS_PATH.read_text(encoding="utf-8"))


def flat(problems) -> list[tuple]:
    return [(p.parameter, p.field, p.code) for p in problems]


def test_the_real_file_loads_with_every_parameter() -> None:
    params = load_parameters(PARAMETERS_PATH)
    assert params.versie == "2.1"
    assert set(params.parameters) == set(PARAMETER_NAMES)
    assert params.monte_carlo.trekkingen == 10_000
    assert params["discontovoet"].centraal == 0.0225
    assert "Werkgroep discontovoet 2020" in params["discontovoet"].bron
    assert params.gdp_for(2023).mln_eur == 1_033_000
    assert "CBS" in params.gdp_for(2023).bron


def test_every_parameter_says_where_its_numbers_come_from() -> None:
    for parameter in load_parameters(PARAMETERS_PATH).parameters.values():
        assert parameter.bron.strip() and parameter.toelichting.strip(), parameter.name
        assert parameter.datum, parameter.name


def test_the_real_file_has_no_problems(raw) -> None:
    assert check_parameters(raw) == []


def test_order_low_central_high_names_the_parameter(raw) -> None:
    raw["parameters"]["deadweight"]["laag"] = 0.8
    with pytest.raises(ParameterFileError) as caught:
        parse_parameters(raw)
    assert flat(caught.value.problems) == [("deadweight", None, "order")]
    assert "deadweight" in caught.value.message
    assert "laag ≤ centraal ≤ hoog" in caught.value.message


def test_a_missing_field_names_the_parameter_and_the_field(raw) -> None:
    del raw["parameters"]["discontovoet"]["bron"]
    assert flat(check_parameters(raw)) == [("discontovoet", "bron", "missing-field")]
    assert "discontovoet" in check_parameters(raw)[0].message


def test_all_problems_are_reported_at_once(raw) -> None:
    broken = copy.deepcopy(raw)
    del broken["versie"]
    del broken["parameters"]["effectduur_jaren"]
    broken["parameters"]["deadweight"]["hoog"] = 75          # a percentage, not a share
    broken["parameters"]["jaarlijkse_afname"]["centraal"] = "twintig"
    broken["parameters"]["jaarlijkse_afname"]["eenheid"] = ""
    broken["parameters"]["arbeidsproductiviteit_per_uur"]["kleur"] = "blauw"
    broken["parameters"]["loon"] = {"laag": 1}
    broken["bbp"]["twee"] = {}
    broken["monte_carlo"]["seed"] = -1
    assert flat(check_parameters(broken)) == [
        (None, "versie", "missing-field"),
        ("effectduur_jaren", None, "missing-parameter"),
        ("arbeidsproductiviteit_per_uur", "kleur", "unknown-field"),
        ("deadweight", "hoog", "out-of-range"),
        ("jaarlijkse_afname", "eenheid", "empty-text"),
        ("jaarlijkse_afname", "centraal", "not-a-number"),
        ("loon", None, "unknown-parameter"),
        ("bbp.twee", None, "bad-year"),
        ("monte_carlo", "seed", "not-an-integer"),
    ]


def test_a_yes_is_not_a_number(raw) -> None:
    raw["parameters"]["deadweight"]["centraal"] = True  # YAML `ja`/`yes` habits
    assert flat(check_parameters(raw)) == [("deadweight", "centraal", "not-a-number")]


def test_bad_date_and_version(raw) -> None:
    raw["versie"] = 1.0  # unquoted: YAML reads a number
    raw["parameters"]["deadweight"]["datum"] = "vorig jaar"
    assert flat(check_parameters(raw)) == [
        (None, "versie", "bad-version"), ("deadweight", "datum", "bad-date")]


def test_gdp_figures_need_a_positive_amount_and_a_source(raw) -> None:
    raw["bbp"][2023]["mln_eur"] = 0
    del raw["bbp"][2023]["bron"]
    assert flat(check_parameters(raw)) == [
        ("bbp.2023", "bron", "missing-field"), ("bbp.2023", "mln_eur", "not-a-number")]


def test_not_a_mapping() -> None:
    assert flat(check_parameters(["a", "list"])) == [(None, None, "not-a-mapping")]


def test_yaml_syntax_error_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "parameters.yml"
    path.write_text("versie: [1.0\n", encoding="utf-8")
    with pytest.raises(ParameterFileError) as caught:
        load_parameters(path)
    assert isinstance(caught.value, UserError) and caught.value.exit_code == 1
    assert flat(caught.value.problems) == [(None, None, "yaml-syntax")]
