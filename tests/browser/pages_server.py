"""A static HTTP server on 127.0.0.1 that answers like GitHub Pages.

What the encrypted site relies on, and a plain `SimpleHTTPRequestHandler` gets wrong: an
unknown path gets the site's own `404.html` with status 404 (the shell, on an encrypted
site), a folder without its slash is redirected to it, there are no directory listings, and
`cache: 'no-cache'` revalidates with ETag / Last-Modified (304). Range requests are
answered with the whole file (200), which a client must accept anyway.

    with serve(folder) as base_url:   # "http://127.0.0.1:<port>/"
        ...
"""

from __future__ import annotations

import email.utils
import hashlib
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

LOOPBACK = "127.0.0.1"
MAX_AGE = 600
"""GitHub Pages' `Cache-Control: max-age`, in seconds."""
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".mjs": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".webp": "image/webp",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".pdf": "application/pdf",
    ".gz": "application/gzip",
    ".zip": "application/zip",
    ".ttl": "text/turtle; charset=utf-8",
    ".jsonld": "application/ld+json",
}
DEFAULT_TYPE = "application/octet-stream"


def content_type(path: Path) -> str:
    """GitHub Pages' type for a file; a name without a known extension is plain bytes."""
    return CONTENT_TYPES.get(path.suffix.lower(), DEFAULT_TYPE)


class _Handler(BaseHTTPRequestHandler):
    root: Path  # set on the subclass `serve` makes
    protocol_version = "HTTP/1.1"
    server_version = "GitHub.com"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 (the base class's name)
        self._answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(with_body=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # quiet: the tests report what matters

    def _answer(self, with_body: bool) -> None:
        parts = urlsplit(self.path)
        target = self._resolve(unquote(parts.path))
        if target is None:
            self._send_file(self.root / "404.html", HTTPStatus.NOT_FOUND, with_body)
        elif target.is_dir():
            if parts.path.endswith("/") and (target / "index.html").is_file():
                self._send_file(target / "index.html", HTTPStatus.OK, with_body)
            elif parts.path.endswith("/"):
                self._send_file(self.root / "404.html", HTTPStatus.NOT_FOUND, with_body)
            else:
                location = quote(parts.path + "/") + (f"?{parts.query}" if parts.query else "")
                self._send_redirect(location)
        elif parts.path.endswith("/"):  # a file named as if it were a folder
            self._send_file(self.root / "404.html", HTTPStatus.NOT_FOUND, with_body)
        else:
            self._send_file(target, HTTPStatus.OK, with_body)

    def _resolve(self, url_path: str) -> Path | None:
        """The file or folder a URL path names inside the root, or None (also for `..`)."""
        if "\x00" in url_path:
            return None
        candidate = (self.root / url_path.lstrip("/")).resolve()
        if candidate != self.root and self.root not in candidate.parents:
            return None
        return candidate if candidate.exists() else None

    def _send_redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send_file(self, path: Path, status: HTTPStatus, with_body: bool) -> None:
        if not path.is_file():  # a site without 404.html: GitHub's own page, reduced
            body, kind, etag, modified = b"404 Not Found\n", "text/plain; charset=utf-8", "", ""
        else:
            body = path.read_bytes()
            kind = content_type(path)
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'  # noqa: S324 (not security)
            modified = email.utils.formatdate(path.stat().st_mtime, usegmt=True)
        if status == HTTPStatus.OK and etag and self.headers.get("If-None-Match") == etag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", f"max-age={MAX_AGE}")
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if status == HTTPStatus.OK:
            self.send_header("Cache-Control", f"max-age={MAX_AGE}")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
        self.end_headers()
        if with_body:
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser leaving a page closes connections still sending; that is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path | str) -> Iterator[str]:
    """`folder` over HTTP on 127.0.0.1 (a free port) until the block ends; yields the base URL."""
    root = Path(folder).resolve()
    handler = type("PagesHandler", (_Handler,), {"root": root})
    server = _Server((LOOPBACK, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOOPBACK}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
