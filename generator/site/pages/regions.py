"""One page per region: every indicator over time, the regional context, borging, factors."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from generator.compute.formatting import format_period
from generator.compute.data_frames import REGION
from generator.compute.lineage import TOTAL
from generator.indicators.definition import AttainmentRule, Definition
from generator.site import blocks, data_tables
from generator.site.blocks import PageState
from generator.publish.derived import CONTEXT
from generator.site.markup import declared, indicator_source, link, region_source, text
from generator.site.outputs import Output, Page, SiteInputs, page_state
from generator.publish.sitedata import Region, SiteData
from generator.site.status import standings
from generator.site.urls import page_url
from generator.site.words import UNIT_WORDS, category, quarter_words, scope_words

SECTION = "Regio's"
BORGING, FACTOREN = "borging_score", "factoren_vermeldingen"
CONTEXT_WORDS = {
    "werkloosheid_pct": "Werkloosheid",
    "netto_arbeidsparticipatie_pct": "Netto arbeidsparticipatie",
    "vacatures_per_100_werklozen": "Vacatures per 100 werklozen",
    "aandeel_laagopgeleiden_pct": "Aandeel laagopgeleiden",
    "aandeel_laaggeletterden_pct": "Aandeel laaggeletterden",
}
CONTEXT_QUARTERS = 4
"""How many of the latest quarters the context table shows (the chart shows all)."""
TOP_FACTORS = 5


NOT_SEARCHED = "{ data-search-exclude }"
"""On the heading of each region's chart of one indicator (`attr_list`): Material's search
leaves the section out. The charts' tables of numbers were 377 kB of a 1,02 MB search index
at 20 regions (issue 10), twenty sections per indicator that crowded out its own page; the
indicator's page, the region's table of all indicators and its prose are still searched."""


def build(site: SiteInputs) -> list[Output]:
    data = site.live
    pages = [region_page(site, region) for region in data.shown_regions]
    listing = ["# Regio's", ""]
    listing += [f"- [{text(r.name)}]({r.id}.md): fase {text(r.fase or 'onbekend')}, "
                f"levert vanaf {format_period(r.pilot_start) if r.pilot_start else '–'}"
                for r in data.shown_regions]
    return [Page("regios/index.md", "Overzicht", "\n".join(listing) + "\n", SECTION), *pages]


def region_page(site: SiteInputs, region: Region) -> Page:
    source = region_source(region.id)
    data = site.live
    with page_state(data, source) as state:
        parts = [f"# {text(region.name)}", "",
                 f"Fase: {text(region.fase or 'onbekend')}. Levert gegevens vanaf "
                 f"{text(quarter_words(region.pilot_start))}. Alle waarden zijn opgeteld vanaf "
                 "de start van de regio.", "",
                 "## Alle indicatoren", "", overview_table(state, region), ""]
        parts += context_section(state, region)
        parts += borging_section(site, state, region)
        parts += factors_section(state, region)
        parts += ["## Verloop per indicator", ""]
        for definition in data.definitions:
            if isinstance(definition.rule, AttainmentRule) or not data.series(definition.id, region.id):
                continue
            parts += [f"### {text(definition.title)} {NOT_SEARCHED}", "",
                      blocks.trend_chart(state, definition, [region.id]), ""]
        return Page(source, region.name, "\n".join(parts) + "\n", SECTION, state.shown)


def overview_table(state: PageState, region: Region) -> str:
    """Each indicator's latest value for the region with its unit, its place among the
    regions, the total of all regions, and the targets that count the region in."""
    data = state.site
    # A region's audience reads no other region's figures, so no place among them either.
    ranked = not data.withheld and len(data.shown_regions) > 1
    rows: list[list] = []
    for definition in data.definitions:
        mine = data.figure(definition.id, region.id, data.latest or "")
        if mine is None or isinstance(definition.rule, AttainmentRule):
            continue
        total = data.figure(definition.id, "totaal", data.latest or "")
        state.record([f for f in (mine, total) if f is not None])
        row = [definition.title, unit_cell(definition), mine]
        if ranked:
            row.append(place(data, definition, region))
        row += [total if total is not None else "–", target_cell(state, definition, region)]
        rows.append(row)
    header = ["Indicator", "Eenheid", region.name, *(["Plaats"] if ranked else []),
              blocks.COMPARED, "Doel en status"]
    return blocks.raw(data_tables.figure_table(
        rows, header, caption=f"Stand tot en met {format_period(data.latest or '')}",
        prose=[len(header) - 1]))


def unit_cell(definition: Definition) -> Markup | str:
    return (blocks.scale_words(definition, short=True)
            or UNIT_WORDS.get(definition.unit, definition.unit))


def place(data: SiteData, definition: Definition, region: Region) -> Markup | str:
    """`2e van 20`, linked to the indicator's comparison of the regions."""
    found = blocks.rank(data, definition, region.id)
    if found is None:
        return "–"
    position, count = found
    return Markup('<a class="im-rank" href="{href}#regios-vergeleken" title="Plaats onder de '
                  'regio\'s, hoogste waarde eerst">{position}e van {count}</a>').format(
        href=page_url(indicator_source(definition.id)), position=position, count=count)


def target_cell(state: PageState, definition: Definition, region: Region) -> Markup | str:
    """Each target the region counts towards (its own, or its fase's together) with its
    status: `Behaald 400 (pilotregio's samen, 2026-K4)`."""
    found = [s for s in standings(state.site, definition)
             if s.target.phase in (None, region.fase)
             and s.measured.region in (region.id, TOTAL)]
    if not found:
        return "geen doel"
    parts = []
    for standing in found:
        state.record([standing.measured])
        status = standing.status or "nog geen waarde"
        scope = scope_words(state.site, standing.measured).removeprefix("de ")
        parts.append(Markup('<span class="im-status im-status-{css}">{status}</span> '
                            '{goal} ({scope}, {due})').format(
            css=(standing.status or "geen").replace(" ", "-"), status=status.capitalize(),
            goal=declared(standing.target.value, definition, "doel"), scope=text(scope),
            due=format_period(standing.target.due)))
    return Markup("; ").join(parts)


def context_section(state: PageState, region: Region) -> list[str]:
    data = state.site
    figures = [f for f in data.figures if f.indicator == CONTEXT and f.region == region.id]
    if not figures:
        return []
    periods = sorted({f.period for f in figures})[-CONTEXT_QUARTERS:][::-1]  # newest first
    by_key = {(dict(f.breakdown)["indicator"], f.period): f for f in figures}
    names = [n for n in CONTEXT_WORDS if any(k[0] == n for k in by_key)]
    names += sorted({k[0] for k in by_key} - set(names))
    rows: list[list] = []
    for name in names:
        row: list = [CONTEXT_WORDS.get(name, category(name))]
        for period in periods:
            figure = by_key.get((name, period))
            row.append(figure if figure is not None else "–")
        rows.append(row)
    state.record([f for f in figures if f.period in periods])
    sources = sorted({str(dict(f.extra).get("bron", "")) for f in figures} - {""})
    return ["## Context", "",
            "Kenmerken van de regionale arbeidsmarkt zoals de regio ze levert (per kwartaal, "
            "niet opgeteld).", "",
            blocks.raw(data_tables.figure_table(
                rows, ["Kenmerk", *(format_period(p) for p in periods)],
                caption="Regionale context")), "",
            "Bronnen: " + "; ".join(str(text(s)) for s in sources) + ".", ""]


def borging_section(site: SiteInputs, state: PageState, region: Region) -> list[str]:
    data = state.site
    definition = data.definition(BORGING)
    if definition is None or data.latest is None:
        return []
    cells = data.cells(BORGING, region.id, data.latest, ("aspect",))
    if not cells:
        return []
    notes = latest_notes(site, region.id, data.latest)
    rows = [[category(dict(f.breakdown)["aspect"]), f, notes.get(dict(f.breakdown)["aspect"], "")]
            for f in cells]
    state.record(cells)
    headline = data.figure(BORGING, region.id, data.latest)
    scale = blocks.scale_words(definition) or ""
    lead = (f"Gemiddelde stand: **{blocks.value(state, headline)}** {scale} " if headline
            else f"Stand per aspect {scale} ")
    return ["## Borging", "",
            f"{lead}(0 niet gestart, 1 in voorbereiding, 2 deels geregeld, 3 geregeld). "
            f"Zie {link(definition.title, indicator_source(BORGING))}.", "",
            blocks.raw(data_tables.figure_table(
                rows, ["Aspect", "Stand", "Toelichting van de regio"],
                caption=f"Laatst gemelde stand per aspect, tot en met {format_period(data.latest)}")),
            ""]


def latest_notes(site: SiteInputs, region: str, period: str) -> dict[str, str]:
    """The region's latest `toelichting` per borging aspect, up to `period`."""
    frame = site.live.computation.tables.frames.get("borging")
    if frame is None or frame.empty:
        return {}
    mine = frame[(frame[REGION] == region) & (frame["periode"] <= period)]
    notes = {}
    for record in mine.sort_values("periode", kind="stable").to_dict("records"):
        value = record["toelichting"]
        notes[str(record["aspect"])] = "" if pd.isna(value) else str(value)
    return notes


def factors_section(state: PageState, region: Region) -> list[str]:
    data = state.site
    if data.definition(FACTOREN) is None or data.latest is None:
        return []
    cells = data.cells(FACTOREN, region.id, data.latest, ("richting", "factor"))
    if not cells:
        return []
    parts = ["## Succes- en faalfactoren", "",
             "De vaakst genoemde factoren in gesprekken en interviews, tot en met "
             f"{format_period(data.latest)}. Vermeldingen zijn geen personen en geen gewicht.", ""]
    for direction, heading in (("succes", "Succesfactoren"), ("belemmering", "Belemmeringen")):
        found = [f for f in cells if dict(f.breakdown).get("richting") == direction]
        found = sorted(found, key=lambda f: (f.value is None, -(f.value or 0), f.figure_id))
        if not found:
            continue
        rows = [[blocks.category_label(f).split(" · ", 1)[-1], f] for f in found[:TOP_FACTORS]]
        state.record(found[:TOP_FACTORS])
        parts += [blocks.raw(data_tables.figure_table(
            rows, ["Factor", "Vermeldingen"],
            caption=f"{heading} (de {TOP_FACTORS} vaakst genoemde)")), ""]
    return parts
