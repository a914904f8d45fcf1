"""Page builders: each module turns the site's inputs into Markdown pages (and downloads).

A builder is `build(site: SiteInputs) -> list[Output]` (`generator/site/outputs.py`).
`builders()` is the whole site, in navigation order; a new kind of page is one more module
here. Every page is made inside `page_state()`, which sets the page for relative links
(`urls.rendering`) and collects the figures it shows.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.site.outputs import Output, SiteInputs


def builders(audit: bool = True) -> list[Callable[[SiteInputs], list[Output]]]:
    """Every page builder; `audit=False` leaves out the audit pages (a quick preview)."""
    # Imported here: a page module is loaded only when the pages are made.
    from generator.site.pages import (
        audit as audit_pages, buildinfo, economy, editions, guide, home, indicators, questions,
        regions,
    )
    found = [home.build, questions.build, regions.build, indicators.build, economy.build,
             editions.build, guide.build, buildinfo.build]
    return found + [audit_pages.build] if audit else found
