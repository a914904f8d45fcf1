"""The audit pages (issue 5, `generator.provenance.audit`): one per indicator and scope.

Made for the live figures and, in their own tree, for each edition's, always from the
figures the site shows (after disclosure control, with the derived ones), so a number's
link (`urls.audit_url`) lands on its entry. Not in the navigation: readers arrive from
a number.
"""

from __future__ import annotations

from generator.provenance.audit import audit_pages
from generator.site.pages import Output, Page, SiteInputs
from generator.site.sitedata import SiteData
from generator.site.urls import edition_root

NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"
"""Front matter keeping audit pages out of the search index: thousands of entries of ids
and row numbers would drown the search results and double the index."""


def build(site: SiteInputs) -> list[Output]:
    trees: list[tuple[SiteData, str]] = [(site.live, "")]
    trees += [(edition.data, edition_root(edition.meta.slug)) for edition in site.editions]
    pages: list[Output] = []
    for data, root in trees:
        found = audit_pages(data.computation, site.facts, repo_url=site.repo_url,
                            figures=data.figures, audit_root=root,
                            region_names={r.id: r.name for r in data.regions})
        pages += [Page(source, _title(markdown), NOT_SEARCHED + markdown, None)
                  for source, markdown in sorted(found.items())]
    return pages


def _title(markdown: str) -> str:
    first = markdown.split("\n", 1)[0]  # before the front matter is added
    return first[2:] if first.startswith("# ") else "Herkomst"
