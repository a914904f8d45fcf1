"""`impactmonitor validate` as a data steward and as CI run it: exit codes and output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.validate.delivery import REPO, Delivery

CLI = [sys.executable, "-m", "generator"]
MATCHES = "data/voorbeeld-noord/matches.csv"


def run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "validate", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    delivery = Delivery(tmp_path)
    (tmp_path / "pyproject.toml").write_text("")
    shutil.copytree(REPO / "indicators", tmp_path / "indicators")
    delivery.set_cell(MATCHES, 2, "sector", "zorg")
    delivery.set_cell(MATCHES, 3, "aantal", "twee")
    return tmp_path


def test_example_data_exit_zero() -> None:
    result = run(REPO, "--as-of", "2026-Q3")
    assert (result.returncode, result.stderr) == (0, "")
    indicator_files = len(list((REPO / "indicators").rglob("*.yml")))
    assert result.stdout.startswith(f"Geldig: {23 + indicator_files} bestanden gecontroleerd, geen fouten")


def test_invalid_data_exit_one_with_dutch_text(broken: Path) -> None:
    result = run(broken, "--as-of", "2026-Q3")
    assert result.returncode == 1
    assert "FOUT [value-not-allowed] data/voorbeeld-noord/matches.csv, rij 2, kolom sector" in result.stdout
    assert "'twee' is geen geheel getal" in result.stdout
    assert "Ongeldig: 2 fouten in " in result.stdout.splitlines()[-1]
    assert "Traceback" not in result.stderr


def test_json_shape(broken: Path) -> None:
    result = run(broken, "--format", "json", "--as-of", "2026-Q3")
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert set(report) == {"valid", "errors", "warnings"} and report["valid"] is False
    assert [(e["file"], e["row"], e["field"], e["code"]) for e in report["errors"]] == [
        (MATCHES, 2, "sector", "value-not-allowed"),
        (MATCHES, 3, "aantal", "type-error"),
    ]
    assert all({"file", "row", "field", "code", "message", "title"} <= set(e) for e in report["errors"])


def test_github_annotations_and_step_summary(broken: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = run(broken, "--format", "github", "--as-of", "2026-Q3",
                 env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert lines[0].startswith(f"::error file={MATCHES},line=2,title=Waarde niet toegestaan (sector)::'zorg'")
    assert lines[0].endswith("[value-not-allowed]")
    table = summary.read_text(encoding="utf-8")
    assert f"| fout | `{MATCHES}` | 3 | aantal | `type-error` |" in table


def test_github_summary_lists_more_than_the_annotation_cap(tmp_path: Path) -> None:
    delivery = Delivery(tmp_path)
    (tmp_path / "pyproject.toml").write_text("")
    for row in range(2, 14):
        delivery.set_cell(MATCHES, row, "aantal", "veel")
    summary = tmp_path / "summary.md"
    result = run(tmp_path, "--format", "github", "--as-of", "2026-Q3",
                 env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert sum(line.startswith("::error") for line in result.stdout.splitlines()) == 12
    assert "GitHub toont hier maar 10 fouten per stap" in result.stdout
    assert summary.read_text(encoding="utf-8").count("| fout |") == 12


def test_only_the_given_region_is_checked(broken: Path) -> None:
    result = run(broken, "data/voorbeeld-zuid", "--as-of", "2026-Q3")
    assert result.returncode == 0, result.stdout
    result = run(broken, MATCHES, "--as-of", "2026-Q3")
    assert result.returncode == 1


def test_run_from_inside_a_region_folder(broken: Path) -> None:
    result = run(broken / "data" / "voorbeeld-noord", "--format", "json", "--as-of", "2026-Q3")
    assert [e["file"] for e in json.loads(result.stdout)["errors"]] == [MATCHES, MATCHES]


@pytest.mark.parametrize("args, message", [
    (["--format", "xml"], "invalid choice: 'xml'"),
    (["--as-of", "2026-3"], "'2026-3' is geen kwartaal"),
    (["bestaat/niet"], "bestaat/niet bestaat niet."),
    (["pyproject.toml"], "ligt niet in data/ of indicators/"),
])
def test_usage_errors_exit_two(broken: Path, args: list[str], message: str) -> None:
    result = run(broken, *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_no_data_folder(tmp_path: Path) -> None:
    result = run(tmp_path, "--format", "json")
    assert result.returncode == 1
    assert [e["code"] for e in json.loads(result.stdout)["errors"]] == ["missing-data-folder"]


def test_region_packages_pass_plain_frictionless(tmp_path: Path) -> None:
    """Any Frictionless tool can read a region's package on its own, without --trusted."""
    frictionless = shutil.which("frictionless", path=str(Path(sys.executable).parent))
    assert frictionless, "the frictionless command is installed with the project"
    for folder in sorted((REPO / "data").glob("*/datapackage.json")):
        result = subprocess.run([frictionless, "validate", str(folder)], capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 0, result.stdout[-2000:]


def test_indicator_definitions_are_checked(broken: Path) -> None:
    definition = broken / "indicators" / "matches_werkgevers.yml"
    definition.write_text(definition.read_text(encoding="utf-8").replace("bronnen: [matches]", "bronnen: [matches, deelnemers]", 1),
                          encoding="utf-8")
    result = run(broken, "indicators", "--format", "json")
    errors = [(e["file"], e["code"]) for e in json.loads(result.stdout)["errors"]]
    assert result.returncode == 1
    assert errors == [("indicators/matches_werkgevers.yml", "indicator-sources-mismatch")]


def test_model_parameters_are_checked(broken: Path) -> None:
    parameters = broken / "indicators" / "economie" / "parameters.yml"
    parameters.write_text(parameters.read_text(encoding="utf-8").replace("centraal: 0.0225", "centraal: 0.5", 1),
                          encoding="utf-8")
    result = run(broken, "indicators", "--format", "json")
    errors = [(e["file"], e["field"], e["code"]) for e in json.loads(result.stdout)["errors"]]
    assert result.returncode == 1
    assert errors == [("indicators/economie/parameters.yml", "discontovoet.centraal", "model-parameters-invalid")]


def test_text_groups_one_problem_repeated_down_a_column(tmp_path: Path) -> None:
    delivery = Delivery(tmp_path)
    (tmp_path / "pyproject.toml").write_text("")
    for row in range(2, 14):
        delivery.set_cell(MATCHES, row, "aantal", "veel")
    result = run(tmp_path, "--as-of", "2026-Q3")
    assert result.stdout.count("FOUT [type-error]") == 1
    assert "    Hetzelfde in nog 11 rijen: 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13.\n" in result.stdout
    assert "Ongeldig: 12 fouten in " in result.stdout
