"""Page builders: each module turns the site's inputs into Markdown pages (and downloads).

A builder is `build(site: SiteInputs) -> list[Output]`. `BUILDERS` is the whole site, in
navigation order; a new kind of page (the audit pages of issue 5) is one more module here.
Every page is made inside `page_state()`, which sets the page for relative links
(`urls.rendering`) and collects the figures it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.site.blocks import PageState
from generator.provenance.facts import BuildFacts
from generator.site.editions import Edition
from generator.site.narrative import Narrative
from generator.site.sitedata import SiteData
from generator.site.urls import rendering


@dataclass(frozen=True)
class Page:
    source: str
    """Path in the docs folder, e.g. `regios/voorbeeld-noord.md`."""
    title: str
    markdown: str
    section: str | None = ""
    """Navigation section (a Dutch label); `""` a top-level entry; None: not in the
    navigation (audit pages, reached through the numbers)."""
    shown: dict = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Download:
    path: str
    content: bytes


Output = Page | Download


@dataclass
class SiteInputs:
    """Everything the pages are made of; built once per build by `generator.site.inputs`."""

    root: Path
    live: SiteData
    editions: list[Edition]
    facts: BuildFacts
    """What the build states about itself, gathered once (commits, date, tools, validation)."""
    narrative: Narrative
    example: bool
    repo_url: str | None = None
    """The repository on the forge, for links from audit entries to data rows."""


@contextmanager
def page_state(site: SiteData, source: str, audit_root: str = "") -> Iterator[PageState]:
    with rendering(source, audit_root):
        yield PageState(site, source)


def builders(audit: bool = True) -> list[Callable[[SiteInputs], list[Output]]]:
    """Every page builder; `audit=False` leaves out the audit pages (a quick preview)."""
    # Imported here so that a page module may import from this package.
    from generator.site.pages import (
        audit as audit_pages, buildinfo, economy, editions, guide, home, indicators, questions,
        regions,
    )
    found = [home.build, questions.build, regions.build, indicators.build, economy.build,
             editions.build, guide.build, buildinfo.build]
    return found + [audit_pages.build] if audit else found
