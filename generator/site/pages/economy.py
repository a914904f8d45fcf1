"""The economic effect (research question 6): MKBA central with Monte Carlo P5–P95, GDP, tornado.

`site_src/economisch-effect/methode.md` (the method, written by the researchers) becomes
the page beside it, rendered like any narrative so it may use live figures too.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.compute.formatting import dutch, format_number
from generator.compute.lineage import TOTAL, Figure
from generator.indicators.definition import Definition, ModelRule
from generator.site import blocks, charts
from generator.site.blocks import PageState
from generator.publish.economy import TORNADO_METRIC, EconomyView
from generator.site.markup import declared, link, region_source, text
from generator.site.outputs import Output, Page, SiteInputs, page_state
from generator.site.words import quarter_words

SECTION = "Economisch effect"
SOURCE = "economisch-effect/index.md"
METHOD = "economisch-effect/methode.md"
PARAMETER_WORDS = {
    "arbeidsproductiviteit_per_uur": "Arbeidsproductiviteit per uur",
    "gewerkte_weken_per_jaar": "Gewerkte weken per jaar",
    "deadweight": "Weglekeffect (wat toch al zou gebeuren)",
    "verdringing": "Verdringing (een ander verliest de baan)",
    "effectduur_jaren": "Effectduur in jaren",
    "jaarlijkse_afname": "Jaarlijkse afname van het effect",
    "discontovoet": "Discontovoet",
    "effect_niet_gemeten": "Effect bij niet-gemeten deelnemers",
    "uitkering_per_jaar": "Uitkering per jaar",
    "geplande_deelnemers_per_jaar": "Geplande deelnemers per jaar (op schaal)",
    "verwachte_deelnemers_per_regio": "Verwachte deelnemers per regio (ontwikkelkosten)",
    "verlies_vrije_tijd": "Verlies aan vrije tijd",
    "belasting_premies_aandeel": "Belastingen en premies (aandeel loonkosten)",
    "mbo_rendement_per_jaar": "Rendement van een startkwalificatie per jaar",
    "mbo_slagingskans": "Slagingskans in het mbo",
    "mbo_studieduur_jaren": "Studieduur mbo in jaren (lock-in)",
}
"""Parameter names (`indicators/economie/parameters.yml`) as the tornado labels them."""
PARAMETER_UNITS = {
    "arbeidsproductiviteit_per_uur": ("€ ", " per uur"),
    "gewerkte_weken_per_jaar": ("", " weken"),
    "deadweight": ("%", ""), "verdringing": ("%", ""), "jaarlijkse_afname": ("%", " per jaar"),
    "discontovoet": ("%", " per jaar"), "effect_niet_gemeten": ("%", " van het gemeten effect"),
    "verlies_vrije_tijd": ("%", ""), "belasting_premies_aandeel": ("%", ""),
    "mbo_slagingskans": ("%", ""),
    "effectduur_jaren": ("", " jaar"), "mbo_studieduur_jaren": ("", " jaar"),
    "uitkering_per_jaar": ("€ ", " per jaar"), "mbo_rendement_per_jaar": ("€ ", " per jaar"),
    "geplande_deelnemers_per_jaar": ("", " deelnemers per jaar"),
    "verwachte_deelnemers_per_regio": ("", " deelnemers"),
}
"""How the page writes a parameter's value: `%` shares as percentages, else prefix and
suffix around the number (a model parameter of 0,0225 reads 2,25% per jaar)."""


def parameter_text(name: str, value: float) -> str:
    """A parameter value with its unit, in Dutch: `2,25% per jaar`, `€ 30 per uur`, `45 weken`."""
    prefix, suffix = PARAMETER_UNITS.get(name, ("", ""))
    if prefix == "%":
        return f"{format_number(value * 100)}%{suffix}"
    return f"{prefix}{format_number(value)}{suffix}"


PARAMETERS_DEFINITION = "economie/parameters"
"""How the tornado marks a parameter value: declared in `indicators/economie/parameters.yml`."""

def build(site: SiteInputs) -> list[Output]:
    outputs: list[Output] = [result_page(site)]
    if site.narrative.exists(METHOD):
        with page_state(site.live, METHOD) as state:
            body = site.narrative.render(METHOD, state)
        outputs.append(Page(METHOD, "Methode", body, SECTION, state.shown))
    return outputs


def result_page(site: SiteInputs) -> Page:
    data = site.live
    with page_state(data, SOURCE) as state:
        parts = ["# Economisch effect", "",
                 "Onderzoeksvraag 6: wat is het economisch effect van de LLO Collectieven? De "
                 "monitor schat de maatschappelijke baten van de extra gewerkte uren van "
                 "deelnemers (een maatschappelijke kosten-batenanalyse, MKBA) en het effect op "
                 "het bbp: gemeten tot nu toe, en als projectie voor het programma op schaal." + (" Hoe dat werkt, staat in de [methode](methode.md)."
                               if site.narrative.exists(METHOD) else ""), ""]
        models = [d for d in data.definitions if isinstance(d.rule, ModelRule)]
        view = data.economy
        if view is None or not models:
            parts.append("Er zijn nog geen gegevens om het economisch effect te berekenen.")
        else:
            parts += [f"Stand tot en met {text(quarter_words(view.period))}.", ""]
            for definition in models:
                parts += scenario_section(state, definition, view.period)
            parts += distribution_section(state, view)
            parts += cost_effectiveness_section(state, view.period)
            parts += sensitivity_section(state, view)
            for definition in models:
                parts += [f"### Verloop: {text(definition.title)}", "",
                          *blocks.overview_trend(state, definition)]
        return Page(SOURCE, "Resultaat", "\n".join(parts) + "\n", SECTION, state.shown)


def scenario_section(state: PageState, definition: Definition, period: str) -> list[str]:
    """Central value and the Monte Carlo P5–P95 per scope; for the yearly KPI also the
    non-response bounds. A programme-level indicator has only the `totaal` row."""
    data = state.site
    view = data.economy
    bounds = definition.rule.outcome == "baten_per_deelnemer_per_jaar"  # type: ignore[union-attr]
    rows = []
    for scope in data.scopes():
        figure = data.figure(definition.id, scope, period)
        if figure is None:
            continue
        interval = None
        if view is not None:
            interval = (view.intervals.get(definition.id) if scope == TOTAL
                        else view.regional_intervals.get((definition.id, scope)))
        p5, p95 = (interval[0], interval[2]) if interval else (None, None)
        cells = [blocks.value(state, figure),
                 blocks.value(state, p5) if p5 else Markup("–"),
                 blocks.value(state, p95) if p95 else Markup("–")]
        if bounds:
            extra = dict(figure.extra)
            cells += [_scenario(state, figure, extra.get("nonrespons_nul")),
                      _scenario(state, figure, extra.get("nonrespons_gelijk"))]
        rows.append(Markup("<tr><th scope=\"row\">{}</th>{}</tr>").format(
            text(data.region_name(scope)),
            Markup("").join(Markup("<td>{}</td>").format(c) for c in cells)))
    heads = ["Centraal", "P5", "P95"] + (
        ["Niet-gemeten zonder effect", "Niet-gemeten met gemeten effect"] if bounds else [])
    table = Markup(
        '<div class="im-table-wrap" role="region" tabindex="0" aria-label="{title}">'
        '<table class="im-table"><caption>{title}: centrale schatting en Monte Carlo '
        '5e–95e percentiel{extra}</caption><thead><tr><th scope="col">Regio</th>{heads}</tr>'
        '</thead><tbody>{rows}</tbody></table></div>').format(
            title=definition.title,
            extra=", met de grenzen voor non-respons" if bounds else "",
            heads=Markup("").join(Markup('<th scope="col">{}</th>').format(h) for h in heads),
            rows=Markup("").join(rows))
    parts = [f"## {text(definition.title)}", "", str(text(definition.description)), "",
             blocks.raw(table), ""]
    for e in definition.expectations:
        if e.value is not None:
            shown = declared(e.value, definition, "verwachting")
        else:
            shown = Markup("{} tot {}").format(declared(e.low, definition, "verwachting"),
                                               declared(e.high, definition, "verwachting"))
        parts += [f"Het evaluatiekader verwacht {shown}; dat is een verwachting, geen doel.", ""]
    mc = view.monte_carlo if view else None
    if mc is not None and rows:
        parts += [f"**Onzekerheid.** P5 en P95: met alle parameters tegelijk willekeurig gekozen "
                  f"binnen hun bandbreedte ligt de uitkomst in 90% van de "
                  f"{dutch(mc.trekkingen, 0)} trekkingen daartussen (Monte Carlo met vaste seed "
                  f"{mc.seed}). Dat is de bandbreedte; een waarde die niet getoond wordt, rust "
                  f"op minder dan k gemeten deelnemers.", ""]
    return parts


def _scenario(state: PageState, figure: Figure, value: object) -> Markup:
    if not isinstance(value, (int, float)):
        return Markup("–")
    return blocks.value(state, figure, float(value))


PARTY_WORDS = {"deelnemer": "Deelnemers", "overheid": "Overheid", "werkgevers": "Werkgevers",
               "overig": "Overige partijen", "totaal": "Totaal (welvaartssaldo)"}
ITEM_WORDS = {"productie": "Productie extra uren", "belastingen": "Belastingen en premies "
              "(overdracht)", "uitkeringen": "Uitkeringen (overdracht)",
              "vrije_tijd": "Verlies vrije tijd", "kosten": "Kosten programma", "saldo": "Saldo"}


def distribution_section(state: PageState, view: EconomyView) -> list[str]:
    """Who gains and who pays (alle regio's): transfers shown, summing to zero per column."""
    if not view.distribution:
        return []
    parties = list(dict.fromkeys(party for party, _ in view.distribution))
    items = list(dict.fromkeys(item for _, item in view.distribution))
    head = Markup("").join(Markup('<th scope="col">{}</th>').format(ITEM_WORDS[i]) for i in items)
    rows = Markup("").join(
        Markup('<tr><th scope="row">{}</th>{}</tr>').format(
            PARTY_WORDS[party], Markup("").join(
                Markup("<td>{}</td>").format(blocks.value(state, view.distribution[(party, i)]))
                for i in items))
        for party in parties)
    table = Markup(
        '<div class="im-table-wrap" role="region" tabindex="0" aria-label="Verdeling per partij">'
        '<table class="im-table"><caption>Verdeling per partij, alle regio\'s samen: contante '
        'waarde in euro</caption><thead><tr><th scope="col">Partij</th>{head}</tr></thead>'
        '<tbody>{rows}</tbody></table></div>').format(head=head, rows=rows)
    return ["## Verdeling per partij", "",
            "Wie wint en wie betaalt, voor alle bereikte deelnemers samen. Belastingen, premies "
            "en uitkeringen gaan van de ene partij naar de andere: ze staan in de tabel, maar "
            "tellen per kolom op tot nul en veranderen het welvaartssaldo niet. Het saldo van "
            "alle partijen samen is de netto contante waarde.", "", blocks.raw(table), ""]


COST_EFFECTIVENESS = ("kosten_per_deelnemer", "kosten_per_verbeterde_positie", "kosten_per_bewijs")
"""Cost per participant reached, per improved position and per certificate (ratio indicators)."""


def cost_effectiveness_section(state: PageState, period: str) -> list[str]:
    """Costs per result, per region and in total, to read beside each region's context."""
    data = state.site
    known = {d.id: d for d in data.definitions}
    shown = [known[i] for i in COST_EFFECTIVENESS if i in known]
    if not shown:
        return []
    rows = []
    for scope in data.scopes():
        cells = [data.figure(d.id, scope, period) for d in shown]
        if all(c is None for c in cells):
            continue
        name = (text(data.region_name(scope)) if scope == TOTAL
                else link(data.region_name(scope), region_source(scope)))
        rows.append(Markup('<tr><th scope="row">{}</th>{}</tr>').format(name, Markup("").join(
            Markup("<td>{}</td>").format(blocks.value(state, c) if c is not None else "–")
            for c in cells)))
    heads = Markup("").join(Markup('<th scope="col">{}</th>').format(d.title) for d in shown)
    table = Markup(
        '<div class="im-table-wrap" role="region" tabindex="0" aria-label="Kosteneffectiviteit">'
        '<table class="im-table"><caption>Kosteneffectiviteit per regio: alle kosten tot en '
        'met het kwartaal, gedeeld door het resultaat</caption><thead><tr><th scope="col">'
        'Regio</th>{heads}</tr></thead><tbody>{rows}</tbody></table></div>').format(
            heads=heads, rows=Markup("").join(rows))
    return ["## Kosteneffectiviteit", "",
            "Wat een bereikte deelnemer, een verbeterde positie op de arbeidsmarkt en een "
            "behaald bewijs met civiel effect kosten, per regio en in totaal. Het totaal deelt "
            "de opgetelde kosten door de opgetelde resultaten. Dit zijn bruto resultaten (ook "
            "wat zonder het collectief was gebeurd); lees ze naast de context van elke regio "
            "(arbeidsmarkt en achtergrond) op de regiopagina's.", "", blocks.raw(table), ""]


def sensitivity_section(state: PageState, view: EconomyView) -> list[str]:
    definition = next((d for d in state.site.definitions if isinstance(d.rule, ModelRule)
                       and d.rule.outcome == "baten_per_deelnemer_per_jaar"), None)
    if definition is None or not view.tornado.bars:
        return []
    central = view.headline.get(definition.id)
    if central is not None:
        state.record([central])
    state.record(list(view.sensitivity.values()))
    chart = charts.tornado_chart(
        "Gevoeligheid van de baten per bereikte deelnemer per jaar voor elke parameter", view.tornado,
        unit=definition.unit, chart_id=state.chart_id(f"tornado-{TORNADO_METRIC}"),
        central=central, labels=PARAMETER_WORDS, outcomes=view.sensitivity,
        parameters=f"{PARAMETERS_DEFINITION}@{view.parameters.versie}",
        parameter_text=parameter_text)
    return ["## Gevoeligheid", "",
            "Hoeveel de baten per bereikte deelnemer per jaar (alle regio's samen) veranderen als één "
            "parameter op zijn lage of hoge waarde staat en de rest op de centrale waarde. "
            "De breedste balk bovenaan: die parameter telt het zwaarst.", "", blocks.raw(chart), ""]
