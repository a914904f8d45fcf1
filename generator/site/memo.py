"""Reuse of page builders between renders of one process (`impactmonitor serve`).

A builder (`generator.site.pages`) is a function of the parts of `SiteInputs` it reads.
While it runs, it sees the inputs through `_Reading`, which notes each part it touched:
the figures (`live`, `editions`), the build facts, and of the narrative the files it
asked for (with their bytes' hash; a look at the whole folder notes every file in it).
On the next render a builder whose parts are all unchanged gives its last outputs
without running. "Unchanged" is strict: the figures are the very objects of the last
render (the cache kept in memory hands them back only for the same content key,
`generator.cache`), everything else is equal by value and each noted file has the same
bytes. Anything else runs the builder again, so a page is never older than its inputs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from generator.site.outputs import Output, Page, SiteInputs

Builder = Callable[[SiteInputs], list[Output]]
WHOLE_FOLDER = "*"
_IDENTITY = ("live",)


@dataclass
class RenderMemo:
    """The outputs of each builder in the last render, with what it read."""

    _made: dict[str, tuple[dict[str, Any], list[Output]]] = field(default_factory=dict)
    ran: list[str] = field(default_factory=list)
    """The builders that ran in the last render (the others were reused)."""
    files: dict[str, bytes] = field(default_factory=dict)
    """What the docs folder held after the last render (`render.sync` skips re-reading)."""
    _per_page: dict[str, tuple[Page, list[Output]]] = field(default_factory=dict)

    def build(self, builder: Builder, site: SiteInputs) -> list[Output]:
        name = f"{builder.__module__}.{builder.__qualname__}"
        made = self._made.get(name)
        if made is not None and all(_same(part, then, site) for part, then in made[0].items()):
            return made[1]
        reading = _Reading(site)
        outputs = builder(reading)  # type: ignore[arg-type]
        self._made[name] = (reading.read, outputs)
        self.ran.append(name)
        return outputs

    def per_page(self, make: Callable[[Page], list[Output]], pages: list[Page]) -> list[Output]:
        """`make(page)` for each page; a page that is the very object of the last render
        (its builder was reused) gets its last outputs back without `make` running."""
        made: dict[str, tuple[Page, list[Output]]] = {}
        outputs: list[Output] = []
        for page in pages:
            last = self._per_page.get(page.source)
            result = last[1] if last is not None and last[0] is page else make(page)
            made[page.source] = (page, result)
            outputs += result
        self._per_page = made
        return outputs

    def start(self) -> None:
        self.ran = []


def _same(part: str, then: Any, site: SiteInputs) -> bool:
    now = getattr(site, part)
    if part in _IDENTITY:
        return now is then
    if part == "editions":
        return len(now) == len(then) and all(
            a.meta == b.meta and a.data is b.data for a, b in zip(now, then))
    if part == "narrative":
        return _files(now.root, then) == then
    return bool(now == then)


class _Reading:
    """`SiteInputs` as a builder sees it, noting which parts it reads."""

    def __init__(self, site: SiteInputs) -> None:
        self._site = site
        self.read: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._site, name)
        if name == "narrative":
            files = self.read.setdefault(name, {})
            return _ReadingNarrative(value, files)
        if name == "editions":
            self.read.setdefault(name, list(value))
        else:
            self.read.setdefault(name, value)
        return value


class _ReadingNarrative:
    """The narrative, noting every file asked for (templates it includes too)."""

    def __init__(self, narrative: Any, files: dict[str, str | None]) -> None:
        self._narrative = narrative
        self._files = files

    def __getattr__(self, name: str) -> Any:
        if name == "root":  # the builder walks the folder itself: every file counts
            self._files[WHOLE_FOLDER] = _whole(self._narrative.root)
        return getattr(self._narrative, name)

    def _note(self, name: str) -> None:
        self._files.setdefault(name, _digest(self._narrative.root / name))

    def exists(self, name: str) -> bool:
        self._note(name)
        return bool(self._narrative.exists(name))

    def render(self, name: str, state: Any) -> str:
        self._note(name)
        env = self._narrative.env
        loader = env.loader
        env.loader = _NotingLoader(loader, self._note)
        try:
            return str(self._narrative.render(name, state))
        finally:
            env.loader = loader


class _NotingLoader(jinja2.BaseLoader):
    def __init__(self, loader: jinja2.BaseLoader, note: Callable[[str], None]) -> None:
        self._loader = loader
        self._note = note

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        self._note(template)
        return self._loader.get_source(environment, template)


def _files(root: Path, then: dict[str, str | None]) -> dict[str, str | None]:
    return {name: _whole(root) if name == WHOLE_FOLDER else _digest(root / name)
            for name in then}


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _whole(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
