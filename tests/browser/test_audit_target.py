"""The entry a number links to is highlighted and fully visible below the sticky header."""

from __future__ import annotations

import asyncio
import re

from playwright.async_api import async_playwright

from tests.browser import crawler
from tests.browser.conftest import BuiltSite

STATE = """() => {
    const header = document.querySelector('.md-header').getBoundingClientRect();
    const target = document.querySelector(':target');
    const box = target.closest('.im-audit-entry');
    const other = Array.from(document.querySelectorAll('.im-audit-entry')).find(e => e !== box);
    const text = box.getBoundingClientRect();
    return {headerBottom: header.bottom, top: text.top, bottom: text.bottom,
            height: innerHeight, targetBackground: getComputedStyle(box).backgroundColor,
            otherBackground: getComputedStyle(other).backgroundColor,
            border: getComputedStyle(box).borderLeftColor};
}"""


def test_the_linked_entry_is_highlighted_below_the_header(built_site: BuiltSite, base_url: str,
                                                          chromium: str) -> None:
    home = (built_site.out / "index.html").read_text(encoding="utf-8")
    href = re.search(r'<p class="im-kpi-value[^"]*"><a class="im-figure" href="([^"]+)"',
                     home).group(1)

    async def run() -> dict:
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            page = await browser.new_page(viewport={"width": 1366, "height": 768})
            await page.goto(base_url, wait_until="load")
            await page.click(f'.im-kpi-value a[href="{href}"]')
            await page.wait_for_function("() => document.querySelector(':target') !== null")
            found = await page.evaluate(STATE)
            await browser.close()
            return found

    found = asyncio.run(run())
    assert found["top"] >= found["headerBottom"], found  # not hidden under the top bar
    assert found["bottom"] <= found["height"], found
    assert found["targetBackground"] != found["otherBackground"], found
