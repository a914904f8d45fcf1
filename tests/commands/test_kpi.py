"""`impactmonitor kpi` on the hand-made package in a real Git repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from tests.fixtures.handmade_repo import commit_all, make_repo, set_cell

INSTROOM = "data/noord/instroom.csv"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str, str]:
    """Commit 1: the package; commit 2: noord's first instroom row 10 -> 11."""
    first = make_repo(tmp_path)
    set_cell(tmp_path / INSTROOM, 2, "aantal", "11")
    second = commit_all(tmp_path, "Correct the first instroom row")
    monkeypatch.chdir(tmp_path)
    return tmp_path, first, second


def kpi(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["kpi", *args])
    out, err = capsys.readouterr()
    return code, out, err


def entries(out: str) -> dict[str, dict]:
    return {e["figure_id"]: e for e in json.loads(out)["indicators"]}


def test_json_shape(repo: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kpi(capsys, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"commit", "indicators"} and data["commit"] == repo[2]
    for entry in data["indicators"]:
        assert {"id", "region", "period", "value", "target", "figure_id"} <= entry.keys()
        assert entry["period"] == "2023-Q4"  # the latest quarter with data
    pilots = entries(out)["deelnemers_bereikt.totaal.2023-Q4.fase=pilot"]
    assert (pilots["value"], pilots["target"], pilots["target_due"]) == (51, 400, "2026-Q4")
    assert entries(out)["deelnemers_bereikt.totaal.2023-Q4"]["target"] is None
    assert entries(out)["verbetering_taal.noord.2023-Q4"] == {
        "id": "verbetering_taal", "title": "Verbetering taalvaardigheid", "region": "noord",
        "period": "2023-Q4", "breakdown": {}, "value": 6, "unit": "aantal", "target": None,
        "target_due": None, "expectations": [], "figure_id": "verbetering_taal.noord.2023-Q4",
        "version": "1", "details": {}, "suppressed": False}
    baten = entries(out)["maatschappelijke_baten_per_deelnemer.totaal.2023-Q4"]
    assert baten["target"] is None
    assert baten["expectations"][0]["low"] == 1000 and baten["expectations"][0]["high"] == 3000


def test_ref_reads_the_earlier_commit(repo: tuple[Path, str, str],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    root, first, second = repo
    _, before, _ = kpi(capsys, "--format", "json", "--ref", first)
    _, after, _ = kpi(capsys, "--format", "json", "--ref", "HEAD")
    assert json.loads(before)["commit"] == first and json.loads(after)["commit"] == second
    figure = "deelnemers_bereikt.noord.2023-Q4"
    assert (entries(before)[figure]["value"], entries(after)[figure]["value"]) == (30, 31)
    # kosten_per_deelnemer.totaal: 74000 / 50 before, 74000 / 51 after
    ratio = "kosten_per_deelnemer.totaal.2023-Q4"
    assert entries(before)[ratio]["value"] == pytest.approx(1480.0)
    assert entries(after)[ratio]["value"] == pytest.approx(74000 / 51)


def test_period_and_region(repo: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kpi(capsys, "--format", "json", "--period", "2023-Q2", "--region", "zuid")
    assert code == 0
    found = entries(out)
    assert {e["region"] for e in found.values()} == {"zuid"}
    assert found["deelnemers_bereikt.zuid.2023-Q2"]["value"] == 12
    assert found["opvolging_1meting.zuid.2023-Q2"]["value"] == 12.5  # 1 / 8


def test_a_scale_up_region_has_its_own_target(repo: tuple[Path, str, str],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    root = repo[0]
    set_cell(root / "data/regios.csv", 3, "fase", "opschaling")
    _, out, _ = kpi(capsys, "--format", "json")
    found = entries(out)
    assert found["deelnemers_bereikt.zuid.2023-Q4"]["target"] == 200
    assert found["deelnemers_bereikt.noord.2023-Q4"]["target"] is None
    assert found["deelnemers_bereikt.totaal.2023-Q4.fase=pilot"]["value"] == 31  # noord only
    assert found["doelbereik.zuid.2023-Q4.doel=deelnemers_bereikt"]["value"] == 10.0  # 20 / 200
    assert json.loads(out)["commit"] is None  # the register is changed, not committed


def test_breakdowns_on_request(repo: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    _, plain, _ = kpi(capsys, "--format", "json", "--region", "totaal")
    _, full, _ = kpi(capsys, "--format", "json", "--region", "totaal", "--breakdowns")
    cell = "uitstroom_bestemming.totaal.2023-Q4.bestemming=werk"
    assert cell not in entries(plain) and entries(full)[cell]["value"] == 9
    assert entries(full)[cell]["breakdown"] == {"bestemming": "werk"}


def test_table_in_dutch_number_formats(repo: tuple[Path, str, str],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kpi(capsys, "--ref", repo[1], "--region", "totaal")
    assert code == 0
    assert f"Gegevens: commit {repo[1]}" in out
    lines = {line.split("  ")[0].strip(): line for line in out.splitlines()}
    assert "€ 1.480" in out  # kosten_per_deelnemer.totaal: 74000 / 50
    assert "35,7%" in out  # opvolging_1meting.totaal: 10 / 28
    assert "€ 74.000" in out  # kosten_totaal
    row = next(line for line in out.splitlines() if "totaal · fase pilot" in line and "≥ 400" in line)
    assert row.split()[-3:] == ["400", "13%", "2026-Q4"]  # 50 / 400 = 12,5% -> 13%
    assert "Deelnemers bereikt" in lines


def test_csv(repo: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kpi(capsys, "--format", "csv", "--region", "noord")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "id,region,period,breakdown,value,unit,target,target_due,figure_id,version"
    assert "deelnemers_bereikt,noord,2023-Q4,,31,aantal,,,deelnemers_bereikt.noord.2023-Q4,1" in lines


def test_invalid_data_exit_1_with_the_validator_text(repo: tuple[Path, str, str],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    set_cell(repo[0] / INSTROOM, 3, "aantal", "vijf")
    code, out, err = kpi(capsys, "--format", "json")
    assert (code, out) == (1, "")
    assert "data/noord/instroom.csv, rij 3, kolom aantal" in err
    assert "ongeldig" in err


def test_usage_errors(repo: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert kpi(capsys, "--region", "west")[0] == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["kpi", "--period", "2023-5"])
    assert exit_info.value.code == 2
    code, _, err = kpi(capsys, "--ref", "bestaat-niet")
    assert code == 1 and "Onbekende ref 'bestaat-niet'" in err


def test_small_groups_are_hidden_as_on_the_site(repo: tuple[Path, str, str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    # zuid has 1 measured participant (< k = 5 in mkdocs.yml): its model figures are hidden,
    # with the reason but without the count or the non-response bounds; noord (9) is shown.
    _, out, _ = kpi(capsys, "--format", "json")
    zuid = entries(out)["maatschappelijke_baten_per_deelnemer.zuid.2023-Q4"]
    assert (zuid["value"], zuid["suppressed"]) == (None, True)
    assert zuid["details"]["onderdrukking"] == "klein aantal"
    assert not {"aantal_gemeten", "nonrespons_nul", "nonrespons_gelijk"} & zuid["details"].keys()
    noord = entries(out)["maatschappelijke_baten_per_deelnemer.noord.2023-Q4"]
    assert noord["value"] is not None and not noord["suppressed"]
    _, table, _ = kpi(capsys, "--region", "zuid")
    row = next(line for line in table.splitlines() if "Maatschappelijke baten per deelnemer per"
               in line)
    assert "<5" in row.split()
