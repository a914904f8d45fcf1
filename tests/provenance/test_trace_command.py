"""`impactmonitor trace` in a Git repository whose second commit changes one data cell."""

from __future__ import annotations

import json

import pytest

from generator.cli import main
from tests.provenance.conftest import CHANGED_FILE, CHANGED_ROW, ExampleRepo

FIGURE = "deelnemers_bereikt.voorbeeld-noord.2026-Q2"
"""Counts every instroom row of noord, the changed one among them."""


@pytest.fixture
def repo(example_repo: ExampleRepo, monkeypatch: pytest.MonkeyPatch) -> ExampleRepo:
    monkeypatch.chdir(example_repo.root)
    return example_repo


def trace(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["trace", *args])
    out, err = capsys.readouterr()
    return code, out + err


def value(capsys: pytest.CaptureFixture[str], *args: str) -> int:
    code, out = trace(capsys, FIGURE, "--format", "json", "--no-validate", *args)
    assert code == 0
    return json.loads(out)["figure"]["value"]


def test_ref_gives_the_value_at_that_commit(repo: ExampleRepo,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    before, after = value(capsys, "--ref", repo.first), value(capsys, "--ref", repo.second)
    assert after - before == repo.new - repo.old == 1
    assert value(capsys) == after  # the working tree is the second commit


def test_expect_compares_with_the_value_the_site_shows(repo: ExampleRepo,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    old = value(capsys, "--ref", repo.first)
    new = old + 1
    code, out = trace(capsys, FIGURE, "--ref", repo.first, "--expect", str(new))
    assert code == 1 and f"verwachte waarde {new}: WIJKT AF" in out
    code, out = trace(capsys, FIGURE, "--ref", repo.first, "--expect", str(old))
    assert code == 0 and f"verwachte waarde {old}: komt overeen" in out
    code, _ = trace(capsys, FIGURE, "--ref", repo.second, "--expect", str(new), "--no-validate")
    assert code == 0


def test_expect_reads_dutch_notation(repo: ExampleRepo, capsys: pytest.CaptureFixture[str]) -> None:
    kosten = "kosten_totaal.totaal.2026-Q2"
    code, out = trace(capsys, kosten, "--format", "json", "--no-validate")
    shown = json.loads(out)["shown"]
    assert shown.startswith("€ ") and "." in shown  # € 1.234.567
    for expected in (shown, shown.replace("€ ", ""), repr(json.loads(out)["figure"]["value"])):
        assert trace(capsys, kosten, "--no-validate", "--expect", expected)[0] == 0, expected
    assert trace(capsys, kosten, "--no-validate", "--expect", "€ 1")[0] == 1


def test_expect_takes_the_decimals_the_value_is_written_with(
        repo: ExampleRepo, capsys: pytest.CaptureFixture[str]) -> None:
    """A table shows a small GDP effect with the digits it needs (0,0000050%), a card with
    the definition's five decimals (0,00000%): both are the site's, both match; a digit
    more that is wrong does not."""
    figure = "bbp_effect_pct.voorbeeld-noord.2023-Q1"
    code, out = trace(capsys, figure, "--format", "json", "--no-validate", "--ref", repo.first)
    number = json.loads(out)["figure"]["value"]
    assert 0 < number < 0.00001
    table = f"{number:.7f}".replace(".", ",") + "%"
    for expected in (table, json.loads(out)["shown"]):
        assert trace(capsys, figure, "--no-validate", "--ref", repo.first,
                     "--expect", expected)[0] == 0, expected
    wrong = table[:-2] + str((int(table[-2]) + 1) % 10) + "%"
    assert trace(capsys, figure, "--no-validate", "--ref", repo.first, "--expect", wrong)[0] == 1


def test_the_text_names_file_blob_rows_commits_and_the_command(
        repo: ExampleRepo, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = trace(capsys, FIGURE, "--ref", repo.first)
    assert code == 0
    assert f"commit {repo.first}" in out
    assert "Validatie   geldig" in out
    source = next(line for line in out.splitlines() if line.strip().startswith(CHANGED_FILE))
    assert f"rijen {CHANGED_ROW}–" in source
    assert f"Opnieuw berekenen: impactmonitor trace {FIGURE} --ref {repo.first}" in out
    assert "uit alleen de rijen hierboven" in out and "komt overeen" in out


def test_json_has_the_manifest_entry_and_the_checks(repo: ExampleRepo,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out = trace(capsys, FIGURE, "--ref", repo.second, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert (data["found"], data["ok"], data["data_commit"]) == (True, True, repo.second)
    assert data["validation"]["valid"] is True
    assert data["recomputed"]["rows_only_matches"] is True
    assert data["figure"]["id"] == FIGURE and data["figure"]["onderdrukt"] is False
    inputs = {i["file"]: i for i in data["figure"]["inputs"]}
    assert inputs[CHANGED_FILE]["rows"].startswith(f"{CHANGED_ROW}-")
    assert data["command"] == f"impactmonitor trace {FIGURE} --ref {repo.second}"


def test_an_unknown_id_exits_1_and_suggests_the_closest(
        repo: ExampleRepo, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = trace(capsys, "deelnemers_bereik.voorbeeld-noord.2026-Q2", "--no-validate")
    assert code == 1
    assert "Onbekende figuur 'deelnemers_bereik.voorbeeld-noord.2026-Q2'" in out
    assert out.splitlines()[2].strip() == FIGURE  # the first suggestion
    code, out = trace(capsys, "deelnemers_bereikt.voorbeeld-noord.1999-Q1", "--format", "json",
                      "--no-validate")
    data = json.loads(out)
    assert code == 1 and data["found"] is False
    assert "deelnemers_bereikt.voorbeeld-noord.2026-Q2" in data["suggestions"]


def test_an_unknown_ref_is_a_clean_error(repo: ExampleRepo,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out = trace(capsys, FIGURE, "--ref", "geen-tak")
    assert code == 1 and "Onbekende ref 'geen-tak'" in out
