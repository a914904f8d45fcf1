"""The home page: the KPI dashboard, against the targets, in total and per region."""

from __future__ import annotations

from markupsafe import Markup

from generator.compute.formatting import format_period
from generator.compute.lineage import TOTAL
from generator.indicators.definition import Definition
from generator.site import blocks
from generator.site.blocks import PageState
from generator.site.markup import declared, indicator_source, link, text
from generator.site.outputs import Output, Page, SiteInputs, page_state
from generator.site.status import TargetStanding, standings
from generator.site.words import dutch_date, quarter_words, scope_words, short_sha

SOURCE = "index.md"
TITLE = "Impactmonitor LLO Collectief"

STATUS_RULE = (
    "**Status.** *Behaald*: de waarde is minstens het doel. *Op koers*: de waarde ligt op of "
    "boven de rechte lijn van nul (bij de start van de regio's) naar het doel (in het "
    "kwartaal waarin het uiterlijk gehaald moet zijn). *Achter*: eronder. De kwartalen "
    "waarin de doelen uiterlijk gehaald moeten zijn, zijn aannames; zie de pagina van elke "
    "indicator.")


def build(site: SiteInputs) -> list[Output]:
    data = site.live
    with page_state(data, SOURCE) as state:
        # Without the table of contents the cards get the width for two columns.
        parts = ["---", "hide:", "  - toc", "---", "", f"# {TITLE}", "", updated(site), ""]
        kpis = [d for d in data.definitions if d.kpi]
        if data.latest is None or not kpis:
            parts.append("Er zijn nog geen gegevens om te tonen.")
        else:
            parts += ["## Kernindicatoren", "", '<div class="im-kpis">',
                      *(kpi_card(state, d) for d in kpis), "</div>", "", STATUS_RULE, "",
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


def kpi_card(state: PageState, definition: Definition) -> Markup:
    data = state.site
    headline = data.figure(definition.id, TOTAL, data.latest or "")
    rows = [Markup('<h3 class="im-kpi-title">{}</h3>').format(
        link(definition.title, indicator_source(definition.id)))]
    if headline is not None:
        rows.append(Markup('<p class="im-kpi-value">{}</p>').format(blocks.value(state, headline)))
        rows.append(Markup('<p class="im-kpi-scope">alle regio\'s samen</p>'))
    for standing in standings(data, definition):
        rows.append(target_block(state, standing))
    if not definition.targets:
        rows.append(expectation_block(definition))
    rows.append(blocks.trend_chart(state, definition, [TOTAL],
                                   title=f"{definition.title}: verloop, alle regio's samen"))
    return Markup('<section class="im-kpi">\n{}\n</section>').format(Markup("\n").join(rows))


def target_block(state: PageState, standing: TargetStanding) -> Markup:
    target, definition = standing.target, standing.definition
    share = standing.attainment.value or 0.0
    status = standing.status or "nog geen waarde"
    css = (standing.status or "geen").replace(" ", "-")
    scope = scope_words(state.site, standing.measured)
    return Markup(
        '<p class="im-kpi-target">Doel: minstens {goal} voor {scope}, uiterlijk {due}. '
        'Nu {measured}, dat is {pct} van het doel.</p>\n'
        '<div class="im-progress" role="img" aria-label="{label}">'
        '<div class="im-progress-bar im-status-{css}" style="width: {width}%"></div>'
        '<div class="im-progress-expected" style="left: {expected}%"></div></div>\n'
        '<p class="im-status im-status-{css}">{status}</p>').format(
        goal=declared(target.value, definition, "doel"), scope=text(scope),
        due=text(quarter_words(target.due)), measured=blocks.value(state, standing.measured),
        pct=blocks.value(state, standing.attainment), css=css,
        label=f"Voortgang naar het doel: {status}",
        width=f"{min(100.0, max(0.0, share)):.1f}",
        expected=f"{min(100.0, standing.expected_pct):.1f}",
        status=text(status.capitalize()))


def expectation_block(definition: Definition) -> Markup:
    if not definition.expectations:
        return Markup('<p class="im-kpi-target">Geen doel vastgesteld.</p>')
    e = definition.expectations[0]
    if e.value is not None:
        expected = declared(e.value, definition, "verwachting")
    else:
        expected = Markup("{}–{}").format(declared(e.low, definition, "verwachting"),
                                          declared(e.high, definition, "verwachting"))
    return Markup('<p class="im-kpi-target">Verwachting volgens het evaluatiekader: {} '
                  '(geen doel).</p>').format(expected)


def region_table(state: PageState, kpis: list[Definition]) -> str:
    caption = f"Kernindicatoren per regio, tot en met {format_period(state.site.latest or '')}"
    return blocks.kpi_scope_table(state, kpis, caption)
