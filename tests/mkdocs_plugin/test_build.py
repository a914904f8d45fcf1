"""`impactmonitor build`: reproducible, atomic, safe from data; and plain `mkdocs build`."""

from __future__ import annotations

import filecmp
import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.build import build_site
from generator.mkdocs_plugin.plugin import PREVIEW
from tests.fixtures.handmade_repo import commit_all, git, set_cell
from tests.site.conftest import page, site_repo, write


def same_tree(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only (empty when byte-identical)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + n for n in mismatch + errors)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return found


def test_two_builds_of_one_commit_are_byte_identical(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    site_repo(root)
    build_site(root, tmp_path / "a", encrypt=False)
    build_site(root, tmp_path / "b", encrypt=False)
    assert same_tree(tmp_path / "a", tmp_path / "b") == []
    for name in ("sitemap.xml.gz", "search/search_index.json", "index.html"):
        assert (tmp_path / "a" / name).is_file(), name
    # The build date is the commit's, in the sitemap's gzip header too.
    commit_time = int(git(root, "log", "-1", "--format=%ct"))
    header = (tmp_path / "a" / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(header[4:8], "little") == commit_time - commit_time % 86400
    gzip.decompress(header)  # a valid archive


def test_a_failed_build_leaves_the_previous_site_and_no_temporary_folders(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    site_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--unencrypted-preview"]) == 0
    before = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    set_cell(tmp_path / "data/noord/instroom.csv", 2, "aantal", "-3")
    capsys.readouterr()
    assert main(["build", "--unencrypted-preview"]) == 1
    err = capsys.readouterr().err
    assert "data/noord/instroom.csv" in err
    assert ("impactmonitor: fout: De gegevens (werkmap met wijzigingen) zijn ongeldig; "
            "er is niets berekend.") in err
    after = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


def test_a_broken_narrative_fails_the_build_and_keeps_the_previous_site(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    site_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "uit"
    assert main(["build", "--unencrypted-preview", "--out", str(out)]) == 0
    home = (out / "index.html").read_bytes()
    write(tmp_path / "site_src/onderzoeksvragen/2.md", "# Vraag\n\n{{ kpi('bestaat_niet') }}\n")
    assert main(["build", "--unencrypted-preview", "--out", str(out)]) == 1
    assert "site_src/onderzoeksvragen/2.md, regel 3: onbekende indicator" in capsys.readouterr().err
    assert (out / "index.html").read_bytes() == home
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".uit")] == []


def test_data_cannot_inject_html(tmp_path: Path) -> None:
    site_repo(tmp_path)
    evil = "<script>alert(1)</script>"
    register = tmp_path / "data/regios.csv"
    register.write_text(register.read_text().replace("Testregio Noord (fictief)",
                                                     f"Noord {evil} [x](javascript:alert(2)) (fictief)"))
    factors = tmp_path / "data/noord/factoren.csv"
    factors.write_text(factors.read_text().replace("Korte lijnen met UWV", f"Korte lijnen {evil}"))
    commit_all(tmp_path, "Names with markup")
    build_site(tmp_path, tmp_path / "site", encrypt=False)
    for html_file in (tmp_path / "site").rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "alert(1)</script>" not in html, html_file
        assert 'href="javascript:' not in html, html_file
    region = page(tmp_path / "site", "regios/noord/")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in region
    assert "Korte lijnen &lt;script&gt;" in region


def test_plain_mkdocs_build_with_the_repositorys_configuration(tmp_path: Path) -> None:
    root, scratch = tmp_path / "repo", tmp_path / "tmp"
    site_repo(root)  # the hand-made data with a copy of the repository's mkdocs.yml
    scratch.mkdir()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir",
                             str(tmp_path / "site")], cwd=root, capture_output=True, text=True,
                            env={**os.environ, "TMPDIR": str(scratch)})
    assert result.returncode == 0, result.stderr
    assert "Kernindicatoren" in page(tmp_path / "site", "")
    assert (tmp_path / "site" / "regios" / "noord" / "index.html").is_file()
    assert list(scratch.iterdir()) == []  # the plugin's staging folder is gone
    # MkDocs alone never makes a publishable site: every page says it is not encrypted.
    pages = list((tmp_path / "site").rglob("*.html"))
    assert pages and all(PREVIEW in p.read_text(encoding="utf-8") for p in pages)
