"""`impactmonitor build` refuses to publish without a strong national password, before any
long work, and an unencrypted preview says so on every page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.cli import main
from generator.encrypt.passwords import NATIONAL_ENV
from generator.mkdocs_plugin.plugin import PREVIEW
from tests.fixtures.handmade_repo import set_cell
from tests.site.conftest import site_repo


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith(NATIONAL_ENV)]:
        monkeypatch.delenv(name)
    return tmp_path


def test_without_a_password_the_build_stops_before_validating(repo: Path, capsys) -> None:
    set_cell(repo / "data/noord/instroom.csv", 2, "aantal", "-3")  # invalid data as well
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "impactmonitor: fout: IMPACTMONITOR_PASSWORD is niet gezet" in err
    assert "instroom.csv" not in err  # the password is checked first: no validation ran
    assert not (repo / "site").exists()
    assert [p.name for p in repo.iterdir() if p.name.startswith(".site")] == []


def test_a_weak_password_is_refused_saying_why(repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(NATIONAL_ENV, "welkom2026")
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "Het wachtwoord in IMPACTMONITOR_PASSWORD is te zwak: het is korter dan 12" in err
    assert "welkom2026" not in err
    assert not (repo / "site").exists()


def test_a_strong_password_builds_an_encrypted_site(repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(NATIONAL_ENV, "oester-fluit-marmot-" + repo.name[-6:])
    assert main(["build", "--site-url", "https://voorbeeld.invalid/monitor/"]) == 0
    out = capsys.readouterr().out
    assert "Site gebouwd en versleuteld in" in out and "doelgroepen: landelijk." in out
    assert out.splitlines()[-1].startswith("Stappen: valideren ")
    assert " · HTML " in out and " · versleutelen " in out
    shell = (repo / "site/index.html").read_text(encoding="utf-8")
    assert 'content="/monitor/"' in shell and "/monitor/assets/impactmonitor/shell.js" in shell
    assert not list((repo / "site").rglob("*.md")) and (repo / "site/keys.json").is_file()


def test_the_unencrypted_preview_says_so_on_every_page(repo: Path, capsys) -> None:
    assert main(["build", "--unencrypted-preview"]) == 0
    assert "Onversleuteld voorbeeld gebouwd" in capsys.readouterr().out
    pages = list((repo / "site").rglob("*.html"))
    assert len(pages) > 10 and all(PREVIEW in p.read_text(encoding="utf-8") for p in pages)
    assert not (repo / "site/keys.json").exists()
