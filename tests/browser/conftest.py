"""Fixtures of the browser tests: the example site built once with `impactmonitor build`,
served on 127.0.0.1 and crawled once in Debian's Chromium.

No browser is downloaded (`playwright install` is never run): Playwright drives the
system's `chromium`, which `.ci/setup` installs. Without it these tests fail, on purpose:
they are part of the suite, not optional.
"""

from __future__ import annotations

import asyncio
import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.async_api import async_playwright

from generator.site.pdf import ENV as CHROMIUM_ENV
from tests.browser import crawler

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class BuiltSite:
    out: Path
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def chromium() -> str:
    path = crawler.chromium_path()
    if path is None:
        pytest.fail("Debian's chromium is not installed (no /usr/bin/chromium, none on PATH). "
                    "Run `bash .ci/setup` as root (it installs it with apt-get) or "
                    "`apt-get install chromium`; the browser tests and the PDFs need it.")
    return path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, chromium: str) -> BuiltSite:
    """`impactmonitor build --out <tmp>` of the repository, PDFs made with that Chromium."""
    out = tmp_path_factory.mktemp("browser") / "site"
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--unencrypted-preview", "--out", str(out)],
                         cwd=REPO_ROOT, capture_output=True, text=True,
                         env={**os.environ, CHROMIUM_ENV: chromium}, timeout=300)
    if run.returncode != 0:
        pytest.fail(f"impactmonitor build failed ({run.returncode}):\n{run.stderr}")
    return BuiltSite(out, run.stdout, run.stderr)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # Leaving a page closes connections still sending (the search worker's files).
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def base_url(built_site: BuiltSite) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 (a free port), as a static host would serve it."""
    server = _Server((crawler.LOOPBACK, 0),
                     functools.partial(_QuietHandler, directory=str(built_site.out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{crawler.LOOPBACK}:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def crawl(base_url: str, chromium: str) -> crawler.Crawl:
    async def run() -> crawler.Crawl:
        async with async_playwright() as playwright:
            browser = await crawler.launch(playwright, chromium)
            try:
                return await crawler.crawl(browser, base_url)
            finally:
                await browser.close()

    return asyncio.run(run())
