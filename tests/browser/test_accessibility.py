"""axe-core finds no serious or critical WCAG 2.1 A/AA violation on a page of every kind
(`page_kinds.py`: home, question, region, indicator, economy, edition, guide, build
information, audit entry, 404 and the lists), charts drawn, as a visitor sees them.

axe-core comes with axe-playwright-python (`axe.min.js`); nothing is fetched.
"""

from __future__ import annotations

import asyncio

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import async_playwright

from tests.browser import crawler
from tests.browser.conftest import BuiltSite
from tests.browser.page_kinds import KINDS, page_kinds

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = ("serious", "critical")


def describe(violation: dict) -> str:
    nodes = violation["nodes"]
    lines = [f"{violation['id']} ({violation['impact']}): {violation['help']} "
             f"[{len(nodes)} element(s)] {violation['helpUrl']}"]
    for node in nodes[:5]:
        summary = " ".join(node.get("failureSummary", "").split())
        lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def violations(built_site: BuiltSite, base_url: str, chromium: str) -> dict[str, list[dict]]:
    """The serious and critical violations per kind of page."""
    paths = page_kinds(built_site.out)

    async def run() -> dict[str, list[dict]]:
        found: dict[str, list[dict]] = {}
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            axe = Axe()
            for kind, path in paths.items():
                await page.goto(base_url + path, wait_until="load")
                await page.wait_for_function(crawler.CHARTS_DRAWN, timeout=10_000)
                results = await axe.run(page, options={
                    "runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
                found[kind] = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
            await browser.close()
        return found

    return asyncio.run(run())


@pytest.mark.parametrize("kind", KINDS)
def test_no_serious_or_critical_wcag_violation(violations: dict[str, list[dict]],
                                                kind: str) -> None:
    found = violations[kind]
    assert found == [], f"axe-core on the {kind} page:\n" + "\n".join(map(describe, found))
