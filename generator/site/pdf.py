"""The report editions as PDF, printed by headless Chromium after MkDocs (a `hooks.STEPS` step).

Each edition page `edities/<slug>/index.html` becomes `edities/<slug>/<slug>.pdf`; the page
already links there (`pages/editions.py`). The charts are drawn by JavaScript, so the PDF
comes from a real browser and the site's print stylesheet, not from the Markdown.

- Chromium is found through `IMPACTMONITOR_CHROMIUM` (when set, only that path: CI and the
  tests can switch PDFs off) or on PATH. Without it the build prints one line and goes on;
  a page whose PDF could not be made says "PDF niet beschikbaar in deze build" instead of
  linking to a missing file.
- The site is served from a loopback server under a fixed made-up host (`HOST`), so the
  links Chromium writes into the PDF name neither the builder's folders nor a random port,
  and the PDF's dates are set to the build date (`SOURCE_DATE_EPOCH`, set by the plugin
  while it builds). The tagged PDF's element ids, which Chromium takes from a DOM node
  counter that can differ by a few between two prints of one page, are numbered in their
  order (`fix_node_ids`). Two builds of one commit then give the same PDF bytes.
- A page is printed when it is ready, not after a guessed time: loaded with every
  stylesheet, every chart drawn and redrawn at paper width, the fonts in (`READY`, asked over the DevTools pipe,
  `devtools.py`). A busy machine
  then makes printing slower, never different.
- With a cache (a build's, `generator.cache`), a PDF is reused by content (entry `pdf`):
  the page's HTML, every file of the site a page can load when printed (`LOADED`:
  stylesheets, scripts, fonts, images), the page's URL, the build date, the Chromium
  version and the system's font list. A build whose edition pages and assets are those
  of an earlier build starts no browser. A page that could not be printed is not stored.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.cache import Cache
from generator.site import devtools

ENV = "IMPACTMONITOR_CHROMIUM"
NAMES = ("chromium", "chromium-browser", "google-chrome")
HOST = "impactmonitor.invalid"
"""Reserved for names that never resolve (RFC 2606): Chromium maps it to our server only."""
UNAVAILABLE = "PDF niet beschikbaar in deze build"
LINK_CELL = re.compile(r'<dd class="im-edition-pdf">.*?</dd>', re.S)
PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)(\d{14})")
TIMEOUT = 120
"""Seconds for one page; a hung browser must not hang the build."""
READY = """new Promise(resolve => {
  const limit = Date.now() + %d;
  const drawn = () => Array.from(document.querySelectorAll('.im-chart'))
      .every(chart => chart.querySelector('svg.main-svg') !== null);
  const styled = () => Array.from(document.querySelectorAll('link[rel=stylesheet]'))
      .every(link => link.sheet !== null);
  const check = () => {
    if (document.readyState === 'complete' && styled() && drawn()) {
      const charts = window.impactmonitorCharts;
      Promise.resolve(charts && charts.forPrint ? charts.forPrint() : null)
        .then(() => document.fonts.ready)
        .then(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(''))));
    } else if (Date.now() > limit) {
      resolve(document.readyState !== 'complete' ? 'de pagina laadde niet helemaal'
              : !styled() ? 'niet alle stijlbladen laadden'
              : 'niet alle grafieken werden getekend');
    } else {
      setTimeout(check, 50);
    }
  };
  check();
})"""
"""Resolves with '' when the page can be printed: every chart drawn and then redrawn at paper
width (charts.js `forPrint`, awaited, so `beforeprint` starts no redraw of its own), the fonts
in, two frames later; or with what is still missing when the time is up."""

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--no-default-browser-check", "--no-pdf-header-footer",
    # charts.js redraws at 680 px to print; a window a little wider keeps the screen layout
    # from switching to Material's narrow (mobile) one.
    "--window-size=800,1200",
    # Only the tab we open: with the start-up tab beside it, its renderer now and then dies
    # while ours loads ("Render process gone").
    "--no-startup-window",
)


def pdf_name(slug: str) -> str:
    """The PDF of an edition, beside its page: the name the page links to."""
    return f"{slug}.pdf"


LOADED = frozenset({".css", ".js", ".mjs", ".woff", ".woff2", ".ttf", ".otf", ".svg", ".png",
                    ".jpg", ".jpeg", ".gif", ".webp", ".ico"})
"""What a page loads as it is printed (its stylesheets, scripts, fonts and images): the
files of the site a PDF's cache key holds. Pages, PDFs and downloads (CSV, JSON) are not
loaded by a page."""


def print_editions(site_dir: Path, edition_pages: Sequence[Path],
                   cache: Cache | None = None) -> None:
    """The after-HTML step: a PDF for every edition page, or a clear line why not. With a
    `cache`, a PDF printed by an earlier build of the same page and assets is reused."""
    if not edition_pages:
        return
    chromium, why_not = find_chromium()
    if chromium is None:
        say(f"{why_not}; de PDF's van de edities worden overgeslagen.")
        for page in edition_pages:
            mark_unavailable(page)
        return
    shared = _shared_parts(site_dir, chromium) if cache is not None else {}
    with ExitStack() as stack:
        printer = _Printer(chromium, site_dir, stack)
        for page in edition_pages:
            target = page.parent / pdf_name(page.parent.name)
            url = f"http://{HOST}/{page.parent.relative_to(site_dir).as_posix()}/"
            try:
                if cache is None:
                    printer.print(url, target)
                    continue
                parts = {**shared, "url": url,
                         "page": hashlib.sha256(page.read_bytes()).hexdigest()}
                target.write_bytes(cache.through("pdf", parts,
                                                 functools.partial(printer.print, url, target)))
            except _NotPrinted as failed:
                say(f"de PDF van {page.relative_to(site_dir)} kon niet worden gemaakt: {failed}")
                target.unlink(missing_ok=True)
                mark_unavailable(page)


class _Printer:
    """Chromium printing pages of one site folder. The loopback server and the scratch
    folder start with the first page printed: a build that reuses every PDF starts none."""

    def __init__(self, chromium: str, site_dir: Path, stack: ExitStack) -> None:
        self._chromium, self._site_dir, self._stack = chromium, site_dir, stack
        self._port: int | None = None
        self._tmp = Path()

    def print(self, url: str, target: Path) -> bytes:
        if self._port is None:
            self._tmp = Path(self._stack.enter_context(tempfile.TemporaryDirectory(
                prefix="impactmonitor-pdf-", ignore_cleanup_errors=True)))
            self._port = self._stack.enter_context(serving(self._site_dir))
        problem = print_page(self._chromium, url, self._port, target, self._tmp)
        if problem is not None:
            raise _NotPrinted(problem)
        fix_dates(target)
        fix_node_ids(target)
        return target.read_bytes()


class _NotPrinted(Exception):
    """What went wrong printing a page (Dutch); the page gets no PDF, the cache no entry."""


def _shared_parts(site_dir: Path, chromium: str) -> dict[str, str]:
    """What every edition page's PDF depends on besides the page: the files it can load,
    the build date, the browser and the fonts it draws with."""
    loaded = hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        if path.suffix.lower() in LOADED and path.is_file():
            loaded.update(path.relative_to(site_dir).as_posix().encode() + b"\0")
            loaded.update(hashlib.sha256(path.read_bytes()).digest())
    return {"loaded": loaded.hexdigest(), "epoch": os.environ.get("SOURCE_DATE_EPOCH", ""),
            **_browser(chromium)}


@functools.lru_cache(maxsize=4)
def _browser(chromium: str) -> dict[str, str]:
    """The browser's version and the system's fonts (`fc-list`), once per process."""
    return {"chromium": _output([chromium, "--version"]), "fonts": _output(["fc-list"])}


def _output(argv: list[str]) -> str:
    """What `argv` prints, lines sorted; "" when it cannot run (the key then holds less, the
    rest of it still pins the page)."""
    try:
        run = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return "\n".join(sorted(run.stdout.splitlines()))


def find_chromium() -> tuple[str | None, str]:
    """The browser's path, or None and the reason in Dutch."""
    configured = os.environ.get(ENV)
    if configured is not None:
        found = shutil.which(configured)
        if found is None:
            return None, f"{ENV} wijst naar '{configured}', geen uitvoerbaar programma"
        return found, ""
    for name in NAMES:
        found = shutil.which(name)
        if found is not None:
            return found, ""
    return None, ("Chromium niet gevonden (installeer het Debian-pakket chromium, of zet "
                  f"{ENV})")


def print_page(chromium: str, url: str, port: int, target: Path, tmp: Path,
               timeout: float = TIMEOUT) -> str | None:
    """Print one page to `target` once it is ready; None when done, else what went wrong."""
    profile = Path(tempfile.mkdtemp(prefix="profiel-", dir=tmp))
    flags = [*FLAGS, f"--user-data-dir={profile}",
             # Our host goes to the loopback server; every other name fails, so printing
             # never fetches anything from outside the site.
             f"--host-resolver-rules=MAP {HOST} 127.0.0.1:{port}, MAP * ~NOTFOUND"]
    started = time.monotonic()
    try:
        with devtools.Browser(chromium, flags, profile / "chromium.log") as browser:
            target_id = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.call("Target.attachToTarget",
                                   {"targetId": target_id, "flatten": True})["sessionId"]
            browser.call("Page.enable", session=session)
            navigated = browser.call("Page.navigate", {"url": url}, session=session)
            if navigated.get("errorText"):
                return f"{url} laadde niet ({navigated['errorText']})"
            browser.wait_for_event("Page.loadEventFired", session=session,
                                   timeout=left(started, timeout))
            budget = left(started, timeout)
            ready = browser.call("Runtime.evaluate", {
                "expression": READY % int(max(budget - 5, 1) * 1000),
                "awaitPromise": True, "returnByValue": True}, session=session, timeout=budget)
            missing = ready.get("result", {}).get("value")
            if missing != "":
                return f"na {timeout:.0f} s: {missing or ready}"
            browser.print_to_pdf(session, target, timeout=left(started, timeout))
    except devtools.DevToolsError as error:
        return str(error)
    except OSError as error:
        return f"Chromium start niet ({error.strerror})"
    if not target.is_file() or target.stat().st_size == 0:
        return "Chromium gaf een leeg bestand"
    return None


def left(started: float, timeout: float) -> float:
    """Seconds left of `timeout` since `started`, at least a little for one last answer."""
    return max(timeout - (time.monotonic() - started), 1.0)


def fix_dates(pdf: Path) -> None:
    """Chromium stamps the clock into the PDF; use the build date instead, same length, so
    the byte offsets in the file's cross-reference table stay right."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.isdigit():
        return
    stamp = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("%Y%m%d%H%M%S")
    pdf.write_bytes(PDF_DATE.sub(lambda m: m.group(1) + stamp.encode(), pdf.read_bytes()))


NODE_ID = re.compile(rb"\(node(\d{8})\)")
"""A structure element's `/ID` (and its key in the `/IDTree`) in Chromium's tagged PDF."""


def fix_node_ids(pdf: Path) -> None:
    """Number the structure elements' ids 1, 2, 3, ... in the order of Chromium's own
    numbers: those count the renderer's DOM nodes, and a fresh profile (or a script run a
    moment earlier) moves them by a few between two prints of the same page. The same
    length, so the cross-reference offsets stay right; the same order, so the `/IDTree`'s
    names stay sorted and every reference keeps its element."""
    data = pdf.read_bytes()
    found = sorted({int(number) for number in NODE_ID.findall(data)})
    if len(found) >= 10 ** 8:
        return  # not renumbered, still a valid PDF
    rank = {number: place for place, number in enumerate(found, start=1)}
    fixed = NODE_ID.sub(lambda m: b"(node%08d)" % rank[int(m.group(1))], data)
    if fixed != data:
        pdf.write_bytes(fixed)


def mark_unavailable(page: Path) -> None:
    """Replace the page's PDF link, so the site never links to a file that is not there."""
    html = page.read_text(encoding="utf-8")
    marked = LINK_CELL.sub(f'<dd class="im-edition-pdf">{UNAVAILABLE}</dd>', html)
    if marked != html:
        page.write_text(marked, encoding="utf-8")


def say(message: str) -> None:
    # stderr rather than a MkDocs warning: `mkdocs build --strict` must not fail on it.
    print(f"impactmonitor: {message}", file=sys.stderr)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base's name)
        pass


class _LoopbackServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64  # Chromium opens many connections at once; none should wait

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that drops a connection it no longer needs is no error of the build.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(root: Path) -> Iterator[int]:
    """The built site over HTTP on 127.0.0.1 (a free port) for as long as the block runs.
    Over file:// the links in the PDF would name the build's temporary folder."""
    server = _LoopbackServer(("127.0.0.1", 0),
                             functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
