"""The audit pages: one Markdown page per indicator and scope, one anchored entry per figure
the site shows.

Made for the live figures and, in their own tree, for each edition's, from the figures
the site shows (after disclosure control, with the derived ones), so a number's link
(`urls.audit_url`) lands on its entry. An entry is made for each figure some page links
to (a sentence, a table cell, a chart point, an edition: `shown_on`); the others (older
quarters' breakdowns and the like, most of the figures) are in the CSV downloads only,
and the page says how many and links their lineage in the tree's manifest part (JSON,
checked by `verify`) instead of repeating it: `impactmonitor trace <id>` recomputes each.
Not in the navigation: readers arrive from a number. The page (title, header table, a
heading per year) is Markdown; each entry is a block of HTML (`generator/site/audit_entry.py`).
What every audit page would say alike (how an entry reads, the two commits, editions,
suppression) is said once, on the build information page (`ABOUT`).

Each entry says what PRODUCT.md asks of it: the value (or that it is suppressed, without
it), the indicator and its definition version, the data files with Git blob ids and the
rows that went in (linked to those lines on the forge when `repo_url` is set), the
commits of data and code, the tool versions, and the command that recomputes it. The page
paths are the site's (`generator.site.urls.audit_page`), so every number's link lands.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from generator.compute.lineage import TOTAL, Figure
from generator.compute.pipeline import Computation
from generator.indicators.definition import Definition
from generator.provenance.facts import BuildFacts
from generator.provenance.published import split
from generator.publish.sitedata import SiteData
from generator.publish import disclosure
from generator.site.audit_entry import entry_html, file_url, suppression_reason, trace_command
from generator.site.editions import unchanged_in_live
from generator.site.markup import indicator_source, text
from generator.site.outputs import Output, Page, SiteInputs
from generator.site.rawhtml import raw_block
from generator.compute.formatting import dutch
from generator.site.shown_on import ShownOn
from generator.site.urls import audit_page, edition_root, relative, rendering, source_to_url
from generator.site.words import dutch_date

YEAR_HEADING = "Kwartalen van"
"""The entries of a page under a heading per year: `## Kwartalen van 2026`."""

ABOUT_SOURCE = "bouwinformatie.md"
ABOUT_ANCHOR = "over-de-herkomstpaginas"
"""Where the audit pages' common explanation is: a section of the build information page."""

ENTRIES_EXPLAINED = (
    "Elk getal op de site linkt naar zijn eigen regel op de herkomstpagina van zijn "
    "indicator en regio. Daar staat waar het vandaan komt: de gegevensbestanden met hun "
    "Git-blob-id en de rijen die meetelden (rij 1 is de kopregel, zoals een spreadsheet telt) "
    "en de opdracht die het getal opnieuw berekent. De commits en tools in de tabel bovenaan "
    "gelden voor elk getal op die pagina.")

NOT_SHOWN_EXPLAINED = (
    "*Alleen in de downloads.* Een herkomstpagina heeft een regel voor elk getal dat de site "
    "toont (op een pagina, in een tabel, in een grafiek of in een editie). De andere getallen, "
    "zoals de uitsplitsingen van eerdere kwartalen, staan alleen in de CSV-downloads, met hun "
    "figuur-id. Hun herkomst staat in het deelbestand van het manifest dat de pagina noemt "
    "(JSON, gecontroleerd door `impactmonitor verify`) en `impactmonitor trace <id>` rekent "
    "elk ervan na.")

SUPPRESSION_EXPLAINED = (
    "*Onderdrukt.* Van een onderdrukte cel tonen de site en de herkomstpagina de waarde "
    "niet en ook niet de rijen die meetelden. Een klein aantal: het getal is kleiner dan de "
    "drempel k en kan naar personen herleidbaar zijn. Afleidbaar: met dit getal en het totaal "
    "zou een klein aantal terug te rekenen zijn.")

COMMITS_EXPLAINED = (
    "*Gegevenscommit en bouwcommit.* De gegevenscommit is de commit waarop de gegevens voor "
    "deze bouw zijn gelezen; de startpagina noemt de laatste commit die `data/` of "
    "`indicators/` zelf veranderde, en die bevat dezelfde bestanden. De code-commit is de "
    "versie van de software die de site bouwde.")

EDITIONS_EXPLAINED = (
    "*Edities.* Een getal dat een editie toont en dat sindsdien niet veranderde, heeft zijn "
    "regel op de herkomstpagina van de monitor (zie 'Getoond op'): in de commit van die "
    "editie had het dezelfde waarde, uit dezelfde bestanden (dezelfde Git-blob-id's) en rijen. "
    "`impactmonitor trace <id> --ref <commit van de editie>` rekent het daar na. Een getal "
    "dat sindsdien wel veranderde, heeft zijn regel op de herkomstpagina's van de editie.")

ABOUT = [ENTRIES_EXPLAINED, COMMITS_EXPLAINED, EDITIONS_EXPLAINED, NOT_SHOWN_EXPLAINED,
         SUPPRESSION_EXPLAINED]
"""The paragraphs of the build information page's section on the audit pages."""


NOT_SEARCHED = "---\nsearch:\n  exclude: true\naudit: true\n---\n\n"
"""Front matter keeping audit pages out of the search index: thousands of entries of ids
and row numbers would drown the search results and double the index. `audit` tells the
theme override (`overrides/main.html`) to give the page a slim shell, without the site's
navigation, search form or footer: readers arrive from a number, and the navigation alone
was a fifth of every audit page's bytes."""


def build(site: SiteInputs, shown: ShownOn | None = None) -> list[Output]:
    """The audit trees; `shown` (from the other pages) gives each entry its links back.

    An edition's tree holds only the figures the live monitor does not have unchanged
    (`unchanged_in_live`): the others link to the live entry, which names the edition
    among the pages that show it."""
    trees: list[tuple[SiteData, str, list[Figure]]] = [(site.live, "", site.live.figures)]
    for edition in site.editions:
        same = unchanged_in_live(edition.data, site.live)
        trees.append((edition.data, edition_root(edition.meta.slug),
                      [f for f in edition.data.figures if f.figure_id not in same]))
    pages: list[Output] = []
    for data, root, figures in trees:
        found = audit_pages(data.computation, site.facts, repo_url=site.repo_url,
                            figures=figures, audit_root=root,
                            region_names={r.id: r.name for r in data.regions},
                            shown=shown,
                            parts={(part.indicator, part.scope): part.path
                                   for part, _ in split(data.figures)},
                            downloads=not root)
        pages += [Page(source, _title(markdown), NOT_SEARCHED + markdown, None)
                  for source, markdown in sorted(found.items())]
    return pages


def _title(markdown: str) -> str:
    first = markdown.split("\n", 1)[0]  # before the front matter is added
    return first[2:] if first.startswith("# ") else "Herkomst"


_PLAIN = re.compile(r"^[A-Za-z0-9_./=+ -]+$")
"""What a Markdown code span can hold as is (ids, paths, shas, commands)."""
SHORT_SHA = 12


def audit_pages(computation: Computation, facts: BuildFacts | None = None, *,
                repo_url: str | None, figures: Sequence[Figure] | None = None,
                region_names: Mapping[str, str] | None = None,
                audit_root: str = "", shown: ShownOn | None = None,
                parts: Mapping[tuple[str, str], str] | None = None,
                downloads: bool = False) -> dict[str, str]:
    """Relative Markdown path -> page, for `figures` (default: the computation's).

    Pass the figures the site shows (after disclosure control, with derived figures), so
    that a suppressed cell's entry hides its value; `audit_root` is `edities/<slug>/` for
    a report edition's own tree. `facts` give the code commit, build date and tool
    versions each page states (the same the manifest and the build information page
    state); without them the pages say these are unknown.

    With `shown` (from `shown_on`), an entry is made only for a figure some page links to;
    the page counts the others and links their manifest part (`parts`: (indicator, scope)
    -> site-relative path) and, with `downloads`, the indicator's CSV downloads (the live
    tree's). Without `shown`, every figure has its entry.
    """
    figures = computation.figures if figures is None else figures
    definitions = {d.id: d for d in computation.definitions}
    context = _Context(repo_url.rstrip("/") if repo_url else None, facts,
                       dict(region_names or {}), shown)
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[(figure.indicator, figure.region)].append(figure)
    pages = {}
    for (indicator, region), members in sorted(groups.items()):
        path = audit_page(indicator, region, audit_root)
        url = source_to_url(path)
        listed = (members if shown is None
                  else [f for f in members if (url, f.figure_id) in shown])
        with rendering(path):  # the links back are relative to this page
            pages[path] = _page(definitions.get(indicator), indicator, region, listed,
                                context, url, _elsewhere(
                                    path, indicator, len(members) - len(listed),
                                    (parts or {}).get((indicator, region)),
                                    downloads and indicator in definitions))
    return pages


def _elsewhere(path: str, indicator: str, count: int, part: str | None,
               downloads: bool) -> str | None:
    """The sentence on the page's figures that only the downloads show (None if none)."""
    if count == 0:
        return None
    here = posixpath.dirname(path)  # Markdown links are relative to the page's source
    one = count == 1
    where = (f"[het deelbestand van het manifest]({posixpath.relpath(part, here)})"
             if part else "het manifest")
    shown = ("alleen in de [CSV-downloads van de indicator]"
             f"({posixpath.relpath(indicator_source(indicator), here)}#downloaden)"
             if downloads else "niet op de site")
    return (f"{'Eén getal' if one else f'{dutch(count, 0)} getallen'} van deze indicator en "
            f"regio {'staat' if one else 'staan'} {shown}: {'zijn' if one else 'hun'} "
            f"herkomst staat in {where} (JSON, gecontroleerd door `impactmonitor verify`) en "
            f"`impactmonitor trace <id>` rekent {'het' if one else 'elk'} na.")


class _Context:
    def __init__(self, repo_url: str | None, facts: BuildFacts | None,
                 region_names: dict[str, str], shown: ShownOn | None) -> None:
        self.repo_url = repo_url
        self.shown = shown or {}
        self.code_commit = facts.code_commit if facts else None
        self.build_date = dutch_date(facts.built) if facts else None
        self.tool_versions = dict(facts.tool_versions) if facts else {}
        self.region_names = region_names

    def region(self, region: str) -> str:
        return "Totaal" if region == TOTAL else self.region_names.get(region, region)

    def file_link(self, path: str, blob: str, commits: list[str]) -> str:
        """The path as code, linked to the file at the page's one data commit on the forge."""
        url = file_url(self.repo_url, commits[0], path) if len(commits) == 1 else None
        return f"[{code(path)}]({url})" if url else code(path)

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
          figures: list[Figure], context: _Context, url: str, elsewhere: str | None) -> str:
    """`figures`: those with an entry here; `elsewhere`: the sentence on the others."""
    title = definition.title if definition else indicator
    commits = sorted({f.commit or "" for f in figures})
    about = posixpath.relpath(ABOUT_SOURCE, posixpath.dirname(_source(url)))
    lines = [f"# Herkomst: {text(title)} · {text(context.region(region))}", "",
             "Elk getal op de site linkt naar zijn regel hieronder; hoe een regel leest en "
             f"wat de commits zijn, staat in [Over de herkomstpagina's]({about}#{ABOUT_ANCHOR}).",
             "", "| Gegeven | Waarde |", "|---|---|",
             f"| Indicator | {code(indicator)}"
             + (f", definitie versie {text(definition.version)} ({code(definition.file)}, "
                f"blob {code(definition.blob)})" if definition else "") + " |",
             "| Gegevens | " + (", ".join(context.commit_link(c or None) for c in commits)
                                or "–") + " |",
             f"| Code | {context.commit_link(context.code_commit) if context.code_commit else 'onbekend'} |",
             f"| Bouwdatum | {context.build_date or 'onbekend'} |"]
    if context.tool_versions:
        lines.append("| Tools | " + ", ".join(f"{text(k)} {text(v)}"
                                               for k, v in context.tool_versions.items()) + " |")
    listed = {key: number for number, key in enumerate(sorted(_one_blob_per_file(figures)), 1)}
    if len(listed) == 1:
        lines += ["", "Gelezen bestand, met zijn Git-blob-id op de gegevenscommit; elke regel "
                  "hieronder noemt de rijen die meetelden.", "",
                  "| Bestand | Git-blob-id |", "|---|---|"]
    elif listed:
        lines += ["", "Gelezen bestanden, met hun Git-blob-id op de gegevenscommit; elke regel "
                  "hieronder noemt de rijen die meetelden, per bestand met zijn nummer hier.", "",
                  "| Nr. | Bestand | Git-blob-id |", "|--:|---|---|"]
    for (path, blob), number in listed.items():
        lines.append(("" if len(listed) == 1 else f"| {number} ")
                     + f"| {context.file_link(path, blob, commits)} | {code(blob)} |")
    one_commit = len(commits) == 1
    if one_commit:
        lines += ["", "Elk getal op deze pagina rekent opnieuw uit met "
                  + f"`{trace_command('<id>', commits[0] or None)}`"
                  + ", waarin `<id>` de figuur-id is die vooraan zijn regel staat."]
    if elsewhere:
        lines += ["", elsewhere]
    lines += _suppressed_words(figures)
    by_year: dict[str, list[Figure]] = defaultdict(list)
    for figure in sorted(figures, key=lambda f: f.period, reverse=True):  # stable: site order
        by_year[figure.period[:4]].append(figure)
    for year, members in by_year.items():  # the latest quarter is read most: first
        # A heading per year, not per quarter: the page lists the figures the site shows,
        # often one per quarter, and a quarter's heading and its line in the contents
        # were ~330 bytes, 3,2 MB over the 607 pages at 20 regions. The id names the quarter.
        lines += ["", f"## {YEAR_HEADING} {year}"]
        # The entries as one marked block of HTML (audit_entry.py, site/rawhtml.py): parsed
        # as Markdown, thousands of them were most of the time of a site build.
        lines.append(raw_block(
            entry_html(f, definition, context.repo_url,
                       [(relative(page), title)
                        for page, title in context.shown.get((url, f.figure_id), [])],
                       listed, command=not one_commit)
            for f in members))
    return "\n".join(lines) + "\n"


def _source(url: str) -> str:
    """The Markdown source of an audit page's URL (`audit/x/y/` -> `audit/x/y.md`)."""
    return url.rstrip("/") + ".md"


def _suppressed_words(figures: list[Figure]) -> list[str]:
    """Once per page, the long reason of each kind of suppression its entries name."""
    reasons = {suppression_reason(f): f for f in figures if f.suppressed}
    return ["", "Onderdrukt, zonder waarde en rijen: " + "; ".join(
        f"{text(reason)}: {text(disclosure.note(figure).removeprefix('Niet getoond: '))}"
        for reason, figure in sorted(reasons.items()))] if reasons else []


def _one_blob_per_file(figures: list[Figure]) -> set[tuple[str, str]]:
    """(path, blob) of every file the page's figures read, when each path has one blob
    there (one data commit): the entries then name the path and its rows only."""
    found = {(s.file, s.blob) for f in figures for s in f.sources}
    blobs = Counter(path for path, _ in found)
    return {(path, blob) for path, blob in found if blobs[path] == 1}
