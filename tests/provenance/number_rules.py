"""The rules of the scan for numbers without a figure id (tests/provenance/test_site_figures.py).

A digit in the visible text of a built page must be inside an element that carries a figure
id (or a declared value: a target, marked with its definition). What else may hold digits
is listed here, each with the reason: pages that are not about the monitor's figures, page
furniture (quarters, years, dates, commit ids), what people wrote in the definitions, the
model's declared settings, and, in a chart's text alternative, the values of that chart's
own data table. Everything else counts.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from functools import cache
from typing import Any

import yaml

from generator.site.pages.regions import CONTEXT_WORDS, TOP_FACTORS
from generator.site.words import MONTHS
from tests.provenance.conftest import REPO_ROOT
from tests.provenance.html_scan import (
    Element, article, digits, enclosing, figure_elements, inside_figure, normalised,
)

EXCLUDED_PAGES = {
    "audit/": "the audit entries are the lineage itself: row numbers, blob ids, the machine "
              "value beside the shown one, definition versions",
    "bouwinformatie/": "the build's own facts: commit ids, dates, tool versions, the number "
                       "of files validated, the k of disclosure control",
    "gegevenslevering/": "the data stewards' guide, copied as written: example values of the "
                         "contract, error codes, rows of example spreadsheets",
    "economisch-effect/methode/": "the method: formulas and a worked example with chosen "
                                  "round numbers (tests/economics/test_docs.py recomputes it)",
    "404.html": "the theme's page for an unknown address",
}
"""Pages whose numbers are not figures of the monitor (prefixes of the page's path; an
edition's audit tree, `edities/<slug>/audit/`, counts as `audit/`)."""

FURNITURE = [
    (r"\b\d{4}-[KQ][1-4]\b", "a quarter: the period axis and labels"),
    (rf"\b\d{{1,2}} (?:{'|'.join(MONTHS)}) \d{{4}}\b", "a date (publication, commit)"),
    (r"\b(?:19|20)\d\d\b", "a year; a figure that large is written with a thousands dot"),
    (r"\b(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b", "a commit id"),
    (r"\bOnderzoeksvraag [1-9]\b", "a research question's number"),
    (r"\b[01]-meting\b", "the names of the two measurements, before and after"),
    (rf"\(de {TOP_FACTORS} vaakst genoemde\)", "how many factors a region page lists"),
    (r"\b95%-betrouwbaarheidsinterval\b", "the level of a share's confidence interval, "
                                          "fixed by its definition (`wilson`)"),
    (r"^\d+e van \d+$", "a region's place among the regions, counted from the figures of "
                        "the indicator page's comparison, to which it links"),
]
"""Patterns removed from visible text before its digits are counted."""


@cache
def written_phrases() -> tuple[set[str], list[str]]:
    """What the indicator definitions say in words (titles, descriptions, caveats, the
    sources and notes of targets): written by people, the same in every build, so their
    numbers are part of a definition, like the targets. Returns every text, and those with
    digits longest first, to be cut out of the generated text they appear in (a title in a
    caption, a target's note after the target)."""
    texts: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            texts.add(normalised(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted((REPO_ROOT / "indicators").glob("*.yml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    with_digits = sorted((t for t in texts if len(t) >= 8 and re.search(r"\d", t)),
                         key=len, reverse=True)
    return texts, with_digits


@cache
def declared_settings() -> list[str]:
    """Numbers the economy page takes from the model's parameter file (not from data): the
    Monte Carlo's draws and seed, and its 90% interval (P5 to P95); the levels of the
    borging scale as its definition names them; the names of the contract's context
    measures (`vacatures_per_100_werklozen`) as the region pages label them."""
    parameters = yaml.safe_load((REPO_ROOT / "indicators/economie/parameters.yml")
                                .read_text(encoding="utf-8"))
    monte_carlo = next(v for v in parameters.values() if isinstance(v, dict) and "seed" in v)
    draws = f"{monte_carlo['trekkingen']:,}".replace(",", ".")
    phrases = [f"in 90% van de {draws} trekkingen", f"vaste seed {monte_carlo['seed']}",
               # the interval's labels: table headers and caption of the economy page
               "5e–95e percentiel", "P95", "P5"]
    borging = yaml.safe_load((REPO_ROOT / "indicators/borging_score.yml").read_text("utf-8"))
    for level, label in re.findall(r"(\d) ([a-z][a-z ]*?)(?=[,.])",
                                   normalised(borging["beschrijving"])):
        phrases += [f"{level} {label}", f"{level} ({label})"]
    return phrases + sorted(CONTEXT_WORDS.values(), key=len, reverse=True)


def allowed_text(text: str, node: Element, page: str, figure_texts: set[str],
                 declared: set[str]) -> str:
    """`text` without what may hold digits there; what is left must have none.

    - a sentence (three words or more) from an indicator definition: declared, like a target;
    - inside a chart's text alternative (`figcaption`), the values of the figures of that
      chart's data table (each carries its id there), and a target after `doel`;
    - a research question's number in a link to that question;
    - the titles, labels and notes of the definitions, the declared settings, the furniture.
    """
    text = normalised(text)
    long, with_digits = written_phrases()
    if len(re.findall(r"[a-zA-Z]{2,}", text)) >= 3 and any(text in t for t in long):
        return ""
    link = enclosing(node, "a")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link.attrs.get("href", "")
                                               )) if link else ""
    question = re.fullmatch(r"onderzoeksvragen/(\d)", target)
    if question:
        text = re.sub(rf"^{question.group(1)}\b\.?", " ", text)
    if enclosing(node, "figcaption"):
        for shown in sorted(figure_texts, key=len, reverse=True):
            text = re.sub(rf"(?<![\d.,]){re.escape(shown)}(?![\d.,]*\d)", " ", text)
        text = re.sub(r"\bdoel (\S+)", lambda m: "" if m.group(1).rstrip(".;,") in declared
                      else m.group(0), text)
    for phrase in (*with_digits, *declared_settings()):
        text = text.replace(phrase, " ")
    for pattern, _why in FURNITURE:
        text = re.sub(pattern, " ", text)
    return text


def page_tree(relative: str) -> str:
    """The data state a page shows: an edition's pages are under `edities/<slug>/`."""
    parts = relative.split("/")
    return f"edities/{parts[1]}/" if parts[0] == "edities" and len(parts) > 2 else ""


def excluded(relative: str) -> bool:
    bare = re.sub(r"^edities/[^/]+/(?=audit/)", "", relative)
    return any(bare.startswith(prefix) for prefix in EXCLUDED_PAGES)


def count_loose_digits(pages: dict[str, Element], skip_tornado: bool = True
                       ) -> Counter[tuple[str, str]]:
    """(page, text) of every visible text with digits left after `allowed_text`.

    Only the page's own content (`article`) is read: the theme's header (with the synthetic
    data banner), navigation, table of contents and footer repeat page titles (question
    numbers, edition years) and never hold a figure; `script` and `style` are not visible
    (a chart's JSON is checked point by point in test_site_figures). `skip_tornado` leaves
    out the sensitivity chart (its own test counts it).
    """
    declared = {e.text() for root in pages.values() for e in root.iter()
                if "data-definition-id" in e.attrs}
    left: Counter[tuple[str, str]] = Counter()
    for relative, root in pages.items():
        content = article(root)
        assert content is not None, relative
        shown_in: dict[int, set[str]] = defaultdict(set)
        for holder in (e for e in content.iter() if e.tag == "figure"):
            shown_in[id(holder)] = {e.text() for e in figure_elements(holder)}
        for text, node in content.texts():
            if not digits(text) or inside_figure(node):
                continue
            if any(e.tag in ("script", "style") for e in node.ancestors()):
                continue  # not visible; the chart JSON is checked by chart_points
            holder = enclosing(node, "figure")
            if skip_tornado and holder is not None and is_tornado(holder):
                continue
            figure_texts = shown_in[id(holder)] if holder is not None else set()
            rest = allowed_text(text, node, relative, figure_texts, declared)
            if digits(rest):
                left[(relative, normalised(text))] += 1
    return left


def is_tornado(holder: Element) -> bool:
    return any(e.attrs.get("id", "").startswith("im-tornado") for e in holder.iter())


