"""No file of the built example site over 1 MB (issue 10: small sites; the 20-region
figures are in tests/benchmarks/bench_site.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from generator.compute.lineage import TOTAL
from generator.publish.sitedata import SiteData, compute_site_data
from generator.site import blocks
from generator.site.outputs import page_state
from generator.site.pages import indicators, questions
from generator.sources import open_snapshot
from tests.site.conftest import REPO_ROOT

LIMIT = 1_000_000
VENDORED = {"assets/impactmonitor/plotly-basic.min.js"}
"""Plotly's own minified bundle, shipped byte for byte as its authors release it (only the
pages with a chart load it); not ours to split."""


def test_no_file_of_the_example_site_is_over_a_megabyte(example_site: Path) -> None:
    sizes = {p.relative_to(example_site).as_posix(): p.stat().st_size
             for p in example_site.rglob("*") if p.is_file()}
    assert VENDORED <= sizes.keys() and len(sizes) > 100
    assert {path: size for path, size in sizes.items()
            if size > LIMIT and path not in VENDORED} == {}


def test_audit_pages_carry_no_site_navigation(example_site: Path) -> None:
    """Hundreds of audit pages each held the whole navigation; they link home instead."""
    audit = (example_site / "audit" / "deelnemers_bereikt" / "totaal" / "index.html").read_text(
        encoding="utf-8")
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../indicatoren/deelnemers_bereikt/"' not in audit.split("md-content")[0]
    assert "Naar de startpagina" in audit and 'data-md-type="toc"' in audit
    assert "Naar de startpagina" not in home and 'href="indicatoren/' in home


def test_audit_pages_have_a_slim_shell(example_site: Path) -> None:
    """The shell of an audit page was ~13 kB of Material's partials, hundreds of times: it
    keeps the notices, a header (the encrypted site's "Afmelden" goes into its inner bar),
    the contents of the page and Material's config; no search form, search script or footer."""
    audit = (example_site / "audit" / "deelnemers_bereikt" / "totaal" / "index.html").read_text(
        encoding="utf-8")
    home = (example_site / "index.html").read_text(encoding="utf-8")
    shell = audit.split('<article', 1)[0] + audit.split("</article>", 1)[1]
    for kept in ('class="im-preview-text"', 'class="im-example-text"', 'class="md-header__inner',
                 'id="__config"', "bundle."):
        assert kept in shell and kept in home, kept
    assert 'data-md-type="toc"' in shell and '<a href="#kwartalen-van-' in shell  # the years
    for dropped in ('class="md-search"', "impactmonitor/search.js", 'class="md-footer"'):
        assert dropped not in shell and dropped in home, dropped
    assert len(shell.encode()) < 10_000 < len((home.split('<article', 1)[0]).encode())


@pytest.fixture(scope="module")
def example() -> SiteData:
    return compute_site_data(open_snapshot(REPO_ROOT, None), 5)


def rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def test_an_indicator_csv_over_the_limit_is_written_per_scope(
        example: SiteData, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 20 regions `factoren_vermeldingen.csv` was 3,45 MB; here the limit is lowered
    below the example's file to show the rule: one file per scope, `totaal` first, the
    same columns, together every row of the whole file, each under the limit."""
    indicator = "factoren_vermeldingen"
    [(scope, path, whole)] = indicators.csv_files(example, indicator)
    assert (scope, path) == (None, "indicatoren/factoren_vermeldingen.csv")
    header, *all_rows = rows(whole)
    monkeypatch.setattr(indicators, "DOWNLOAD_LIMIT", len(whole) // 2)
    split = indicators.csv_files(example, indicator)
    scopes = [scope for scope, _, _ in split]
    assert scopes[0] == TOTAL and set(scopes) == {TOTAL, *(r.id for r in example.shown_regions)}
    gathered = []
    for scope, path, content in split:
        assert path == f"indicatoren/{indicator}-{scope}.csv"
        assert len(content) <= len(whole) // 2
        first, *body = rows(content)
        assert first == header and body and {row[1] for row in body} == {scope}
        gathered += body
    assert sorted(gathered) == sorted(all_rows)
    words = indicators.download_words(example, indicator, scopes)
    assert "[alle regio's samen](factoren_vermeldingen-totaal.csv)" in words
    assert all(f"({indicator}-{r.id}.csv)" in words for r in example.shown_regions)


def chart_names(html: str) -> list[list[str]]:
    found = re.findall(r'class="im-chart-data" data-for="[^"]+">(.*?)</script>', html, re.S)
    return [[trace["name"] for trace in json.loads(data)["data"]] for data in found]


def test_a_question_page_charts_all_regions_together_when_there_are_many(
        example: SiteData, monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty lines in each of ten charts made `onderzoeksvragen/6` 1,6 MB at 20 regions;
    above `REGION_LINES` regions the question page (and the economic effect's) draws the
    total and links the indicator's page, which keeps the line per region."""
    definition = next(d for d in example.definitions if d.question == 1 and d.kpi)
    regions = [r.name for r in example.shown_regions]

    def section() -> str:
        with page_state(example, "onderzoeksvragen/1.md") as state:
            return questions.indicator_section(state, definition)

    assert chart_names(section()) == [[*regions, "Totaal"]]
    monkeypatch.setattr(blocks, "REGION_LINES", len(regions) - 1)
    few = section()
    assert chart_names(few) == [["Totaal"]]
    assert (f'de lijn per regio staat op de pagina <a href="../../indicatoren/{definition.id}/">'
            in few)
