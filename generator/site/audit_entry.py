"""One audit entry as a block of HTML: the figure's value, sources, details and command.

The audit pages list every figure of a build (thousands per page, 6 MB per data state),
and Python-Markdown spends most of a site build on their inline syntax. An entry is
therefore written as one raw HTML block, which Markdown passes through untouched: the
same elements the Markdown gave (`code`, `strong`, links), without the parsing, and
the entry one paragraph that is its own link target (`id`), each part on a line of its
own (`<br>`): an anchor, a box around it and a bulleted list cost ~42 bytes an entry,
2.4 MB over the 57,660 entries at 20 regions. Every piece of data is
escaped here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
import re
from decimal import Decimal
from html import escape
from urllib.parse import quote

from generator.compute.formatting import format_value
from generator.compute.lineage import Figure, SourceRows
from generator.indicators.definition import Definition
from generator.provenance.manifest import is_text_detail
from generator.provenance.ranges import format_range, format_ranges, row_ranges
from generator.publish import disclosure
from generator.site.words import reader_quarters

_FIGURE_ID = re.compile(r"^[a-z0-9_]+\.[a-z0-9_-]+\.\d{4}-Q[1-4](\.[^ ]+)?$")
MAX_LINKED_RANGES = 5
"""Runs of rows linked one by one; beyond, the rest is text and the file is linked once.
A `totaal` cell can list dozens of runs and every link repeats a long URL."""


def entry_html(figure: Figure, definition: Definition | None, repo_url: str | None,
               shown: Sequence[tuple[str, str]] = (),
               listed: Mapping[tuple[str, str], int] | None = None,
               command: bool = True) -> str:
    """One line of HTML (a blank line would end the raw block). Nothing is repeated that
    the page's header already says for every entry: the code commit, the tools, the
    definition's version (named here only when the figure's differs), the path and blob
    id of each file in `listed` ((path, blob) -> its number in the page's table of files:
    the entry says `bestand 3`, or nothing when the table lists one file) and, unless `command`,
    the command that recomputes it (the page gives it once, for its one data commit: it
    was a quarter of every entry's bytes).

    `shown`: (relative URL, title) of each page that shows the figure, linked back to.
    The id names the cell (`….richting=succes`); the entry does not say it again."""
    fid = figure.figure_id
    if figure.suppressed:  # the page explains each reason once (`pages/audit.py`)
        value = f"onderdrukt ({_text(suppression_reason(figure))})"
    elif figure.value is None:
        value = "<strong>geen waarde</strong>"
    else:
        decimals = definition.decimals if definition else None
        shown_value = format_value(figure.value, figure.unit, decimals)
        value = f"<strong>{_text(shown_value)}</strong>"
        exact = exact_words(figure.value)
        if _as_number(shown_value) != float(figure.value):  # rounded for the page
            value += f" (onafgerond {_text(exact)})"
    items = []
    if shown:
        items.append("Getoond op: " + ", ".join(
            f'<a href="{escape(url, quote=True)}">{_text(title)}</a>' for url, title in shown))
    listed = listed or {}
    items += [_source(source, figure, repo_url, listed.get((source.file, source.blob)),
                      len(listed) == 1)
              for source in figure.sources]
    items = items or ["Geen rijen telden mee."]
    details = _details(figure)
    if details:
        items.append(f"Details: {details}")
    if command:
        items.append(f"Opnieuw berekenen: {code(trace_command(fid, figure.commit))}")
    version = ("" if definition is not None and definition.version == figure.version
               else f" · indicator {code(figure.indicator)} versie {_text(figure.version)}")
    return (f'<p class="im-audit-entry" id="{escape(fid, quote=True)}">'
            f"{code(fid)} · {value}{version}" + "".join(f"<br>{item}" for item in items) + "</p>")


def suppression_reason(figure: Figure) -> str:
    """Why a suppressed cell is hidden, in two words: `klein aantal` or `afleidbaar`."""
    return str(dict(figure.extra).get(disclosure.REASON_KEY, disclosure.PRIMARY))


def trace_command(figure_id: str, commit: str | None) -> str:
    """The command that recomputes a figure at its data commit."""
    return f"impactmonitor trace {figure_id}" + (f" --ref {commit}" if commit else "")


def exact_words(value: float) -> str:
    """The stored value in Dutch notation, every digit, never an exponent: `0,000143`."""
    number = float(value)
    if number.is_integer() and abs(number) < 2**53:
        return str(int(number))
    return format(Decimal(repr(number)), "f").replace(".", ",")


def _as_number(shown: str) -> float | None:
    """`€ 1.234,5` / `12,5%` / `1.234` back to a number (None when it is not one)."""
    cleaned = shown.replace("€", "").replace("%", "").replace("\u00a0", "").replace(" ", "")
    try:
        return float(cleaned.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def code(value: str) -> str:
    return f"<code>{_text(value)}</code>"


def file_url(repo_url: str | None, commit: str | None, file: str) -> str | None:
    """The file as it was at the data commit, on the forge (none for uncommitted data)."""
    if repo_url and commit and not commit.endswith("-dirty"):
        return f"{repo_url}/blob/{commit}/{quote(file)}"
    return None


def _source(source: SourceRows, figure: Figure, repo_url: str | None, number: int | None,
            alone: bool) -> str:
    """`number`: the file's in the page's table of files (which links it and gives its
    path and blob id); `alone`: it is the table's one file."""
    base = file_url(repo_url, figure.commit, source.file)
    if number is not None:
        head = "" if alone else f"bestand {number}"
    elif base is None:
        head = f"{code(source.file)}, blob {code(source.blob)}"
    else:
        head = (f'<a href="{escape(base, quote=True)}">{code(source.file)}</a>, '
                f"blob {code(source.blob)}")
    lead = head + ": " if head else ""
    if figure.suppressed:
        return lead + "rijen niet getoond"
    if not source.rows:
        return lead + "het hele bestand"
    return lead + "rijen " + rows_html(source.rows, base)


def rows_html(rows: Sequence[int], file_url: str | None) -> str:
    """`2–14, 20`, each run linked to its lines at `file_url` (GitHub's `#L2-L14`).

    The contract's CSV has one record per line, so a spreadsheet row is a file line.
    """
    if file_url is None:
        return format_ranges(rows)
    url = escape(file_url, quote=True)
    runs = row_ranges(rows)
    linked = [f'<a href="{url}#L{a}' + (f'-L{b}' if b != a else "") + f'">{format_range(a, b)}</a>'
              for a, b in runs[:MAX_LINKED_RANGES]]
    rest = [format_range(a, b) for a, b in runs[MAX_LINKED_RANGES:]]
    suffix = f' (<a href="{url}">bestand</a>)' if rest else ""
    return ", ".join(linked + rest) + suffix


def _details(figure: Figure) -> str:
    """Named details (scenario values, the measured figure of an attainment, labels).

    A suppressed cell shows only its text details: a number could give the value away.
    """
    shown = []
    for key, value in figure.extra:
        if key in (disclosure.REASON_KEY, disclosure.K_KEY):
            continue  # said by the value line
        if figure.suppressed and not is_text_detail(value):
            continue
        if isinstance(value, tuple):
            value = ", ".join(f"{k}: {v}" for k, v in value)
        if isinstance(value, str) and _FIGURE_ID.match(value):  # an id stays an id: code
            shown.append(f"{_text(key)} {code(value)}")
            continue
        if isinstance(value, str):
            value = reader_quarters(value)
        shown.append(f"{_text(key)} {_text('–' if value is None else value)}")
    return "; ".join(shown)


def _text(value: object) -> str:
    """Data as HTML text on one line (a region's or a factor's name can hold anything)."""
    return escape(" ".join(str(value).split()), quote=False)
