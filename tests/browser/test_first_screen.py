"""The answer first: on a 1366×768 screen the home page shows, without scrolling, the
one-line summary of the targets and the newest value of every headline KPI."""

from __future__ import annotations

import asyncio
import re

from playwright.async_api import async_playwright

from tests.browser import crawler
from tests.browser.conftest import BuiltSite

VISIBLE = """() => {
    const inView = el => { const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; };
    const summary = document.querySelector('.im-summary');
    return {
        summary: summary ? summary.textContent : null,
        summaryVisible: summary !== null && inView(summary),
        cards: Array.from(document.querySelectorAll('.im-kpi')).map(card => {
            const value = card.querySelector('.im-kpi-value a.im-figure');
            return {indicator: card.dataset.indicator,
                    figure: value ? value.dataset.figureId : null,
                    text: value ? value.textContent : null,
                    visible: value !== null && inView(value)};
        }),
    };
}"""


def test_summary_and_every_newest_kpi_value_are_on_the_first_screen(
        built_site: BuiltSite, base_url: str, chromium: str) -> None:
    async def run() -> dict:
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            page = await browser.new_page(viewport={"width": 1366, "height": 768})
            await page.goto(base_url, wait_until="load")
            found = await page.evaluate(VISIBLE)
            await browser.close()
            return found

    found = asyncio.run(run())
    assert found["summary"] and re.match(r"Van de \w+ doelen? (zijn er|is) ", found["summary"])
    assert found["summaryVisible"]
    html = (built_site.out / "index.html").read_text(encoding="utf-8")
    latest = max(re.findall(r'data-figure-id="[a-z0-9_]+\.totaal\.(\d{4}-Q\d)"', html))
    assert len(found["cards"]) >= 5
    for card in found["cards"]:
        assert card["figure"] == f"{card['indicator']}.totaal.{latest}", card
        assert card["visible"], f"{card['indicator']} ({card['text']}) is below the first screen"
