"""`impactmonitor verify` on an encrypted site: with the national password, as on a plain one."""

from __future__ import annotations

import pytest

from generator.cli import main
from generator.encrypt.passwords import NATIONAL_ENV, env_name
from generator.encrypt.reader import open_published
from generator.provenance.verify import verify_site
from tests.encrypt.conftest import REGION, Built
from tests.provenance.test_verify import moved_by_the_change


def test_verify_passes_on_the_encrypted_site(built: Built) -> None:
    read = open_published(built.encrypted, {NATIONAL_ENV: built.passwords[NATIONAL_ENV]})
    report = verify_site(built.root, built.encrypted, read=read)
    assert report.ok and len(report.trees) == 2
    assert report.trees[0].compared > 1000


def test_verify_reports_exactly_the_figures_a_data_change_moved(built: Built) -> None:
    read = open_published(built.encrypted, {NATIONAL_ENV: built.passwords[NATIONAL_ENV]})
    report = verify_site(built.root, built.encrypted, built.second, read=read)
    expected = moved_by_the_change(built.root, built.first, built.second)
    assert expected and {d.figure_id for d in report.trees[0].differences} == expected
    plain = verify_site(built.root, built.plain, built.second)
    assert {d.figure_id for d in plain.trees[0].differences} == expected


def test_the_command_without_or_with_a_wrong_password(built: Built, monkeypatch, capsys) -> None:
    monkeypatch.chdir(built.root)
    monkeypatch.delenv(NATIONAL_ENV, raising=False)
    assert main(["verify", str(built.encrypted)]) == 1
    assert "is versleuteld: zet het landelijke wachtwoord in IMPACTMONITOR_PASSWORD" in (
        capsys.readouterr().err)
    monkeypatch.setenv(NATIONAL_ENV, built.passwords[env_name(REGION)] + "x")
    assert main(["verify", str(built.encrypted)]) == 1
    assert "opent" in capsys.readouterr().err
    monkeypatch.setenv(NATIONAL_ENV, built.passwords[NATIONAL_ENV])
    assert main(["verify", str(built.encrypted)]) == 0
    assert "Resultaat: alle " in capsys.readouterr().out


@pytest.mark.parametrize("audience", [REGION])
def test_a_region_password_cannot_verify_the_whole_site(built: Built, audience: str) -> None:
    """Its manifest holds only totals and its region; verify needs the national one."""
    read = open_published(built.encrypted, {NATIONAL_ENV: built.passwords[env_name(audience)]})
    report = verify_site(built.root, built.encrypted, read=read)
    assert not report.ok
