"""Every number the built example site shows carries a figure id that `trace` resolves.

Three scans of every built page of the example site (the repository's working tree,
built once per session):

1. every element marked as a figure (`a.im-figure`, `td.im-figure`) and every chart
   point (the `customdata` of the Plotly JSON) names a figure id of the manifest its page
   belongs to, and each element links to that figure's entry on an audit page;
2. `trace` resolves a sample of each kind of id (indicator and breakdown columns, per
   data state) to the manifest's value;
3. no digit of visible text is outside a figure element, apart from what
   `tests/provenance/number_rules.py` lists, each exclusion with its reason.

And, per indicator, `trace --expect` with the number as the indicator's page shows it.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.compute.lineage import TOTAL
from generator.provenance.published import manifest_path
from generator.provenance.trace import Trace, same_value, trace
from tests.provenance.conftest import REPO_ROOT, published_manifest
from tests.provenance.html_scan import Element, chart_data, figure_elements, parse
from tests.provenance.number_rules import count_loose_digits, excluded, page_tree


@pytest.fixture(scope="module")
def pages(example_site: Path) -> dict[str, Element]:
    return {p.relative_to(example_site).as_posix(): parse(p.read_text(encoding="utf-8"))
            for p in sorted(example_site.rglob("*.html"))
            if not excluded(p.relative_to(example_site).as_posix())}


@pytest.fixture(scope="module")
def manifests(example_site: Path) -> dict[str, dict[str, Any]]:
    live = published_manifest(example_site, manifest_path())
    found = {"": live}
    for slug, about in live["editions"].items():
        found[f"edities/{slug}/"] = published_manifest(example_site, about["manifest"])
    return found


def shown_ids(pages: dict[str, Element]) -> dict[tuple[str, str], str]:
    """(tree, figure id) -> the first page showing it, from elements and chart points."""
    found: dict[tuple[str, str], str] = {}
    for relative, root in pages.items():
        for element in figure_elements(root):
            tree = audit_tree_of(relative, element.attrs.get("href")
                                 or next(e.attrs["href"] for e in element.iter() if e.tag == "a"))
            found.setdefault((tree, element.attrs["data-figure-id"]), relative)
        for _figure, data in chart_data(root):
            for point in chart_points(data):
                found.setdefault((page_tree(relative), point), relative)
    return found


def chart_points(data: dict[str, Any]) -> list[str]:
    """The figure ids of a chart's points (`customdata` = [shown, figure id, series])."""
    return [custom[1] for trace_ in data["data"] for custom in trace_.get("customdata", [])
            if len(custom) == 3]


def audit_tree_of(relative: str, href: str) -> str:
    page = relative.removesuffix("index.html")
    target = posixpath.normpath(posixpath.join(page, href.partition("#")[0]))
    return target.split("audit/")[0] if "audit/" in target else "?"


def test_every_figure_is_published_and_links_to_its_audit_entry(
        example_site: Path, pages: dict[str, Element], manifests: dict[str, dict]) -> None:
    entries: dict[str, str] = {}
    unpublished, unlinked = [], []
    for relative, root in pages.items():
        for element in figure_elements(root):
            figure_id = element.attrs["data-figure-id"]
            link = element if element.tag == "a" else next(e for e in element.iter() if e.tag == "a")
            page, _, fragment = link.attrs["href"].partition("#")
            target = posixpath.normpath(posixpath.join(relative.removesuffix("index.html"), page))
            path = example_site / target / "index.html"
            if target not in entries:
                entries[target] = path.read_text(encoding="utf-8") if path.is_file() else ""
            if fragment.replace("%3D", "=") != figure_id or f'id="{figure_id}"' not in entries[target]:
                unlinked.append((relative, figure_id, link.attrs["href"]))
            tree = audit_tree_of(relative, link.attrs["href"])
            if figure_id not in manifests.get(tree, {}).get("figures", {}):
                unpublished.append((relative, figure_id))
        for _figure, data in chart_data(root):
            tree = page_tree(relative)
            unpublished += [(relative, p) for p in chart_points(data)
                            if p not in manifests[tree]["figures"]]
    assert (unpublished, unlinked) == ([], [])


@pytest.mark.slow
def test_a_sample_of_every_kind_of_figure_id_resolves_with_trace(
        pages: dict[str, Element], manifests: dict[str, dict]) -> None:
    """One id per data state, indicator and breakdown columns (49 kinds on the live site):
    ids in the manifest then count as resolvable, since the manifest and trace take them
    from the same engine."""
    kinds: dict[tuple[str, str, tuple[str, ...]], str] = {}
    for tree, figure_id in sorted(shown_ids(pages)):
        indicator, _region, _period, *cells = figure_id.split(".")
        kinds.setdefault((tree, indicator, tuple(c.split("=")[0] for c in cells)), figure_id)
    assert len({k[1:] for k in kinds}) >= 40
    wrong = []
    for (tree, _, _), figure_id in sorted(kinds.items()):
        manifest = manifests[tree]
        result = trace(REPO_ROOT, figure_id, manifest["data_commit"], validate=False)
        entry = manifest["figures"][figure_id]
        if not isinstance(result, Trace) or not result.rows_only_matches or not (
                entry["onderdrukt"] or same_value(result.figure.value, entry["value"])):
            wrong.append((tree, figure_id))
    assert wrong == []


def test_the_scan_counts_a_typed_number_and_an_unbacked_text_alternative() -> None:
    """The rules above on a hand-written page: a number typed into a sentence, and a chart's
    text alternative naming a value its table does not show (or a target nobody declared)."""
    html = ('<article class="md-content__inner"><h1>Onderzoeksvraag 5</h1>'
            '<p>Er waren 432 deelnemers in 2026.</p>'
            '<p>Nu <a class="im-figure" data-figure-id="a.totaal.2026-Q2" href="#">1.234</a>.</p>'
            '<figure><figcaption><span class="im-chart-summary">A steeg van 4 in 2023-K1 naar '
            '1.234 in 2026-K2; doel 999.</span></figcaption><table><tr><td class="im-figure" '
            'data-figure-id="a.totaal.2026-Q2"><a href="#">1.234</a></td></tr></table></figure>'
            '<figure><figcaption><span class="im-chart-summary">B bleef 7 van 2023-K1 tot '
            '2026-K2.</span></figcaption><table><tr><td class="im-figure" data-figure-id='
            '"b.totaal.2026-Q2"><a href="#">7</a></td></tr></table></figure></article>')
    left = count_loose_digits({"onderzoeksvragen/5/index.html": parse(html)})
    assert sorted(text for _, text in left) == [
        "A steeg van 4 in 2023-K1 naar 1.234 in 2026-K2; doel 999.",
        "Er waren 432 deelnemers in 2026."]


def test_no_number_is_shown_without_a_figure_id(pages: dict[str, Element]) -> None:
    left = count_loose_digits(pages)
    assert sum(left.values()) == 0, sorted(left)


def test_the_sensitivity_chart_shows_no_number_without_a_figure_id(
        pages: dict[str, Element]) -> None:
    tornado = count_loose_digits(pages, skip_tornado=False) - count_loose_digits(pages)
    assert sum(tornado.values()) == 0, sorted(tornado)


def test_trace_expect_gives_the_value_a_page_shows_for_every_indicator(
        pages: dict[str, Element], manifests: dict[str, dict],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Per indicator the first unsuppressed number of its own page, as the reader sees it."""
    live = manifests[""]
    indicators = sorted(live["definitions"])
    checked = []
    for indicator in indicators:
        root = pages[f"indicatoren/{indicator}/index.html"]
        element = next(e for e in figure_elements(root)
                       if e.attrs["data-figure-id"].startswith(f"{indicator}.")
                       and not live["figures"][e.attrs["data-figure-id"]]["onderdrukt"])
        figure_id, shown = element.attrs["data-figure-id"], element.text()
        result = trace(REPO_ROOT, figure_id, live["data_commit"], expect=shown, validate=False)
        assert isinstance(result, Trace) and result.expected_matches is True, (figure_id, shown)
        checked.append(figure_id)
    assert len(checked) == len(indicators) >= 8
    # Once through the command line, as an auditor types it.
    figure_id = f"deelnemers_bereikt.{TOTAL}.{live['periods'][-1]}"
    shown = next(e.text() for e in figure_elements(pages["index.html"])
                 if e.attrs["data-figure-id"] == figure_id)
    ref = ["--ref", live["data_commit"]] if live["data_commit"] else []
    monkeypatch.chdir(REPO_ROOT)
    assert main(["trace", figure_id, *ref, "--expect", shown, "--no-validate"]) == 0
    assert f"verwachte waarde {shown}: komt overeen" in capsys.readouterr().out
