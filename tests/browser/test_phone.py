"""On a 360 px phone no page of any kind scrolls sideways; a wide table scrolls inside
its own box instead."""

from __future__ import annotations

import asyncio

import pytest
from playwright.async_api import async_playwright

from tests.browser import crawler
from tests.browser.conftest import BuiltSite
from tests.browser.page_kinds import KINDS, page_kinds

WIDTH = 360
MEASURE = """() => {
    const width = innerWidth;
    const scrolls = el => { for (let a = el.parentElement; a; a = a.parentElement) {
        const x = getComputedStyle(a).overflowX;
        if ((x === 'auto' || x === 'scroll') && a.clientWidth <= width) return true; }
        return false; };
    // HTML elements that reach past the screen outside a box that scrolls (a chart's own
    // SVG is drawn inside its figure and clipped there).
    const sticking = Array.from(document.body.querySelectorAll('*'))
        .filter(el => !(el instanceof SVGElement) && !el.closest('.im-chart'))
        .filter(el => { const r = el.getBoundingClientRect();
                        return r.width > 0 && r.right > width + 1 && !scrolls(el); })
        .slice(0, 5).map(el => `${el.tagName.toLowerCase()}.${el.className}`);
    // A table column of sentences keeps its reading width (in em of its own font).
    const prose = Array.from(document.querySelectorAll('.im-table td.im-prose')).map(
        td => td.getBoundingClientRect().width / parseFloat(getComputedStyle(td).fontSize));
    return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, sticking,
            prose};
}"""


@pytest.fixture(scope="module")
def measured(built_site: BuiltSite, base_url: str, chromium: str) -> dict[str, dict]:
    kinds = page_kinds(built_site.out)

    async def run() -> dict[str, dict]:
        found = {}
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            page = await browser.new_page(viewport={"width": WIDTH, "height": 740})
            for kind, path in kinds.items():
                await page.goto(base_url + path, wait_until="load")
                await page.wait_for_function(crawler.CHARTS_DRAWN, timeout=10_000)
                found[kind] = await page.evaluate(MEASURE)
            await browser.close()
        return found

    return asyncio.run(run())


def test_every_kind_of_page_was_measured(measured: dict[str, dict], built_site: BuiltSite) -> None:
    assert set(measured) == set(page_kinds(built_site.out))


@pytest.mark.parametrize("kind", KINDS)
def test_no_sideways_scrolling_at_360_px(measured: dict[str, dict], kind: str) -> None:
    found = measured[kind]
    assert found["scrollWidth"] <= found["innerWidth"], found
    assert found["sticking"] == [], f"wider than the screen and not in a scrolling box: {found}"


def test_a_column_of_sentences_keeps_its_reading_width_at_360_px(
        measured: dict[str, dict]) -> None:
    """The region page's "Doel en status": squeezed to 102 px it wrapped a target over
    eight lines, a row 128 px tall against 55 px for a row without one."""
    widths = measured["regio"]["prose"]
    assert widths and min(widths) >= 14 - 0.01, widths
