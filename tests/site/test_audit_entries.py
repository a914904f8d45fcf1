"""Audit entries a person can read: the value once, no empty rows, the commits explained,
and a link back to every page that shows the figure."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from generator.site.audit_entry import entry_html, exact_words
from generator.site.pages.audit import COMMITS_EXPLAINED
from tests.site.conftest import page

AUDIT = "audit/deelnemers_bereikt/totaal/"


def latest_id(site: Path) -> str:
    html = page(site, AUDIT)
    return max(re.findall(r'<p class="im-audit-entry" id="(deelnemers_bereikt\.totaal\.\d{4}-Q\d)">', html))


def entry(html: str, figure_id: str) -> str:
    start = html.index(f'<p class="im-audit-entry" id="{figure_id}">')
    return html[start:html.index("</p>", start)]


def pages_linking_to(site: Path, target: str, figure_id: str) -> set[str]:
    """Every built page with a link to `target#figure_id`, by URL (from the site root)."""
    found = set()
    for file in site.rglob("index.html"):
        url = file.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        if url.startswith("audit/") or "/audit/" in url:
            continue
        for href in re.findall(r'href="([^"#]*)#([^"]+)"', file.read_text(encoding="utf-8")):
            resolved = posixpath.normpath(posixpath.join(url or ".", href[0])) + "/"
            if resolved == target and unquote(href[1]) == figure_id:
                found.add(url)
    return found


def test_an_entry_links_back_to_every_page_that_shows_it(example_site: Path) -> None:
    figure_id = latest_id(example_site)
    text = entry(page(example_site, AUDIT), figure_id)
    back = re.search(r"<br>Getoond op: (.*?)(?:<br>|</p>)", text).group(1)
    linked = {posixpath.normpath(posixpath.join(AUDIT, href)) + "/"
              for href in re.findall(r'href="([^"]+)"', back)}
    linked = {"" if url == "./" else url for url in linked}
    expected = pages_linking_to(example_site, AUDIT, figure_id)
    assert {"", "indicatoren/deelnemers_bereikt/"} <= expected
    assert linked == expected
    assert ">Startpagina</a>" in back and ">Deelnemers bereikt</a>" in back


def test_the_value_appears_once_and_the_header_has_no_empty_row(example_site: Path) -> None:
    html = page(example_site, AUDIT)
    text = entry(html, latest_id(example_site))
    assert len(re.findall(r"<strong>[^<]+</strong>", text)) == 1
    assert "(<code>" not in text and "onafgerond" not in text  # a whole number is exact
    head = html[html.index("<table"):html.index("</table>")]
    assert not re.search(r"<th[^>]*>\s*</th>", head) and not re.search(r"<td>\s*</td>", head)
    assert "Over de herkomstpagina's</a>" in html and "<td>Gegevens</td>" in head


def test_a_rounded_value_adds_its_exact_digits_in_dutch_notation() -> None:
    from generator.compute.lineage import Figure

    figure = Figure(indicator="bbp_effect_pct", version="1", region="totaal", period="2026-Q2",
                    value=0.000143217, unit="procent")
    html = entry_html(figure, None, None)
    assert "(onafgerond 0,000143217)" in html and "e-" not in html
    assert exact_words(1.5e-7) == "0,00000015" and exact_words(432.0) == "432"


def test_the_commits_sentence_names_both_commits() -> None:
    assert "gegevenscommit" in COMMITS_EXPLAINED.lower() and "code-commit" in COMMITS_EXPLAINED
