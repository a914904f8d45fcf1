"""`impactmonitor diff BASE HEAD` on the hand-made package in a real Git repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.fixtures.handmade_repo import commit_all, make_repo, set_cell

INSTROOM = "data/noord/instroom.csv"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    first = make_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path, first


def diff(capsys: pytest.CaptureFixture[str], base: str, head: str) -> str:
    assert main(["diff", base, head]) == 0
    return capsys.readouterr().out


def rows(markdown: str) -> dict[tuple[str, str], list[str]]:
    """(region, indicator title) -> [before, after, change] of the table."""
    found = {}
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 5 and cells[0] != "regio":
            found[(cells[0], cells[1])] = cells[2:]
    return found


def test_a_corrected_cell_moves_exactly_its_values(repo: tuple[Path, str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root, first = repo
    set_cell(root / INSTROOM, 2, "aantal", "11")
    second = commit_all(root, "Correct the first instroom row")
    out = diff(capsys, first, second)
    table = rows(out)
    assert out.startswith("## Indicatorwaarden: wat deze wijziging verandert\n")
    assert f"`{first[:12]}`" in out and "stand tot en met 2023-Q4" in out
    assert "| regio | indicator | voor | na | verschil |" in out
    assert table[("noord", "Deelnemers bereikt")] == ["30", "31", "+1"]
    assert table[("totaal", "Deelnemers bereikt")] == ["50", "51", "+1"]
    # 74000 / 50 = 1480 -> 74000 / 51 = 1450,98
    assert table[("totaal", "Kosten per bereikte deelnemer")] == ["€ 1.480", "€ 1.451", "€ -29"]
    assert not any(region == "zuid" for region, _ in table)
    assert not any(title == "Matches met werkgevers" for _, title in table)
    regions = [region for region, _ in table]
    assert regions == sorted(regions, key=lambda r: r == "totaal")  # regions first, totaal last


def test_nothing_moves(repo: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    root, first = repo
    (root / "indicators" / "README.md").write_text("Only words changed.\n")
    second = commit_all(root, "Docs only")
    out = diff(capsys, first, second)
    assert out.rstrip().endswith("Geen indicatorwaarden veranderd.")
    assert "|" not in out


def test_a_new_quarter_is_compared_at_that_quarter(repo: tuple[Path, str],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    root, first = repo
    with (root / "data/zuid/matches.csv").open("a", encoding="utf-8") as handle:
        handle.write("2024-Q1,baan,logistiek,3\n")
    second = commit_all(root, "Deliver 2024-Q1")
    out = diff(capsys, first, "HEAD")
    assert "stand tot en met 2024-Q1" in out
    assert rows(out) == {("zuid", "Matches met werkgevers"): ["4", "7", "+3"],
                         ("totaal", "Matches met werkgevers"): ["10", "13", "+3"]}
    assert f"`HEAD` (`{second[:12]}`)" in out


def test_invalid_head_is_said_not_compared(repo: tuple[Path, str],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    root, first = repo
    set_cell(root / INSTROOM, 2, "aantal", "tien")
    commit_all(root, "Break a cell")
    out = diff(capsys, first, "HEAD")
    assert "ongeldig" in out and "|" not in out
