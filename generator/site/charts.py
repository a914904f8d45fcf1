"""Charts as HTML fragments: a Plotly figure, a Dutch text alternative and a data table.

The figure JSON is built from plain dicts, not plotly.py: no template, no random uids, keys
sorted, so two builds of one commit give the same bytes. `assets/charts.js` draws every
`.im-chart` from the JSON beside it, with the shared plotly.js basic bundle.

Plotly renders its strings as a small HTML dialect, so every text from the data goes in
entity-escaped (`_plot_text`), and the JSON escapes `<`, `>` and `&` so that nothing in it
can close the `<script>` it sits in. Hidden (suppressed) figures are never plotted: a gap
in a line, a labelled empty slot for a bar.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from html import escape
from typing import Any

from markupsafe import Markup

from generator.cache import Kept
from generator.compute.formatting import format_number, format_period, format_value
from generator.compute.lineage import Figure
from generator.publish import disclosure
from generator.site.data_tables import figure_table, figure_text
from generator.site.urls import audit_url, links_from

# Okabe-Ito hues darkened to a contrast of at least 4.4:1 on white (WCAG 1.4.11 asks 3:1).
PALETTE = ("#0072B2", "#B8460B", "#00775A", "#A63D84", "#6B4E9B", "#8A6D00", "#5A5A5A", "#1F4E79")
# Dash and marker shape vary with the colour, so series differ without colour (WCAG 1.4.1).
DASHES = ("solid", "dash", "dot", "dashdot")
SYMBOLS = ("circle", "square", "diamond", "triangle-up")
FONT = "Roboto, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"
TEXT_COLOUR, GRID_COLOUR, REFERENCE_COLOUR = "#1a1a1a", "#d9d9d9", "#5a5a5a"
CONTEXT_COLOUR = "#8c8c8c"
"""The thin lines behind a highlighted series (3,4:1 on white); the table names each one."""
CONTEXT_NAME = "Andere regio's"
UNIT_TITLE = {"aantal": "Aantal", "procent": "Percentage", "euro": "Bedrag (€)", "score": "Score"}
_CHART_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_HOVER = ("%{meta[0]}<br>%{x}: <b>%{customdata[0]}</b><br>Figuur-id: %{customdata[1]}"
          "<extra></extra>")


_LINES = Kept(2048)
"""The last line charts a process made (a rebuild at 20 regions makes ~600), by what they
read of their figures (`_shown`). After one region's CSV changes, the other regions'
charts (most of the region pages) are not made again, also on the first save after a
commit, which names no commit any more."""


def line_chart(title: str, series: Mapping[str, Sequence[Figure]], *, unit: str,
               target: float | None = None, chart_id: str,
               highlight: Sequence[str] | None = None) -> str:
    """`_line_chart`, once per process for the same arguments, the same `_shown` of each
    figure and the same page: a chart reads nothing else (its links depend on the page,
    `urls.links_from`)."""
    key = (title, tuple((name, tuple(map(_shown, figures))) for name, figures in series.items()),
           unit, target, chart_id, None if highlight is None else tuple(highlight),
           links_from())
    found = _LINES.get(key)
    if found is None:
        found = _LINES[key] = _line_chart(title, series, unit=unit, target=target,
                                          chart_id=chart_id, highlight=highlight)
    return found  # type: ignore[no-any-return]


def _shown(figure: Figure) -> tuple[Any, ...]:
    """What a chart reads of a figure: its id (indicator, region, quarter, cell), value (and
    its type: `1` and `1.0` are written apart), unit, whether it is hidden and its details
    (a hidden figure's label and note). Not its sources, version or commit:
    `tests/site/test_fragment_memo.py` changes those and finds the same chart."""
    return (figure.figure_id, figure.period, figure.value, type(figure.value), figure.unit,
            figure.suppressed, repr(figure.extra))


def _line_chart(title: str, series: Mapping[str, Sequence[Figure]], *, unit: str,
                target: float | None = None, chart_id: str,
                highlight: Sequence[str] | None = None) -> str:
    """One line per series over the periods; a dashed line at the target.

    With `highlight` (for more series than colours, 20 regions, which colour, dash and
    marker cannot tell apart) only the named series get colours, drawn on top; every other
    is a thin grey line behind them, one legend entry for them all. Hovering a grey line
    still names its series, and the table under the chart lists every one."""
    _check_id(chart_id)
    periods = sorted({f.period for figures in series.values() for f in figures})
    by_series = {name: _by_period(name, figures) for name, figures in series.items()}
    coloured = list(by_series) if highlight is None else [n for n in highlight if n in by_series]
    in_legend = next((name for name in by_series if name not in coloured), None)
    traces = []
    for name, cells in by_series.items():
        ordered = [cells[p] for p in periods if p in cells]
        trace: dict[str, Any] = {
            "type": "scatter", "mode": "lines+markers", "name": _plot_text(name),
            "x": [_plot_text(format_period(f.period)) for f in ordered],
            "y": [_plot_value(f) for f in ordered],
            **_points(ordered, name), "hovertemplate": _HOVER, "connectgaps": False,
        }
        if name in coloured:
            n = coloured.index(name)
            colour = PALETTE[n % len(PALETTE)]
            trace["line"] = {"color": colour, "dash": DASHES[n % len(DASHES)], "width": 3}
            trace["marker"] = {"color": colour, "symbol": SYMBOLS[n % len(SYMBOLS)], "size": 8}
        else:
            trace.update(_context(name == in_legend))
        traces.append(trace)
    # Grey first, then the coloured ones in their order: drawn on top, listed so in the legend.
    order = {_plot_text(name): n for n, name in enumerate(coloured)}
    traces.sort(key=lambda trace: order.get(trace["name"], -1))
    layout = _layout(unit, height=360, legend=len(series) > 1)
    layout["xaxis"] = _category_axis([_plot_text(format_period(p)) for p in periods])
    if target is not None:
        layout["shapes"] = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y",
                             "y0": _number(target), "y1": _number(target),
                             "line": {"color": REFERENCE_COLOUR, "dash": "dash", "width": 2}}]
        # Left: cumulative lines start low, so the label rarely sits on a line there.
        layout["annotations"] = [_note(f"doel {format_value(target, unit)}", xref="paper", x=0,
                                       y=_number(target), xanchor="left", yanchor="bottom")]
    header = ["Periode", *series]
    # Newest quarter first: the table is read for the current state, the chart for the trend.
    rows = [[format_period(p), *(cells.get(p, "–") for cells in by_series.values())]
            for p in reversed(periods)]
    summary = _line_summary(title, by_series, unit, target,
                            None if highlight is None else coloured)
    return _fragment("Lijngrafiek", title, chart_id, {"data": traces, "layout": layout}, summary,
                     figure_table(rows, header, caption=f"Gegevens bij de grafiek: {title}"))


def _context(in_legend: bool) -> dict[str, Any]:
    """A thin grey line; one of them stands in the legend for all (its hover still names
    its own region: `meta[0]`)."""
    return {"mode": "lines", "line": {"color": CONTEXT_COLOUR, "dash": "solid", "width": 1.5},
            "legendgroup": "context", "showlegend": in_legend,
            **({"name": CONTEXT_NAME} if in_legend else {})}


def bar_chart(title: str, figures: Sequence[Figure], *, category_key: str, unit: str,
              chart_id: str, horizontal: bool = False,
              labels: Mapping[str, str] | None = None,
              reference: tuple[str, Figure] | None = None) -> str:
    """One bar per figure, labelled by its `category_key` cell (or its region for `regio`).

    `labels` maps raw category values (region ids, contract categories) to display names.
    `reference` (name, figure), e.g. all regions together: the last row of the table, and
    a dashed line across the bars where its value falls within them (a sum of the bars
    would only stretch the axis, so it stays in the table and the summary).
    """
    _check_id(chart_id)
    names = _bar_names(figures, category_key, labels or {})
    if len(set(names)) != len(names):
        raise ValueError(f"two bars would share a label in {chart_id}: {names}")
    shown = [_plot_text(n) for n in names]
    values = [_plot_value(f) for f in figures]
    trace: dict[str, Any] = {
        "type": "bar", "orientation": "h" if horizontal else "v",
        "x": values if horizontal else shown, "y": shown if horizontal else values,
        **_points(figures, ""),
        "hovertemplate": _HOVER.replace("%{meta[0]}<br>%{x}", "%{y}" if horizontal else "%{x}"),
        "text": ["" if f.suppressed else _plot_text(figure_text(f)) for f in figures],
        "textposition": "outside", "cliponaxis": False, "marker": {"color": PALETTE[0]},
    }
    height = max(200, 64 + 36 * len(figures)) if horizontal else 360
    layout = _layout(unit, height=height, legend=False)
    if horizontal:
        layout["margin"]["r"] = 88  # room for the value written after the longest bar
    category_axis = _category_axis(shown, reversed_=horizontal)  # first bar on top
    layout["xaxis"], layout["yaxis"] = ((layout["yaxis"], category_axis) if horizontal
                                        else (category_axis, layout["yaxis"]))
    # A hidden cell gets its label where the bar would start, never a bar of any length.
    layout["annotations"] = [
        _note(disclosure.label(f), x=0, y=n, xanchor="left") if horizontal
        else _note(disclosure.label(f), x=n, y=0, yanchor="bottom")
        for f, n in zip(figures, shown) if f.suppressed]
    header = [category_key.capitalize(), UNIT_TITLE.get(unit, "Waarde")]
    rows: list[list[Figure | str]] = [[name, figure] for name, figure in zip(names, figures)]
    summary = _bar_summary(title, names, figures)
    if reference is not None:
        name, figure = reference
        rows.append([name, figure])
        summary += f" {name}: {figure_text(figure)}."
        if _within_bars(figure, values):
            _reference_line(layout, figure, name, horizontal,
                            towards_start=_plot_value(figure) > max(
                                v for v in values if v is not None) / 2)
    return _fragment("Staafdiagram", title, chart_id, {"data": [trace], "layout": layout},
                     summary,
                     figure_table(rows, header, caption=f"Gegevens bij de grafiek: {title}"))


def _within_bars(figure: Figure, values: Sequence[float | int | None]) -> bool:
    shown = [v for v in values if v is not None]
    value = _plot_value(figure)
    return value is not None and bool(shown) and min(0, *shown) <= value <= max(shown)


def _reference_line(layout: dict[str, Any], figure: Figure, name: str, horizontal: bool,
                    towards_start: bool = False) -> None:
    """A dashed line across the bars at `figure`, named above (or beside) the plot; its
    name runs back towards the axis when the line is in the far half, so it stays on the
    chart on a narrow screen."""
    value = _plot_value(figure)
    line = {"color": REFERENCE_COLOUR, "dash": "dash", "width": 2}
    label = _plot_text(f"{name.lower()} {figure_text(figure)}")
    if horizontal:
        layout["shapes"] = [{"type": "line", "xref": "x", "x0": value, "x1": value,
                             "yref": "paper", "y0": 0, "y1": 1, "line": line}]
        layout["annotations"].append({"showarrow": False, "text": label, "x": value,
                                      "xref": "x", "xanchor": "right" if towards_start
                                      else "left", "y": 1, "yref": "paper",
                                      "yanchor": "bottom"})
        layout["margin"]["t"] = 32
    else:
        layout["shapes"] = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y",
                             "y0": value, "y1": value, "line": line}]
        layout["annotations"].append(_note(f"{name.lower()} {figure_text(figure)}", xref="paper",
                                           x=0, y=value, xanchor="left", yanchor="bottom"))


def tornado_chart(title: str, bars: Sequence[Any], *, unit: str, chart_id: str,
                  central: Figure | float | None = None,
                  labels: Mapping[str, str] | None = None,
                  outcomes: Mapping[tuple[str, str], Figure] | None = None,
                  parameters: str | None = None,
                  parameter_text: Callable[[str, float], str] | None = None) -> str:
    """Each parameter at its low and high value, as bars from the central outcome.

    `bars` is a `Tornado` (its `centraal` is the centre) or its `bars` with `central` given.
    `outcomes` ((parameter, laag|hoog) -> Figure, `derived.sensitivity_figures`) gives the
    outcomes their figure ids, in the hover and the table; `parameters` (`id@versie` of the
    parameter file) marks the parameter values as declared values from that file;
    `parameter_text(name, value)` writes a value with its unit (default: the bare number).
    """
    as_text = parameter_text or (lambda _name, value: format_number(value))
    _check_id(chart_id)
    centre = central if central is not None else getattr(bars, "centraal", None)
    centre_value = centre.value if isinstance(centre, Figure) else centre
    if centre_value is None:
        raise ValueError(f"tornado {chart_id} needs the central outcome")
    items = list(getattr(bars, "bars", bars))
    names = [(labels or {}).get(b.parameter, b.parameter.replace("_", " ")) for b in items]
    found = outcomes or {}
    traces = []
    for n, (side, word) in enumerate((("laag", "lage"), ("hoog", "hoge"))):
        outcomes_ = [getattr(b, f"uitkomst_{side}") for b in items]
        figures = [found.get((b.parameter, side)) for b in items]
        traces.append({
            "type": "bar", "orientation": "h", "name": f"Parameter op {word} waarde",
            "y": [_plot_text(n) for n in names], "base": [_number(centre_value)] * len(items),
            "x": [None if o is None else _number(o - centre_value) for o in outcomes_],
            "customdata": [[format_value(o, unit), as_text(b.parameter, getattr(b, side))]
                           if f is None else
                           [figure_text(f), f.figure_id, as_text(b.parameter, getattr(b, side))]
                           for o, b, f in zip(outcomes_, items, figures)],
            "hovertemplate": f"%{{y}} op {word} waarde (%{{customdata[{2 if found else 1}]}}): "
                             "<b>%{customdata[0]}</b>"
                             + (" (%{customdata[1]})" if found else "") + "<extra></extra>",
            "marker": {"color": PALETTE[n], "pattern": {"shape": "" if n == 0 else "/"}},
        })
    layout = _layout(unit, height=max(240, 96 + 44 * len(items)), legend=True)
    layout["xaxis"], layout["yaxis"] = layout["yaxis"], _category_axis(
        [_plot_text(n) for n in names], reversed_=True)  # widest bar on top
    layout["barmode"] = "group"
    centre_x = _number(centre_value)
    centre_text = format_value(centre_value, unit)
    layout["shapes"] = [{"type": "line", "xref": "x", "x0": centre_x, "x1": centre_x,
                         "yref": "paper", "y0": 0, "y1": 1,
                         "line": {"color": REFERENCE_COLOUR, "dash": "dash", "width": 2}}]
    # Outcomes around the centre, not from zero: the spread is what a tornado shows.
    layout["xaxis"]["rangemode"] = "normal"
    # Named in the axis title rather than on the chart, where it would cross the bars.
    layout["xaxis"]["title"] = {"text": f"{UNIT_TITLE.get(unit, 'Uitkomst')}; stippellijn: "
                                        f"centrale uitkomst {centre_text}"}

    def parameter(name: str, value: float) -> Markup | str:
        if parameters is None:
            return as_text(name, value)
        return Markup('<span class="im-declared" data-definition-id="{ref}" title="Parameter'
                      'waarde volgens {ref}">{shown}</span>').format(
            ref=parameters, shown=as_text(name, value))

    def outcome(bar: Any, side: str) -> Figure | str:
        figure = found.get((bar.parameter, side))
        return figure if figure is not None else format_value(
            getattr(bar, f"uitkomst_{side}"), unit)

    header = ["Parameter", "Laag", "Hoog", "Uitkomst bij laag", "Uitkomst bij hoog"]
    rows: list[list[Figure | Markup | str]] = [
        [name, parameter(b.parameter, b.laag), parameter(b.parameter, b.hoog),
         outcome(b, "laag"), outcome(b, "hoog")]
        for name, b in zip(names, items)]
    shown_centre: Figure | str = centre if isinstance(centre, Figure) else centre_text
    rows.append(["Alle parameters centraal", "–", "–", shown_centre, shown_centre])
    return _fragment("Tornadodiagram", title, chart_id, {"data": traces, "layout": layout},
                     _tornado_summary(title, names, items, centre_text, unit),
                     figure_table(rows, header, caption=f"Gegevens bij de grafiek: {title}"))


def _line_summary(title: str, by_series: Mapping[str, Mapping[str, Figure]], unit: str,
                  target: float | None, coloured: Sequence[str] | None = None) -> str:
    """The chart in words: each series' trend; with grey context lines only the coloured
    ones are told, and how many others there are (the table lists them all)."""
    parts = []
    others = 0 if coloured is None else len(by_series) - len(coloured)
    for name in by_series if coloured is None else coloured:
        cells = by_series[name]
        visible = [f for _, f in sorted(cells.items()) if not f.suppressed and f.value is not None]
        subject = name if len(by_series) > 1 else title
        parts.append(_trend(subject, visible) if visible else f"{subject}: nog geen getal")
    text = "; ".join(parts)
    if others:
        text += f"; de {others} andere in grijs"
    if len(by_series) > 1:
        text = f"{title}: {text}"
    if target is not None:
        text += f"; doel {format_value(target, unit)}"
    hidden = sum(f.suppressed for cells in by_series.values() for f in cells.values())
    return text + "." + (" Kleine aantallen zijn afgeschermd." if hidden else "")


def _trend(subject: str, visible: list[Figure]) -> str:
    first, last = visible[0], visible[-1]
    a, b = figure_text(first), figure_text(last)
    p, q = format_period(first.period), format_period(last.period)
    if first is last:
        return f"{subject}: {a} in {p}"
    if a == b:
        return f"{subject} bleef {a} van {p} tot {q}"
    verb = "steeg" if last.value > first.value else "daalde"  # type: ignore[operator]
    return f"{subject} {verb} van {a} in {p} naar {b} in {q}"


def _bar_summary(title: str, names: list[str], figures: Sequence[Figure]) -> str:
    visible = [(f.value, n, f) for n, f in zip(names, figures)
               if not f.suppressed and f.value is not None]
    if not visible:
        text = f"{title}: geen getallen om te tonen."
    elif len(visible) == 1:
        text = f"{title}: {visible[0][1]} {figure_text(visible[0][2])}."
    else:
        high = max(visible, key=lambda v: v[0])  # first of equals: the order the reader sees
        low = min(visible, key=lambda v: v[0])
        text = (f"{title}: het hoogst is {high[1]} ({figure_text(high[2])}), "
                f"het laagst {low[1]} ({figure_text(low[2])}).")
    hidden = [n for n, f in zip(names, figures) if f.suppressed]
    if hidden:
        text += f" Afgeschermd om herleidbaarheid te voorkomen: {', '.join(hidden)}."
    return text


def _tornado_summary(title: str, names: list[str], items: list[Any], centre: str,
                     unit: str) -> str:
    text = f"{title}: {centre} met alle parameters op hun centrale waarde."
    ranked = [(n, b) for n, b in zip(names, items)
              if None not in (b.uitkomst_laag, b.uitkomst_hoog)]
    for position, (name, bar) in enumerate(ranked[:2]):
        low, high = sorted((bar.uitkomst_laag, bar.uitkomst_hoog))
        lead = " De uitkomst hangt het meest af van" if position == 0 else " Daarna van"
        text += f"{lead} {name} ({format_value(low, unit)} tot {format_value(high, unit)})."
    return text


def _fragment(kind: str, title: str, chart_id: str, figure: dict[str, Any], summary: str,
              table: str) -> str:
    """The `<figure>`: caption first (title and finding), the chart, its JSON, then the table
    folded away: the caption says what the chart shows, the table is one click from it (a
    region page has a chart per indicator). Print unfolds every one (charts.css)."""
    caption_id = f"{chart_id}-beschrijving"
    return "\n".join([
        f'<figure class="im-chart-figure" id="{anchor(chart_id)}">',
        f'<figcaption id="{caption_id}">'
        f'<span class="im-chart-title">{escape(title, quote=False)}</span> '
        f'<span class="im-chart-summary">{escape(summary, quote=False)}</span></figcaption>',
        f'<div class="im-chart" id="{chart_id}" role="img" '
        f'aria-label="{escape(f"{kind}: {title}")}" aria-describedby="{caption_id}"></div>',
        f'<script type="application/json" class="im-chart-data" data-for="{chart_id}">'
        f"{figure_json(figure)}</script>",
        _tools(title, chart_id),
        '<details class="im-chart-table">',
        f'<summary>Cijfers als tabel<span class="im-visually-hidden">: '
        f'{escape(title, quote=False)}</span></summary>',
        table,
        "</details>",
        "</figure>",
    ])


def anchor(chart_id: str) -> str:
    """The id of a chart's `<figure>`: `#grafiek-<chart id>` opens the chart on its own."""
    return f"grafiek-{chart_id}"


def _tools(title: str, chart_id: str) -> str:
    """Downloads of the chart's data (CSV files beside the page, written by
    `chart_downloads`), of its image (PNG, SVG: drawn by `assets/charts.js` with Plotly, so
    the buttons stay hidden until the chart is drawn), and a link to the chart alone.

    Plain links without a `download` attribute: in the encrypted site the service worker
    answers them (generator/encrypt/FORMAT.md)."""
    about = f'<span class="im-visually-hidden"> van {escape(title, quote=False)}</span>'
    # Not searched: the same words under every chart would only crowd the index.
    return (f'<p class="im-chart-tools" data-search-exclude>'
            f'<a href="{chart_id}-excel.csv">CSV voor Excel{about}</a> · '
            f'<a href="{chart_id}.csv">CSV{about}</a>'
            f'<span class="im-chart-images" hidden> · '
            f'<button type="button" class="im-chart-image" data-for="{chart_id}" '
            f'data-format="png">PNG{about}</button> · '
            f'<button type="button" class="im-chart-image" data-for="{chart_id}" '
            f'data-format="svg">SVG{about}</button></span> · '
            f'<a href="#{anchor(chart_id)}" class="im-chart-link">Alleen deze grafiek{about}</a>'
            "</p>")


_CHART_DATA = re.compile(r'<script type="application/json" class="im-chart-data" '
                         r'data-for="[^"]+">(.*?)</script>', re.S)


def audit_addresses(html: str) -> Iterator[tuple[str, str]]:
    """The audit entries the charts in `html` point at, as (audit page relative to the page,
    figure id): `_points` read back, for `shown_on`."""
    for text in _CHART_DATA.findall(html):
        for trace in json.loads(text)["data"]:
            meta = trace.get("meta")
            if not (isinstance(meta, list) and len(meta) == 2):
                continue  # a chart without audit entries (the sensitivity chart)
            for point in trace["customdata"]:
                yield (point[2] if len(point) > 2 else meta[1]), point[1]


def figure_json(figure: Mapping[str, Any]) -> str:
    """Deterministic JSON that is safe inside `<script>`: `<`, `>`, `&` as \\u escapes."""
    text = json.dumps(figure, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _layout(unit: str, *, height: int, legend: bool) -> dict[str, Any]:
    value_axis: dict[str, Any] = {
        "automargin": True, "fixedrange": True, "gridcolor": GRID_COLOUR, "rangemode": "tozero",
        "tickformat": ",~f", "title": {"text": UNIT_TITLE.get(unit, "")},
        "zeroline": True, "zerolinecolor": REFERENCE_COLOUR,
    }
    if unit == "procent":
        value_axis["ticksuffix"] = "%"
    elif unit == "euro":
        value_axis["tickprefix"] = "€ "
    return {
        "separators": ",.",  # decimal comma, thousands dot: 1.234,5
        "font": {"color": TEXT_COLOUR, "family": FONT, "size": 14},
        "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
        "height": height, "margin": {"b": 48, "l": 16, "pad": 4, "r": 24, "t": 48 if legend else 24},
        "showlegend": legend,
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"},
        "hovermode": "closest", "dragmode": False,
        "yaxis": value_axis,
    }


def _category_axis(categories: list[str], *, reversed_: bool = False) -> dict[str, Any]:
    axis: dict[str, Any] = {"automargin": True, "categoryarray": categories,
                            "categoryorder": "array", "fixedrange": True, "type": "category"}
    if reversed_:
        axis["autorange"] = "reversed"
    return axis


def _note(text: str, *, x: Any, y: Any, xref: str = "x", xanchor: str = "center",
          yanchor: str = "middle") -> dict[str, Any]:
    return {"showarrow": False, "text": _plot_text(text), "x": x, "xanchor": xanchor,
            "xref": xref, "y": y, "yanchor": yanchor, "yref": "y"}


def _by_period(name: str, figures: Sequence[Figure]) -> dict[str, Figure]:
    cells: dict[str, Figure] = {}
    for figure in figures:
        if figure.period in cells:
            raise ValueError(f"series {name!r} has two figures for {figure.period}")
        cells[figure.period] = figure
    return cells


def _bar_names(figures: Sequence[Figure], key: str, labels: Mapping[str, str]) -> list[str]:
    """Each bar's label; in a cross-table a repeated label gets the cell's other columns."""
    names = [_category(f, key, labels) for f in figures]
    repeated = {n for n in names if names.count(n) > 1}
    def others(figure: Figure) -> str:
        return ", ".join(_category(figure, column, labels) for column, _ in figure.breakdown
                         if column != key)

    return [f"{name} ({others(f)})" if name in repeated and len(f.breakdown) > 1 else name
            for name, f in zip(names, figures)]


def _category(figure: Figure, key: str, labels: Mapping[str, str]) -> str:
    cells = dict(figure.breakdown)
    raw = cells.get(key, figure.region if key == "regio" else None)
    if raw is None:
        raise ValueError(f"{figure.figure_id} has no breakdown {key!r}")
    text_labels = dict(dict(figure.extra).get("labels", ()))  # free text keyed by slug
    return labels.get(raw, text_labels.get(key, raw))


def _points(figures: Sequence[Figure], series: str) -> dict[str, Any]:
    """A trace's hover and click data. Each point: its value as text and its figure id; once
    per trace (`meta`): the series' name and the address of the first point's audit page,
    relative to the page. A point whose entry is on another audit page (a bar per region)
    carries that page as a third item. A click opens the page at the id (charts.js)."""
    pages = [audit_url(figure).partition("#")[0] for figure in figures]
    common = pages[0] if pages else ""
    return {
        "customdata": [[_plot_text(figure_text(figure)), _plot_text(figure.figure_id),
                        *([page] if page != common else [])]
                       for figure, page in zip(figures, pages)],
        "meta": [_plot_text(series), common],
    }


def _plot_value(figure: Figure) -> int | float | None:
    return None if figure.suppressed or figure.value is None else _number(figure.value)


def _number(value: float) -> int | float | None:
    """A plain JSON number (numpy scalars and NaN come out of pandas)."""
    number = float(value)
    if number != number:
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _plot_text(text: str) -> str:
    # Plotly reads <br>, <b>, <a href> in labels; entities show as plain characters.
    return escape(str(text), quote=False)


def _check_id(chart_id: str) -> None:
    if not _CHART_ID.match(chart_id):
        raise ValueError(f"chart id must be a letter followed by letters, digits, - or _: {chart_id!r}")
