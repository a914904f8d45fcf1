"""Every chart's downloads in Chromium: its data as CSV for Dutch Excel and plain, its image
as PNG and SVG, and the link that shows the chart on its own."""

from __future__ import annotations

import asyncio
import csv
import io
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

from playwright.async_api import Page, async_playwright

from tests.browser import crawler, dutch_excel
from tests.browser.conftest import BuiltSite

INDICATOR = "indicatoren/deelnemers_bereikt/"
CHART = "im-deelnemers_bereikt-regios"
FETCH_TEXT = "async href => Array.from(new Uint8Array(await (await fetch(href)).arrayBuffer()))"
CHART_DATA = """id => { const d = document.getElementById(id).data[0];
                        return {names: d.y, values: d.x}; }"""


def on_page(chromium: str, url: str, work: Callable[[Page], Awaitable[object]]) -> object:
    async def run() -> object:
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            try:
                context = await browser.new_context(accept_downloads=True)
                page = await context.new_page()
                await page.goto(url, wait_until="load")
                await page.wait_for_function(crawler.CHARTS_DRAWN, timeout=10_000)
                return await work(page)
            finally:
                await browser.close()

    return asyncio.run(run())


async def link_bytes(page: Page, selector: str) -> bytes:
    """What the page gets when it fetches the link's address (as the service worker answers
    it in the encrypted site)."""
    href = await page.locator(selector).first.evaluate("a => a.href")
    return bytes(await page.evaluate(FETCH_TEXT, href))


def test_the_excel_csv_has_the_numbers_of_the_chart(chromium: str, base_url: str) -> None:
    async def work(page: Page) -> tuple[dict, bytes, bytes]:
        chart = await page.evaluate(CHART_DATA, CHART)
        excel = await link_bytes(page, f"#grafiek-{CHART} a[href$='-excel.csv']")
        plain = await link_bytes(page, f"#grafiek-{CHART} a[href$='{CHART}.csv']")
        return chart, excel, plain

    chart, excel, plain = on_page(chromium, base_url + INDICATOR, work)  # type: ignore[misc]
    rows = dutch_excel.read(excel)
    assert rows[0] == ["Regio", "Aantal"]
    bars = {name: value for name, value in rows[1:] if name in chart["names"]}
    assert list(bars) == chart["names"] and list(bars.values()) == chart["values"]
    assert rows[-1][0] == "Alle regio's samen" and rows[-1][1] == sum(chart["values"])
    # The plain file: the same numbers with `,` between fields and `.` decimals.
    plain_rows = list(csv.reader(io.StringIO(plain.decode("utf-8"))))
    assert [[r[0], float(r[1])] for r in plain_rows[1:]] == rows[1:]


def test_png_and_svg_are_images_of_the_drawn_chart(chromium: str, base_url: str) -> None:
    async def work(page: Page) -> dict[str, tuple[str, bytes]]:
        found = {}
        for kind in ("png", "svg"):
            button = page.locator(f"#grafiek-{CHART} button[data-format='{kind}']")
            async with page.expect_download() as info:
                await button.click()
            saved = await info.value
            found[kind] = (saved.suggested_filename, Path(await saved.path()).read_bytes())
        return found

    found = on_page(chromium, base_url + INDICATOR, work)
    assert found["png"][0] == f"{CHART}.png" and found["png"][1][:8] == b"\x89PNG\r\n\x1a\n"
    assert found["svg"][0] == f"{CHART}.svg" and b"<svg" in found["svg"][1][:200]
    assert b"Voorbeeldregio Noord" in found["svg"][1]


def test_the_charts_link_shows_that_chart_alone(chromium: str, base_url: str) -> None:
    async def work(page: Page) -> tuple[list[str], bool, bool]:
        await page.locator(f"#grafiek-{CHART} a.im-chart-link").click()
        await page.wait_for_selector(".im-alone-back")
        headings = await page.evaluate("""() => Array.from(document.querySelectorAll(
            'article h1, article h2')).filter(h => h.offsetParent !== null).map(h => h.id)""")
        alone = await page.locator(f"#grafiek-{CHART}").is_visible()
        await page.locator(".im-alone-back a").click()
        await page.wait_for_load_state("load")
        return headings, alone, await page.locator("article h1").is_visible()

    headings, alone, whole = on_page(chromium, base_url + INDICATOR, work)  # type: ignore[misc]
    assert headings == [] and alone and whole


def test_every_chart_of_every_page_has_both_csv_files(built_site: BuiltSite) -> None:
    pages = sorted(built_site.out.rglob("index.html"))
    charts = 0
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        for chart in re.findall(r'<div class="im-chart" id="([^"]+)"', html):
            charts += 1
            for name in (f"{chart}-excel.csv", f"{chart}.csv"):
                assert (html_file.parent / name).is_file(), (html_file, name)
            content = (html_file.parent / f"{chart}-excel.csv").read_bytes()
            assert len(dutch_excel.read(content)) > 1
            assert not re.search(rb"\d[eE][-+]?\d", content), (html_file, chart)
    assert charts > 20


def click_last_point(chromium: str, url: str, chart: str,
                     points: str) -> tuple[str, str, str]:
    """Hover over, then click with the real mouse (plotly's own hit test, not a synthetic
    event), the last point of the chart's last trace: its figure id, the hover's text and
    the address the click went to."""

    async def work(page: Page) -> tuple[str, str, str]:
        await page.locator(f"#{chart}").scroll_into_view_if_needed()
        box = await page.locator(f"#{chart} {points}").last.bounding_box()
        assert box is not None
        figure_id = await page.evaluate(
            """id => { const d = document.getElementById(id).data;
                       const last = d[d.length - 1].customdata;
                       return last[last.length - 1][1]; }""", chart)
        middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        await page.mouse.move(*middle)
        hover = await page.locator(f"#{chart} .hoverlayer").text_content() or ""
        async with page.expect_navigation():
            await page.mouse.click(*middle)
        return figure_id, hover, page.url

    return on_page(chromium, url, work)  # type: ignore[return-value]


def test_clicking_a_point_opens_its_audit_entry(chromium: str, base_url: str) -> None:
    """The trend chart's last point of the total lands on that figure's audit entry."""
    figure_id, hover, url = click_last_point(chromium, base_url + INDICATOR,
                                             "im-deelnemers_bereikt-verloop",
                                             ".scatterlayer .trace:last-child .points path")
    # The hover names the series (the trace's meta) and the point's figure id.
    assert hover.startswith("Totaal") and f"Figuur-id: {figure_id}" in hover
    assert "/audit/deelnemers_bereikt/totaal/" in url
    assert url.endswith("#" + figure_id)


def test_clicking_a_region_bar_opens_that_regions_audit_entry(chromium: str, base_url: str) -> None:
    """The region comparison's bars each have their entry on their own region's audit page
    (the page travels with the bar, not with the chart)."""
    figure_id, hover, url = click_last_point(chromium, base_url + INDICATOR,
                                             "im-deelnemers_bereikt-regios",
                                             ".barlayer .point path")
    region = figure_id.split(".")[1]
    assert f"Figuur-id: {figure_id}" in hover
    assert f"/audit/deelnemers_bereikt/{region}/" in url and url.endswith("#" + figure_id)
