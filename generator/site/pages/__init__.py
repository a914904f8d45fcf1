"""Page builders: each module turns the site's inputs into Markdown pages (and downloads).

A builder is `build(site: SiteInputs) -> list[Output]` (`generator/site/outputs.py`).
`builders()` is every page a reader navigates, in navigation order; a new kind of page is
one more module here. Every page is made inside `page_state()`, which sets the page for
relative links (`urls.rendering`) and collects the figures it shows. The audit pages
(`audit.py`) come last, from those pages: each entry links back to the pages showing it.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.site.outputs import Output, SiteInputs


def builders() -> list[Callable[[SiteInputs], list[Output]]]:
    """Every page builder but the audit pages'."""
    # Imported here: a page module is loaded only when the pages are made.
    from generator.site.pages import (
        buildinfo, economy, editions, guide, home, indicators, questions, regions,
    )
    return [home.build, questions.build, regions.build, indicators.build, economy.build,
            editions.build, guide.build, buildinfo.build]
