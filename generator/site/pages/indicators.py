"""One page per indicator: the current standing first, then chart, tables, definition, CSV."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markupsafe import Markup, escape

from generator.cache import Kept
from generator.compute.attainment import TARGET_KEY
from generator.compute.formatting import format_period
from generator.compute.lineage import TOTAL, Figure
from generator.indicators.definition import AttainmentRule, Definition
from generator.site import blocks, data_tables, headline
from generator.site.blocks import PageState
from generator.site.markup import declared, indicator_source, link, question_source, text
from generator.publish.sitedata import SiteData
from generator.site.outputs import Download, Output, Page, SiteInputs, page_state
from generator.site.rulewords import rule_words
from generator.site.status import standings
from generator.site.words import UNIT_WORDS, quarter_words, reader_quarters, scope_words

SECTION = "Indicatoren"
TABLE_QUARTERS = 4
"""Quarters in the table per region (the chart and the CSV have every quarter)."""
SEARCH_BOOST = {True: 8, False: 4}
"""Search weight of an indicator's page: a headline KPI above the other indicators whose
titles share its words ("deelnemers": Deelnemers bereikt before the share of the measured
deelnemers), every indicator page above the questions and regions that name it."""


def search_front_matter(definition: Definition) -> str:
    return f"---\nsearch:\n  boost: {SEARCH_BOOST[definition.kpi]}\n---\n"
"""Front matter for Material's search: an indicator's own page first for its name
("deelnemers"), before the research questions and region pages that also name it."""


DOWNLOAD_LIMIT = 1_000_000
"""No download over this many bytes (issue 10): an indicator's CSV that would be is written
per scope instead, each file with the same columns (together they are the whole)."""


def csv_path(indicator: str, scope: str | None = None) -> str:
    """The CSV of every value of an indicator, or of one scope of it (a region or `totaal`)."""
    return f"indicatoren/{indicator}{'' if scope is None else '-' + scope}.csv"


_CSV = Kept(1_000)
"""indicator -> its figures (the very objects), the limit and its CSV files, as last made:
in a serving process an indicator whose figures a save did not change (its rules read
another file) has the very objects again, and its files are not made again."""


def csv_files(data: SiteData, indicator: str) -> list[tuple[str | None, str, bytes]]:
    """(scope or None for the whole, path, bytes) of an indicator's CSV download(s): one
    file, or one per scope (`totaal` first) when one would exceed `DOWNLOAD_LIMIT`."""
    figures = data.indicator_figures(indicator)
    last = _CSV.get(indicator)
    if (last is not None and last[1] == DOWNLOAD_LIMIT and len(last[0]) == len(figures)
            and all(a is b for a, b in zip(last[0], figures))):
        return last[2]  # type: ignore[no-any-return]
    found = _csv_files(figures, indicator)
    _CSV[indicator] = (figures, DOWNLOAD_LIMIT, found)
    return found


def _csv_files(figures: Sequence[Figure], indicator: str) -> list[tuple[str | None, str, bytes]]:
    rows = data_tables.csv_rows(figures)
    whole = data_tables.csv_text(rows).encode()
    if len(whole) <= DOWNLOAD_LIMIT:
        return [(None, csv_path(indicator), whole)]
    by_scope: dict[str, list[list[str]]] = {}  # `totaal` first, then the regions: their order
    for row in rows:
        by_scope.setdefault(row[1], []).append(row)
    return [(scope, csv_path(indicator, scope), data_tables.csv_text(found).encode())
            for scope, found in by_scope.items()]


def build(site: SiteInputs) -> list[Output]:
    data = site.live
    outputs: list[Output] = []
    for definition in data.definitions:
        files = csv_files(data, definition.id)
        outputs.append(indicator_page(site, definition, [scope for scope, _, _ in files]))
        outputs += [Download(path, content) for _, path, content in files]
    return [listing_page(site), *outputs]


def listing_page(site: SiteInputs) -> Page:
    """Every indicator with its current value (all regions together) and its status."""
    data = site.live
    source = "indicatoren/index.md"
    latest = format_period(data.latest or "")
    with page_state(data, source) as state:
        lines = ["# Indicatoren", "",
                 f"| indicator | stand {latest} | status | onderzoeksvraag | eenheid |",
                 "|---|--:|---|---|---|"]
        for definition in data.definitions:
            figure = data.figure(definition.id, "totaal", data.latest or "")
            shown = blocks.value(state, figure) if figure is not None else "–"
            lines.append(f"| [{text(definition.title)}]({definition.id}.md) | {shown} | "
                         f"{status_words(state, definition)} | "
                         f"[{definition.question}](../onderzoeksvragen/{definition.question}.md) | "
                         f"{UNIT_WORDS.get(definition.unit, definition.unit)} |")
        return Page(source, "Overzicht", "\n".join(lines) + "\n", SECTION, state.shown)


def status_words(state: PageState, definition: Definition) -> str:
    """`behaald`, or per target `achter (de pilotregio's samen)`; `geen doel` without one."""
    found = standings(state.site, definition)
    if not found:
        return "geen doel"
    if len(found) == 1:
        return str(text(found[0].status or "nog geen waarde"))
    return "; ".join(str(text(f"{s.status or 'nog geen waarde'} ({scope_words(state.site, s.measured)})"))
                     for s in found)


def indicator_page(site: SiteInputs, definition: Definition,
                   csv_scopes: Sequence[str | None] = (None,)) -> Page:
    """`csv_scopes`: the scopes of its CSV files (`csv_files`), None for one whole file."""
    source = indicator_source(definition.id)
    data = site.live
    with page_state(data, source) as state:
        # The answer first (value, target, status, trend), then the charts and tables,
        # then how the figure is made.
        parts = [f"# {text(definition.title)}", "", str(text(definition.description)), ""]
        if data.latest:
            parts += [blocks.raw(headline.kpi_card(state, definition, titled=False)), ""]
        if isinstance(definition.rule, AttainmentRule) and data.latest:
            parts += ["## Stand per doel", "", attainment_table(state, definition), ""]
        if data.latest and data.series(definition.id, "totaal"):
            periods = data.periods[-TABLE_QUARTERS:][::-1]  # newest quarter first
            parts += ["## Verloop", "", blocks.trend_chart(state, definition, data.scopes()), ""]
            compared = blocks.region_comparison(state, definition)
            if compared is not None:
                parts += ["## Regio's vergeleken", "",
                          f"Elke regio tot en met {format_period(data.latest)}, de hoogste "
                          "bovenaan, en alle regio's samen.", "", compared, ""]
            parts += ["## Per regio", "", blocks.scope_table(state, definition, periods), ""]
            parts += breakdown_sections(state, definition)
        parts += ["## Definitie en methode", "", definition_block(definition), ""]
        parts += targets_section(definition)
        if definition.caveats:
            parts += ["### Kanttekeningen", ""]
            parts += [f"- {text(reader_quarters(caveat))}" for caveat in definition.caveats]
            parts.append("")
        parts += ["## Downloaden", "", download_words(data, definition.id, csv_scopes), ""]
        return Page(source, definition.title, search_front_matter(definition) + "\n".join(parts) + "\n", SECTION,
                    state.shown)


def download_words(data: SiteData, indicator: str, scopes: Sequence[str | None]) -> str:
    """The paragraph that links the CSV file, or the files per scope."""
    if list(scopes) == [None]:
        return (f"Alle waarden van deze indicator (elke regio, elk kwartaal, elke uitsplitsing) "
                f"als [CSV-bestand]({indicator}.csv). Onderdrukte cellen zijn leeg.")
    names = {TOTAL: "alle regio's samen"}
    links = ", ".join(
        f"[{names.get(scope) or text(data.region_name(scope))}]"
        f"({csv_path(indicator, scope).removeprefix('indicatoren/')})"
        for scope in scopes if scope is not None)
    return ("Alle waarden van deze indicator (elk kwartaal, elke uitsplitsing) als CSV-bestand, "
            "één per regio (samen zouden ze groter zijn dan 1 MB; de kolommen zijn in elk "
            f"bestand dezelfde): {links}. Onderdrukte cellen zijn leeg.")


def definition_block(definition: Definition) -> str:
    """The definition as a list of terms, marked with its id and version (issue 5 reads it)."""
    items = [
        ("Onderzoeksvraag", link(f"Onderzoeksvraag {definition.question}",
                                 question_source(definition.question))),
        ("Rekenregel", code_words(rule_words(definition))),
        ("Bronnen", Markup(", ").join(Markup("<code>{}</code>").format(s)
                                      for s in definition.sources)),
        ("Eenheid", text(UNIT_WORDS.get(definition.unit, definition.unit))),
        ("Versie van de definitie", Markup("<code>{}</code>").format(definition.version)),
        ("Definitiebestand", Markup("<code>{}</code>").format(definition.file)),
    ]
    rows = Markup("").join(Markup("<dt>{}</dt><dd>{}</dd>").format(term, value)
                           for term, value in items)
    return blocks.raw(Markup('<dl class="im-definition" data-definition-id="{ref}">{rows}</dl>')
                      .format(ref=f"{definition.id}@{definition.version}", rows=rows))


def code_words(words: str) -> Markup:
    """Rule words with `column` as <code>, everything escaped."""
    pieces = re.split(r"`([^`]*)`", words)
    return Markup("").join(Markup("<code>{}</code>").format(p) if i % 2 else escape(p)
                           for i, p in enumerate(pieces))


def targets_section(definition: Definition) -> list[str]:
    parts: list[str] = []
    if definition.targets:
        parts += ["### Doelen", ""]
        for target in definition.targets:
            scope = ("per regio" if target.scope == "per_regio" else "voor alle regio's samen")
            if target.phase:
                scope += f" in fase {target.phase}"
            parts.append(f"- Minstens {declared(target.value, definition, 'doel')} {text(scope)}, "
                         f"uiterlijk in {text(quarter_words(target.due))}. Bron: "
                         f"{text(reader_quarters(target.source))}. {text(reader_quarters(target.note))}")
        parts.append("")
    if definition.expectations:
        parts += ["### Verwachting", "",
                  "Wat het evaluatiekader verwacht; een verwachting is geen doel.", ""]
        for e in definition.expectations:
            if e.value is not None:
                shown = declared(e.value, definition, "verwachting")
            else:
                shown = Markup("{} tot {}").format(declared(e.low, definition, "verwachting"),
                                                   declared(e.high, definition, "verwachting"))
            parts.append(f"- {shown}. Bron: {text(reader_quarters(e.source))}. "
                         f"{text(reader_quarters(e.note))}")
        parts.append("")
    return parts


def attainment_table(state: PageState, definition: Definition) -> str:
    """Each target's attainment at the latest quarter, named by what it measures."""
    data = state.site
    found = [f for f in data.indicator_figures(definition.id) if f.period == data.latest]
    rows: list[list] = []
    for figure in found:
        measured = data.definition(dict(figure.breakdown).get(TARGET_KEY, ""))
        title = measured.title if measured else figure.indicator
        rows.append([f"{title}, {scope_words(data, figure)}", figure])
    state.record(found)
    return blocks.raw(data_tables.figure_table(
        rows, ["Doel", "Bereikt"], caption=f"Doelbereik tot en met {format_period(data.latest or '')}"))


def breakdown_sections(state: PageState, definition: Definition) -> list[str]:
    data = state.site
    parts: list[str] = []
    for columns in data.breakdowns(definition):
        if not data.cells(definition.id, "totaal", data.latest or "", columns):
            continue
        parts += [f"## Naar {text(' en '.join(columns))}", "",
                  blocks.breakdown_chart(state, definition, columns, "totaal", data.latest or ""),
                  "", blocks.breakdown_table(state, definition, columns, data.latest or ""), ""]
    return parts
