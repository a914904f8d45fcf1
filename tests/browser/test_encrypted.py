"""The encrypted site in a real browser: `impactmonitor build` with made-up passwords, served
as GitHub Pages would (`pages_server`), opened in Debian's Chromium.

The browser side (generator/encrypt/shell/) and the build side (generator/encrypt/) meet
here: the login derives the key from keys.json, the service worker decrypts what the pages,
the search worker and the downloads ask for. What a page shows is compared with the
unencrypted preview build of the same commit (`built_site`), so a figure that decrypts to
something else, or a page the worker does not answer, fails.

The passwords are made up per run (`secrets`) and never written anywhere.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import secrets
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import (Browser, BrowserContext, ConsoleMessage, Page, Request,
                                  Response)
from playwright.async_api import async_playwright, expect

from generator.encrypt.reader import EncryptedSite
from generator.site.pdf import ENV as CHROMIUM_ENV
from tests.browser import crawler, dutch_excel
from tests.browser.conftest import REPO_ROOT, BuiltSite
from tests.browser.pages_server import serve

BROWSER_SCHEMES = ("chrome://", "chrome-extension://")
SHOTS = Path("/tmp/encrypted-shots")
WRONG = "Onjuist wachtwoord. Probeer het opnieuw."
NATIONAL_ENV = "IMPACTMONITOR_PASSWORD"
REGION = "voorbeeld-noord"
OTHER_REGION = "voorbeeld-zuid"
REGION_ENV = f"{NATIONAL_ENV}_{REGION.upper().replace('-', '_')}"
INDICATOR = "indicatoren/deelnemers_bereikt/"
EDITION = "edities/tussenrapport-2026/"
TIMEOUT_MS = 30_000
"""PBKDF2 at 600,000 iterations plus a reload: a few seconds on a slow CI machine."""

FIGURES = """() => Object.fromEntries(Array.from(document.querySelectorAll('[data-figure-id]'))
    .map(el => [el.dataset.figureId, el.textContent.trim()]))"""
KEPT_KEY = """() => new Promise((resolve, reject) => {
    const open = indexedDB.open('impactmonitor');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('sessie')) { db.close(); resolve(null); return; }
        const get = db.transaction('sessie').objectStore('sessie').get('sleutel');
        get.onsuccess = () => {
            const r = get.result;
            db.close();
            resolve(r ? {build: r.build, slot: r.slot, expires: r.expires,
                         fields: Object.keys(r).sort(), type: r.key.type,
                         extractable: r.key.extractable, usages: r.key.usages,
                         algorithm: r.key.algorithm.name, length: r.key.algorithm.length}
                      : null);
        };
        get.onerror = () => reject(get.error);
    };
})"""
FETCH_BASE64 = """async url => {
    const response = await fetch(url);
    const blob = await response.blob();
    return await new Promise(resolve => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result.split(',')[1]);
        reader.readAsDataURL(blob);
    });
}"""
STORAGE_TEXT = """() => JSON.stringify([Object.entries(localStorage),
    Object.entries(sessionStorage), document.cookie])"""


@dataclass(frozen=True)
class EncryptedBuild:
    out: Path
    passwords: dict[str, str]
    """Audience ('landelijk' or a region id) -> its made-up password."""


@pytest.fixture(scope="session")
def encrypted(tmp_path_factory: pytest.TempPathFactory, chromium: str) -> EncryptedBuild:
    """`impactmonitor build` with a national and a region password made up for this run."""
    passwords = {"landelijk": secrets.token_urlsafe(18), REGION: secrets.token_urlsafe(18)}
    out = tmp_path_factory.mktemp("encrypted") / "site"
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(NATIONAL_ENV)}  # no other audience sneaks in
    env.update({NATIONAL_ENV: passwords["landelijk"], REGION_ENV: passwords[REGION],
                CHROMIUM_ENV: chromium})
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(out)],
                         cwd=REPO_ROOT, capture_output=True, text=True, env=env, timeout=600)
    if run.returncode != 0:
        pytest.fail(f"impactmonitor build failed ({run.returncode}):\n{run.stderr}")
    return EncryptedBuild(out, passwords)


@pytest.fixture(scope="session")
def site_url(encrypted: EncryptedBuild) -> Iterator[str]:
    with serve(encrypted.out) as url:
        yield url


@pytest.fixture(scope="session")
def plain_url(built_site: BuiltSite) -> Iterator[str]:
    with serve(built_site.out) as url:
        yield url


@dataclass
class Watch:
    """What went wrong in a browser context: the tests assert it is empty at the end."""
    expected_404: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self._on_request)
        context.on("requestfailed", self._on_failed)
        context.on("response", self._on_response)
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.problems.append(f"uncaught: {error.error}"))

    def _on_request(self, request: Request) -> None:
        # chrome:// and chrome-extension://: the browser's own PDF viewer, not the network.
        if not request.url.startswith(BROWSER_SCHEMES) and crawler.is_outside(request.url):
            self.problems.append(f"request off 127.0.0.1: {request.url}")

    def _on_failed(self, request: Request) -> None:
        # ERR_ABORTED: a request the next navigation (or a download) cut off, not a failure.
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"failed: {request.url}: {request.failure}")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400 and crawler.page_url(response.url) not in self.expected_404:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = crawler.page_url(message.location.get("url", ""))
        if "404" in message.text and where in self.expected_404:
            return  # the browser reports every 404 response, also the expected ones
        self.problems.append(f"console: {message.text} ({where})")


@asynccontextmanager
async def browser_context(chromium: str, base: str, *, width: int = 1280, height: int = 900,
                          expected_404: tuple[str, ...] = ()) -> AsyncIterator[
                              tuple[BrowserContext, Watch]]:
    """A fresh browser (no kept key, no worker) with a Watch; fails the test on problems."""
    async with async_playwright() as playwright:
        browser: Browser = await crawler.launch(playwright, chromium)
        try:
            context = await browser.new_context(viewport={"width": width, "height": height},
                                                accept_downloads=True)
            watch = Watch({base + path for path in expected_404})
            watch.attach(context)
            yield context, watch
            await context.close()
        finally:
            await browser.close()
    assert watch.problems == []


async def log_in(page: Page, password: str) -> None:
    """Submit the password on the shell and wait for the page the worker then answers."""
    form = page.locator("#im-login")
    await expect(form).to_be_visible(timeout=TIMEOUT_MS)
    await page.locator("#im-wachtwoord").fill(password)
    await page.get_by_role("button", name="Openen").click()
    await page.locator(".md-header__inner").wait_for(timeout=TIMEOUT_MS)


async def open_logged_in(context: BrowserContext, base: str, password: str,
                         path: str = "") -> Page:
    page = await context.new_page()
    await page.goto(base + path)
    await log_in(page, password)
    return page


async def plain_view(chromium: str, plain_url: str, path: str, script: str) -> object:
    """`script` evaluated on `path` of the unencrypted preview build."""
    async with async_playwright() as playwright:
        browser = await crawler.launch(playwright, chromium)
        try:
            page = await browser.new_page()
            await page.goto(plain_url + path, wait_until="load")
            return await page.evaluate(script)
        finally:
            await browser.close()


def run(coroutine: Callable[[], Awaitable[object]]) -> object:
    return asyncio.run(coroutine())


def test_a_wrong_password_is_refused_in_dutch(chromium: str, site_url: str) -> None:
    async def check() -> None:
        async with browser_context(chromium, site_url) as (context, _):
            page = await context.new_page()
            await page.goto(site_url)
            await expect(page).to_have_title("Impactmonitor LLO Collectief")
            await page.locator("#im-wachtwoord").fill("niet-het-wachtwoord")
            button = page.get_by_role("button", name="Openen")
            await button.click()
            status = page.get_by_role("status")
            await expect(status).to_have_text(WRONG, timeout=TIMEOUT_MS)
            await expect(page.locator("#im-wachtwoord")).to_be_focused()
            await expect(page.locator("#im-wachtwoord")).to_have_value("")
            await expect(button).to_be_enabled()
            assert await page.evaluate(KEPT_KEY) is None
            assert await page.locator(".md-header__inner").count() == 0

    run(check)


def test_the_national_password_opens_the_home_page_with_its_figures(
        chromium: str, site_url: str, plain_url: str, encrypted: EncryptedBuild) -> None:
    password = encrypted.passwords["landelijk"]
    expected = run(lambda: plain_view(chromium, plain_url, "", FIGURES))
    assert len(expected) > 10, expected

    async def check() -> None:
        async with browser_context(chromium, site_url) as (context, _):
            page = await context.new_page()
            await page.goto(site_url)
            await page.locator("#im-wachtwoord").fill(password)
            await page.get_by_role("button", name="Openen").click()
            await page.locator(".md-header__inner").wait_for(timeout=TIMEOUT_MS)
            assert page.url == site_url
            assert await page.evaluate(FIGURES) == expected
            await expect(page.get_by_role("button", name="Afmelden")).to_be_visible()
            kept = await page.evaluate(KEPT_KEY)
            key_file = EncryptedSite(encrypted.out, password)
            assert kept is not None
            assert (kept["fields"], kept["build"], kept["slot"]) == (
                ["build", "expires", "key", "slot"],
                json.loads((encrypted.out / "keys.json").read_text())["build"],
                key_file.slot)
            assert (kept["type"], kept["extractable"], kept["usages"], kept["algorithm"],
                    kept["length"]) == ("secret", False, ["unwrapKey"], "AES-GCM", 256)
            hours = (kept["expires"] - await page.evaluate("Date.now()")) / 3_600_000
            assert 11.9 < hours <= 12.0
            assert password not in await page.evaluate(STORAGE_TEXT)

    run(check)


def test_the_status_says_it_is_busy_while_deriving(chromium: str, site_url: str,
                                                    encrypted: EncryptedBuild) -> None:
    async def check() -> None:
        async with browser_context(chromium, site_url) as (context, _):
            page = await context.new_page()
            await page.goto(site_url)
            await page.locator("#im-wachtwoord").fill(encrypted.passwords["landelijk"])
            # Read the state in the same task as the click: PBKDF2 has not finished yet.
            state = await page.evaluate("""() => {
                document.getElementById('im-openen').click();
                return [document.getElementById('im-openen').disabled,
                        document.getElementById('im-status').textContent];
            }""")
            assert state == [True, "Bezig met openen…"]
            await page.locator(".md-header__inner").wait_for(timeout=TIMEOUT_MS)

    run(check)


def test_further_pages_search_and_history_need_no_second_prompt(
        chromium: str, site_url: str, plain_url: str, encrypted: EncryptedBuild) -> None:
    region, indicator = f"regios/{OTHER_REGION}/", INDICATOR
    titles = {path: run(lambda path=path: plain_view(chromium, plain_url, path,
                                                      "() => document.title"))
              for path in (region, indicator)}

    async def check() -> None:
        async with browser_context(chromium, site_url) as (context, _):
            page = await open_logged_in(context, site_url, encrypted.passwords["landelijk"])
            figure = page.locator("a.im-figure[href*='audit/']").first
            figure_id = await figure.get_attribute("data-figure-id")
            await figure.click()
            await page.wait_for_url(f"**/audit/**#{figure_id}")
            await expect(page.locator(f'[id="{figure_id}"]')).to_be_in_viewport()
            assert await page.locator("#im-login").count() == 0

            for path in (region, indicator):
                await page.goto(site_url + path)
                await expect(page).to_have_title(titles[path])
                assert await page.locator("#im-login").count() == 0

            await page.go_back()
            await expect(page).to_have_title(titles[region])
            assert page.url == site_url + region
            await page.go_forward()
            await expect(page).to_have_title(titles[indicator])

            search = page.locator(".md-search__input")
            await search.click()
            # Until the search worker has its (decrypted) index, Material ignores the query.
            await expect(page.locator(".md-search-result__meta")).to_have_text(
                "Typ om te beginnen met zoeken", timeout=TIMEOUT_MS)
            # Material searches on keyup: one key, so only the whole word is searched and no
            # result list of a shorter query replaces the one clicked below.
            await search.fill("deelnemer")
            await search.press("s")
            first = page.locator(".md-search-result__list a").first
            await expect(first).to_be_visible(timeout=TIMEOUT_MS)
            target = crawler.page_url(await first.evaluate("a => a.href"))
            await first.click()
            await page.wait_for_url(lambda url: crawler.page_url(url) == target)
            await page.locator(".md-content").wait_for()
            assert await page.locator("#im-login").count() == 0
            assert await page.locator(".md-content").inner_text() != ""

    run(check)


def test_downloads_are_the_plain_files_byte_for_byte(
        chromium: str, site_url: str, built_site: BuiltSite, encrypted: EncryptedBuild) -> None:
    password = encrypted.passwords["landelijk"]
    reader = EncryptedSite(encrypted.out, password)
    csv_path = "indicatoren/deelnemers_bereikt.csv"
    pdfs = sorted(p.relative_to(built_site.out).as_posix()
                  for p in built_site.out.glob("edities/*/*.pdf"))

    async def check() -> dict[str, bytes]:
        got: dict[str, bytes] = {}
        # The PDF viewer asks for /favicon.ico, which no MkDocs site has.
        async with browser_context(chromium, site_url,
                                   expected_404=(INDICATOR, "favicon.ico")) as (context, _):
            page = await open_logged_in(context, site_url, password, INDICATOR)
            got[csv_path] = await download(page, f'a[href$="{csv_path.rsplit("/", 1)[1]}"]')
            for pdf in pdfs:
                await page.goto(site_url + pdf.rsplit("/", 1)[0] + "/")
                link = page.locator(f'a[href$="{pdf.rsplit("/", 1)[1]}"]').first
                # Chromium shows a PDF in its viewer when the link is followed ...
                async with page.expect_response(site_url + pdf) as shown:
                    await link.click()
                response = await shown.value
                assert (response.status, response.headers["content-type"]) == (
                    200, "application/pdf")
                # ... whose bytes it fetches through the worker, as the page would. (Not with
                # a `download` link: Chromium fetches those past the service worker.)
                await page.go_back()
                got[pdf] = base64.b64decode(await page.evaluate(FETCH_BASE64, site_url + pdf))
                # A PDF viewer asks for ranges; the worker answers with the whole file.
                answer = await page.evaluate("""async url => {
                    const r = await fetch(url, {headers: {Range: 'bytes=0-99'}});
                    return [r.status, (await r.arrayBuffer()).byteLength];
                }""", site_url + pdf)
                assert answer == [200, len(got[pdf])]
        return got

    got = run(check)
    assert got[csv_path] == (built_site.out / csv_path).read_bytes()
    for pdf in pdfs:
        assert got[pdf][:5] == b"%PDF-"
        # The PDF of the encrypted build is printed from its own pages; the preview's carries
        # the "niet versleuteld" notice. What the browser decrypted is the build's plaintext.
        assert got[pdf] == reader.read(pdf)


def test_a_charts_csv_for_excel_opens_through_the_worker(
        chromium: str, site_url: str, built_site: BuiltSite, encrypted: EncryptedBuild) -> None:
    """The per-chart CSV (a plain link beside the chart, no `download` attribute) is what the
    preview build wrote, and Dutch Excel reads the chart's numbers from it."""
    chart = "im-deelnemers_bereikt-regios"
    name = f"{chart}-excel.csv"

    async def check() -> tuple[bytes, bytes, list[float]]:
        async with browser_context(chromium, site_url, expected_404=(INDICATOR,)) as (context, _):
            page = await open_logged_in(context, site_url, encrypted.passwords["landelijk"],
                                        INDICATOR)
            await page.wait_for_function(crawler.CHARTS_DRAWN, timeout=TIMEOUT_MS)
            values = await page.evaluate(f"document.getElementById('{chart}').data[0].x")
            saved = await download(page, f'#grafiek-{chart} a[href="{name}"]')
            fetched = base64.b64decode(await page.evaluate(FETCH_BASE64,
                                                           site_url + INDICATOR + name))
            return saved, fetched, values

    saved, fetched, values = run(check)
    assert saved == fetched == (built_site.out / INDICATOR / name).read_bytes()
    rows = dutch_excel.read(saved)
    assert [row[1] for row in rows[1:-1]] == values


async def download(page: Page, selector: str) -> bytes:
    """The bytes Chromium saves when the first link matching `selector` is clicked."""
    async with page.expect_download() as info:
        await page.locator(selector).first.click()
    saved = await info.value
    assert await saved.failure() is None
    return Path(await saved.path()).read_bytes()


def test_a_deep_link_in_a_new_tab_after_login_shows_that_page(
        chromium: str, site_url: str, plain_url: str, encrypted: EncryptedBuild) -> None:
    path = f"regios/{OTHER_REGION}/"
    title = run(lambda: plain_view(chromium, plain_url, path, "() => document.title"))

    async def check() -> None:
        async with browser_context(chromium, site_url) as (context, _):
            await open_logged_in(context, site_url, encrypted.passwords["landelijk"])
            tab = await context.new_page()
            response = await tab.goto(site_url + path)
            assert response is not None and response.status == 200
            await expect(tab).to_have_title(title)
            assert await tab.locator("#im-login").count() == 0

    run(check)


def test_a_deep_link_before_login_asks_the_password_then_shows_that_page(
        chromium: str, site_url: str, plain_url: str, encrypted: EncryptedBuild) -> None:
    path = f"regios/{OTHER_REGION}/"
    title, figures = run(lambda: plain_view(chromium, plain_url, path,
                                            f"() => [document.title, ({FIGURES})()]"))

    async def check() -> None:
        async with browser_context(chromium, site_url, expected_404=(path,)) as (context, _):
            page = await context.new_page()
            response = await page.goto(site_url + path)
            # Without the key there is only the shell, served as GitHub Pages' 404 page.
            assert response is not None and response.status == 404
            await expect(page).to_have_title("Impactmonitor LLO Collectief")
            await log_in(page, encrypted.passwords["landelijk"])
            assert page.url == site_url + path
            await expect(page).to_have_title(title)
            # The title is parsed long before the end of a long page (the service worker
            # streams it): read the figures once the page has loaded, as `plain_view` does.
            await page.wait_for_load_state("load")
            assert await page.evaluate(FIGURES) == figures

    run(check)


def test_afmelden_forgets_the_key(chromium: str, site_url: str,
                                  encrypted: EncryptedBuild) -> None:
    async def check() -> None:
        async with browser_context(chromium, site_url, expected_404=(INDICATOR,)) as (
                context, _):
            page = await open_logged_in(context, site_url, encrypted.passwords["landelijk"],
                                        INDICATOR)
            button = page.get_by_role("button", name="Afmelden")
            await button.focus()  # by keyboard, as it must be reachable
            await page.keyboard.press("Enter")
            await page.wait_for_url(site_url)
            await expect(page.locator("#im-login")).to_be_visible()
            assert await page.evaluate(KEPT_KEY) is None
            await page.reload()
            await expect(page.locator("#im-login")).to_be_visible()
            # The worker forgot too: a page it answered before is the shell again.
            response = await page.goto(site_url + INDICATOR)
            assert response is not None and response.status == 404
            await expect(page.locator("#im-login")).to_be_visible()
            assert await page.locator(".md-header__inner").count() == 0

    run(check)


def test_a_region_password_opens_totals_and_its_region_only(
        chromium: str, site_url: str, plain_url: str, encrypted: EncryptedBuild) -> None:
    national = run(lambda: plain_view(chromium, plain_url, "", FIGURES))
    own_title = run(lambda: plain_view(chromium, plain_url, f"regios/{REGION}/",
                                       "() => document.title"))
    other_heading = run(lambda: plain_view(chromium, plain_url, f"regios/{OTHER_REGION}/",
                                           "() => document.querySelector('h1').textContent"))
    not_found = run(lambda: plain_view(chromium, plain_url, "404.html",
                                       "() => document.querySelector('.md-content h1')"
                                       ".textContent"))
    other = f"regios/{OTHER_REGION}/"

    async def check() -> None:
        async with browser_context(chromium, site_url, expected_404=(other,)) as (context, _):
            page = await open_logged_in(context, site_url, encrypted.passwords[REGION])
            figures = await page.evaluate(FIGURES)
            totals = {k: v for k, v in figures.items() if ".totaal." in k}
            assert totals, figures
            assert totals == {k: v for k, v in national.items() if k in totals}
            assert {k for k in figures if f".{OTHER_REGION}." in k} == set()

            await page.goto(site_url + f"regios/{REGION}/")
            await expect(page).to_have_title(own_title)

            response = await page.goto(site_url + other)
            assert response is not None and response.status == 404
            await expect(page.locator(".md-content h1")).to_have_text(not_found)
            assert await page.locator("#im-login").count() == 0
            assert other_heading.strip() not in await page.locator(".md-content").inner_text()

    run(check)


def test_the_login_page_passes_axe_and_fits_both_widths(chromium: str, site_url: str,
                                                         encrypted: EncryptedBuild) -> None:
    """Also writes the screenshots looked at when the shell changes (outside the repo)."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    async def check() -> list[dict]:
        found: list[dict] = []
        for width, height in ((1366, 768), (390, 844)):
            async with browser_context(chromium, site_url, width=width, height=height) as (
                    context, _):
                page = await context.new_page()
                await page.goto(site_url)
                await expect(page.locator("#im-login")).to_be_visible()
                results = await Axe().run(page, options={
                    "runOnly": {"type": "tag",
                                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                    "resultTypes": ["violations"]})
                found += [v for v in results.response["violations"]
                          if v["impact"] in ("serious", "critical")]
                box = await page.locator(".im-shell__card").bounding_box()
                assert box is not None
                assert abs(box["x"] + box["width"] / 2 - width / 2) <= 1
                assert 0 <= box["y"] and box["y"] + box["height"] <= height
                assert await page.evaluate(
                    "document.documentElement.scrollWidth <= innerWidth")
                await page.screenshot(path=SHOTS / f"login-{width}.png")
                await log_in(page, encrypted.passwords["landelijk"])
                await page.wait_for_function(crawler.CHARTS_DRAWN, timeout=TIMEOUT_MS)
                await expect(page.get_by_role("button", name="Afmelden")).to_be_visible()
                await page.screenshot(path=SHOTS / f"home-{width}.png")
        return found

    assert run(check) == []


def test_opened_as_a_file_the_shell_says_to_use_https(chromium: str,
                                                       encrypted: EncryptedBuild) -> None:
    async def check() -> None:
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            try:
                page = await browser.new_page()
                await page.goto((encrypted.out / "index.html").as_uri())
                fallback = page.locator(".im-shell__fallback")
                await expect(fallback).to_be_visible()
                await expect(fallback).to_contain_text("https://")
                await expect(page.locator("#im-wachtwoord")).to_be_hidden()
            finally:
                await browser.close()

    run(check)
