"""Stopping a long-running command (`impactmonitor serve`) on Ctrl-C, SIGTERM or SIGHUP.

Python raises `KeyboardInterrupt` at whatever line the main thread runs when the signal
comes. Most lines are fine: MkDocs catches it, shuts its server down and removes its
staging folder. Two are not:

- **Inside MkDocs' shutdown.** A second Ctrl-C raised there left the server's thread
  running, and the process hung. So the first signal makes the next one end the process
  at once (`STOPPED_AT_ONCE`, exit 128 + the signal).
- **While MkDocs starts its server's thread.** Raised after the thread was created but
  before it counted as started, MkDocs' shutdown took the thread for never started and
  left it serving: the process never ended (a test that stopped `serve` right after
  "Serving on" hung in CI). `held()` keeps the stop until such a step is done.

Signal handlers run in the main thread only, so `held()` is for steps of the main thread.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

STOPS = (signal.SIGINT, signal.SIGTERM,
         *((signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()))
"""Ctrl-C, what a service manager sends, and a closed terminal (not on Windows): each
stops cleanly, so that no staging folder is left in the temporary folder."""

STOPPED_AT_ONCE = "impactmonitor: direct gestopt"

_held = 0
_pending = False


def stop_on_signals() -> None:
    """Stopped by a service manager (SIGTERM) as by Ctrl-C (see the module's docstring)."""
    for stop in STOPS:
        signal.signal(stop, _stop)


@contextmanager
def held() -> Iterator[None]:
    """A step of the main thread that a stop must not cut in two: a signal that comes
    during it raises `KeyboardInterrupt` once the step is done."""
    global _held, _pending
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        if not _held and _pending:
            _pending = False
            raise KeyboardInterrupt


def _stop(signum: int, frame: object) -> None:
    global _pending
    for stop in STOPS:
        signal.signal(stop, _stop_at_once)
    if _held:
        _pending = True
        return
    raise KeyboardInterrupt


def _stop_at_once(signum: int, frame: object) -> None:
    sys.stderr.write(STOPPED_AT_ONCE + "\n")
    sys.stderr.flush()
    os._exit(128 + signum)
