"""Just enough of the Chrome DevTools Protocol, over Chromium's own pipe, to print a page when
it is ready rather than after a guessed time.

`chromium --remote-debugging-pipe` reads commands on file descriptor 3 and writes answers
and events on 4, each a JSON object ended by a NUL byte. bash puts our pipe ends on those
numbers (`exec ... 3<&r 4>&w`), so no Python code runs in the child between fork and exec;
the ends are first moved to 10 and up, where they cannot be 3 or 4 themselves (bash, not
Debian's dash, reads descriptors above 9 in a redirection).
Only the calls `pdf.py` needs are wrapped; everything else is the protocol as documented at
https://chromedevtools.github.io/devtools-protocol/.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import selectors
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any


BASH = "/bin/bash"
"""Essential on Debian, so always there."""


def _high(fd: int) -> int:
    """`fd` moved to a free number of 10 or more (closed on exec unless passed on)."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class DevToolsError(Exception):
    """The browser failed, answered with an error, or took too long; the message says which."""


class Browser:
    """One headless Chromium, driven over its pipe; use as a context manager."""

    def __init__(self, chromium: str, flags: Sequence[str], log: Path) -> None:
        to_child_read, self._to_child = (_high(fd) for fd in os.pipe())
        self._from_child, from_child_write = (_high(fd) for fd in os.pipe())
        script = (f'exec "$@" 3<&{to_child_read} 4>&{from_child_write} '
                  f'{to_child_read}<&- {from_child_write}>&-')
        self._log = log
        try:
            with open(log, "wb") as stderr:
                self._process = subprocess.Popen(
                    [BASH, "-c", script, "bash", chromium, *flags, "--remote-debugging-pipe"],
                    stdin=subprocess.DEVNULL, stdout=stderr, stderr=stderr,
                    pass_fds=(to_child_read, from_child_write), env={**os.environ, "TZ": "UTC"})
        except OSError:
            for fd in (self._to_child, self._from_child):
                os.close(fd)
            raise
        finally:
            os.close(to_child_read)
            os.close(from_child_write)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._from_child, selectors.EVENT_READ)
        self._buffer = b""
        self._events: list[dict[str, Any]] = []
        self._next_id = 0

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def call(self, method: str, params: dict[str, Any] | None = None, *,
             session: str | None = None, timeout: float = 30.0) -> dict[str, Any]:
        """Send one command and return its result; events that arrive meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        try:
            os.write(self._to_child, json.dumps(message).encode() + b"\0")
        except BrokenPipeError:
            raise DevToolsError(f"Chromium stopte ({self._why_stopped()})") from None
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read(deadline, method)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise DevToolsError(f"{method}: {answer['error'].get('message', answer)}")
                return answer.get("result", {})
            if "method" in answer:
                self._events.append(answer)

    def wait_for_event(self, method: str, *, session: str, timeout: float) -> dict[str, Any]:
        """The first event `method` of `session`, including one that came during a call."""
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self._events):
                if event["method"] == method and event.get("sessionId") == session:
                    return self._events.pop(index)
            self._events.append(self._read(deadline, method))

    def print_to_pdf(self, session: str, target: Path, *, timeout: float) -> None:
        """`Page.printToPDF` with the options of `chromium --print-to-pdf --no-pdf-header-footer`,
        plus the headings as PDF bookmarks."""
        result = self.call("Page.printToPDF", {
            "printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False,
            "generateDocumentOutline": True}, session=session, timeout=timeout)
        target.write_bytes(base64.b64decode(result["data"]))

    def close(self) -> None:
        if self._process.poll() is None:
            try:
                os.write(self._to_child, json.dumps(
                    {"id": self._next_id + 1, "method": "Browser.close"}).encode() + b"\0")
            except OSError:
                pass
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._selector.close()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass

    def _read(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise DevToolsError(f"geen antwoord op {waiting_for} binnen de tijd")
            if not self._selector.select(timeout=left):
                continue
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise DevToolsError(f"Chromium stopte ({self._why_stopped()})")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def _why_stopped(self) -> str:
        try:
            code = self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None
        tail = " | ".join(self._log.read_text(encoding="utf-8", errors="replace")
                          .strip().splitlines()[-3:])
        return f"code {code}: {tail}" if tail else f"code {code}"
