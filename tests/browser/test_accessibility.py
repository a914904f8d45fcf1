"""axe-core finds no serious or critical WCAG 2.1 A/AA violation on the home page, a region
page, an indicator page and the tussenrapport (charts drawn, as a visitor sees them).

axe-core comes with axe-playwright-python (`axe.min.js`); nothing is fetched.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import async_playwright

from tests.browser import crawler
from tests.browser.conftest import REPO_ROOT, BuiltSite

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = ("serious", "critical")
KINDS = ("home", "regio", "indicator", "tussenrapport")


def pages_to_check(site: Path) -> dict[str, str]:
    """A page of each kind, as a URL path of the built site."""
    regions = sorted(p.parent.name for p in site.glob("regios/*/index.html"))
    indicators = sorted(p.parent.name for p in site.glob("indicatoren/*/index.html"))
    editions = (REPO_ROOT / "site_src" / "edities").glob("*/editie.yml")
    interim = sorted(p.parent.name for p in editions
                     if yaml.safe_load(p.read_text(encoding="utf-8"))["soort"] == "tussenrapport")
    assert regions and indicators and interim, (regions, indicators, interim)
    indicator = "deelnemers_bereikt" if "deelnemers_bereikt" in indicators else indicators[0]
    return {"home": "", "regio": f"regios/{regions[0]}/",
            "indicator": f"indicatoren/{indicator}/", "tussenrapport": f"edities/{interim[0]}/"}


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
    paths = pages_to_check(built_site.out)

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
