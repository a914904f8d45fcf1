"""How long the encrypted site makes a visitor wait, in headless Chromium.

Not a test: it prints figures. Build an encrypted site first, then point this at it:

    IMPACTMONITOR_PASSWORD=... .venv/bin/python -m generator build --out /tmp/site
    IMPACTMONITOR_PASSWORD=... .venv/bin/python tests/benchmarks/bench_browser_login.py \\
        --site /tmp/site [--runs 5]

The password is read from IMPACTMONITOR_PASSWORD (the national audience) and never printed.
The site is served by `tests/browser/pages_server.py` (as GitHub Pages answers). Each run
uses a fresh browser context (no kept key, no service worker, empty cache) and measures:

- login: from the click on "Openen" until the home page's header is visible (PBKDF2 at the
  key file's iterations, finding the audience, the reload, the worker decrypting the map
  and the page);
- next page: a click on a link to another page with the key kept, until its header shows;
- search: from typing a query after login until the first result is shown (the search
  worker fetches the decrypted index through the service worker).

The figure is the median of the runs, with the minimum and maximum beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

from playwright.async_api import Page, async_playwright, expect

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from tests.browser import crawler  # noqa: E402 (after the path is set)
from tests.browser.pages_server import serve  # noqa: E402

PASSWORD_ENV = "IMPACTMONITOR_PASSWORD"
NEXT_PAGE = "regios/"
QUERY = "deelnemers"
TIMEOUT_MS = 60_000


async def one_run(page: Page, base: str, password: str) -> dict[str, float]:
    await page.goto(base)
    await page.locator("#im-wachtwoord").fill(password)
    header = page.locator(".md-header__inner")

    start = time.perf_counter()
    await page.get_by_role("button", name="Openen").click()
    await header.wait_for(timeout=TIMEOUT_MS)
    login = time.perf_counter() - start

    link = page.locator(f'.md-nav a[href$="{NEXT_PAGE}"]').first
    start = time.perf_counter()
    await link.click()
    await page.wait_for_url(f"**/{NEXT_PAGE}", wait_until="commit")
    await header.wait_for(timeout=TIMEOUT_MS)
    next_page = time.perf_counter() - start

    search = page.locator(".md-search__input")
    await search.click()
    start = time.perf_counter()
    # Typed at once after the page shows: the time includes the worker loading the index.
    await search.press_sequentially(QUERY)
    first = page.locator(".md-search-result__list a").first
    try:
        await expect(first).to_be_visible(timeout=2_000)
    except AssertionError:
        # Material drops a query typed before its index is ready; type it again then.
        await expect(page.locator(".md-search-result__meta")).not_to_have_text(
            "Zoeken initialiseren", timeout=TIMEOUT_MS)
        await search.fill("")
        await search.press_sequentially(QUERY)
        await expect(first).to_be_visible(timeout=TIMEOUT_MS)
    found = time.perf_counter() - start
    return {"login": login, "next page": next_page, "search": found}


async def measure(site: Path, password: str, runs: int, chromium: str) -> list[dict[str, float]]:
    results = []
    with serve(site) as base:
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            try:
                for _ in range(runs):
                    context = await browser.new_context(viewport={"width": 1280, "height": 900})
                    try:
                        results.append(await one_run(await context.new_page(), base, password))
                    finally:
                        await context.close()
            finally:
                await browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--site", type=Path, required=True, help="an encrypted site's folder")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    password = os.environ.get(PASSWORD_ENV)
    if not password:
        parser.error(f"set {PASSWORD_ENV} to the national password of that build")
    if not (args.site / "keys.json").is_file():
        parser.error(f"{args.site} is not an encrypted site (no keys.json)")
    chromium = crawler.chromium_path()
    if chromium is None:
        parser.error("Debian's chromium is not installed")
    results = asyncio.run(measure(args.site, password, args.runs, chromium))
    print(f"encrypted site in headless Chromium, {args.runs} fresh contexts")
    for name in results[0]:
        values = [1000 * run[name] for run in results]
        print(f"  {name:<10} median {statistics.median(values):7.0f} ms  "
              f"(min {min(values):.0f}, max {max(values):.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
