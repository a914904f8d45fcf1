"""Steps that run on the built HTML, after MkDocs and before the site is published.

`after_html` is called once per build with the site folder and the HTML files of the
report editions (by the MkDocs plugin's `on_post_build`, so `impactmonitor build` and a
plain `mkdocs build` both run it). The PDF stage of the editions (headless Chromium)
goes into `STEPS`; a step that cannot run (no Chromium) says so and returns. A step is
handed the build's cache, if any, to reuse what an earlier build made of the same pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from generator.cache import Cache
from generator.site import pdf

AfterHtml = Callable[[Path, Sequence[Path], Cache | None], None]

STEPS: tuple[AfterHtml, ...] = (pdf.print_editions,)


def after_html(site_dir: Path, edition_pages: Sequence[Path],
               cache: Cache | None = None) -> None:
    for step in STEPS:
        step(site_dir, edition_pages, cache)
