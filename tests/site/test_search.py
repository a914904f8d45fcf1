"""Search: audit pages stay out of the index, and table cells do not run together in it."""

from __future__ import annotations

import json
import re
from pathlib import Path


def test_search_index_has_no_audit_pages_and_no_glued_cells(example_site: Path) -> None:
    docs = json.loads((example_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert docs and not [d["location"] for d in docs if "audit/" in d["location"]]
    glued = [(d["location"], m) for d in docs for m in re.findall(r"\d{4}-K\d\d", d["text"])]
    assert glued == []  # "2026-K2" and "432" once read "2026-K2432"


def test_indicator_pages_and_only_they_are_boosted(example_site: Path) -> None:
    docs = json.loads((example_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    boosted = {d["location"].split("#")[0] for d in docs if d.get("boost")}
    indicators = {d["location"] for d in docs
                  if re.fullmatch(r"indicatoren/[a-z_0-9]+/", d["location"])}
    assert indicators and boosted == indicators


def test_a_headline_kpi_weighs_more_than_the_other_indicators(example_site: Path) -> None:
    docs = json.loads((example_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    boost = {d["location"]: d["boost"] for d in docs if d.get("boost")}
    assert boost["indicatoren/deelnemers_bereikt/"] > boost[
        "indicatoren/verbetering_sociale_inclusie_aandeel/"] > 1


def test_the_chart_download_links_are_not_searched(example_site: Path) -> None:
    docs = json.loads((example_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert not [d["location"] for d in docs if "CSV voor Excel" in d["text"]]


def test_a_regions_charts_are_not_searched_but_its_page_is(example_site: Path) -> None:
    """Each region's chart per indicator (a table of numbers) was a third of the index at 20
    regions (issue 10); the region's page, its table of all indicators and its prose stay."""
    docs = json.loads((example_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    regions = [d for d in docs if d["location"].startswith("regios/voorbeeld-noord/")]
    found = {d["location"] for d in regions}
    assert {"regios/voorbeeld-noord/", "regios/voorbeeld-noord/#alle-indicatoren"} <= found
    assert not [d["location"] for d in regions if "Gegevens bij de grafiek" in d["text"]]
    assert "regios/voorbeeld-noord/#deelnemers-bereikt" not in found
    assert [d for d in docs if d["location"].startswith("indicatoren/deelnemers_bereikt/")
            and "Gegevens bij de grafiek" in d["text"]]  # the indicator's own charts are
    html = (example_site / "regios/voorbeeld-noord/index.html").read_text(encoding="utf-8")
    assert '<h3 data-search-exclude id="deelnemers-bereikt">' in html  # the heading stays
