"""Each chart's data as two CSV files beside its page: for Dutch Excel and plain.

A chart's data table (`charts._fragment`) is the chart's data: the same rows and columns,
every number with its figure id. So the downloads are read from the pages' tables after
rendering, and every number is written from its figure (the page's `shown`), never from
the rounded text a reader sees:

- `<chart-id>-excel.csv`: UTF-8 with BOM, `;` between fields and a decimal comma, so that
  Dutch Excel opens it into columns of numbers with a double click;
- `<chart-id>.csv`: UTF-8, `,` and a decimal point, for software.

Numbers are plain (never e-notation) and without thousands separators or units (the
column header names the unit: `Totaal (%)`); a hidden (suppressed) figure is its label (`<5`), a cell
without a value is empty. Both files sit in the page's own folder (the page
`indicatoren/x/` links `im-…-excel.csv` relatively), so the encrypted site serves them
through its service worker like any other file.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from generator.compute.lineage import Figure
from generator.publish import disclosure
from generator.site.data_tables import machine_number
from generator.site.outputs import Download, Page
from generator.site.urls import source_to_url

EXCEL_SUFFIX, PLAIN_SUFFIX = "-excel.csv", ".csv"
_DUTCH_NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$")


def excel_name(chart_id: str) -> str:
    return chart_id + EXCEL_SUFFIX


def plain_name(chart_id: str) -> str:
    return chart_id + PLAIN_SUFFIX


@dataclass
class Cell:
    text: str
    figure_id: str | None = None


@dataclass
class ChartTable:
    chart_id: str
    header: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)


def chart_downloads(pages: list[Page]) -> list[Download]:
    """Both CSV files of every chart on every page."""
    return [download for page in pages for download in page_downloads(page)]


def page_downloads(page: Page) -> list[Download]:
    """Both CSV files of every chart on one page."""
    folder = source_to_url(page.source)
    found: list[Download] = []
    for table in chart_tables(page.markdown):
        found.append(Download(folder + excel_name(table.chart_id), excel_csv(table, page.shown)))
        found.append(Download(folder + plain_name(table.chart_id), plain_csv(table, page.shown)))
    return found


def excel_csv(table: ChartTable, shown: dict[str, Figure]) -> bytes:
    rows = [[_excel(cell, shown) for cell in row] for row in table.rows]
    return "\ufeff".encode() + _csv(header(table, shown), rows, ";").encode("utf-8")


def plain_csv(table: ChartTable, shown: dict[str, Figure]) -> bytes:
    rows = [[_plain(cell, shown) for cell in row] for row in table.rows]
    return _csv(header(table, shown), rows, ",").encode("utf-8")


UNIT_MARKS = {"procent": ("%", "Percentage"), "euro": ("€", "Bedrag")}


def header(table: ChartTable, shown: dict[str, Figure]) -> list[str]:
    """The table's header, a column of percentages or amounts marked `(%)` or `(€)` where
    the header does not say it already: a file's numbers carry no unit of their own."""
    marked = []
    for position, name in enumerate(table.header):
        units = {shown[c.figure_id].unit for row in table.rows if position < len(row)
                 and (c := row[position]).figure_id in shown}
        mark = UNIT_MARKS.get(next(iter(units))) if len(units) == 1 else None
        if mark and not any(word in name for word in mark):
            name = f"{name} ({mark[0]})"
        marked.append(name)
    return marked


def _csv(header: list[str], rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _plain(cell: Cell, shown: dict[str, Figure]) -> str:
    figure = shown.get(cell.figure_id or "")
    if figure is not None:
        return disclosure.label(figure) if figure.suppressed else machine_number(figure.value)
    if _DUTCH_NUMBER.match(cell.text):  # a declared value written for readers (`0,25`)
        return cell.text.replace(".", "").replace(",", ".")
    return _no_value(cell.text)


def _excel(cell: Cell, shown: dict[str, Figure]) -> str:
    plain = _plain(cell, shown)
    figure = shown.get(cell.figure_id or "")
    is_number = (figure is not None and not figure.suppressed) or _DUTCH_NUMBER.match(cell.text)
    return plain.replace(".", ",") if is_number else plain


def _no_value(text: str) -> str:
    return "" if text in ("–", "-") else text


_FIRST_CHART = '<figure class="im-chart-figure"'
"""How `charts._fragment` opens a chart: the parser starts there, and a page without it
(an audit page, most of a site's HTML) is not parsed at all."""


def chart_tables(html: str) -> list[ChartTable]:
    """The data table of every chart in a page's HTML, in page order.

    Each chart is read on its own, from its opening to the next chart's: a chart's figure
    never holds another one, so the parser is in the same state at every opening. A piece
    read before (the same chart on the page's next render, or in another audience's variant
    of the site) is not parsed again; the tables are shared, so nobody changes them."""
    starts = _openings(html)
    return [table for begin, end in zip(starts, [*starts[1:], len(html)])
            for table in _piece_tables(html[begin:end])]


def _openings(html: str) -> list[int]:
    found, start = [], html.find(_FIRST_CHART)
    while start >= 0:
        found.append(start)
        start = html.find(_FIRST_CHART, start + len(_FIRST_CHART))
    return found


@functools.lru_cache(maxsize=2048)  # a serving process: ~600 charts at 20 regions
def _piece_tables(piece: str) -> tuple[ChartTable, ...]:
    parser = _ChartParser()
    parser.feed(piece)
    parser.close()
    return tuple(parser.tables)


class _ChartParser(HTMLParser):
    """Reads `<figure class="im-chart-figure">`: the chart's id and its table's cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[ChartTable] = []
        self._depth = 0  # <figure> nesting while inside a chart figure
        self._table: ChartTable | None = None
        self._cell: Cell | None = None
        self._row: list[Cell] | None = None
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "figure":
            if self._depth or "im-chart-figure" in classes:
                self._depth += 1
            return
        if not self._depth:
            return
        if tag == "div" and "im-chart" in classes and self._table is None:
            self._table = ChartTable(found.get("id") or "")
        elif self._table is None:
            return
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = Cell("", found.get("data-figure-id"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure" and self._depth:
            self._depth -= 1
            if not self._depth and self._table is not None:
                self.tables.append(self._table)
                self._table = None
            return
        if self._table is None:
            return
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._cell.text = " ".join(self._cell.text.split())
            self._row.append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._in_head:
                self._table.header = [c.text for c in self._row]
            else:
                self._table.rows.append(self._row)
            self._row = None
        elif tag == "thead":
            self._in_head = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.text += data
