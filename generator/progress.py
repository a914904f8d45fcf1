"""Progress of a long build: each stage as it starts, and at the end the seconds of each.

`impactmonitor build` makes one `Progress` and hands it down the pipeline; a stage wraps
its work in `progress.stage(name, detail)`. On a terminal (the stream is a TTY and `CI`
is not set) each stage is announced as it starts; elsewhere nothing is written while the
build runs. `summary()` is the closing line, in Dutch, printed in every case:

    Stappen: valideren 1,2 s · berekenen 0,8 s · pagina's 3,1 s · HTML 9,4 s · …

Stages nest (MkDocs renders the pages and prints the PDFs inside its own run): a stage's
seconds are its own, without those of the stages inside it, so the figures add up to the
build. A stage that repeats (the HTML of each audience) adds up under its name.

A rebuild of `impactmonitor serve` is mostly quick: its `Progress` has `after` set
(`SERVE_QUIET` seconds), says nothing while the work is younger than that, then names the
stage it is in and each one after it, and ends with the "Stappen" line (`finish`), on the
terminal only. A quick rebuild stays silent.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

VALIDATE = "valideren"
COMPUTE = "berekenen"
RENDER = "pagina's"
HTML = "HTML"
PDF = "PDF's"
ENCRYPT = "versleutelen"
SERVE_QUIET = 2.0
"""Seconds a serve rebuild runs before its stages are shown."""


@dataclass
class Progress:
    stream: TextIO | None = None
    """Where stages are announced; None: nowhere (not a terminal, or in CI)."""
    seconds: dict[str, float] = field(default_factory=dict)
    """Each stage's own seconds, in the order the stages first ran."""
    clock: Callable[[], float] = time.monotonic
    after: float = 0.0
    """Announce nothing until the work has run this many seconds (0: from the start)."""
    _inner: list[float] = field(default_factory=list, repr=False)
    _running: list[str] = field(default_factory=list, repr=False)
    _started: float | None = field(default=None, repr=False)
    _loud: bool = field(default=False, repr=False)
    _timer: threading.Timer | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def for_terminal(cls, stream: TextIO | None = None,
                     environ: Mapping[str, str] | None = None, *,
                     after: float = 0.0) -> Progress:
        """Announcing on `stream` (default stderr) only when it is a terminal outside CI."""
        stream = sys.stderr if stream is None else stream
        environ = os.environ if environ is None else environ
        live = stream.isatty() and not environ.get("CI")
        return cls(stream if live else None, after=after)

    @contextmanager
    def stage(self, name: str, detail: str = "") -> Iterator[None]:
        self._begin(f"{name}{f' ({detail})' if detail else ''}")
        self.seconds.setdefault(name, 0.0)
        start = self.clock()
        self._inner.append(0.0)
        try:
            yield
        finally:
            elapsed = self.clock() - start
            inner = self._inner.pop()
            if self._inner:
                self._inner[-1] += elapsed
            self.seconds[name] += elapsed - inner
            with self._lock:
                self._running.pop()

    def finish(self, *, summary: bool = True) -> None:
        """The end of the work: with `after` set and the work as long as that, the
        "Stappen" line on the stream (a quick rebuild stays silent)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        with self._lock:
            long = self._loud
            self._started, self._loud = None, False
        if summary and long and self.stream is not None:
            self._write(self.summary())

    def _begin(self, label: str) -> None:
        with self._lock:
            self._running.append(label)
            if self.stream is None:
                return
            if self._started is None:
                self._started = self.clock()
                self._loud = self.after <= 0
                if not self._loud:
                    self._timer = threading.Timer(self.after, self.wake)
                    self._timer.daemon = True
                    self._timer.start()
            if self._loud:
                self._write(f"impactmonitor: {label} …")

    def wake(self) -> None:
        """The work has run `after` seconds (the timer calls it): announce from now on."""
        with self._lock:
            if self._started is None:
                return
            self._loud = True
            if self._running:
                self._write(f"impactmonitor: {self._running[-1]} …")

    def _write(self, line: str) -> None:
        assert self.stream is not None
        self.stream.write(line + "\n")
        self.stream.flush()

    def summary(self) -> str:
        steps = " · ".join(f"{name} {_seconds(s)} s" for name, s in self.seconds.items())
        return f"Stappen: {steps or 'geen'}"


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")

