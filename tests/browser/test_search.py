"""Search in Chromium, as a reader uses it: an indicator's own page comes first for its name
(its front matter boosts it), before the research questions and regions that name it."""

from __future__ import annotations

import asyncio

import pytest
from playwright.async_api import async_playwright, expect

from tests.browser import crawler

READY = "Typ om te beginnen met zoeken"
QUERIES = {"deelnemers": "indicatoren/deelnemers_bereikt/",
           "matches": "indicatoren/matches_werkgevers/",
           "borging": "indicatoren/borging_score/"}


@pytest.fixture(scope="module")
def first_results(base_url: str, chromium: str) -> dict[str, str]:
    async def run() -> dict[str, str]:
        found = {}
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            try:
                for query in QUERIES:
                    page = await browser.new_page()  # no results of a previous query
                    await page.goto(base_url, wait_until="load")
                    search = page.locator(".md-search__input")
                    await search.click()
                    # Until the search worker has its index, Material ignores the query.
                    await expect(page.locator(".md-search-result__meta")).to_have_text(
                        READY, timeout=30_000)
                    # Material searches on keyup: one key, so only the whole word is searched.
                    await search.fill(query[:-1])
                    await search.press(query[-1])
                    first = page.locator(".md-search-result__list > li > a").first
                    await expect(first).to_be_visible(timeout=30_000)
                    found[query] = crawler.page_url(await first.evaluate("a => a.href"))
                    await page.close()
            finally:
                await browser.close()
        return found

    return asyncio.run(run())


@pytest.mark.parametrize("query", QUERIES)
def test_an_indicators_page_comes_first_for_its_name(first_results: dict[str, str],
                                                      base_url: str, query: str) -> None:
    assert first_results[query] == base_url + QUERIES[query]
