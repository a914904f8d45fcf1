"""The answer first: the targets in one sentence, and a compact card per KPI.

The home page opens with these, and so does each indicator's page: current value, target,
attainment bar, status and a small trend, before any chart, table or method. The small
trend is an inline SVG drawn here (no Plotly), with its finding as its text alternative,
so the first screen needs no chart library; the full chart and its data table are one
click away on the indicator's page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from markupsafe import Markup

from generator.compute.formatting import format_period
from generator.compute.lineage import TOTAL, Figure
from generator.indicators.definition import Definition
from generator.site import blocks
from generator.site.blocks import PageState
from generator.site.data_tables import figure_text
from generator.site.markup import declared, indicator_source, link, number, text
from generator.site.status import ACHTER, BEHAALD, OP_KOERS, TargetStanding, standings
from generator.site.urls import page_url
from generator.site.words import scope_words

SPARK_WIDTH, SPARK_HEIGHT = 96, 24
STATUS_ORDER = (BEHAALD, OP_KOERS, ACHTER)


def summary_line(state: PageState, definitions: Sequence[Definition]) -> Markup:
    """`Van de 5 doelen zijn er 2 behaald, 1 op koers en 2 achter (…, uiterlijk 2026-K4).`"""
    found = [s for d in definitions for s in standings(state.site, d)]
    latest = format_period(state.site.latest or "")
    if not found:
        return Markup('<p class="im-summary">Er zijn nog geen doelen om de stand aan af te '
                      'meten (stand tot en met {}).</p>').format(latest)
    counts = Counter(s.status or "nog geen waarde" for s in found)
    parts = [f"{count_words(counts[s])} {s}" for s in (*STATUS_ORDER, "nog geen waarde")
             if counts[s]]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
    dues = sorted({s.target.due for s in found})
    due = (f"uiterlijk {format_period(dues[0])}" if len(dues) == 1 else
           f"uiterlijk tussen {format_period(dues[0])} en {format_period(dues[-1])}")
    noun = "doel" if len(found) == 1 else "doelen"
    verb = "is" if len(found) == 1 else "zijn er"
    return Markup('<p class="im-summary"><strong>Van de {n} {noun} {verb} {listed}</strong> '
                  '(stand tot en met {latest}; te halen {due}).</p>').format(
        n=count_words(len(found)), noun=noun, verb=verb, listed=listed, latest=latest, due=due)


COUNT_WORDS = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
               "tien", "elf", "twaalf")


def count_words(n: int) -> str:
    """A count of targets in words, as Dutch prose writes small numbers (and no digit on the
    page goes without a figure id: these counts are not figures)."""
    return COUNT_WORDS[n] if 0 <= n < len(COUNT_WORDS) else str(n)


LONG_VALUE = 8
"""Characters of a card's value above which it is set smaller (a card is ~150 px wide)."""


def kpi_card(state: PageState, definition: Definition, *, titled: bool = True) -> Markup:
    """Value, target(s) with bar and status, small trend; a link to the chart and table.

    `titled=False` is the indicator's own page: no title and no link, it is that page."""
    data = state.site
    headline = data.figure(definition.id, TOTAL, data.latest or "")
    rows: list[Markup] = []
    if titled:
        rows.append(Markup('<h3 class="im-kpi-title">{}</h3>').format(
            link(definition.title, indicator_source(definition.id))))
    if headline is not None:
        scale = blocks.scale_words(definition)
        # A long value ("€ -2.085.113") in a smaller size, on one line: wrapped, the euro
        # sign stood alone above the number in a narrow card.
        value = blocks.value(state, headline)
        size = " im-kpi-value--long" if len(value.striptags()) > LONG_VALUE else ""
        rows.append(Markup('<p class="im-kpi-value{size}">{value}{scale} <span '
                           'class="im-kpi-scope">alle regio\'s samen, {period}</span></p>').format(
            size=size, value=value, period=format_period(headline.period),
            scale=Markup(" {}").format(scale) if scale else ""))
        interval = interval_line(headline, definition)
        if interval:
            rows.append(interval)
    else:
        rows.append(Markup('<p class="im-kpi-value">–</p>'))
    for standing in standings(data, definition):
        rows.append(target_block(state, standing))
    if not definition.targets:
        rows.append(expectation_block(definition))
    series = data.series(definition.id, TOTAL)
    state.record(series)
    more = (Markup('<a href="{href}#verloop">grafiek en tabel<span class="im-visually-hidden"> '
                   'van {title}</span></a>').format(
        href=page_url(indicator_source(definition.id)), title=definition.title)
        if titled else Markup(""))
    rows.append(Markup('<p class="im-spark">{} {}</p>').format(sparkline(series), more))
    css = "im-kpi" if titled else "im-kpi im-kpi-page"
    return Markup('<section class="{css}" data-indicator="{id}">\n{rows}\n</section>').format(
        css=css, id=definition.id, rows=Markup("\n").join(rows))


def interval_line(figure: Figure, definition: Definition) -> Markup | None:
    """A share's 95% interval under its value (`interval_laag`/`_hoog` of the figure, which
    the audit entry lists too), when the definition asks for one and the value is shown."""
    extra = dict(figure.extra)
    low, high = extra.get("interval_laag"), extra.get("interval_hoog")
    if figure.suppressed or low is None or high is None:
        return None
    return Markup('<p class="im-kpi-interval">95%-betrouwbaarheidsinterval: {low} tot {high}'
                  '</p>').format(low=number(figure, definition, low),
                                 high=number(figure, definition, high))


def target_block(state: PageState, standing: TargetStanding) -> Markup:
    target, definition = standing.target, standing.definition
    share = standing.attainment.value or 0.0
    status = standing.status or "nog geen waarde"
    css = (standing.status or "geen").replace(" ", "-")
    scope = scope_words(state.site, standing.measured)
    headline = state.site.figure(definition.id, TOTAL, standing.measured.period)
    # Measured on another scope than the card's value (one fase, one region): say on what.
    same = headline is not None and headline.value == standing.measured.value
    measured = (Markup("") if same and standing.measured.region == TOTAL
                else Markup(" Nu {}.").format(blocks.value(state, standing.measured)))
    if same:
        state.record([standing.measured])
    return Markup(
        '<p class="im-kpi-target">Doel {goal} voor {scope}, uiterlijk {due}.{measured} '
        'Bereikt: {pct}.</p>\n'
        '<div class="im-progress" role="img" aria-label="{label}">'
        '<div class="im-progress-bar im-status-{css}" style="width: {width}%"></div>'
        '<div class="im-progress-expected" style="left: {expected}%"></div></div>\n'
        '<p class="im-status im-status-{css}">{status}</p>').format(
        goal=declared(target.value, definition, "doel"), scope=text(scope),
        due=text(format_period(target.due)), measured=measured,
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
    return Markup('<p class="im-kpi-target">Geen doel; verwachting volgens het '
                  'evaluatiekader: {}.</p>').format(expected)


def sparkline(series: Sequence[Figure]) -> Markup:
    """The series as a small line (oldest left), its finding as text alternative."""
    visible = [f for f in sorted(series, key=lambda f: f.period)
               if not f.suppressed and f.value is not None]
    if not visible:
        return Markup("")
    values = [float(f.value) for f in visible]  # type: ignore[arg-type]
    low, high = min(0.0, *values), max(values)
    span = (high - low) or 1.0
    step = SPARK_WIDTH / max(1, len(values) - 1)
    points = " ".join(f"{i * step:.1f},{SPARK_HEIGHT - 2 - (v - low) / span * (SPARK_HEIGHT - 4):.1f}"
                      for i, v in enumerate(values))
    first, last = visible[0], visible[-1]
    words = (f"Verloop: {figure_text(first)} in {format_period(first.period)}, "
             f"{figure_text(last)} in {format_period(last.period)}")
    return Markup(
        '<svg class="im-sparkline" role="img" aria-label="{words}" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" preserveAspectRatio="none">'
        '<polyline points="{points}" fill="none" stroke="#0072B2" stroke-width="2" '
        'vector-effect="non-scaling-stroke"/></svg>').format(
        words=words, w=SPARK_WIDTH, h=SPARK_HEIGHT, points=points)
