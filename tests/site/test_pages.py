"""Every kind of page exists in the example site, in Dutch, with audited numbers."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote
from pathlib import Path

import pytest

from generator.cli import main
from generator.site.example import BANNER
from tests.site.conftest import REPO_ROOT, page

PAGES = [
    "", "onderzoeksvragen/", *(f"onderzoeksvragen/{n}/" for n in range(1, 7)),
    "regios/", "regios/voorbeeld-noord/", "regios/voorbeeld-zuid/",
    "indicatoren/", "indicatoren/deelnemers_bereikt/", "indicatoren/uitstroom_bestemming/",
    "economisch-effect/", "economisch-effect/methode/",
    "edities/", "edities/tussenrapport-2026/", "gegevenslevering/", "bouwinformatie/",
]


@pytest.fixture(scope="module")
def kpi_totals(pytestconfig: pytest.Config) -> dict[str, dict]:
    """What `impactmonitor kpi --format json` says, the numbers the home page must show."""
    import contextlib
    import io
    import os

    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(REPO_ROOT)
    try:
        with contextlib.redirect_stdout(out):
            assert main(["kpi", "--format", "json"]) == 0
    finally:
        os.chdir(cwd)
    return {e["figure_id"]: e for e in json.loads(out.getvalue())["indicators"]}


@pytest.mark.parametrize("url", PAGES)
def test_the_page_exists_with_the_example_banner(example_site: Path, url: str) -> None:
    html = page(example_site, url)
    assert BANNER.replace("'", "&#39;") in html
    assert '<html lang="nl"' in html


def test_home_shows_the_kpis_as_impactmonitor_kpi(example_site: Path,
                                                   kpi_totals: dict[str, dict]) -> None:
    html = page(example_site, "")
    reached = next(e for e in kpi_totals.values()
                   if e["id"] == "deelnemers_bereikt" and e["region"] == "totaal"
                   and not e["breakdown"])
    figure_id = reached["figure_id"]
    assert re.search(rf'data-figure-id="{re.escape(figure_id)}"[^>]*>{reached["value"]}</a>', html)
    assert "Kernindicatoren" in html and "Per regio" in html


def test_every_progress_bar_has_its_status_in_words(example_site: Path) -> None:
    # The legend below the cards names all three statuses, so look at the cards' own labels.
    html = page(example_site, "")
    bars = re.findall(r'aria-label="Voortgang naar het doel: ([a-z ]+)"><div '
                      r'class="im-progress-bar im-status-([a-z-]+)"', html)
    badges = re.findall(r'<p class="im-status im-status-([a-z-]+)">([A-Za-z ]+)</p>', html)
    words = {"behaald": "Behaald", "op-koers": "Op koers", "achter": "Achter"}
    assert bars and len(bars) == len(badges)
    for (spoken, bar), (badge, label) in zip(bars, badges, strict=True):
        assert bar == badge and words[badge] == label and spoken == label.lower()


def test_home_says_which_commit_last_changed_the_data(example_site: Path) -> None:
    html = page(example_site, "")
    dirty = _git("status", "--porcelain", "--", "data", "indicators")
    if dirty:
        assert "de gegevens in de werkmap, nog niet vastgelegd in een commit" in html
    else:
        sha = _git("log", "-1", "--format=%H", "--", "data", "indicators").strip()
        assert re.search(rf"gegevens laatst bijgewerkt op \d+ \w+ \d{{4}} \(commit {sha[:12]}\)",
                         html)


def _git(*args: str) -> str:
    import subprocess

    return subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True,
                          check=True).stdout


def test_every_number_link_carries_a_figure_id(example_site: Path) -> None:
    links = 0
    for html_file in example_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for link in re.findall(r'<a class="im-figure"[^>]*>', html):
            links += 1
            assert re.search(r'data-figure-id="[a-z0-9_]+\.[a-z0-9-]+\.\d{4}-Q\d', link), link
            assert "/audit/" in link or link.count('href="audit/') == 1
    assert links >= 50  # the example site links about a hundred numbers; none is a failure


@pytest.mark.parametrize(("url", "words"), [
    ("onderzoeksvragen/5/", ["Hoeveel trajecten en deelnemers", "Indicatoren bij deze vraag",
                             "Voorbeeldtekst"]),
    ("regios/voorbeeld-noord/", ["Alle indicatoren", "Context", "Borging",
                                 "Succes- en faalfactoren", "Verloop per indicator"]),
    ("indicatoren/deelnemers_bereikt/", ["Rekenregel", "Doelen", "Kanttekeningen", "Verloop",
                                         "Per regio", "Downloaden", "deelnemers_bereikt.csv"]),
    ("economisch-effect/", ["Laag", "Centraal", "Hoog", "Gevoeligheid", "Onzekerheid",
                            "Bbp-effect", "methode", "Verdeling per partij",
                            "Weglekeffect (wat toch al zou gebeuren)",
                            "Totaal (welvaartssaldo)", "Kosteneffectiviteit",
                            "Kosten per behaald bewijs met civiel effect"]),
    ("edities/tussenrapport-2026/", ["Tussenrapport", "Latere correcties",
                                     "673dfaece55aedf763c529e21ee9a96d6130e966"]),
    ("bouwinformatie/", ["Commits", "Bouwdatum", "Validatie van de gegevens", "Geldig",
                         "mkdocs-material"]),
])
def test_key_dutch_texts(example_site: Path, url: str, words: list[str]) -> None:
    html = page(example_site, url)
    for word in words:
        assert word in html, word


def test_each_indicator_has_a_page_and_a_csv(example_site: Path) -> None:
    definitions = sorted(p.stem for p in (REPO_ROOT / "indicators").glob("*.yml"))
    for indicator in definitions:
        assert (example_site / "indicatoren" / indicator / "index.html").is_file()
        csv = (example_site / "indicatoren" / f"{indicator}.csv").read_text(encoding="utf-8")
        assert csv.startswith("indicator,regio,periode,")


def test_edition_numbers_link_to_their_own_entry_or_the_unchanged_live_one(
        example_site: Path) -> None:
    """An edition's own audit tree holds what changed since its commit; a figure the live
    monitor has unchanged links to the live entry. Every link lands on its anchor."""
    html = page(example_site, "edities/tussenrapport-2026/")
    links = re.findall(r'<a class="im-figure" href="([^"]+)"', html)
    assert links and all(link.startswith(("audit/", "../../audit/")) for link in links)
    for link in links:
        target, _, anchor = link.partition("#")
        file = (example_site / "edities" / "tussenrapport-2026" / target / "index.html").resolve()
        assert f'<p class="im-audit-entry" id="{unquote(anchor)}">' in file.read_text(encoding="utf-8"), link


def test_nothing_is_loaded_from_outside_the_site(example_site: Path) -> None:
    for html_file in example_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert not re.search(r'src="(https?:)?//', html), html_file
        assert not re.search(r'<link[^>]*href="(https?:)?//', html), html_file
        assert not re.search(r'href="(https?:)?//', html), html_file  # not even a link out


def test_the_economy_page_has_no_english_parameter_words_and_shares_as_percentages(
        example_site: Path) -> None:
    html = page(example_site, "economisch-effect/")
    assert "Deadweight" not in html
    # Shares and the discount rate as percentages with their unit, never 0,0125 or 0,75
    assert ">1,25% per jaar</span>" in html and ">90%</span>" in html  # discontovoet, deadweight
    assert ">0,0125<" not in html and ">0,9<" not in html
