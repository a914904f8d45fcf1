"""A chart's CSV files, read from its data table: numbers from the figures, not the text."""

from __future__ import annotations

from markupsafe import Markup

from generator.compute.lineage import Figure
from generator.site.chart_downloads import chart_downloads, chart_tables
from generator.site.charts import bar_chart, line_chart
from generator.site.outputs import Page


def fig(value: float | None, region: str, suppressed: bool = False) -> Figure:
    return Figure("kosten_per_deelnemer", "1", region, "2026-Q2", value, "euro", (),
                  suppressed=suppressed)


def test_both_files_carry_the_figures_exact_values_beside_the_page() -> None:
    figures = [fig(1234.5678, "noord"), fig(None, "zuid", suppressed=True), fig(0.0000049, "west")]
    html = bar_chart("Kosten", figures, category_key="regio", unit="euro", chart_id="im-kosten")
    page = Page("indicatoren/kosten.md", "Kosten", html,
                shown={f.figure_id: f for f in figures})
    files = {d.path: d.content for d in chart_downloads([page])}
    assert files["indicatoren/kosten/im-kosten-excel.csv"] == (
        "\ufeffRegio;Bedrag (€)\r\nnoord;1234,5678\r\nzuid;<5\r\nwest;0,0000049\r\n").encode()
    assert files["indicatoren/kosten/im-kosten.csv"] == (
        "Regio,Bedrag (€)\r\nnoord,1234.5678\r\nzuid,<5\r\nwest,0.0000049\r\n").encode()


def test_a_declared_number_becomes_a_number_and_a_dash_an_empty_cell() -> None:
    html = ('<figure class="im-chart-figure"><div class="im-chart" id="im-t"></div>'
            '<table><thead><tr><th scope="col">Parameter</th><th scope="col">Laag</th>'
            '<th scope="col">Hoog</th></tr></thead><tbody><tr><th scope="row">Deadweight</th>'
            f'<td>{Markup("<span data-definition-id=p@1>1.000,25</span>")}</td><td>–</td>'
            '</tr></tbody></table></figure>')
    [table] = chart_tables(html)
    page = Page("index.md", "x", html)
    files = {d.path: d.content for d in chart_downloads([page])}
    assert table.chart_id == "im-t"
    assert files["im-t-excel.csv"] == "\ufeffParameter;Laag;Hoog\r\nDeadweight;1000,25;\r\n".encode()
    assert files["im-t.csv"] == b"Parameter,Laag,Hoog\r\nDeadweight,1000.25,\r\n"


def test_a_column_of_percentages_says_so_in_its_header() -> None:
    figures = [Figure("opvolging_1meting", "1", "totaal", q, v, "procent", ())
               for q, v in (("2026-Q1", 70.5), ("2026-Q2", 71.25))]
    html = line_chart("Opvolging", {"Totaal": figures}, unit="procent", chart_id="im-o")
    page = Page("x.md", "x", html, shown={f.figure_id: f for f in figures})
    files = {d.path: d.content for d in chart_downloads([page])}
    assert files["x/im-o.csv"] == b"Periode,Totaal (%)\r\n2026-K2,71.25\r\n2026-K1,70.5\r\n"
