"""Data tables and CSV downloads of figures.

Every number in a table links to its audit entry and carries its figure id; a hidden
(suppressed) figure shows only its label (`<5` or `x`), never a value. All text is escaped
here, so callers may pass names straight from the data.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from generator.compute.formatting import format_period, format_value
from generator.compute.lineage import TOTAL, Figure
from generator.publish import disclosure
from generator.site.urls import audit_url

CSV_HEADER = ("indicator", "regio", "periode", "uitsplitsing", "waarde", "eenheid",
              "figure_id", "onderdrukt")


def figure_table(rows: Sequence[Sequence[Figure | Markup | str]], header: Sequence[str], *,
                 caption: str, prose: Sequence[int] = ()) -> str:
    """An accessible HTML table; a text cell that starts a row is that row's header.

    The table sits in a focusable, labelled region so that a wide table can be scrolled
    sideways with the keyboard (WCAG 2.1.1; axe `scrollable-region-focusable`). Columns
    in `prose` (positions) hold a sentence: they keep a reading width (`im-prose`) instead
    of being squeezed to a word per line on a phone, which made their rows tall.
    """
    width = len(header)
    lines = [f'<div class="im-table-wrap" role="region" tabindex="0" aria-label="{_attr(caption)}">',
             '<table class="im-table">',
             f"<caption>{_text(caption)}</caption>",
             # A space between cells: the search index reads the text, and without it
             # "2026-K2" and "432" became "2026-K2432" in a result's snippet.
             "<thead><tr>" + " ".join(f'<th scope="col"{_prose(i, prose)}>{_text(h)}</th>'
                                      for i, h in enumerate(header)) + "</tr></thead>",
             "<tbody>"]
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            raise ValueError(f"row {number} has {len(row)} cells, the header {width}")
        cells = []
        for position, cell in enumerate(row):
            if isinstance(cell, Figure):
                # Relative to the page being rendered (urls.rendering), so the same figure
                # links to the live or the edition's audit tree as its page requires.
                cells.append(_figure_cell(cell, audit_url(cell)))
            elif isinstance(cell, Markup):  # already marked up, e.g. a declared value
                cells.append(f"<td{_prose(position, prose)}>{cell}</td>")
            elif position == 0:
                cells.append(f'<th scope="row">{_text(cell)}</th>')
            else:
                cells.append(f"<td{_prose(position, prose)}>{_text(cell)}</td>")
        lines.append("<tr>" + " ".join(cells) + "</tr>")
    lines += ["</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


def _prose(position: int, prose: Sequence[int]) -> str:
    return ' class="im-prose"' if position in prose else ""


def figure_text(figure: Figure) -> str:
    """The figure as people read it: Dutch formatted value, or the suppression label."""
    return disclosure.label(figure) if figure.suppressed else format_value(figure.value, figure.unit)


def _figure_cell(figure: Figure, href: str) -> str:
    fid = _attr(figure.figure_id)
    if figure.suppressed:
        return (f'<td class="im-figure im-suppressed" data-figure-id="{fid}">'
                f'<a href="{_attr(href)}" title="{_attr(disclosure.note(figure))}">'
                f"{_text(disclosure.label(figure))}</a></td>")
    return (f'<td class="im-figure" data-figure-id="{fid}">'
            f'<a href="{_attr(href)}">{_text(figure_text(figure))}</a></td>')


def figures_csv(figures: Sequence[Figure]) -> str:
    """A CSV download: UTF-8, comma-separated, machine values (`.` decimals, never an
    exponent), hidden ones empty; the quarter as the site writes it (`2026-K2`), the
    figure id as the machine id it is (`….2026-Q2`).

    Rows are sorted (indicator, `totaal` before the regions, region, period, breakdown), so
    the file is the same however the figures were gathered.
    """
    return csv_text(csv_rows(figures))


def csv_rows(figures: Sequence[Figure]) -> list[list[str]]:
    """The rows of `figures_csv` without its header, in its order: the rows of one scope
    are one run of them, so a file per scope is a slice (`csv_text`)."""
    return [[figure.indicator,
             figure.region,
             format_period(figure.period),
             ";".join(f"{key}={value}" for key, value in figure.breakdown),
             "" if figure.suppressed else machine_number(figure.value),
             figure.unit,
             figure.figure_id,
             "ja" if figure.suppressed else "nee"]
            for figure in sorted(figures, key=_csv_order)]


def csv_text(rows: Sequence[Sequence[str]]) -> str:
    """`CSV_HEADER` and `rows` as the downloads write them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(rows)
    return out.getvalue()


def _csv_order(figure: Figure) -> tuple[object, ...]:
    return (figure.indicator, figure.region != TOTAL, figure.region, figure.period,
            figure.breakdown)


def machine_number(value: float | int | None) -> str:
    """Raw value for software: `1234`, `12.5`, `0.00000497`; whole floats without `.0`, none
    as empty, and never e-notation (`4.97e-06`), which spreadsheets misread."""
    if value is None or value != value:  # NaN never reaches a download as "nan"
        return ""
    number = float(value)
    if number.is_integer() and abs(number) < 2**53:
        return str(int(number))
    return format(Decimal(repr(number)), "f")


def _text(value: object) -> str:
    return escape(str(value), quote=False)


def _attr(value: object) -> str:
    return escape(str(value), quote=True)
