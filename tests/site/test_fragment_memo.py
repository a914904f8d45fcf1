"""What a process keeps between renders (a serving process) is never older than its inputs:
line charts by what they show of their figures and the page they are on, chart tables by their
HTML (a part's PROV document by its content: tests/provenance/test_published_layout.py)."""

from __future__ import annotations

from dataclasses import replace

from generator.compute.lineage import Figure, SourceRows
from generator.publish import disclosure
from generator.site import charts
from generator.site.chart_downloads import chart_tables
from generator.site.charts import bar_chart, line_chart
from generator.site.urls import rendering


def series(value: float) -> list[Figure]:
    return [Figure("deelnemers_bereikt", "1", "regio-a", "2026-Q1", 10, "aantal"),
            Figure("deelnemers_bereikt", "1", "regio-a", "2026-Q2", value, "aantal")]


def chart(figures: list[Figure], page: str = "regios/regio-a.md") -> str:
    with rendering(page):
        return line_chart("Deelnemers", {"Regio A": figures}, unit="aantal", chart_id="im-a")


def test_the_same_figures_on_the_same_page_give_the_chart_made_before() -> None:
    figures = series(12)
    assert chart(figures) is chart(figures)


def test_a_figure_with_a_new_value_makes_the_chart_again_though_its_id_is_the_same() -> None:
    before = series(12)
    changed = [before[0], replace(before[1], value=13)]
    assert changed[1].figure_id == before[1].figure_id
    first, second = chart(before), chart(changed)
    assert ">12<" in first and ">13<" in second and ">12<" not in second


def test_the_same_chart_on_another_page_links_from_that_page() -> None:
    figures = series(12)
    on_region = chart(figures, "regios/regio-a.md")
    on_edition = chart(figures, "edities/tussenrapport/regios/regio-a.md")
    assert on_region != on_edition
    assert "../../audit/deelnemers_bereikt/regio-a/" in on_region
    assert "../../../../audit/deelnemers_bereikt/regio-a/" in on_edition


def test_what_a_chart_does_not_read_leaves_it_as_it_was() -> None:
    """The memo's key leaves out a figure's sources, version and commit: the chart made
    afresh (`_line_chart`) is the same without them, and the memo gives the chart it kept
    (the first save after a commit names no commit any more)."""
    figures = series(12)
    other = [replace(f, version="9", commit="c" * 40,
                     sources=(SourceRows("data/regio-a/instroom.csv", "b" * 40, (2, 3)),))
             for f in figures]
    with rendering("regios/regio-a.md"):
        assert charts._line_chart("Deelnemers", {"Regio A": figures}, unit="aantal",
                                  chart_id="im-a") == \
            charts._line_chart("Deelnemers", {"Regio A": other}, unit="aantal", chart_id="im-a")
    assert chart(other) is chart(figures)


def test_a_hidden_figure_is_another_chart() -> None:
    figures = series(3)
    hidden = [figures[0], replace(figures[1], suppressed=True,
                                  extra=((disclosure.REASON_KEY, disclosure.PRIMARY), (disclosure.K_KEY, 5)))]
    assert chart(hidden) != chart(figures)
    assert ">&lt;5<" in chart(hidden)


def test_chart_tables_read_each_chart_and_a_changed_one_again() -> None:
    a = series(12)
    bars = [Figure("deelnemers_bereikt", "1", region, "2026-Q2", value, "aantal")
            for region, value in (("regio-a", 7), ("regio-b", 8))]
    with rendering("indicatoren/x.md"):
        page = "\n".join([line_chart("A", {"Regio A": a}, unit="aantal", chart_id="im-a"),
                          "<p>tekst tussen de grafieken</p>",
                          bar_chart("B", bars, category_key="regio", unit="aantal",
                                    chart_id="im-b")])
        changed = page.replace(">12<", ">99<")
    tables = chart_tables(page)
    assert [t.chart_id for t in tables] == ["im-a", "im-b"]
    again = chart_tables(changed)
    assert again[1] is tables[1]  # the bar chart's piece did not change: not parsed again
    assert [c.text for row in again[0].rows for c in row] != \
        [c.text for row in tables[0].rows for c in row]
    assert any(c.text == "99" for row in again[0].rows for c in row)
