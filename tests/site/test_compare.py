"""Comparing regions: a sorted bar per indicator with the total, a region's place and
targets, the scale beside a score; hidden figures and a region's audience respected."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.compute.lineage import Figure
from generator.publish.audience import region_data
from generator.publish.sitedata import SiteData, compute_site_data
from generator.site import blocks
from generator.site.charts import bar_chart
from generator.site.pages.regions import overview_table
from generator.site.blocks import PageState
from generator.sources import open_snapshot
from tests.site.conftest import REPO_ROOT, page

K = 5


def fig(value: float | None, region: str, unit: str = "procent",
        suppressed: bool = False) -> Figure:
    return Figure("opvolging_1meting", "1", region, "2026-Q2", value, unit, (),
                  suppressed=suppressed)


def chart_json(html: str) -> dict:
    found = re.findall(r'class="im-chart-data" data-for="([^"]+)">(.*?)</script>', html, re.S)
    return {chart: json.loads(data) for chart, data in found}


@pytest.fixture(scope="module")
def example() -> SiteData:
    return compute_site_data(open_snapshot(REPO_ROOT, None), K)


def test_a_total_within_the_bars_is_a_dashed_line_and_the_last_row() -> None:
    html = bar_chart("Opvolging", [fig(71.2, "noord"), fig(66.0, "zuid")], category_key="regio",
                     unit="procent", chart_id="c", horizontal=True,
                     reference=("Alle regio's samen", fig(69.4, "totaal")))
    layout = next(iter(chart_json(html).values()))["layout"]
    assert [(s["x0"], s["x1"], s["line"]["dash"]) for s in layout["shapes"]] == [(69.4, 69.4, "dash")]
    # Near the bars' ends, the name runs back towards the axis and stays on the chart.
    assert [(a["text"], a["xanchor"]) for a in layout["annotations"]] == [
        ("alle regio's samen 69,4%", "right")]
    assert re.findall(r"<tr><th scope=\"row\">([^<]+)</th>", html) == [
        "noord", "zuid", "Alle regio's samen"]
    assert "Alle regio's samen: 69,4%." in html


def test_a_total_that_sums_the_bars_stays_in_the_table_only() -> None:
    html = bar_chart("Deelnemers", [fig(224, "noord", "aantal"), fig(208, "zuid", "aantal")],
                     category_key="regio", unit="aantal", chart_id="c", horizontal=True,
                     reference=("Alle regio's samen", fig(432, "totaal", "aantal")))
    layout = next(iter(chart_json(html).values()))["layout"]
    assert "shapes" not in layout and layout["annotations"] == []
    assert "Alle regio's samen: 432." in html


def test_a_place_counts_only_visible_values_and_shares_equal_ones(example: SiteData) -> None:
    regions = [r.id for r in example.regions]
    latest = example.latest
    others = [f for f in example.figures if not (f.indicator == "deelnemers_bereikt"
                                                and f.period == latest and not f.breakdown
                                                and f.region in regions)]
    def site(values: list[tuple[float | None, bool]]) -> SiteData:
        extra = [Figure("deelnemers_bereikt", "1", r, latest, v, "aantal", (), suppressed=s)
                 for r, (v, s) in zip(regions, values)]
        return SiteData(example.computation, [*others, *extra], example.regions, K)

    first, second = regions
    assert blocks.rank(site([(5, False), (9, False)]), example.definition("deelnemers_bereikt"),
                       first) == (2, 2)
    assert blocks.rank(site([(9, False), (9, False)]), example.definition("deelnemers_bereikt"),
                       second) == (1, 2)
    # A hidden value takes no part: no place for it, and none against it.
    hidden = site([(9, False), (None, True)])
    assert blocks.rank(hidden, example.definition("deelnemers_bereikt"), first) is None
    assert blocks.rank(hidden, example.definition("deelnemers_bereikt"), second) is None


def test_the_indicator_page_compares_the_regions_highest_first(example_site: Path,
                                                              example: SiteData) -> None:
    html = page(example_site, "indicatoren/deelnemers_bereikt/")
    assert 'id="regios-vergeleken"' in html
    chart = chart_json(html)["im-deelnemers_bereikt-regios"]["data"][0]
    latest = example.latest
    values = {r.name: example.figure("deelnemers_bereikt", r.id, latest).value
              for r in example.regions}
    assert chart["y"] == sorted(values, key=lambda name: -values[name])
    assert chart["x"] == sorted(values.values(), reverse=True)


def test_the_region_page_gives_place_unit_total_and_target_status(example_site: Path,
                                                                  example: SiteData) -> None:
    html = page(example_site, "regios/voorbeeld-noord/")
    table = html[html.index("Stand tot en met"):]
    table = table[:table.index("</table>")]
    headers = re.findall(r'<th scope="col"(?: class="im-prose")?>([^<]*)</th>', table)
    assert headers == ["Indicator", "Eenheid", "Voorbeeldregio Noord (fictief)", "Plaats",
                       "Alle regio's samen", "Doel en status"]
    latest = example.latest
    mine, theirs = (example.figure("deelnemers_bereikt", r, latest).value
                    for r in ("voorbeeld-noord", "voorbeeld-zuid"))
    row = re.search(r"<tr><th scope=\"row\">Deelnemers bereikt</th>(.*?)</tr>", table).group(1)
    assert f">{1 if mine >= theirs else 2}e van 2</a>" in row
    assert re.search(r'<td class="im-prose"><span class="im-status '
                     r'im-status-(behaald|op-koers|achter)">'
                     r'(Behaald|Op koers|Achter)</span> <a [^>]+>400</a> '
                     r'\(pilotregio&#39;s samen, 2026-K4\)</td>', row)
    borging = re.search(r"<tr><th scope=\"row\">Stand van de borging</th>(.*?)</tr>", table)
    assert 'data-definition-id="borging_score@1">schaal 0 tot 3</span>' in borging.group(1)
    assert "op een schaal van 0 tot 3</span>" in html  # beside the borging's average


def test_a_regions_audience_gets_no_place_and_no_comparison(example: SiteData) -> None:
    own = region_data(example, "voorbeeld-noord")
    table = overview_table(PageState(own, "regios/voorbeeld-noord.md"),
                           own.region("voorbeeld-noord"))
    assert "Plaats" not in table and "e van " not in table
    assert "voorbeeld-zuid" not in table
    assert blocks.region_comparison(PageState(own, "x.md"),
                                    own.definition("deelnemers_bereikt")) is None


def test_a_crowded_trend_is_the_total_alone_then_the_regions_with_the_extremes_in_colour(
        example: SiteData) -> None:
    """Nine regions and the total are more lines than colours: the total gets its own chart,
    the regions another with the highest and the lowest of the latest quarter in colour."""
    periods = example.periods[-3:]
    regions = [replace(example.regions[0], id=f"regio-{n}", name=f"Regio {n}") for n in range(9)]
    others = [f for f in example.figures if f.indicator != "deelnemers_bereikt"]
    values = {r.id: n + 1 for n, r in enumerate(regions)} | {"regio-4": 50}
    figures = [Figure("deelnemers_bereikt", "1", r.id, p, values[r.id] * (i + 1), "aantal", ())
               for r in regions for i, p in enumerate(periods)]
    figures += [Figure("deelnemers_bereikt", "1", "totaal", p, sum(values.values()) * (i + 1),
                       "aantal", ()) for i, p in enumerate(periods)]
    site = SiteData(example.computation, [*others, *figures], regions, K)
    definition = site.definition("deelnemers_bereikt")
    html = str(blocks.trend_chart(PageState(site, "x.md"), definition, site.scopes()))
    charts = chart_json(html)
    assert list(charts) == ["im-deelnemers_bereikt-verloop", "im-deelnemers_bereikt-verloop-regios"]
    total = site.region_name("totaal")
    assert [t["name"] for t in charts["im-deelnemers_bereikt-verloop"]["data"]] == [total]
    traces = charts["im-deelnemers_bereikt-verloop-regios"]["data"]
    coloured = [t["name"] for t in traces if t["line"]["color"] != "#8c8c8c"]
    assert coloured == ["Regio 4", "Regio 0"]  # highest (50), lowest (1)
    assert len(traces) == 9 and total not in [t["name"] for t in traces]


def test_an_indicators_csv_is_made_again_only_when_one_of_its_figures_changed(
        example: SiteData) -> None:
    """The very figure objects (a save that did not touch the indicator's files) give the
    very files of the last time; a changed value is in the new file, never the old one."""
    from generator.site.pages.indicators import csv_files

    indicator = "deelnemers_bereikt"
    first = csv_files(example, indicator)
    assert csv_files(SiteData(example.computation, list(example.figures), example.regions, K),
                     indicator) is first
    shown = next(f for f in example.indicator_figures(indicator)
                 if f.value is not None and not f.suppressed)
    changed = replace(shown, value=shown.value + 1000)
    figures = [changed if f is shown else f for f in example.figures]
    again = csv_files(SiteData(example.computation, figures, example.regions, K), indicator)
    text = b"".join(content for _, _, content in again).decode()
    row = next(line for line in text.splitlines() if f",{shown.figure_id}," in line)
    assert again is not first and f",{int(shown.value + 1000)}," in row
