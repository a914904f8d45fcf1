"""Light pages: Plotly (1,1 MB) loads only on a page with a chart, and the build ships no
source maps and no search stemmers of other languages."""

from __future__ import annotations

import asyncio

import pytest
from playwright.async_api import async_playwright

from tests.browser import crawler
from tests.browser.conftest import BuiltSite
from tests.browser.page_kinds import KINDS, page_kinds

PLOTLY = "plotly-basic.min.js"


@pytest.fixture(scope="module")
def loads(built_site: BuiltSite, base_url: str, chromium: str) -> dict[str, tuple[bool, bool]]:
    """Per kind of page: (has a chart, requested Plotly)."""
    kinds = page_kinds(built_site.out)

    async def run() -> dict[str, tuple[bool, bool]]:
        found = {}
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            for kind, path in kinds.items():
                page = await browser.new_page()  # a fresh tab: only this page's requests
                requested: list[str] = []
                page.on("request", lambda request, seen=requested: seen.append(request.url))
                await page.goto(base_url + path, wait_until="load")
                await page.wait_for_function(crawler.CHARTS_DRAWN, timeout=10_000)
                charts = await page.evaluate("document.querySelectorAll('.im-chart').length")
                found[kind] = (charts > 0, any(url.endswith(PLOTLY) for url in requested))
                await page.close()
            await browser.close()
        return found

    return asyncio.run(run())


@pytest.mark.parametrize("kind", KINDS)
def test_plotly_loads_only_where_a_chart_is(loads: dict[str, tuple[bool, bool]], kind: str) -> None:
    has_chart, plotly = loads[kind]
    assert plotly == has_chart, f"{kind}: chart={has_chart}, plotly requested={plotly}"


def test_the_home_page_has_no_chart_and_an_indicator_page_has(
        loads: dict[str, tuple[bool, bool]]) -> None:
    # Both sides of the rule above are exercised.
    assert loads["home"] == (False, False) and loads["indicator"] == (True, True)


def test_no_source_maps_or_unused_search_languages(built_site: BuiltSite) -> None:
    assert list(built_site.out.rglob("*.map")) == []
    stemmers = sorted(p.name for p in (built_site.out / "assets/javascripts/lunr").rglob("*.js"))
    assert stemmers == ["lunr.multi.min.js", "lunr.nl.min.js", "lunr.stemmer.support.min.js"]
