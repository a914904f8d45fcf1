"""Which pages show which figure: read from the links the pages make to audit entries.

An audit entry links back to every page that shows its figure. The pages' own links are
the truth of that (an edition's page may link a current value to the live tree), so the
index is read from the rendered Markdown rather than guessed from the figure: every
link's `href` to an audit entry, and every chart point's (its page and figure id in the
chart's JSON, `charts.audit_addresses`).
The audit pages make an entry only for the figures found here (`pages/audit.py`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from urllib.parse import unquote

from generator.site.charts import audit_addresses
from generator.site.outputs import Page
from generator.site.urls import AUDIT_DIR, source_to_url

_AUDIT_LINK = re.compile(r'href="([^"#]*' + re.escape(AUDIT_DIR) + r'/[^"#]*)#([^"]+)"')

ShownOn = dict[tuple[str, str], list[tuple[str, str]]]
"""(audit page URL from the site root, figure id) -> [(page URL, page title)], site order."""


def shown_on(pages: Sequence[Page]) -> ShownOn:
    found: ShownOn = {}
    for page in pages:
        here = source_to_url(page.source)
        links = [(href, unquote(fragment)) for href, fragment in _AUDIT_LINK.findall(page.markdown)]
        for href, figure_id in [*links, *audit_addresses(page.markdown)]:
            target = posixpath.normpath(posixpath.join(here or ".", href)) + "/"
            entry = found.setdefault((target, figure_id), [])
            if not any(url == here for url, _ in entry):
                entry.append((here, _name(page)))
    return found


def _name(page: Page) -> str:
    """The page as a link names it: a section's `Overzicht` says which section."""
    if page.source == "index.md":
        return "Startpagina"
    if page.title == "Overzicht" and page.section:
        return f"{page.section} (overzicht)"
    return page.title
