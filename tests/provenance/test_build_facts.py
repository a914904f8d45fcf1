"""One set of build facts: the build information page, the manifests and the audit pages
state the same data commit, code commit, build date and tool versions."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

import pytest

from generator.provenance.facts import gather_facts
from generator.site.words import dutch_date
from generator.sources import open_snapshot
from generator.validate import validate_repository
from tests.fixtures.handmade_repo import commit_all, git, make_repo
from tests.provenance.conftest import published_manifest


def page(site: Path, url: str) -> str:
    return html.unescape((site / url / "index.html").read_text(encoding="utf-8"))


def test_page_manifests_and_audit_pages_state_the_same_facts(example_site: Path) -> None:
    live = published_manifest(example_site, "bouwinformatie/manifest.json")
    date = dutch_date(datetime.fromisoformat(live["build_date"]))
    code, data = live["code_commit"], live["data_commit"]
    info = page(example_site, "bouwinformatie/")
    assert f"<code>{code}</code>" in info and f"<code>{data} (" in info
    assert f"<td><code>{date}</code></td>" in info
    for name, version in live["tool_versions"].items():
        assert f'<th scope="row">{name}</th><td>{version}</td>' in info, name
    audit = page(example_site, "audit/deelnemers_bereikt/totaal/")
    tools = ", ".join(f"{name} {version}" for name, version in live["tool_versions"].items())
    assert f"<td>Tools</td>\n<td>{tools}</td>" in audit
    assert f"<td>Bouwdatum</td>\n<td>{date}</td>" in audit
    assert f"<td>Gegevens</td>\n<td><code>{data[:12]}</code></td>" in audit
    assert f"<td>Code</td>\n<td><code>{code[:12]}</code>" in audit
    for slug, about in live["editions"].items():
        edition = published_manifest(example_site, about["manifest"])
        assert {k: edition[k] for k in ("code_commit", "site_commit", "build_date",
                                        "tool_versions", "k_anonymity")} == {
            k: live[k] for k in ("code_commit", "site_commit", "build_date", "tool_versions",
                                 "k_anonymity")}
        assert edition["data_commit"] == about["data_commit"] and edition["validation"] is None
        # An edition's own audit pages hold only what changed since its commit (the rest
        # has its entry in the live tree, checked above); each states the same date.
        for own in (example_site / "edities" / slug / "audit").rglob("index.html"):
            assert f"<td>Bouwdatum</td>\n<td>{date}</td>" in html.unescape(
                own.read_text(encoding="utf-8")), own


def test_the_build_date_is_heads_commit_date_unless_source_date_epoch_is_set(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_repo(tmp_path)
    (tmp_path / "site_src").mkdir()
    (tmp_path / "site_src" / "x.md").write_text("# Tekst\n", encoding="utf-8")
    head = commit_all(tmp_path, "Narrative only: the data stay at the first commit")
    snapshot = open_snapshot(tmp_path)
    report = validate_repository(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    facts = gather_facts(tmp_path, snapshot, report)
    assert facts.epoch == int(git(tmp_path, "log", "-1", "--format=%ct", head))
    assert (facts.data_commit, facts.data_changed.sha, facts.site_commit) == (head, first, head)
    assert facts.validation == {"valid": True, "errors": 0, "warnings": len(report.warnings),
                                "files_checked": report.files_checked}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert gather_facts(tmp_path, snapshot, report).build_date == "2023-11-14T22:13:20+00:00"
    (tmp_path / "site_src" / "x.md").write_text("# Anders\n", encoding="utf-8")
    assert gather_facts(tmp_path, snapshot, report).site_commit == head + "-dirty"
