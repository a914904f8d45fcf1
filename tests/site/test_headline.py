"""The answer first: the home page and each indicator page open with the standing against
the targets, and every table that lists quarters has the newest one first."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

import yaml

from generator.compute.formatting import format_period
from generator.site.headline import COUNT_WORDS, LONG_VALUE
from tests.site.conftest import REPO_ROOT, page
from tests.site.test_pages import kpi_totals  # noqa: F401 (the fixture)

STATUS = {"behaald": "behaald", "op-koers": "op koers", "achter": "achter"}


def kpi_ids(totals: dict[str, dict]) -> list[str]:
    """The headline KPIs, in the order `impactmonitor kpi` lists them (the framework's)."""
    kpis = {path.stem for path in (REPO_ROOT / "indicators").glob("*.yml")
            if yaml.safe_load(path.read_text(encoding="utf-8")).get("kpi")}
    return list(dict.fromkeys(e["id"] for e in totals.values() if e["id"] in kpis))


def latest_period(totals: dict[str, dict]) -> str:
    return max(e["period"] for e in totals.values())


def test_the_summary_line_counts_the_cards_statuses_and_comes_first(example_site: Path) -> None:
    html = page(example_site, "")
    summary = re.search(r'<p class="im-summary"><strong>Van de (\w+) doelen zijn er ([^<]+)'
                        r'</strong> \(stand tot en met (\d{4}-K\d); te halen uiterlijk '
                        r'(\d{4}-K\d)\)\.</p>', html)
    assert summary, "no summary line"
    badges = Counter(STATUS[s] for s in
                     re.findall(r'<p class="im-status im-status-([a-z-]+)">', html))
    said = dict((word, COUNT_WORDS.index(n)) for n, word in
                re.findall(r"(\w+) (behaald|op koers|achter)", summary.group(2)))
    assert said == dict(badges) and COUNT_WORDS.index(summary.group(1)) == sum(badges.values())
    # Before the cards, the cards before the table per region.
    assert summary.start() < html.index('class="im-kpis"') < html.index('id="per-regio"')


def test_each_card_shows_the_newest_value_of_its_kpi(example_site: Path,
                                                     kpi_totals: dict[str, dict]) -> None:
    html = page(example_site, "")
    latest = latest_period(kpi_totals)
    cards = re.findall(r'<section class="im-kpi" data-indicator="([a-z0-9_]+)">(.*?)</section>',
                       html, re.S)
    assert [indicator for indicator, _ in cards] == kpi_ids(kpi_totals)
    for indicator, card in cards:
        expected = kpi_totals[f"{indicator}.totaal.{latest}"]
        value = re.search(r'<p class="im-kpi-value[^"]*"><a class="im-figure" href="[^"]+" '
                          r'data-figure-id="([^"]+)"', card)
        assert value and value.group(1) == expected["figure_id"], indicator
        assert f'href="indicatoren/{indicator}/#verloop"' in card  # chart and table: one click
        assert "<script" not in card and "im-chart" not in card  # no full chart on the card


def test_the_home_page_draws_no_full_chart(example_site: Path) -> None:
    assert 'class="im-chart"' not in page(example_site, "")


def test_a_sparkline_says_what_it_shows(example_site: Path) -> None:
    html = page(example_site, "")
    card = re.search(r'data-indicator="deelnemers_bereikt">(.*?)</section>', html, re.S).group(1)
    download = (example_site / "indicatoren" / "deelnemers_bereikt.csv").read_text(encoding="utf-8")
    series = sorted((row["periode"], row["waarde"]) for row in csv.DictReader(io.StringIO(download))
                    if row["regio"] == "totaal" and not row["uitsplitsing"])
    (first, a), (last, b) = series[0], series[-1]
    assert first < last
    words = f"Verloop: {a} in {format_period(first)}, {b} in {format_period(last)}"
    assert f'aria-label="{words}"' in card


def test_the_indicator_page_opens_with_its_standing(example_site: Path) -> None:
    html = page(example_site, "indicatoren/deelnemers_bereikt/")
    body = html[html.index("<h1"):]
    order = [body.index(marker) for marker in (
        'class="im-kpi im-kpi-page"', 'id="verloop"', 'id="per-regio"',
        'id="definitie-en-methode"', "Rekenregel", 'id="downloaden"')]
    assert order == sorted(order)
    card = body[body.index('class="im-kpi im-kpi-page"'):body.index('id="verloop"')]
    assert 'class="im-progress"' in card and re.search(r'class="im-status im-status-', card)


def test_the_indicator_list_gives_value_and_status(example_site: Path,
                                                   kpi_totals: dict[str, dict]) -> None:
    html = page(example_site, "indicatoren/")
    latest = latest_period(kpi_totals)
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    by_indicator = {re.search(r'href="([a-z0-9_]+)/"', r).group(1): r for r in rows[1:]}
    reached = by_indicator["deelnemers_bereikt"]
    expected = kpi_totals[f"deelnemers_bereikt.totaal.{latest}"]
    assert f'data-figure-id="{expected["figure_id"]}"' in reached
    assert f'>{expected["value"]}</a>' in reached
    home = page(example_site, "")
    card = re.search(r'data-indicator="deelnemers_bereikt">(.*?)</section>', home, re.S).group(1)
    status = STATUS[re.search(r'im-status im-status-([a-z-]+)', card).group(1)]
    assert f"<td>{status}</td>" in reached
    assert "<td>geen doel</td>" in by_indicator["ontwikkelde_trajecten"]


def test_tables_of_quarters_put_the_newest_first(example_site: Path,
                                                 kpi_totals: dict[str, dict]) -> None:
    latest = format_period(latest_period(kpi_totals))
    html = page(example_site, "indicatoren/deelnemers_bereikt/")
    chart_table = html[html.index("Gegevens bij de grafiek: Deelnemers bereikt: verloop"):]
    first_row = re.search(r"<tbody>\s*<tr><th scope=\"row\">([^<]+)</th>", chart_table)
    assert first_row and first_row.group(1) == latest
    per_region = html[html.index("<caption>Deelnemers bereikt per regio</caption>"):]
    header = re.findall(r'<th scope="col">([^<]+)</th>', per_region.split("</thead>")[0])
    assert header[1] == latest and header[1:] == sorted(header[1:], reverse=True)
    region = page(example_site, "regios/voorbeeld-noord/")
    context = region[region.index("<caption>Regionale context</caption>"):].split("</thead>")[0]
    quarters = re.findall(r'<th scope="col">(\d{4}-K\d)</th>', context)
    assert quarters and quarters[0] == latest and quarters == sorted(quarters, reverse=True)


def test_a_long_value_is_set_smaller_on_one_line_and_a_short_one_not(example_site: Path) -> None:
    """"€ -2.085.113" wrapped in a narrow card left the euro sign alone on a line."""
    cards = dict(re.findall(r'<section class="im-kpi" data-indicator="([a-z0-9_]+)">(.*?)</section>',
                            page(example_site, ""), re.S))
    for indicator, card in cards.items():
        shown = re.search(r'<p class="(im-kpi-value[^"]*)"><a class="im-figure"[^>]*>([^<]+)</a>',
                          card)
        assert shown, indicator
        long = len(shown.group(2)) > LONG_VALUE
        assert (shown.group(1) == "im-kpi-value im-kpi-value--long") == long, shown.groups()
    assert any("im-kpi-value--long" in card for card in cards.values())  # the example has one
