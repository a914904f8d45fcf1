"""The search index is fetched when the search is first used, not on a page's first visit,
and the search then finds (generator/site/assets/search.js holds Material's request back)."""

from __future__ import annotations

import asyncio

import pytest
from playwright.async_api import Page, async_playwright, expect

from tests.browser import crawler

INDEX = "search/search_index.json"
TIMEOUT_MS = 20_000


async def _opened(page: Page, base_url: str, path: str, seen: list[str]) -> None:
    page.on("request", lambda request: seen.append(request.url))
    await page.goto(base_url + path, wait_until="load")
    # Material starts its search worker at once; give it the time it would take to ask.
    await page.wait_for_function(
        "() => document.querySelector('[data-md-component=search-result]') !== null")
    await page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("width", [1366, 360])
def test_the_index_waits_for_the_search_and_then_it_finds(
        base_url: str, chromium: str, width: int) -> None:
    async def run() -> tuple[list[str], list[str], str]:
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            page = await browser.new_page(viewport={"width": width, "height": 800})
            seen: list[str] = []
            await _opened(page, base_url, "", seen)
            before = list(seen)
            if width < 700:  # the narrow header shows a search button, not the field
                await page.locator("label.md-header__button[for='__search']").click()
            else:
                await page.locator(".md-search__input").click()
            await expect(page.locator(".md-search-result__meta")).to_have_text(
                "Typ om te beginnen met zoeken", timeout=TIMEOUT_MS)
            search = page.locator(".md-search__input")
            await search.fill("deelnemer")  # one keyup: only the whole word is searched
            await search.press("s")
            first = page.locator(".md-search-result__list a").first
            await expect(first).to_be_visible(timeout=TIMEOUT_MS)
            href = await first.get_attribute("href") or ""
            await browser.close()
            return before, seen, href

    before, after, first = asyncio.run(run())
    assert not [url for url in before if url.endswith(INDEX)], before
    assert [url for url in after if url.endswith(INDEX)] != []
    assert "indicatoren/deelnemers_bereikt" in first


def test_a_page_opened_with_a_query_fetches_the_index_at_once(
        base_url: str, chromium: str) -> None:
    async def run() -> list[str]:
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            page = await browser.new_page()
            seen: list[str] = []
            await _opened(page, base_url, "?q=deelnemers", seen)
            await browser.close()
            return seen

    assert [url for url in asyncio.run(run()) if url.endswith(INDEX)] != []
