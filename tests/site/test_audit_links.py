"""Audit pages list the figures the site shows (issue 10): every address of an audit entry
the built example site makes (a link, a chart point) has its entry, an entry exists only
for a figure some page links to, and the page counts the others and links the manifest
part that holds their lineage. The explanations every page shared are said once."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from generator.site.pages.audit import ABOUT, COMMITS_EXPLAINED
from tests.site.conftest import page

ADDRESS = re.compile(r'href="([^"#]*audit/[^"#]*)#([^"]+)"')
"""A link to an audit entry."""
CHART = re.compile(r'class="im-chart-data"[^>]*>(.*?)</script>', re.S)


def chart_points(html: str) -> list[tuple[str, str]]:
    """(audit page, figure id) of every chart point: the trace's page in `meta`, or the
    point's own as the third item of its customdata."""
    return [(point[2] if len(point) > 2 else trace["meta"][1], point[1])
            for data in CHART.findall(html) for trace in json.loads(data)["data"]
            if "meta" in trace for point in trace["customdata"]]
ENTRY = re.compile(r'<p class="im-audit-entry" id="([^"]+)">')
ELSEWHERE = re.compile(r"<p>(\d[\d.]*|Eén) getal(?:len)? van deze indicator en regio.*?"
                       r'<a href="([^"]+\.json)">het deelbestand van het manifest</a>')


def url_of(file: Path, site: Path) -> str:
    url = file.parent.relative_to(site).as_posix() + "/"
    return "" if url == "./" else url


def is_audit(url: str) -> bool:
    return url.startswith("audit/") or "/audit/" in url


def addresses(site: Path) -> dict[tuple[str, str], set[str]]:
    """(audit page URL, figure id) -> URLs of the pages that point there."""
    found: dict[tuple[str, str], set[str]] = {}
    for file in site.rglob("index.html"):
        here = url_of(file, site)
        if is_audit(here):
            continue
        html = file.read_text(encoding="utf-8")
        for target, figure_id in [*((t, unquote(f)) for t, f in ADDRESS.findall(html)),
                                  *chart_points(html)]:
            resolved = posixpath.normpath(posixpath.join(here or ".", target)) + "/"
            found.setdefault((resolved, figure_id), set()).add(here)
    return found


def entries(site: Path) -> dict[str, set[str]]:
    return {url_of(file, site): set(ENTRY.findall(file.read_text(encoding="utf-8")))
            for file in site.rglob("index.html") if is_audit(url_of(file, site))}


def test_every_address_of_an_audit_entry_has_its_entry(example_site: Path) -> None:
    linked = addresses(example_site)
    listed = entries(example_site)
    missing = sorted(key for key in linked if key[1] not in listed.get(key[0], set()))
    assert missing == []
    charts = [key for file in example_site.rglob("index.html")
              for key in chart_points(file.read_text(encoding="utf-8"))]
    assert charts and any(is_audit(url) for url in listed)  # chart points were checked too


def test_an_entry_only_for_a_figure_the_site_shows(example_site: Path) -> None:
    linked = addresses(example_site)
    unlinked = sorted((url, figure_id) for url, ids in entries(example_site).items()
                      for figure_id in ids if (url, figure_id) not in linked)
    assert unlinked == []


def test_a_page_counts_the_other_figures_and_links_their_manifest_part(
        example_site: Path) -> None:
    """The entries and the figures counted are together every figure of the part (of the
    live monitor's; an edition's tree holds only what changed since)."""
    counted = 0
    for url, ids in entries(example_site).items():
        html = page(example_site, url)
        found = ELSEWHERE.search(html)
        if found is None:
            continue
        number = 1 if found.group(1) == "Eén" else int(found.group(1).replace(".", ""))
        part = json.loads((example_site / posixpath.normpath(
            posixpath.join(url, found.group(2)))).read_text(encoding="utf-8"))
        prefix = f"{part['indicator']}.{part['region']}."
        in_part = {prefix + key for key in part["figures"]}
        # An edition's tree leaves out the figures the live monitor has unchanged.
        whole = len(in_part) == len(ids) + number
        assert ids <= in_part and (whole or url.startswith("edities/")
                                   and len(in_part) > len(ids) + number), url
        counted += number
    assert counted > 0


def test_the_explanations_are_on_the_build_information_page_once(example_site: Path) -> None:
    info = page(example_site, "bouwinformatie/")
    assert 'id="over-de-herkomstpaginas"' in info and "Gegevenscommit en bouwcommit" in info
    audit = page(example_site, "audit/deelnemers_bereikt/totaal/")
    assert 'href="../../../bouwinformatie/#over-de-herkomstpaginas"' in audit
    assert "Gegevenscommit en bouwcommit" not in audit and COMMITS_EXPLAINED in ABOUT


def test_a_suppressed_entry_names_its_reason_in_a_few_words(example_site: Path) -> None:
    pages = [page(example_site, url) for url in entries(example_site)]
    with_suppressed = [html for html in pages if "· onderdrukt (" in html]
    assert with_suppressed
    for html in with_suppressed:
        assert html.count("kan naar personen herleidbaar zijn") <= 1
        assert "Onderdrukt, zonder waarde en rijen: " in html
        assert "onderdrukt: Niet getoond" not in html
