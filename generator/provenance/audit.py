"""Audit pages: one Markdown page per indicator and scope, one anchored entry per figure.

Each entry says what PRODUCT.md asks of it: the value (or that it is suppressed, without
it), the indicator and its definition version, the data files with Git blob ids and the
rows that went in (linked to those lines on the forge when `repo_url` is set), the
commits of data and code, the tool versions, and the command that recomputes it. The page
paths are the site's (`generator.site.urls.audit_page`), so every number's link lands.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from html import escape
from urllib.parse import quote

from generator.compute.formatting import format_value
from generator.compute.lineage import TOTAL, Figure, SourceRows
from generator.compute.pipeline import Computation
from generator.indicators.model import Definition
from generator.provenance.facts import BuildFacts
from generator.provenance.manifest import is_text_detail
from generator.provenance.ranges import format_range, format_ranges, row_ranges
from generator.site import disclosure
from generator.site.markup import text
from generator.site.urls import audit_page
from generator.site.words import dutch_date

_PLAIN = re.compile(r"^[A-Za-z0-9_./=+ -]+$")
"""What a Markdown code span can hold as is (ids, paths, shas, commands)."""
MAX_LINKED_RANGES = 5
"""Runs of rows linked one by one; beyond, the rest is text and the file is linked once.
A `totaal` cell can list dozens of runs and every link repeats a long URL: at 5 the audit
pages of the example data are 6.8 MB of Markdown, at 10 7.8 MB, with none 5.0 MB."""
SHORT_SHA = 12


def audit_pages(computation: Computation, facts: BuildFacts | None = None, *,
                repo_url: str | None, figures: Sequence[Figure] | None = None,
                region_names: Mapping[str, str] | None = None,
                audit_root: str = "") -> dict[str, str]:
    """Relative Markdown path -> page, for `figures` (default: the computation's).

    Pass the figures the site shows (after disclosure control, with derived figures), so
    that a suppressed cell's entry hides its value; `audit_root` is `edities/<slug>/` for
    a report edition's own tree. `facts` give the code commit, build date and tool
    versions each page states (the same the manifest and the build information page
    state); without them the pages say these are unknown.
    """
    figures = computation.figures if figures is None else figures
    definitions = {d.id: d for d in computation.definitions}
    context = _Context(repo_url.rstrip("/") if repo_url else None, facts,
                       dict(region_names or {}))
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[(figure.indicator, figure.region)].append(figure)
    return {audit_page(indicator, region, audit_root):
            _page(definitions.get(indicator), indicator, region, members, context)
            for (indicator, region), members in sorted(groups.items())}


class _Context:
    def __init__(self, repo_url: str | None, facts: BuildFacts | None,
                 region_names: dict[str, str]) -> None:
        self.repo_url = repo_url
        self.code_commit = facts.code_commit if facts else None
        self.build_date = dutch_date(facts.built) if facts else None
        self.tool_versions = dict(facts.tool_versions) if facts else {}
        self.region_names = region_names

    def region(self, region: str) -> str:
        return "Totaal" if region == TOTAL else self.region_names.get(region, region)

    def commit_link(self, commit: str | None) -> str:
        if commit is None:
            return "werkmap met wijzigingen (niet vastgelegd)"
        shown = f"`{commit[:SHORT_SHA]}`"
        bare = commit.removesuffix("-dirty")
        if self.repo_url and bare == commit:
            return f"[{shown}]({self.repo_url}/commit/{commit})"
        return shown + (" (met niet vastgelegde wijzigingen)" if bare != commit else "")


def code(value: str) -> str:
    """`value` as code; text the span cannot hold safely stays escaped plain text."""
    return f"`{value}`" if _PLAIN.match(value) else str(text(value))


def _page(definition: Definition | None, indicator: str, region: str,
          figures: list[Figure], context: _Context) -> str:
    title = definition.title if definition else indicator
    commits = sorted({f.commit or "" for f in figures})
    lines = [f"# Herkomst: {text(title)} · {text(context.region(region))}", "",
             "Elk getal op de site linkt naar zijn eigen regel op deze pagina. Daar staat waar "
             "het vandaan komt: de gegevensbestanden met hun Git-blob-id en de rijen die "
             "meetelden (rij 1 is de kopregel, zoals een spreadsheet telt) en de opdracht die "
             "het getal opnieuw berekent. De commits en tools in deze tabel gelden voor elk "
             "getal op deze pagina.", "",
             "| | |", "|---|---|",
             f"| Indicator | {code(indicator)}"
             + (f", definitie versie {text(definition.version)} ({code(definition.file)}, "
                f"blob {code(definition.blob)})" if definition else "") + " |",
             "| Gegevens | " + ", ".join(context.commit_link(c or None) for c in commits) + " |",
             f"| Code | {context.commit_link(context.code_commit) if context.code_commit else 'onbekend'} |",
             f"| Bouwdatum | {context.build_date or 'onbekend'} |"]
    if context.tool_versions:
        lines.append("| Tools | " + ", ".join(f"{text(k)} {text(v)}"
                                               for k, v in context.tool_versions.items()) + " |")
    by_period: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_period[figure.period].append(figure)
    for period in sorted(by_period, reverse=True):  # the latest quarter is read most
        lines += ["", f"## Stand tot en met {period}"]
        for figure in by_period[period]:
            lines += ["", *_entry(figure, definition, context)]
    return "\n".join(lines) + "\n"


def _entry(figure: Figure, definition: Definition | None, context: _Context) -> list[str]:
    """Three to five lines: pages list thousands of entries, so nothing is repeated that
    the page's header already says for all of them (the code commit, the tools)."""
    fid = figure.figure_id
    cells = " · ".join(f"{k} {v}" for k, v in figure.breakdown) or "geen uitsplitsing"
    if figure.suppressed:
        value = f"onderdrukt: {text(disclosure.note(figure))}"
    else:
        decimals = definition.decimals if definition else None
        raw = "geen waarde" if figure.value is None else code(repr(figure.value))
        value = f"**{text(format_value(figure.value, figure.unit, decimals))}** ({raw})"
    lines = [f'<a id="{escape(fid, quote=True)}"></a>',
             f"{code(fid)} · {text(cells)} · {value} · indicator {code(figure.indicator)} "
             f"versie {text(figure.version)}", ""]
    if figure.sources:
        lines += [f"- {_source(source, figure, context)}" for source in figure.sources]
    else:
        lines.append("- Geen rijen telden mee.")
    details = _details(figure)
    if details:
        lines.append(f"- Details: {details}")
    ref = f" --ref {figure.commit}" if figure.commit else ""
    lines.append(f"- Opnieuw berekenen: {code(f'impactmonitor trace {fid}{ref}')}")
    return lines


def _source(source: SourceRows, figure: Figure, context: _Context) -> str:
    head = f"{code(source.file)}, blob {code(source.blob)}"
    if figure.suppressed:
        return head + ": rijen niet getoond (onderdrukte cel)"
    if not source.rows:
        return head + ": het hele bestand"
    base = None
    if context.repo_url and figure.commit:
        base = f"{context.repo_url}/blob/{figure.commit}/{quote(source.file)}"
    return head + ": rijen " + rows_markdown(source.rows, base)


def rows_markdown(rows: Sequence[int], file_url: str | None) -> str:
    """`2–14, 20`, each run linked to its lines at `file_url` (GitHub's `#L2-L14`).

    The contract's CSV has one record per line, so a spreadsheet row is a file line.
    """
    if file_url is None:
        return format_ranges(rows)
    runs = row_ranges(rows)
    linked = [f"[{format_range(a, b)}]({file_url}#L{a}" + (f"-L{b})" if b != a else ")")
              for a, b in runs[:MAX_LINKED_RANGES]]
    rest = [format_range(a, b) for a, b in runs[MAX_LINKED_RANGES:]]
    suffix = f" ([bestand]({file_url}))" if rest else ""
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
        shown.append(f"{text(key)} {text('–' if value is None else value)}")
    return "; ".join(shown)
