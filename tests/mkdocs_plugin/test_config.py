"""The plugin's options are checked where they are declared, for every way of building."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.site.conftest import site_repo


@pytest.mark.parametrize("option, value, minimum", [("k_anonymity", 0, 1),
                                                     ("pbkdf2_iterations", 1000, 600000)])
def test_a_value_below_its_bound_is_refused(tmp_path: Path, monkeypatch, capsys, option: str,
                                            value: int, minimum: int) -> None:
    site_repo(tmp_path)
    config = tmp_path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - impactmonitor:\n      k_anonymity: 5\n" in text
    config.write_text(text.replace("      k_anonymity: 5\n", "      k_anonymity: 5\n"
                                   f"      {option}: {value}\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--unencrypted-preview"]) == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml is ongeldig" in err and option in err
    assert f"moet minstens {minimum} zijn, niet {value}." in err
    assert not (tmp_path / "site").exists()
