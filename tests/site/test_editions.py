"""A report edition keeps the figures of its commit and lists what later corrections changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.errors import UserError
from generator.build import build_site
from generator.provenance.published import manifest_path, plain_reader, read_manifest
from generator.provenance.trace import Trace, trace
from generator.provenance.verify import verify_site
from generator.site.urls import edition_root
from tests.fixtures.handmade_repo import commit_all, set_cell
from tests.site.test_audit_links import addresses
from tests.site.conftest import page, site_repo, write

INSTROOM = "data/noord/instroom.csv"
NOORD = "deelnemers_bereikt.noord.2023-Q4"
TOTAAL = "deelnemers_bereikt.totaal.2023-Q4"


def edition(root: Path, data_ref: str, slug: str = "tussenrapport-2023") -> None:
    write(root / "site_src" / "edities" / slug / "editie.yml",
          f"titel: Tussenrapport 2023\nsoort: tussenrapport\ndata_ref: {data_ref}\n"
          "datum: 2024-02-01\n")
    write(root / "site_src" / "edities" / slug / "index.md",
          '# Tussenrapport 2023\n\nNoord bereikte {{ kpi("deelnemers_bereikt", regio="noord") }} '
          'deelnemers.\n')


def shown(html: str, figure_id: str) -> list[str]:
    """Every value shown for `figure_id` in the page."""
    return re.findall(rf'data-figure-id="{re.escape(figure_id)}"[^>]*>(?:<a [^>]*>)?([^<]+)<', html)


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """An edition pinned to commit 1; commit 2 corrects noord's first instroom row 10 -> 13."""
    root = tmp_path_factory.mktemp("repo")
    first = site_repo(root)
    edition(root, first)
    commit_all(root, "Add an edition")
    set_cell(root / INSTROOM, 2, "aantal", "13")
    second = commit_all(root, "Correct noord's first instroom row")
    build_site(root, root / "site", encrypt=False)
    return root / "site", first, second


def test_the_edition_keeps_the_values_of_its_commit(corrected: tuple[Path, str, str]) -> None:
    site, _, _ = corrected
    report = page(site, "edities/tussenrapport-2023/")
    assert "Noord bereikte" in report
    before = shown(report[:report.index('id="latere-correcties"')], NOORD)
    assert before and set(before) == {"30"}
    assert set(shown(page(site, "regios/noord/"), NOORD)) == {"33"}  # the live monitor moved


def test_the_edition_lists_the_correction_with_both_values_and_commits(
        corrected: tuple[Path, str, str]) -> None:
    site, first, second = corrected
    report = page(site, "edities/tussenrapport-2023/")
    section = report[report.index('id="latere-correcties"'):]
    assert first in section and second in section
    rows = re.findall(r"<tr>(.*?)</tr>", section)
    row = next(r for r in rows if NOORD in r)
    assert shown(row, NOORD) == ["30", "33"]
    assert "../../audit/deelnemers_bereikt/noord/#" in row  # current value: live audit entry
    assert 'href="audit/deelnemers_bereikt/noord/#' in row  # edition value: its own entry
    assert any(TOTAAL in r for r in rows)


def test_the_editions_figures_trace_to_its_pinned_commit(corrected: tuple[Path, str, str]) -> None:
    """Its audit entries, its manifest and `trace` all name the commit it is pinned to, and
    recomputing there gives the number the edition shows (the current data do not)."""
    site, first, second = corrected
    root = site.parent
    report = page(site, "edities/tussenrapport-2023/")
    value = shown(report[:report.index('id="latere-correcties"')], NOORD)[0]
    pinned = trace(root, NOORD, first, expect=value, validate=False)
    assert isinstance(pinned, Trace) and pinned.ok and pinned.snapshot.commit == first
    later = trace(root, NOORD, second, expect=value, validate=False)
    assert isinstance(later, Trace) and later.expected_matches is False
    entry = page(site, "edities/tussenrapport-2023/audit/deelnemers_bereikt/noord/")
    assert f"impactmonitor trace &lt;id&gt; --ref {first}" in entry  # once, for the page
    assert f'<p class="im-audit-entry" id="{NOORD}"><code>{NOORD}</code>' in entry
    manifest = read_manifest(site, manifest_path(edition_root("tussenrapport-2023")),
                             plain_reader(site))
    assert (manifest["data_commit"], manifest["figures"][NOORD]["value"]) == (first, 30)
    report = verify_site(root, site)  # the live monitor at commit 2, the edition at 1
    assert report.ok and [t.checked_commit for t in report.trees] == [second, first]


def test_what_did_not_change_since_the_edition_has_one_audit_entry(
        corrected: tuple[Path, str, str]) -> None:
    """The correction moved noord; zuid's figures are the same at both commits: the edition
    links them to the live entry, which names the edition page, and has no pages of its own
    for them. Noord's moved figures keep their own entry, naming the pinned commit."""
    site, first, _ = corrected
    zuid = "deelnemers_bereikt.zuid.2023-Q4"
    own = site / "edities" / "tussenrapport-2023" / "audit"
    assert (own / "deelnemers_bereikt" / "noord" / "index.html").is_file()
    assert not (own / "deelnemers_bereikt" / "zuid").exists()
    live = page(site, "audit/deelnemers_bereikt/zuid/")
    start = live.index(f'<p class="im-audit-entry" id="{zuid}">')
    entry = live[start:live.index("</p>", start)]
    assert '<a href="../../../edities/tussenrapport-2023/">Tussenrapport 2023</a>' in entry
    # How to trace in an edition's commit is said once, where every audit page links.
    assert 'href="../../../bouwinformatie/#over-de-herkomstpaginas"' in live
    assert "<em>Edities.</em>" in page(site, "bouwinformatie/") and "Edities." not in live
    edition_audit = page(site, "edities/tussenrapport-2023/audit/deelnemers_bereikt/noord/")
    assert f"impactmonitor trace &lt;id&gt; --ref {first}" in edition_audit
    # Every figure the edition's pages point to has its entry, in the edition's tree or the
    # live one; its other figures are in its manifest (and counted on their audit pages).
    manifest = read_manifest(site, manifest_path(edition_root("tussenrapport-2023")),
                             plain_reader(site))
    anchors = set(re.findall(r'<p class="im-audit-entry" id="([^"]+)">', "".join(
        p.read_text(encoding="utf-8") for p in own.rglob("index.html"))))
    live_anchors = set(re.findall(r'<p class="im-audit-entry" id="([^"]+)">', "".join(
        p.read_text(encoding="utf-8") for p in (site / "audit").rglob("index.html"))))
    assert NOORD in anchors and zuid not in anchors
    pointed = {figure_id for (_, figure_id), pages in addresses(site).items()
               if any(url.startswith("edities/tussenrapport-2023/") for url in pages)}
    assert zuid in pointed and pointed <= anchors | live_anchors
    assert anchors <= set(manifest["figures"])


def test_an_unchanged_edition_says_so(tmp_path: Path) -> None:
    first = site_repo(tmp_path)
    edition(tmp_path, first)
    build_site(tmp_path, tmp_path / "site", encrypt=False)
    assert "Geen van de cijfers in deze editie is later gecorrigeerd." in page(
        tmp_path / "site", "edities/tussenrapport-2023/")


@pytest.mark.parametrize(("data_ref", "words"), [
    ("main", "een volledige commit-sha (40 tekens) of een tag"),
    ("0" * 40, "is geen commit in deze repository"),
])
def test_an_edition_must_name_a_commit_or_tag(tmp_path: Path, data_ref: str, words: str) -> None:
    site_repo(tmp_path)
    edition(tmp_path, data_ref)
    with pytest.raises(UserError, match=re.escape(words)):
        build_site(tmp_path, tmp_path / "site", encrypt=False)
    assert not (tmp_path / "site").exists()


def test_an_edition_may_be_pinned_to_a_tag(tmp_path: Path) -> None:
    from tests.fixtures.handmade_repo import git

    first = site_repo(tmp_path)
    git(tmp_path, "tag", "tussenrapport-2023")
    edition(tmp_path, "tussenrapport-2023")
    build_site(tmp_path, tmp_path / "site", encrypt=False)
    assert first in page(tmp_path / "site", "edities/tussenrapport-2023/")
