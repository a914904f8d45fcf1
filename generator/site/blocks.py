"""The building blocks of pages: a value, a trend chart, a breakdown chart, a table.

Generated pages and the narrative's template functions use the same blocks, so a number
looks, links and is audited the same wherever it appears. Each block is HTML (Markup)
that sits on its own lines in the Markdown of a page. The charts and tables are finished
HTML, escaped here: each is a marked raw block (`raw`, `site/rawhtml.py`), which MkDocs'
Markdown passes by; a value (`value`) sits inside a sentence and stays inline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.compute.formatting import format_number, format_period
from generator.compute.lineage import TOTAL, Figure
from generator.indicators.definition import Definition, ModelRule, Ratio, Tally
from generator.site import charts, data_tables
from generator.site.markup import indicator_source, link, number, text
from generator.publish.sitedata import SiteData
from generator.site.rawhtml import raw_block
from generator.site.words import category, cell_words


def raw(html: str) -> Markup:
    """A chart or table the generator made and escaped, as a raw block of the page: no
    Markdown in it, so Markdown need not parse it (`site/rawhtml.py`)."""
    return Markup(raw_block([html]))


@dataclass
class PageState:
    """One page being rendered: its data, and what it has shown so far."""

    site: SiteData
    source: str
    """Markdown source path of the page (`regios/noord.md`)."""
    shown: dict[str, Figure] = field(default_factory=dict)
    """Every figure the page shows, by id (an edition compares these with current data)."""
    _ids: Counter[str] = field(default_factory=Counter)

    def chart_id(self, base: str) -> str:
        """A div id unique on the page and the same on every build."""
        self._ids[base] += 1
        count = self._ids[base]
        return f"im-{base}" if count == 1 else f"im-{base}-{count}"

    def record(self, figures: Sequence[Figure]) -> None:
        for figure in figures:
            self.shown.setdefault(figure.figure_id, figure)


def value(state: PageState, figure: Figure, shown: float | None = None) -> Markup:
    state.record([figure])
    return number(figure, state.site.definition(figure.indicator), shown)


def category_label(figure: Figure) -> str:
    """A breakdown cell as a reader names it: `werk`, `succes · Korte lijnen met UWV`."""
    return cell_words(figure) or "totaal"


def target_for_chart(site: SiteData, definition: Definition) -> float | None:
    """The target line of a trend chart of `totaal`: only when it is measured on totaal.

    A `totaal` target of one fase applies to the sum of that fase's regions; when every
    region is in that fase, that sum is `totaal`, so the line belongs on the chart.
    """
    for target in definition.targets:
        if target.scope != "totaal":
            continue
        if target.phase is None or all(r.fase == target.phase for r in site.regions):
            return target.value
    return None


REGION_LINES = 6
"""With more regions than this, a page other than the indicator's own (a question page, the
economic effect) draws an indicator's chart as the line of all regions together; the line
per region is on the indicator's page (at 20 regions the twenty lines of ten indicators
made a question page of 1,6 MB, each chart a copy of the one there)."""


def overview_scopes(site: SiteData) -> list[str]:
    """The scopes of such a page's chart: every region and `totaal`, or above
    `REGION_LINES` regions `totaal` only."""
    scopes = site.scopes()
    return [TOTAL] if len(scopes) - 1 > REGION_LINES else scopes


def overview_trend(state: PageState, definition: Definition) -> list[str]:
    """Such a page's chart of `definition` over time, with, when it shows only the total,
    a line saying so that links the indicator's page, where every region has its line."""
    site = state.site
    scopes = overview_scopes(site)
    parts = []
    if scopes != site.scopes():
        parts += [f"De grafiek toont alle regio's samen; de lijn per regio staat op de pagina "
                  f"{link(definition.title, indicator_source(definition.id))}.", ""]
    return [*parts, str(trend_chart(state, definition, scopes)), ""]


def trend_chart(state: PageState, definition: Definition, scopes: Sequence[str],
                title: str | None = None) -> Markup:
    """The headline value of each scope over time, one line per scope.

    More scopes than the chart has colours (20 regions and the total) make two charts: the
    total alone with its target, then every region, the highest and the lowest of the latest
    quarter in colour and the others as grey lines behind them (a total that sums the
    regions would flatten them all on one axis)."""
    site = state.site
    title = title or f"{definition.title}: verloop per kwartaal"
    series = {site.region_name(scope): site.series(definition.id, scope) for scope in scopes}
    series = {name: found for name, found in series.items() if found}
    for found in series.values():
        state.record(found)
    target = target_for_chart(site, definition) if TOTAL in scopes else None
    if len(scopes) == 1 and scopes[0] != TOTAL:  # one region: its own target, if any
        region = site.region(scopes[0])
        phase = region.fase if region else None
        target = next((t.value for t in definition.targets
                       if t.scope == "per_regio" and t.phase in (None, phase)), None)
    chart_id = state.chart_id(f"{definition.id}-verloop")
    total = site.region_name(TOTAL)
    if len(series) <= len(charts.PALETTE) or total not in series:
        return raw(charts.line_chart(title, series, unit=definition.unit, target=target,
                                     chart_id=chart_id))
    regions = {name: found for name, found in series.items() if name != total}
    return raw("\n".join([
        charts.line_chart(title, {total: series[total]}, unit=definition.unit, target=target,
                          chart_id=chart_id),
        charts.line_chart(f"{definition.title}: elke regio per kwartaal", regions,
                          unit=definition.unit, highlight=_extremes(regions),
                          chart_id=state.chart_id(f"{definition.id}-verloop-regios")),
    ]))


def _extremes(series: Mapping[str, Sequence[Figure]]) -> list[str]:
    """The series with the highest and the lowest visible value in the latest period any of
    them has (highest first); a hidden value takes no part."""
    latest = max((f.period for found in series.values() for f in found), default=None)
    last = {name: f.value for name, found in series.items() for f in found
            if f.period == latest and not f.suppressed and f.value is not None}
    if not last:
        return []
    ranked = sorted(last, key=lambda name: (-float(last[name]), name))  # type: ignore[arg-type]
    return list(dict.fromkeys([ranked[0], ranked[-1]]))


def breakdown_chart(state: PageState, definition: Definition, columns: Sequence[str],
                    region: str, period: str) -> Markup:
    cells = state.site.cells(definition.id, region, period, columns)
    state.record(cells)
    chart_id = state.chart_id(f"{definition.id}-{'-'.join(columns)}-{region}")
    title = (f"{breakdown_title(definition, columns)}, {state.site.region_name(region)}, "
             f"tot en met {format_period(period)}")
    key = columns[-1]
    labels = {cell: category(cell) for f in cells for k, cell in f.breakdown if k == key}
    return raw(charts.bar_chart(title, cells, category_key=key, unit=definition.unit,
                                chart_id=chart_id, horizontal=len(cells) > 6, labels=labels))


def breakdown_title(definition: Definition, columns: Sequence[str]) -> str:
    """`Matches met werkgevers naar sector`; a title that already says it is not repeated."""
    by = f"naar {' en '.join(columns)}"
    return definition.title if definition.title.lower().endswith(by) else f"{definition.title} {by}"


def breakdown_table(state: PageState, definition: Definition, columns: Sequence[str],
                    period: str, scopes: Sequence[str] | None = None) -> Markup:
    """Rows: the cells of the breakdown; columns: the scopes (regions, then totaal)."""
    site = state.site
    scopes = list(scopes or site.scopes())
    by_scope = {scope: {f.breakdown: f for f in site.cells(definition.id, scope, period, columns)}
                for scope in scopes}
    # The engine's order of cells (totaal has them all), then any a region alone has.
    keys = list(by_scope.get(TOTAL, {}))
    for scope in scopes:
        keys += [key for key in by_scope[scope] if key not in keys]
    first = {key: next(by_scope[s][key] for s in scopes if key in by_scope[s]) for key in keys}
    rows: list[list[Figure | str]] = []
    for key in keys:
        row: list[Figure | str] = [category_label(first[key])]
        for scope in scopes:
            figure = by_scope[scope].get(key)
            row.append(figure if figure is not None else "–")
            if figure is not None:
                state.record([figure])
        rows.append(row)
    header = [" en ".join(columns).capitalize()] + [site.region_name(s) for s in scopes]
    caption = f"{breakdown_title(definition, columns)}, tot en met {format_period(period)}"
    return raw(data_tables.figure_table(rows, header, caption=caption))


def scope_table(state: PageState, definition: Definition, periods: Sequence[str]) -> Markup:
    """Rows: the regions and totaal; columns: the headline value at each of `periods`."""
    site = state.site
    rows: list[list[Figure | str]] = []
    for scope in site.scopes():
        row: list[Figure | str] = [site.region_name(scope)]
        for period in periods:
            figure = site.figure(definition.id, scope, period)
            row.append(figure if figure is not None else "–")
            if figure is not None:
                state.record([figure])
        rows.append(row)
    caption = f"{definition.title} per regio"
    header = ["Regio", *(format_period(p) for p in periods)]
    return raw(data_tables.figure_table(rows, header, caption=caption))


def kpi_scope_table(state: PageState, definitions: Sequence[Definition], caption: str) -> Markup:
    """The latest value of each indicator for every scope (`totaal` and each region)."""
    data = state.site
    scopes = data.scopes()
    rows: list[list] = []
    for definition in definitions:
        row: list = [definition.title]
        for scope in scopes:
            figure = data.figure(definition.id, scope, data.latest or "")
            row.append(figure if figure is not None else "–")
            if figure is not None:
                state.record([figure])
        rows.append(row)
    return raw(data_tables.figure_table(rows, ["Indicator", *(data.region_name(s) for s in scopes)],
                                        caption=caption))


COMPARED = "Alle regio's samen"
"""How the comparison chart and the region page name the total beside the regions."""


def region_comparison(state: PageState, definition: Definition) -> Markup | None:
    """Every shown region at the latest quarter as a sorted bar, highest first, with the
    total of all regions; None with fewer than two regions to compare.

    Only the figures this audience reads are compared (a region's audience sees its own
    region and the total, so it gets no comparison); a hidden figure keeps its label and
    goes last, after the regions with a value.
    """
    site = state.site
    latest = site.latest or ""
    figures = [f for r in site.shown_regions
               if (f := site.figure(definition.id, r.id, latest)) is not None]
    if len(figures) < 2:
        return None
    ordered = sorted(figures, key=_highest_first)
    total = site.figure(definition.id, TOTAL, latest)
    state.record([*ordered, *([total] if total is not None else [])])
    labels = {r.id: r.name for r in site.regions}
    title = f"{definition.title} per regio, tot en met {format_period(latest)}"
    return raw(charts.bar_chart(
        title, ordered, category_key="regio", unit=definition.unit,
        chart_id=state.chart_id(f"{definition.id}-regios"), horizontal=True, labels=labels,
        reference=(COMPARED, total) if total is not None else None))


def _highest_first(figure: Figure) -> tuple[bool, float, str]:
    hidden = figure.suppressed or figure.value is None
    return hidden, 0.0 if hidden else -float(figure.value), figure.region  # type: ignore[arg-type]


def rank(site: SiteData, definition: Definition, region: str) -> tuple[int, int] | None:
    """The region's place among the shown regions with a visible value (highest first; equal
    values share a place) and how many there are; None without a comparison to make.

    Hidden figures take no part, so a place never tells anything about a hidden value.
    """
    latest = site.latest or ""
    visible = {r.id: f.value for r in site.shown_regions
               if (f := site.figure(definition.id, r.id, latest)) is not None
               and not f.suppressed and f.value is not None}
    if region not in visible or len(visible) < 2:
        return None
    mine = visible[region]
    return 1 + sum(v > mine for v in visible.values()), len(visible)  # type: ignore[operator]


def scale_words(definition: Definition, *, short: bool = False) -> Markup | None:
    """What a score is measured on, as its definition says: `op een schaal van 0 tot 3`
    (`short`, for a table's unit column: `schaal 0 tot 3`).

    Marked with the definition it comes from, like a target: the numbers are declared.
    """
    if definition.unit != "score":
        return None
    rule = definition.rule
    tally = rule.numerator if isinstance(rule, Ratio) else rule if isinstance(rule, Tally) else None
    if tally is not None and tally.scores:
        levels = [value for _, value in tally.scores]
        words = (f"{'schaal' if short else 'op een schaal van'} {format_number(min(levels))} "
                 f"tot {format_number(max(levels))}")
    elif isinstance(rule, ModelRule) and rule.outcome == "baten_kostenverhouding":
        words = "baten per euro kosten" if short else "euro baten per euro kosten"
    else:
        return None
    return Markup('<span class="im-scale im-declared" data-definition-id="{ref}">{words}'
                  '</span>').format(ref=f"{definition.id}@{definition.version}", words=text(words))
