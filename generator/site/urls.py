"""Where pages and audit entries live in the built site, and links between them.

URLs are directory style (MkDocs `use_directory_urls: true`): the page source
`indicatoren/deelnemers_bereikt.md` is served at `indicatoren/deelnemers_bereikt/`.

MkDocs rewrites links in Markdown, not in raw HTML, and every number is raw HTML. So links
made here are relative to the page being rendered: the render stage wraps each page in
`rendering(source_path, audit_root)`, and `audit_url` and `page_url` answer relative to it.
Outside `rendering` they are relative to the site root.

The audit scheme (issue 5 builds those pages against these two functions):

- `audit_page(indicator, region)` is the Markdown source of one audit page per indicator
  and scope: `audit/<indicator>/<region>.md`, served at `audit/<indicator>/<region>/`.
- Each figure is an anchor on it whose HTML id is the figure id, so
  `audit_url(figure)` is `audit/<indicator>/<region>/#<figure_id>`.
- A report edition has its own audit pages, since its figures come from another commit:
  `edities/<slug>/audit/<indicator>/<region>/#<figure_id>`. Which tree a number links to
  follows the page it is shown on (`audit_root`), not the figure; except that an edition's
  figure the live monitor has unchanged (same value, files, blob ids and rows) links to the
  live entry (`live_entries`), so that it is not published twice.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import quote

from generator.compute.lineage import Figure

AUDIT_DIR = "audit"


@dataclass(frozen=True)
class _Rendering:
    page: str
    """URL of the page being rendered, relative to the site root (`''` = home)."""
    audit_root: str
    """`''` for the live monitor, `edities/<slug>/` inside an edition."""
    live: frozenset[str] = frozenset()
    """Figure ids whose entry is the live monitor's, whatever `audit_root` says: an
    edition's figures that did not change since its commit (`live_entries`)."""


_current: ContextVar[_Rendering] = ContextVar("impactmonitor_page", default=_Rendering("", ""))


def links_from() -> Hashable:
    """Everything a link made now depends on: the page, its audit tree and the figures
    linked to the live entries. Equal values give equal links (for memos of fragments)."""
    return _current.get()


def source_to_url(source: str) -> str:
    """`index.md` -> ``, `regios/noord.md` -> `regios/noord/`, `edities/x/index.md` -> `edities/x/`."""
    stem = source[:-3] if source.endswith(".md") else source
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return stem.lstrip("/")


def edition_root(slug: str) -> str:
    return f"edities/{slug}/"


@contextmanager
def rendering(source: str, audit_root: str = "") -> Iterator[None]:
    """Links made inside this block are relative to the page built from `source`."""
    token = _current.set(_Rendering(source_to_url(source), audit_root))
    try:
        yield
    finally:
        _current.reset(token)


def relative(target: str) -> str:
    """A site-root-relative URL (`indicatoren/x/`, `downloads/x.csv`) as seen from the page."""
    target, hash_, fragment = target.partition("#")
    return _relative(target, _current.get().page) + hash_ + fragment


@functools.lru_cache(maxsize=65536)
def _relative(target: str, page: str) -> str:
    """`relative` without the fragment: a page links the same few folders thousands of
    times (every number to its audit page), and `posixpath.relpath` is slow."""
    path = posixpath.relpath(target.rstrip("/") or ".", page.rstrip("/") or ".")
    if target == "" or target.endswith("/"):
        path = "./" if path == "." else path + "/"
    return path


def audit_page(indicator: str, region: str, audit_root: str = "") -> str:
    """The Markdown source path of the audit page of one indicator and scope."""
    return f"{audit_root}{AUDIT_DIR}/{indicator}/{region}.md"


def audit_url(figure_or_id: Figure | str) -> str:
    """The link from a number to its audit entry, relative to the page being rendered."""
    figure_id = figure_or_id if isinstance(figure_or_id, str) else figure_or_id.figure_id
    indicator, region = figure_id.split(".")[:2]
    current = _current.get()
    root = "" if figure_id in current.live else current.audit_root
    page = source_to_url(audit_page(indicator, region, root))
    return relative(page) + "#" + quote(figure_id, safe="=.-_~")


def page_url(source: str) -> str:
    """The link to another page (by its Markdown source), relative to the current page."""
    return relative(source_to_url(source))


@contextmanager
def live_entries(figure_ids: frozenset[str]) -> Iterator[None]:
    """Within an edition's page, link these numbers to the live monitor's audit entries:
    figures with the same value, files, blob ids and rows there have one entry, not two."""
    current = _current.get()
    token = _current.set(_Rendering(current.page, current.audit_root, figure_ids))
    try:
        yield
    finally:
        _current.reset(token)


@contextmanager
def audit_tree(audit_root: str) -> Iterator[None]:
    """Within a page, link numbers to another audit tree (an edition's page showing a
    current value links that value to the live audit entry)."""
    token = _current.set(_Rendering(_current.get().page, audit_root))
    try:
        yield
    finally:
        _current.reset(token)
