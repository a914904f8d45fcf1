"""The home page: the KPI dashboard, against the targets, in total and per region."""

from __future__ import annotations

from generator.compute.formatting import format_period
from generator.indicators.definition import Definition
from generator.site import blocks, headline
from generator.site.blocks import PageState
from generator.site.markup import link, text
from generator.site.outputs import Output, Page, SiteInputs, page_state
from generator.site.words import dutch_date, quarter_words, short_sha

SOURCE = "index.md"
TITLE = "Impactmonitor LLO Collectief"

STATUS_RULE = (
    "<p><strong>Behaald</strong>: de waarde is minstens het doel. <strong>Op koers</strong>: de "
    "waarde ligt op of boven de rechte lijn van nul (bij de start van de regio's) naar het doel "
    "(in het kwartaal waarin het uiterlijk gehaald moet zijn); het streepje in de balk toont "
    "waar die lijn nu is. <strong>Achter</strong>: eronder. De kwartalen waarin de doelen "
    "uiterlijk gehaald moeten zijn, zijn aannames; zie de pagina van elke indicator.</p>")


def build(site: SiteInputs) -> list[Output]:
    data = site.live
    with page_state(data, SOURCE) as state:
        # Without the table of contents the cards get the width for two columns.
        parts = ["---", "hide:", "  - toc", "---", "", f"# {TITLE}", ""]
        kpis = [d for d in data.definitions if d.kpi]
        if data.latest is None or not kpis:
            parts += [updated(site), "", "Er zijn nog geen gegevens om te tonen."]
        else:
            # The answer first: the targets in one line, then one compact card per KPI
            # (evaluation framework order); charts and tables are on the indicator pages.
            parts += [headline.summary_line(state, kpis), "",
                      f'<details class="im-legend"><summary>Wat de status betekent</summary>'
                      f"{STATUS_RULE}</details>", "",
                      '<h2 class="im-visually-hidden" id="kernindicatoren">Kernindicatoren</h2>',
                      blocks.raw("\n".join(['<div class="im-kpis">',
                                             *(headline.kpi_card(state, d) for d in kpis),
                                             "</div>"])), "", updated(site), "",
                      "## Per regio", "", region_table(state, kpis), ""]
        return [Page(SOURCE, "Overzicht", "\n".join(parts) + "\n", "", state.shown)]


def updated(site: SiteInputs) -> str:
    """When the data were last changed, and where to see exactly which commit."""
    facts, data = site.facts, site.live
    period = f"Stand tot en met {quarter_words(data.latest)}" if data.latest else "Nog geen gegevens"
    if facts.data is None:
        source = "de gegevens in de werkmap, nog niet vastgelegd in een commit"
    else:
        change = facts.data_changed or facts.data
        source = (f"gegevens laatst bijgewerkt op {dutch_date(change.date)} "
                  f"(commit {short_sha(change.sha)})")
    return (f'<p class="im-updated">{text(period)}, opgeteld vanaf de start van elke regio; '
            f"{text(source)}. Meer in de {link('bouwinformatie', 'bouwinformatie.md')}.</p>")


def region_table(state: PageState, kpis: list[Definition]) -> str:
    caption = f"Kernindicatoren per regio, tot en met {format_period(state.site.latest or '')}"
    return blocks.kpi_scope_table(state, kpis, caption)
