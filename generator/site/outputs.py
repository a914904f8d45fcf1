"""What a page builder takes and gives: the site's inputs in, pages and downloads out.

Kept apart from the builders (`generator/site/pages/`) so that a builder and the modules
it uses (`provenance_files.py`) can name these types without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from generator.provenance.facts import BuildFacts
from generator.publish.sitedata import SiteData
from generator.site.blocks import PageState
from generator.site.editions import Edition
from generator.site.narrative import Narrative
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
