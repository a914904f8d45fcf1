"""Visit every page of a served site in Debian's Chromium and note what the tests check.

The crawl starts at the home page and follows every link to an HTML page of the same
origin; a few tabs work at once (the site has ~130 pages). For each page it records the
console errors, failed requests and error responses, every request to another host, the
state of each chart and every URL the page refers to. The tests only read the records.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from playwright.async_api import Browser, ConsoleMessage, Page, Playwright, Request, Response
from playwright.async_api import TimeoutError as PlaywrightTimeout

from generator.site.pdf import find_chromium

LOOPBACK = "127.0.0.1"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        # Belt and braces: a name the page might ask for never resolves, so even a request
        # the tests would flag cannot reach anything outside this machine.
        f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {LOOPBACK}"]
TABS = 3
IDLE_SECONDS = 5.0
"""How long the home page may keep fetching after `load` before we leave it."""

CHARTS_DRAWN = """() => Array.from(document.querySelectorAll('.im-chart'))
    .every(el => el.querySelector('svg.main-svg') !== null)"""
SNAPSHOT = """() => ({
    drawn: (%s)(),
    charts: Array.from(document.querySelectorAll('.im-chart')).map(el => ({
        id: el.id,
        svg: el.querySelector('svg.main-svg') !== null,
        points: el.querySelectorAll('.point').length,
        traces: (el.data || []).length,
    })),
    references: Array.from(document.querySelectorAll(
            'a[href], link[href], script[src], img[src], source[src], iframe[src]'))
        .map(el => el.href || el.src)
        .filter(url => typeof url === 'string' && url !== ''),
})""" % CHARTS_DRAWN
"""What the tests need from a loaded page, in one round trip (most pages have no chart)."""


def chromium_path() -> str | None:
    """Debian's chromium; else the browser the PDF step would use (as `.ci/setup` accepts)."""
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or find_chromium()[0]


async def launch(playwright: Playwright, executable: str) -> Browser:
    return await playwright.chromium.launch(executable_path=executable, args=ARGS)


@dataclass(frozen=True)
class Chart:
    id: str
    svg: bool
    points: int
    traces: int


@dataclass
class PageRecord:
    url: str
    status: int | None = None
    load_error: str | None = None
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    error_responses: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    references: list[str] = field(default_factory=list)


@dataclass
class Crawl:
    base: str
    pages: dict[str, PageRecord]
    seconds: float


def is_html_page(url: str, base: str) -> bool:
    """A page of this site (not a download): `…/` or `….html` under `base`."""
    path = urlsplit(url).path
    return url.startswith(base) and (path.endswith("/") or path.endswith(".html"))


def page_url(url: str) -> str:
    return urldefrag(url)[0].split("?", 1)[0]


def is_outside(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in ("data", "blob", "about") and parts.hostname != LOOPBACK


async def crawl(browser: Browser, base: str) -> Crawl:
    """Every HTML page reachable from `base` by links, each visited once."""
    start = time.monotonic()
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    records: dict[str, PageRecord] = {base: PageRecord(base)}
    queue: asyncio.Queue[str] = asyncio.Queue()
    queue.put_nowait(base)

    async def worker() -> None:
        page = await context.new_page()  # one tab per worker: a new tab costs a process
        while True:
            url = await queue.get()
            try:
                try:
                    await visit(page, records[url], settle=url == base)
                except Exception as error:  # noqa: BLE001 (recorded; the tests report it)
                    records[url].load_error = f"{type(error).__name__}: {error}"
                for found in records[url].references:
                    target = page_url(found)
                    if is_html_page(target, base) and target not in records:
                        records[target] = PageRecord(target)
                        queue.put_nowait(target)
            finally:
                queue.task_done()

    workers = [asyncio.create_task(worker()) for _ in range(TABS)]
    await queue.join()
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    await context.close()
    return Crawl(base, records, time.monotonic() - start)


async def visit(page: Page, record: PageRecord, settle: bool) -> None:
    """Load one page in `page` and fill in `record`.

    Everything the document asks for has arrived at `load`; after it only Material's search
    worker fetches (the index and the Dutch stemmer), the same files on every page. With
    `settle` (the home page) the visit waits until those have arrived too; elsewhere the
    next navigation may abort them, and a request this visit did not see finish is not
    counted as failed (waiting on every page would double the crawl's time)."""
    started: set[Request] = set()
    open_requests: set[Request] = set()

    def on_request(request: Request) -> None:
        started.add(request)
        open_requests.add(request)
        if is_outside(request.url):
            record.outside_requests.append(request.url)

    def on_done(request: Request) -> None:
        open_requests.discard(request)

    def on_failed(request: Request) -> None:
        open_requests.discard(request)
        if request in started:
            record.failed_requests.append(f"{request.url}: {request.failure}")

    def on_response(response: Response) -> None:
        if response.request in started and response.status >= 400:
            record.error_responses.append(f"{response.url}: HTTP {response.status}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.location
            record.console_errors.append(
                f"{message.text} ({where.get('url', '')}:{where.get('lineNumber', '')})")

    def on_page_error(error: Exception) -> None:
        record.console_errors.append(f"uncaught: {error}")

    # Unload the previous page first, unobserved: its search worker may still start a
    # request that the next navigation would abort while this visit listens.
    await page.goto("about:blank")
    handlers = {"request": on_request, "requestfinished": on_done, "requestfailed": on_failed,
                "response": on_response, "console": on_console, "pageerror": on_page_error}
    for event, handler in handlers.items():
        page.on(event, handler)
    try:
        response = await page.goto(record.url, wait_until="load", timeout=30_000)
        record.status = response.status if response is not None else None
        snapshot = await page.evaluate(SNAPSHOT)
        if not snapshot["drawn"]:
            await _charts_drawn(page)
            snapshot = await page.evaluate(SNAPSHOT)
        record.charts = [Chart(**chart) for chart in snapshot["charts"]]
        record.references = snapshot["references"]
        if settle:
            await _idle(page, open_requests)
    finally:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)


async def _charts_drawn(page: Page) -> None:
    try:
        await page.wait_for_function(CHARTS_DRAWN, timeout=10_000)
    except PlaywrightTimeout:
        pass  # the chart test reports which chart stayed empty


async def _idle(page: Page, open_requests: set[Request]) -> None:
    deadline = time.monotonic() + IDLE_SECONDS
    quiet = 0
    while time.monotonic() < deadline and quiet < 3:
        quiet = quiet + 1 if not open_requests else 0
        await page.wait_for_timeout(50)
