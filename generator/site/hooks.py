"""Steps that run on the built HTML, after MkDocs and before the site is published.

`after_html` is called once per build with the site folder and the HTML files of the
report editions (by the MkDocs plugin's `on_post_build`, so `impactmonitor build` and a
plain `mkdocs build` both run it). The PDF stage of the editions (headless Chromium)
goes into `STEPS`; a step that cannot run (no Chromium) says so and returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from generator.site import pdf

AfterHtml = Callable[[Path, Sequence[Path]], None]

STEPS: tuple[AfterHtml, ...] = (pdf.print_editions,)


def after_html(site_dir: Path, edition_pages: Sequence[Path]) -> None:
    for step in STEPS:
        step(site_dir, edition_pages)
