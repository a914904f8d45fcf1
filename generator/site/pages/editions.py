"""The report editions: each a narrative on the figures of its own commit, plus corrections.

An edition's numbers link to the edition's own audit tree (`edities/<slug>/audit/...`),
because they come from another commit than the live monitor; a figure the live monitor has
unchanged (same value, files, blob ids and rows) links to the live entry instead, which
then names the edition among the pages that show it. Below the narrative the
page lists every figure it shows whose value the current data give differently: the
edition's value and the current one, each linked to its own audit entry, both commits
named.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.compute.formatting import format_period
from generator.compute.lineage import TOTAL
from generator.site import blocks
from generator.site.blocks import PageState
from generator.site.editions import KINDS, Correction, Edition, corrections, unchanged_in_live
from generator.site.example import is_example
from generator.site.markup import text
from generator.site.outputs import Output, Page, SiteInputs, page_state
from generator.site.pdf import pdf_name
from generator.publish.sitedata import SiteData
from generator.site.urls import audit_tree, edition_root, live_entries
from generator.site.words import cell_words, dutch_date, quarter_words, scope_words, short_sha

SECTION = "Rapporten"
NARRATIVE = "edities/{slug}/index.md"


def edition_source(slug: str) -> str:
    return f"edities/{slug}/index.md"


def build(site: SiteInputs) -> list[Output]:
    pages = [edition_page(site, edition) for edition in site.editions]
    listing = ["# Rapporten", "",
               "Elke editie is bevroren op de gegevens van één commit: latere leveringen "
               "veranderen haar cijfers niet. Wat een latere correctie wel veranderde, staat "
               "onderaan elke editie.", ""]
    listing += [f"- [{text(e.meta.title)}]({e.meta.slug}/index.md): "
                f"{KINDS[e.meta.kind].lower()}, {dutch_date(e.meta.date)}"
                for e in site.editions] or ["Er zijn nog geen edities."]
    return [Page("edities/index.md", "Overzicht", "\n".join(listing) + "\n", SECTION), *pages]


def edition_page(site: SiteInputs, edition: Edition) -> Page:
    meta, data = edition.meta, edition.data
    source = edition_source(meta.slug)
    # A figure the live monitor has unchanged links to the live entry (one entry, not two).
    with (page_state(data, source, audit_root=edition_root(meta.slug)) as state,
          live_entries(unchanged_in_live(data, site.live))):
        body = ""
        if site.narrative.exists(NARRATIVE.format(slug=meta.slug)):
            body = site.narrative.render(NARRATIVE.format(slug=meta.slug), state)
        parts = [f"# {text(meta.title)}", "", metadata(edition), ""]
        if is_example(data):
            parts += ['!!! warning "Voorbeeldgegevens"', "",
                      "    Deze editie is gemaakt met verzonnen voorbeeldgegevens.", ""]
        parts += [strip_title(body), "", "## Kernindicatoren in deze editie", "",
                  kpi_table(state), ""]
        parts += corrections_section(state, edition, site.live)
        return Page(source, meta.title, "\n".join(parts) + "\n", SECTION, state.shown)


def metadata(edition: Edition) -> str:
    meta, data = edition.meta, edition.data
    commit = data.computation.snapshot.commit or ""
    return str(Markup(
        '<dl class="im-edition-meta"><dt>Soort</dt><dd>{kind}</dd>'
        '<dt>Gepubliceerd</dt><dd>{date}</dd>'
        '<dt>Cijfers</dt><dd>stand tot en met {period}, uit de gegevens van commit '
        '<code>{commit}</code>{ref}</dd>'
        # The PDF step (generator/site/pdf.py) writes this file, or replaces the link with
        # a note when it could not. The class lets the print stylesheet leave the row out.
        '<dt class="im-edition-pdf">PDF</dt><dd class="im-edition-pdf">'
        '<a href="{pdf}" type="application/pdf">{title} als PDF</a></dd></dl>').format(
        kind=KINDS[meta.kind], date=dutch_date(meta.date), period=quarter_words(data.latest),
        commit=commit, ref="" if meta.data_ref == commit else f" (tag {meta.data_ref})",
        pdf=pdf_name(meta.slug), title=meta.title))


def strip_title(markdown: str) -> str:
    """The page's title is the edition's; a narrative's own first heading is dropped."""
    lines = markdown.strip().splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join(lines).strip()


def kpi_table(state: PageState) -> str:
    kpis = [d for d in state.site.definitions if d.kpi]
    caption = f"Kernindicatoren tot en met {format_period(state.site.latest or '')}"
    return blocks.kpi_scope_table(state, kpis, caption)


def corrections_section(state: PageState, edition: Edition, live: SiteData) -> list[str]:
    found = corrections(state.shown, live)
    edition_commit, live_commit = edition.commit, live.commit
    now = f"commit {live_commit}" if live_commit else "de werkmap (nog niet vastgelegd)"
    parts = ["## Latere correcties", "",
             f"Vergeleken zijn alle cijfers op deze pagina (commit {edition_commit}) met de "
             f"huidige gegevens ({now}).", ""]
    if not found:
        return parts + ["Geen van de cijfers in deze editie is later gecorrigeerd.", ""]
    rows = [correction_row(state, c, live) for c in found]
    table = Markup(
        '<div class="im-table-wrap" role="region" tabindex="0" aria-label="Latere correcties">'
        '<table class="im-table im-corrections"><caption>Cijfers die een latere correctie '
        'veranderde</caption><thead><tr><th scope="col">Indicator</th><th scope="col">Wie</th>'
        '<th scope="col">Kwartaal</th><th scope="col">In deze editie ({old})</th>'
        '<th scope="col">Nu ({new})</th></tr></thead><tbody>{rows}</tbody></table></div>').format(
        old=f"commit {short_sha(edition_commit)}",
        new=f"commit {short_sha(live_commit)}" if live_commit else "werkmap",
        rows=Markup("").join(rows))
    return parts + [str(table), ""]


def correction_row(state: PageState, correction: Correction, live: SiteData) -> Markup:
    old, new = correction.edition, correction.current
    definition = state.site.definition(old.indicator)
    title = definition.title if definition else old.indicator
    who = scope_words(state.site, old) if old.region != TOTAL or old.breakdown else "alle regio's samen"
    cell = cell_words(old)
    with audit_tree(""):  # the current value's audit entry is the live monitor's
        current = blocks.value(PageState(live, state.source), new)
    return Markup('<tr><th scope="row">{title}</th> <td>{who}</td> <td>{period}</td>'
                  ' <td>{old}</td> <td>{new}</td></tr>').format(
        title=title, who=who + (f" · {cell}" if cell else ""), period=format_period(old.period),
        old=blocks.value(state, old), new=current)
