"""Progress of a long build: each stage as it starts, and at the end the seconds of each.

`impactmonitor build` makes one `Progress` and hands it down the pipeline; a stage wraps
its work in `progress.stage(name, detail)`. On a terminal (the stream is a TTY and `CI`
is not set) each stage is announced as it starts; elsewhere nothing is written while the
build runs. `summary()` is the closing line, in Dutch, printed in every case:

    Stappen: valideren 1,2 s · berekenen 0,8 s · pagina's 3,1 s · HTML 9,4 s · …

Stages nest (MkDocs renders the pages and prints the PDFs inside its own run): a stage's
seconds are its own, without those of the stages inside it, so the figures add up to the
build. A stage that repeats (the HTML of each audience) adds up under its name.
"""

from __future__ import annotations

import os
import sys
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


@dataclass
class Progress:
    stream: TextIO | None = None
    """Where stages are announced; None: nowhere (not a terminal, or in CI)."""
    seconds: dict[str, float] = field(default_factory=dict)
    """Each stage's own seconds, in the order the stages first ran."""
    clock: Callable[[], float] = time.monotonic
    _inner: list[float] = field(default_factory=list, repr=False)

    @classmethod
    def for_terminal(cls, stream: TextIO | None = None,
                     environ: Mapping[str, str] | None = None) -> Progress:
        """Announcing on `stream` (default stderr) only when it is a terminal outside CI."""
        stream = sys.stderr if stream is None else stream
        environ = os.environ if environ is None else environ
        live = stream.isatty() and not environ.get("CI")
        return cls(stream if live else None)

    @contextmanager
    def stage(self, name: str, detail: str = "") -> Iterator[None]:
        if self.stream is not None:
            self.stream.write(f"impactmonitor: {name}{f' ({detail})' if detail else ''} …\n")
            self.stream.flush()
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

    def summary(self) -> str:
        steps = " · ".join(f"{name} {_seconds(s)} s" for name, s in self.seconds.items())
        return f"Stappen: {steps or 'geen'}"


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")

