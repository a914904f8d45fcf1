"""The indicator definitions: the repository's own are valid; broken ones are located."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from generator.errors import UserError
from generator.indicators import check_definitions, load_definitions
from generator.indicators.check import read_folder
from generator.indicators.definition import AttainmentRule, ModelRule, Ratio, Tally

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXED_IDS = {
    "ontwikkelde_trajecten", "deelnemers_bereikt", "bewijzen_civiel_effect",
    "verbetering_arbeidsmarktpositie", "matches_werkgevers", "verbetering_sociale_inclusie",
    "maatschappelijke_baten_per_deelnemer", "bbp_effect_pct",
}

VALID = """\
id: x
versie: "1"
titel: Iets
beschrijving: Iets geteld.
onderzoeksvraag: 2
eenheid: aantal
bronnen: [instroom]
regel:
  soort: telling
  bron: instroom
  aggregatie: som
  kolom: aantal
"""


def test_repository_definitions_are_valid() -> None:
    assert check_definitions(REPO_ROOT) == []


def test_repository_has_the_fixed_and_the_further_indicators() -> None:
    definitions = {d.id: d for d in load_definitions(read_folder(REPO_ROOT))}
    assert FIXED_IDS <= definitions.keys()
    assert {"verbetering_taal", "verbetering_rekenen", "verbetering_digitaal", "opvolging_1meting",
            "uitstroom_bestemming", "actief_na_6_maanden", "actief_na_12_maanden",
            "kosten_per_deelnemer", "borging_score", "factoren_vermeldingen",
            "doelbereik"} <= definitions.keys()
    assert all(definitions[i].kpi for i in FIXED_IDS)
    assert isinstance(definitions["doelbereik"].rule, AttainmentRule)
    assert isinstance(definitions["bbp_effect_pct"].rule, ModelRule)
    assert isinstance(definitions["kosten_per_deelnemer"].rule, Ratio)
    assert {d.question for d in definitions.values()} == {1, 2, 3, 4, 5, 6}


def test_targets_of_the_evaluation_framework() -> None:
    definitions = {d.id: d for d in load_definitions(read_folder(REPO_ROOT))}
    pilots = {i: [(t.value, t.scope, t.phase) for t in definitions[i].targets]
              for i in FIXED_IDS}
    assert pilots["deelnemers_bereikt"] == [(400, "totaal", "pilot"), (200, "per_regio", "opschaling")]
    assert pilots["bewijzen_civiel_effect"] == [(200, "totaal", "pilot")]
    assert pilots["verbetering_arbeidsmarktpositie"] == [(200, "totaal", "pilot")]
    assert pilots["matches_werkgevers"] == [(200, "totaal", "pilot")]
    assert pilots["verbetering_sociale_inclusie"] == [(160, "totaal", "pilot")]
    # expectations, never targets
    assert pilots["maatschappelijke_baten_per_deelnemer"] == pilots["bbp_effect_pct"] == []
    baten = definitions["maatschappelijke_baten_per_deelnemer"].expectations[0]
    assert (baten.low, baten.high) == (1000, 3000)
    # 0,002% is a programme figure after scale-up: only beside the projection at scale
    assert definitions["bbp_effect_pct"].expectations == ()
    assert definitions["bbp_effect_opgeschaald"].expectations[0].value == 0.002


def _check(tmp_path: Path, text: str, name: str = "x") -> list[tuple]:
    folder = tmp_path / "indicators"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return [(p.file, p.row, p.field, p.code) for p in check_definitions(tmp_path)]


def test_a_minimal_definition_is_valid(tmp_path: Path) -> None:
    assert _check(tmp_path, VALID) == []


BROKEN = [
    ("unreadable", VALID + "regel: [\n", [(14, None, "indicator-yaml-unreadable")]),  # at the end
    ("typo in a key", VALID.replace("titel:", "titl:"),
     [(3, "titl", "indicator-definition-invalid"), (1, "titel", "indicator-definition-invalid")]),
    ("unknown operator", VALID + "  filters:\n    - {kolom: doelgroep, gelijk: beide}\n",
     [(14, "regel.filters[0].gelijk", "indicator-definition-invalid")]),
    ("two operators", VALID + "  filters:\n    - {kolom: aantal, minstens: 1, hoogstens: 3}\n",
     [(14, "regel.filters[0]", "indicator-definition-invalid")]),
    ("som needs a column", VALID.replace("  kolom: aantal\n", ""),
     [(8, "regel.kolom", "indicator-definition-invalid")]),
    ("unknown aggregation", VALID.replace("aggregatie: som", "aggregatie: gemiddelde"),
     [(11, "regel.aggregatie", "indicator-definition-invalid")]),
    ("id differs from the file name", VALID.replace("id: x", "id: y"),
     [(1, "id", "indicator-id-mismatch")]),
    ("unknown resource", VALID.replace("bron: instroom", "bron: instrom"),
     [(7, "bronnen", "indicator-sources-mismatch"), (10, "regel.bron", "indicator-unknown-resource")]),
    ("unknown column", VALID.replace("kolom: aantal", "kolom: aantallen"),
     [(12, "regel.kolom", "indicator-unknown-column")]),
    ("sum of text", VALID.replace("kolom: aantal", "kolom: doelgroep"),
     [(12, "regel.kolom", "indicator-column-type")]),
    ("unknown category", VALID + "  filters:\n    - {kolom: doelgroep, in: [laaggeletterd, laaggeletterden]}\n",
     [(14, "regel.filters[0].in", "indicator-unknown-value")]),
    ("column comparison with an unknown column", VALID + "  filters:\n    - {kolom: aantal, groter_dan_kolom: score_t0}\n",
     [(14, "regel.filters[0].groter_dan_kolom", "indicator-unknown-column")]),
    ("breakdown by a column the source lacks", VALID + "uitsplitsingen: [bestemming]\n",
     [(13, "uitsplitsingen[0]", "indicator-breakdown-invalid")]),
    ("breakdown by a number", VALID + "uitsplitsingen: [aantal]\n",
     [(13, "uitsplitsingen[0]", "indicator-breakdown-invalid")]),
    ("overlapping targets", VALID + textwrap.dedent("""\
        doelen:
          - {waarde: 10, bereik: per_regio, uiterlijk: 2026-Q4, bron: kader}
          - {waarde: 20, bereik: per_regio, fase: opschaling, uiterlijk: 2026-Q4, bron: kader}
        """), [(15, "doelen[1]", "indicator-target-overlap")]),
    ("target without due quarter", VALID + "doelen:\n  - {waarde: 10, bereik: totaal, bron: kader}\n",
     [(14, "doelen[0].uiterlijk", "indicator-definition-invalid")]),
    ("expectation with value and range", VALID + textwrap.dedent("""\
        verwachtingen:
          - {waarde: 1, ondergrens: 0, bovengrens: 2, bron: kader}
        """), [(14, "verwachtingen[0]", "indicator-definition-invalid")]),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in BROKEN],
                         ids=[name for name, _, _ in BROKEN])
def test_a_broken_definition_is_located(tmp_path: Path, text: str, expected: list[tuple]) -> None:
    found = _check(tmp_path, text)
    assert sorted(found, key=str) == sorted([("indicators/x.yml", *e) for e in expected], key=str)


def test_loading_refuses_invalid_definitions_with_every_problem() -> None:
    files = {"indicators/x.yml": VALID.replace("kolom: aantal", "kolom: nee").encode()}
    with pytest.raises(UserError, match=r"indicators/x.yml, regel 12, veld regel.kolom: .*nee"):
        load_definitions(files)


def test_parsed_rule_of_a_tally() -> None:
    (definition,) = load_definitions({"indicators/x.yml": VALID.encode()})
    assert definition.rule == Tally(resource="instroom", aggregation="som", column="aantal",
                                    time_column="periode")
    assert definition.file == "indicators/x.yml" and definition.additive


def test_definitions_in_subfolders_are_not_indicators(tmp_path: Path) -> None:
    (tmp_path / "indicators" / "economie").mkdir(parents=True)
    (tmp_path / "indicators" / "economie" / "parameters.yml").write_text("versie: 1\n")
    assert check_definitions(tmp_path) == []


def test_the_readme_documents_every_indicator_operator_and_code() -> None:
    from generator.compute.rules import COLUMN_OPS, VALUE_OPS
    from generator.indicators import check as checks

    readme = (REPO_ROOT / "indicators" / "README.md").read_text(encoding="utf-8")
    ids = [d.id for d in load_definitions(read_folder(REPO_ROOT))]
    codes = [c.code for c in vars(checks).values() if hasattr(c, "template")]
    words = ids + list(VALUE_OPS) + list(COLUMN_OPS) + codes + [
        "telling", "verhouding", "model", "doelbereik", "som", "aantal_rijen",
        "som_van_scores", "laatste_stand", "cumulatief", "sleutel", "tijdkolom"]
    assert [w for w in words if not re.search(rf"(?<![\w-]){w}(?![\w-])", readme)] == []


def test_every_definition_problem_code_has_a_broken_case(tmp_path: Path) -> None:
    from generator.indicators import check as checks

    declared = {c.code for c in vars(checks).values() if hasattr(c, "template")}
    found = set()
    for index, (_, text, _) in enumerate(BROKEN):
        found |= {code for *_, code in _check(tmp_path / str(index), text)}
    assert declared == found
