"""Charts: exact figure JSON, ids on every point, Dutch formats, escaping, text alternatives."""

from __future__ import annotations

import json
import re

import plotly.graph_objects as go
import pytest

from generator.compute.formatting import format_number, format_period
from generator.compute.lineage import Figure
from generator.economics.sensitivity import Tornado, TornadoBar
from generator.publish import disclosure
from generator.site.charts import (CONTEXT_COLOUR, CONTEXT_NAME, PALETTE, bar_chart, line_chart,
                                   tornado_chart)
from generator.publish.derived import sensitivity_figures
from generator.site.outputs import Page
from generator.site.shown_on import shown_on
from generator.site.urls import rendering

EVIL = "<script>alert(1)</script>"
HOVER = ("%{meta[0]}<br>%{x}: <b>%{customdata[0]}</b><br>Figuur-id: %{customdata[1]}"
         "<extra></extra>")


def fig(value: float | None, period: str = "2026-Q2", region: str = "totaal",
        breakdown: tuple[tuple[str, str], ...] = (), unit: str = "aantal",
        indicator: str = "deelnemers_bereikt", suppressed: bool = False) -> Figure:
    return Figure(indicator, "1", region, period, value, unit, breakdown, suppressed=suppressed)


def chart_json(html: str) -> dict:
    found = re.findall(r'<script type="application/json" class="im-chart-data" '
                       r'data-for="[^"]+">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def caption(html: str) -> str:
    return re.search(r'<span class="im-chart-summary">(.*?)</span>', html).group(1)


def test_line_chart_figure_exactly() -> None:
    html = line_chart("Deelnemers bereikt", {"Totaal": [fig(432), fig(12, "2023-Q1")]},
                      unit="aantal", target=400, chart_id="deelnemers")
    assert chart_json(html) == {
        "data": [{
            "type": "scatter", "mode": "lines+markers", "name": "Totaal",
            "x": ["2023-K1", "2026-K2"], "y": [12, 432],
            "customdata": [["12", "deelnemers_bereikt.totaal.2023-Q1"],
                           ["432", "deelnemers_bereikt.totaal.2026-Q2"]],
            "meta": ["Totaal", "audit/deelnemers_bereikt/totaal/"],
            "hovertemplate": HOVER, "connectgaps": False,
            "line": {"color": "#0072B2", "dash": "solid", "width": 3},
            "marker": {"color": "#0072B2", "size": 8, "symbol": "circle"},
        }],
        "layout": {
            "separators": ",.",
            "font": {"color": "#1a1a1a", "size": 14,
                     "family": "Roboto, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"},
            "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff", "height": 360,
            "margin": {"b": 48, "l": 16, "pad": 4, "r": 24, "t": 24},
            "showlegend": False,
            "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"},
            "hovermode": "closest", "dragmode": False,
            "xaxis": {"automargin": True, "categoryarray": ["2023-K1", "2026-K2"],
                      "categoryorder": "array", "fixedrange": True, "type": "category"},
            "yaxis": {"automargin": True, "fixedrange": True, "gridcolor": "#d9d9d9",
                      "rangemode": "tozero", "tickformat": ",~f", "title": {"text": "Aantal"},
                      "zeroline": True, "zerolinecolor": "#5a5a5a"},
            "shapes": [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y",
                        "y0": 400, "y1": 400,
                        "line": {"color": "#5a5a5a", "dash": "dash", "width": 2}}],
            "annotations": [{"showarrow": False, "text": "doel 400", "x": 0, "xanchor": "left",
                             "xref": "paper", "y": 400, "yanchor": "bottom", "yref": "y"}],
        },
    }
    assert caption(html) == "Deelnemers bereikt steeg van 12 in 2023-K1 naar 432 in 2026-K2; doel 400."


def test_the_fragment_around_the_chart() -> None:
    html = line_chart("Deelnemers", {"Totaal": [fig(5)]}, unit="aantal", chart_id="d1")
    lines = html.split("\n")
    assert lines[:3] == [
        '<figure class="im-chart-figure" id="grafiek-d1">',
        '<figcaption id="d1-beschrijving"><span class="im-chart-title">Deelnemers</span> '
        '<span class="im-chart-summary">Deelnemers: 5 in 2026-K2.</span></figcaption>',
        '<div class="im-chart" id="d1" role="img" aria-label="Lijngrafiek: Deelnemers" '
        'aria-describedby="d1-beschrijving"></div>',
    ]
    assert lines[3].startswith('<script type="application/json" class="im-chart-data" data-for="d1">')
    assert lines[4] == (
        '<p class="im-chart-tools" data-search-exclude><a href="d1-excel.csv">CSV voor Excel<span '
        'class="im-visually-hidden"> van Deelnemers</span></a> · <a href="d1.csv">CSV<span '
        'class="im-visually-hidden"> van Deelnemers</span></a><span class="im-chart-images" '
        'hidden> · <button type="button" class="im-chart-image" data-for="d1" data-format="png">'
        'PNG<span class="im-visually-hidden"> van Deelnemers</span></button> · <button '
        'type="button" class="im-chart-image" data-for="d1" data-format="svg">SVG<span '
        'class="im-visually-hidden"> van Deelnemers</span></button></span> · <a '
        'href="#grafiek-d1" class="im-chart-link">Alleen deze grafiek<span '
        'class="im-visually-hidden"> van Deelnemers</span></a></p>')
    # The table folded under the chart (closed: no `open`), named for screen readers.
    assert lines[5:7] == ['<details class="im-chart-table">',
                          '<summary>Cijfers als tabel<span class="im-visually-hidden">: '
                          'Deelnemers</span></summary>']
    assert lines[7].startswith('<div class="im-table-wrap"')
    assert lines[-2:] == ["</details>", "</figure>"]
    assert "\n\n" not in html  # a blank line would end a raw HTML block in Markdown


def test_json_is_byte_identical_across_calls_and_valid_plotly() -> None:
    series = {"Noord": [fig(3.5, region="noord", unit="procent")],
              "Zuid": [fig(12.25, region="zuid", unit="procent")]}
    first = line_chart("Actief", series, unit="procent", chart_id="a")
    assert first == line_chart("Actief", series, unit="procent", chart_id="a")
    go.Figure(chart_json(first))  # plotly.py's schema (plotly.js 3) knows every attribute


def test_several_series_differ_by_more_than_colour_and_keep_gaps() -> None:
    series = {"Noord": [fig(10, "2026-Q1", "noord"), fig(None, "2026-Q2", "noord", suppressed=True)],
              "Zuid": [fig(20, "2026-Q1", "zuid"), fig(16, "2026-Q2", "zuid")]}
    html = line_chart("Matches", series, unit="aantal", chart_id="m")
    data = chart_json(html)["data"]
    assert [(t["line"]["dash"], t["marker"]["symbol"]) for t in data] == [
        ("solid", "circle"), ("dash", "square")]
    assert data[0]["y"] == [10, None] and data[0]["customdata"][1][0] == "&lt;5"
    assert chart_json(html)["layout"]["showlegend"] is True
    assert caption(html) == ("Matches: Noord: 10 in 2026-K1; Zuid daalde van 20 in 2026-K1 naar 16 "
                             "in 2026-K2. Kleine aantallen zijn afgeschermd.")


def test_bar_chart_with_ids_dutch_formats_and_a_hidden_cell() -> None:
    cells = disclosure.apply([fig(1260, region="noord"),
                              fig(1234, region="noord", breakdown=(("kostensoort", "personeel"),)),
                              fig(3, region="noord", breakdown=(("kostensoort", "materiaal"),)),
                              fig(23, region="noord", breakdown=(("kostensoort", "overig"),))])
    euros = [fig(1234, breakdown=(("kostensoort", "personeel"),), unit="euro", indicator="kosten"),
             fig(12.5, breakdown=(("kostensoort", "materiaal"),), unit="euro", indicator="kosten")]
    html = bar_chart("Kosten", euros, category_key="kostensoort", unit="euro", chart_id="k")
    trace = chart_json(html)["data"][0]
    assert trace["customdata"] == [
        ["€ 1.234", "kosten.totaal.2026-Q2.kostensoort=personeel"],
        ["€ 13", "kosten.totaal.2026-Q2.kostensoort=materiaal"]]
    # The bars' audit page, once: a click opens it at the bar's figure id (charts.js).
    assert trace["meta"] == ["", "audit/kosten/totaal/"]
    assert trace["text"] == ["€ 1.234", "€ 13"]
    assert chart_json(html)["layout"]["yaxis"]["tickprefix"] == "€ "

    html = bar_chart("Uitstroom", cells[1:], category_key="kostensoort", unit="aantal",
                     chart_id="u", horizontal=True, labels={"overig": "Overige"})
    figure = chart_json(html)
    assert figure["data"][0]["x"] == [1234, None, None]
    assert figure["data"][0]["y"] == ["personeel", "materiaal", "Overige"]
    assert [a["text"] for a in figure["layout"]["annotations"]] == ["&lt;5", "x"]
    assert figure["layout"]["yaxis"]["autorange"] == "reversed"
    assert caption(html) == ("Uitstroom: personeel 1.234. Afgeschermd om herleidbaarheid te "
                             "voorkomen: materiaal, Overige.")
    assert 'data-figure-id="deelnemers_bereikt.noord.2026-Q2.kostensoort=materiaal"' in html
    go.Figure(figure)


def test_bar_chart_by_region_and_its_summary() -> None:
    figures = [fig(12.5, region="noord", unit="procent"), fig(40, region="zuid", unit="procent"),
               fig(7.25, region="west", unit="procent")]
    html = bar_chart("Actief", figures, category_key="regio", unit="procent", chart_id="r",
                     labels={"noord": "Noord", "zuid": "Zuid", "west": "West"})
    assert caption(html) == "Actief: het hoogst is Zuid (40,0%), het laagst West (7,3%)."
    trace = chart_json(html)["data"][0]
    assert trace["text"] == ["12,5%", "40,0%", "7,3%"]
    # Each region's entry is on its own audit page: the first in `meta`, the others per bar.
    assert trace["meta"] == ["", "audit/deelnemers_bereikt/noord/"]
    assert trace["customdata"] == [
        ["12,5%", "deelnemers_bereikt.noord.2026-Q2"],
        ["40,0%", "deelnemers_bereikt.zuid.2026-Q2", "audit/deelnemers_bereikt/zuid/"],
        ["7,3%", "deelnemers_bereikt.west.2026-Q2", "audit/deelnemers_bereikt/west/"]]


def test_bars_of_a_cross_table_are_told_apart_by_their_other_columns() -> None:
    cells = [fig(12, breakdown=(("richting", "bevorderend"), ("factor", "netwerk"))),
             fig(10, breakdown=(("richting", "belemmerend"), ("factor", "netwerk"))),
             fig(20, breakdown=(("richting", "belemmerend"), ("factor", "taal")))]
    html = bar_chart("Factoren", cells, category_key="factor", unit="aantal", chart_id="f",
                     labels={"belemmerend": "Belemmerend"})
    assert chart_json(html)["data"][0]["x"] == [
        "netwerk (bevorderend)", "netwerk (Belemmerend)", "taal"]


def test_bar_chart_refuses_a_missing_category_and_duplicate_labels() -> None:
    with pytest.raises(ValueError, match="no breakdown 'bestemming'"):
        bar_chart("x", [fig(1)], category_key="bestemming", unit="aantal", chart_id="x")
    with pytest.raises(ValueError, match="share a label"):
        bar_chart("x", [fig(1), fig(2)], category_key="regio", unit="aantal", chart_id="x")


def test_text_from_the_data_is_escaped_everywhere() -> None:
    line = line_chart(EVIL, {EVIL: [fig(1)], "b": [fig(2, region="b")]}, unit="aantal", chart_id="e1")
    bars = bar_chart(EVIL, [fig(5, breakdown=(("doelgroep", EVIL),))], category_key="doelgroep",
                     unit="aantal", chart_id="e2")
    for html in (line, bars):
        assert html.count("<script") == 1  # only the JSON holder
        assert "</script>" not in html.split("</script>", 1)[1]
        assert "alert(1)" in html  # shown as text, not dropped
    data = chart_json(line)["data"][0]
    assert data["name"] == "&lt;script&gt;alert(1)&lt;/script&gt;"  # Plotly shows entities as text
    assert chart_json(bars)["data"][0]["x"] == ["&lt;script&gt;alert(1)&lt;/script&gt;"]


def test_chart_ids_must_be_plain() -> None:
    with pytest.raises(ValueError, match="chart id"):
        line_chart("t", {}, unit="aantal", chart_id='x" onload="alert(1)')


def test_tornado_chart() -> None:
    tornado = Tornado("baten_per_gemeten_deelnemer", 1850.0, (
        TornadoBar("deadweight", 0.2, 0.5, 2600.0, 1200.0),
        TornadoBar("discontovoet", 0.02, 0.05, 2000.0, 1700.0),
        TornadoBar("effect_niet_gemeten", 0.0, 1.0, None, None)))
    html = tornado_chart("Baten per deelnemer", tornado, unit="euro", chart_id="tornado",
                         labels={"deadweight": "Deadweight"})
    low, high = chart_json(html)["data"]
    assert low["y"] == ["Deadweight", "discontovoet", "effect niet gemeten"]
    assert (low["base"], low["x"], high["x"]) == ([1850] * 3, [750, 150, None], [-650, -150, None])
    assert low["customdata"][0] == ["€ 2.600", "0,2"] and high["marker"]["pattern"]["shape"] == "/"
    assert chart_json(html)["layout"]["xaxis"]["title"] == {
        "text": "Bedrag (€); stippellijn: centrale uitkomst € 1.850"}
    assert caption(html) == (
        "Baten per deelnemer: € 1.850 met alle parameters op hun centrale waarde. De uitkomst "
        "hangt het meest af van Deadweight (€ 1.200 tot € 2.600). Daarna van discontovoet "
        "(€ 1.700 tot € 2.000).")
    assert ('<tr><th scope="row">effect niet gemeten</th> <td>0</td> <td>1</td> <td>–</td> <td>–</td></tr>'
            in html)
    central = fig(1850.0, unit="euro", indicator="maatschappelijke_baten_per_deelnemer")
    with_figure = tornado_chart("B", tornado.bars, unit="euro", chart_id="t2", central=central)
    assert with_figure.count('data-figure-id="maatschappelijke_baten_per_deelnemer.totaal.2026-Q2"') == 2
    go.Figure(chart_json(with_figure))
    with pytest.raises(ValueError, match="central outcome"):
        tornado_chart("B", tornado.bars, unit="euro", chart_id="t3")
    outcomes = sensitivity_figures(central, "baten_per_gemeten_deelnemer", tornado.bars)
    assert len(outcomes) == 4  # no figure for a side without an outcome
    traced = tornado_chart("B", tornado.bars, unit="euro", chart_id="t4", central=central,
                           outcomes=outcomes, parameters="economie/parameters@1.0")
    low_id = "maatschappelijke_baten_per_deelnemer.totaal.2026-Q2.gevoeligheid=deadweight-laag"
    assert chart_json(traced)["data"][0]["customdata"][0] == ["€ 2.600", low_id, "0,2"]
    assert f'data-figure-id="{low_id}"' in traced
    assert traced.count('data-definition-id="economie/parameters@1.0"') == 6
    go.Figure(chart_json(traced))


@pytest.mark.parametrize(("number", "text"), [
    (0.25, "0,25"), (45.0, "45"), (1234.5, "1.234,5"), (0.1 + 0.2, "0,3"), (-0.00001, "0")])
def test_format_number(number: float, text: str) -> None:
    assert format_number(number) == text


def test_format_period() -> None:
    assert (format_period("2026-Q2"), format_period("totaal")) == ("2026-K2", "totaal")


def test_economy_parameters_read_with_their_unit() -> None:
    from generator.site.pages.economy import parameter_text

    assert parameter_text("discontovoet", 0.0125) == "1,25% per jaar"
    assert parameter_text("deadweight", 0.75) == "75%"
    assert parameter_text("arbeidsproductiviteit_per_uur", 30.0) == "€ 30 per uur"
    assert parameter_text("gewerkte_weken_per_jaar", 45.0) == "45 weken"
    assert parameter_text("mbo_studieduur_jaren", 1.5) == "1,5 jaar"


def test_highlighted_series_in_colour_over_grey_lines_and_a_short_summary() -> None:
    names = [f"Regio {n:02d}" for n in range(len(PALETTE) + 2)]
    series = {name: [fig(n + 1, region=f"r{n}")] for n, name in enumerate(names)}
    html = line_chart("Groot", series, unit="aantal", chart_id="c",
                      highlight=["Regio 09", "Regio 00"])
    traces = json.loads(re.search(r'data-for="c">(.*?)</script>', html).group(1))["data"]
    assert [t["name"] for t in traces[-2:]] == ["Regio 09", "Regio 00"]  # on top, in order
    assert [t["line"]["color"] for t in traces[-2:]] == [PALETTE[0], PALETTE[1]]
    grey = traces[:-2]
    assert {t["line"]["color"] for t in grey} == {CONTEXT_COLOUR} and len(grey) == len(names) - 2
    assert [t["name"] for t in grey if t["showlegend"]] == [CONTEXT_NAME]
    assert [t["meta"][0] for t in grey] == names[1:-1]  # the hover names each one
    summary = re.search(r'<span class="im-chart-summary">(.*?)</span>', html).group(1)
    assert summary == ("Groot: Regio 09: 10 in 2026-K2; Regio 00: 1 in 2026-K2; "
                       "de 8 andere in grijs.")
    assert all(f'<th scope="col">{name}</th>' in html for name in names)  # the table: all


def test_without_highlight_every_series_keeps_its_own_colour() -> None:
    series = {f"Regio {n}": [fig(n + 1, region=f"r{n}")] for n in range(len(PALETTE))}
    figure = json.loads(re.search(r'data-for="c">(.*?)</script>',
                                  line_chart("Klein", series, unit="aantal",
                                             chart_id="c")).group(1))
    assert [t["line"]["color"] for t in figure["data"]] == list(PALETTE)


def test_shown_on_finds_a_figure_that_only_a_chart_point_shows() -> None:
    """A chart point is a place a figure is shown: its audit entry must exist and name the
    page, even when no link on the page points there (`charts.audit_addresses`)."""
    figures = [fig(12.5, region="noord", unit="procent"), fig(40, region="zuid", unit="procent")]
    with rendering("indicatoren/actief.md"):
        html = bar_chart("Actief", figures, category_key="regio", unit="procent", chart_id="r")
    chart_only = re.sub(r'<table.*?</table>', "", html, flags=re.S)
    assert "audit/" not in re.sub(r"<script.*?</script>", "", chart_only, flags=re.S)
    found = shown_on([Page("indicatoren/actief.md", "Actief", chart_only)])
    assert found == {
        ("audit/deelnemers_bereikt/noord/", "deelnemers_bereikt.noord.2026-Q2"):
            [("indicatoren/actief/", "Actief")],
        ("audit/deelnemers_bereikt/zuid/", "deelnemers_bereikt.zuid.2026-Q2"):
            [("indicatoren/actief/", "Actief")]}
