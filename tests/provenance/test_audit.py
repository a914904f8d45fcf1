"""Audit pages: one per indicator and scope at the site's paths, an anchor per figure, rows
as ranges, forge links only when a repository URL is set, no value for a suppressed cell."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from urllib.parse import unquote

import pytest

from generator.compute.pipeline import Computation
from generator.site.pages.audit import audit_pages
from generator.site.audit_entry import MAX_LINKED_RANGES, rows_html
from generator.site.rawhtml import END, START
from generator.site.urls import audit_page, audit_url, source_to_url
from tests.provenance.conftest import facts

REPO = "https://github.com/llo-collectief/impactmonitor"
ANCHOR = re.compile(r'<p class="im-audit-entry" id="([^"]+)">')


@pytest.fixture(scope="module")
def pages(handmade: Computation) -> dict[str, str]:
    return audit_pages(handmade, facts(tool_versions={"impactmonitor": "0.1.0"}), repo_url=None)


@pytest.fixture(scope="module")
def linked(handmade: Computation) -> dict[str, str]:
    return audit_pages(handmade, repo_url=REPO + "/")


def entry(pages: dict[str, str], figure_id: str) -> str:
    """The lines of one figure's entry: from its anchor to the next one."""
    indicator, region = figure_id.split(".")[:2]
    page = pages[audit_page(indicator, region)]
    start = page.index(f'<p class="im-audit-entry" id="{figure_id}">')
    end = page.find('<p class="im-audit-entry" id=', start + 1)
    return page[start:end if end > 0 else None]


def test_one_page_per_indicator_and_scope(handmade: Computation, pages: dict[str, str]) -> None:
    scopes = {(f.indicator, f.region) for f in handmade.figures}
    assert set(pages) == {audit_page(i, r) for i, r in scopes}
    assert all(path.startswith("audit/") and path.endswith(".md") for path in pages)


def test_an_anchor_for_every_figure_where_the_site_links(handmade: Computation,
                                                         pages: dict[str, str]) -> None:
    anchors = Counter((path, a) for path, page in pages.items() for a in ANCHOR.findall(page))
    assert all(n == 1 for n in anchors.values())
    assert sorted(a for _, a in anchors) == sorted(f.figure_id for f in handmade.figures)
    for figure in handmade.figures:
        path = audit_page(figure.indicator, figure.region)
        assert (path, figure.figure_id) in anchors
        url, _, fragment = audit_url(figure).partition("#")
        assert (url, unquote(fragment)) == (source_to_url(path), figure.figure_id)


def test_an_entry_holds_value_version_files_blobs_rows_and_command(
        handmade: Computation, pages: dict[str, str]) -> None:
    figure_id = "deelnemers_bereikt.totaal.2023-Q4.fase=pilot"
    figure = next(f for f in handmade.figures if f.figure_id == figure_id)
    text = entry(pages, figure_id)
    assert "<strong>50</strong><br>" in text  # the value once (no "(50)" beside it)
    page = pages[audit_page("deelnemers_bereikt", "totaal")]
    # What is the same for every entry of the page is said once, in its header: the
    # definition's version and each file's blob id.
    assert "versie" not in text and "blob" not in text
    assert "| Indicator | `deelnemers_bereikt`, definitie versie 1 (" in page
    for source in figure.sources:
        # The page's table numbers its files; the entry names a file by that number.
        number = re.search(rf"\n\| (\d+) \| `{re.escape(source.file)}` \| `{source.blob}` \|", page)
        assert number and page.count(f"| `{source.file}` | `{source.blob}` |") == 1
        assert f"<br>bestand {number.group(1)}: rijen " in text
    # The command once, for the page's one data commit; the entry gives the id to put in.
    assert "impactmonitor trace" not in text and f"<code>{figure_id}</code>" in text
    assert page.count("impactmonitor trace") == 1
    assert f"`impactmonitor trace <id> --ref {handmade.snapshot.commit}`" in page
    assert f"`{handmade.snapshot.commit[:12]}`" in page and "`c0dec0dec0de`" in page
    assert "impactmonitor 0.1.0" in page and "definitie versie 1" in page
    assert "| Bouwdatum | 14 november 2023 |" in page  # the facts' date (1_700_000_000)


def test_rows_are_compressed_to_ranges(handmade: Computation, pages: dict[str, str]) -> None:
    figure = next(f for f in handmade.figures
                  if any(len(s.rows) > 2 and s.rows[-1] - s.rows[0] + 1 == len(s.rows)
                         for s in f.sources))
    source = next(s for s in figure.sources if len(s.rows) > 2)
    assert f"rijen {source.rows[0]}–{source.rows[-1]}" in entry(pages, figure.figure_id)


def test_rows_html_hand_cases() -> None:
    assert rows_html([2, 3, 4, 20], None) == "2–4, 20"
    url = f"{REPO}/blob/abc/data/noord/instroom.csv"
    assert rows_html([2, 3, 4, 20], url) == (f'<a href="{url}#L2-L4">2–4</a>, '
                                             f'<a href="{url}#L20">20</a>')
    many = list(range(2, 2 * (MAX_LINKED_RANGES + 2) + 2, 2))  # 2, 4, 6, ...: one run each
    text = rows_html(many, url)
    assert text.count("<a ") == MAX_LINKED_RANGES + 1  # the runs linked, then the file once
    assert text.endswith(f'{many[-2]}, {many[-1]} (<a href="{url}">bestand</a>)')


def test_entries_are_one_marked_block_of_html_per_year(pages: dict[str, str]) -> None:
    """Markdown would parse thousands of entries; the plugin passes marked blocks by. A
    year's block holds its quarters, the latest first."""
    page = pages[audit_page("deelnemers_bereikt", "totaal")]
    years = re.findall(r"\n## Kwartalen van (\d{4})\n", page)
    assert page.count(START) == page.count(END) == len(years) and years == sorted(years)[::-1]
    ids = ANCHOR.findall(page)
    assert ids and [i.split(".")[2] for i in ids] == sorted((i.split(".")[2] for i in ids),
                                                             reverse=True)
    block = page[page.index(START) + len(START):page.index(END)].strip().splitlines()
    assert block and all(line.startswith('<p class="im-audit-entry" id="')
                         and line.endswith("</p>") for line in block)


def test_forge_links_at_the_data_commit_only_when_a_repo_url_is_set(
        handmade: Computation, pages: dict[str, str], linked: dict[str, str]) -> None:
    assert not any("](http" in page or 'href="http' in page for page in pages.values())
    commit = handmade.snapshot.commit
    figure = next(f for f in handmade.figures if f.figure_id == "verbetering_taal.noord.2023-Q4")
    text = entry(linked, figure.figure_id)
    for source in figure.sources:
        assert f'href="{REPO}/blob/{commit}/{source.file}#L{source.rows[0]}' in text
    # Markdown links in the page's header (the commit), HTML links in the entries.
    links = re.findall(r'\]\((https://[^)]+)\)|href="(https://[^"]+)"', "".join(linked.values()))
    links = [markdown or html for markdown, html in links]
    assert links and all(
        re.fullmatch(rf"{re.escape(REPO)}/(blob/{commit}/(data|indicators)/[\w/.-]+\.(csv|yml)(#L\d+(-L\d+)?)?"
                     rf"|commit/{commit})", link) for link in links)


def test_a_suppressed_entry_says_so_without_the_value(handmade: Computation) -> None:
    figure = next(f for f in handmade.figures if f.breakdown and f.value and f.value > 1000
                  and f.sources)
    hidden = replace(figure, suppressed=True,
                     extra=(("onderdrukking", "klein aantal"), ("onderdrukking_k", 5),
                            ("hoog", figure.value)))
    pages = audit_pages(handmade, repo_url=REPO, figures=[hidden])
    text = entry(pages, figure.figure_id)
    assert "onderdrukt (klein aantal)" in text
    assert str(figure.value) not in text and "rijen niet getoond" in text
    assert "#L" not in text and "hoog" not in text
    page = pages[audit_page(figure.indicator, figure.region)]
    files = len({s.file for s in figure.sources})
    assert text.count("rijen niet getoond") == len(figure.sources)
    assert page.count("klein aantal: een klein aantal (minder dan 5) kan naar personen") == 1
    assert all(f"/{s.file}) | `{s.blob}` |" in page for s in figure.sources)
    assert ("<br>bestand 1: rijen niet getoond" in text) == (files > 1)


def test_a_page_of_one_file_names_it_once(handmade: Computation, pages: dict[str, str]) -> None:
    figure = next(f for f in handmade.figures if f.region != "totaal" and f.sources
                  and len({s.file for s in f.sources}) == 1
                  and len({s.file for g in handmade.figures if (g.indicator, g.region)
                           == (f.indicator, f.region) for s in g.sources}) == 1)
    page = pages[audit_page(figure.indicator, figure.region)]
    source = figure.sources[0]
    assert "| Bestand | Git-blob-id |" in page and "Nr." not in page
    assert page.count(source.file) == 1  # the table's row; entries say only their rows
    assert "<br>rijen " in entry(pages, figure.figure_id)


def test_an_entry_names_a_version_or_blob_the_header_does_not(handmade: Computation) -> None:
    figure = next(f for f in handmade.figures if f.sources and not f.breakdown)
    other = replace(figure, version="2")
    source = figure.sources[0]
    again = replace(other, indicator=figure.indicator, region=figure.region,
                    period="2020-Q1", sources=(replace(source, blob="f" * 40),))
    pages = audit_pages(handmade, repo_url=None, figures=[other, again])
    text = entry(pages, other.figure_id)
    assert f"indicator <code>{figure.indicator}</code> versie 2" in text
    assert f"<code>{source.file}</code>, blob <code>{source.blob}</code>: rijen" in text
    assert f"| `{source.file}` |" not in pages[audit_page(figure.indicator, figure.region)]


def test_a_page_of_two_data_commits_gives_each_entry_its_command(handmade: Computation) -> None:
    figure = next(f for f in handmade.figures if f.sources and not f.breakdown)
    other = replace(figure, period="2020-Q1", commit="e" * 40)
    pages = audit_pages(handmade, repo_url=None, figures=[figure, other])
    assert "impactmonitor trace <id>" not in pages[audit_page(figure.indicator, figure.region)]
    for shown in (figure, other):
        assert (f"<code>impactmonitor trace {shown.figure_id} --ref {shown.commit}</code>"
                in entry(pages, shown.figure_id))


def test_an_editions_tree_has_its_own_root(handmade: Computation) -> None:
    pages = audit_pages(handmade, repo_url=None, audit_root="edities/tussenrapport-2024/")
    assert all(p.startswith("edities/tussenrapport-2024/audit/") for p in pages)
