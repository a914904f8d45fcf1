"""One page of every kind the site has, as URL paths of a built site.

The phone, weight and accessibility tests run on all of them: a kind of page left out
here is a kind of page nobody checks.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.browser.conftest import REPO_ROOT


KINDS = ("home", "onderzoeksvraag", "regio-overzicht", "regio", "indicator-overzicht",
         "indicator", "economie", "economie-methode", "edities", "tussenrapport",
         "gegevenslevering", "foutcodes", "bouwinformatie", "herkomst", "niet-gevonden")
"""Parametrised tests take these names; `page_kinds` gives each its page."""


def _first(site: Path, pattern: str) -> str:
    found = sorted(p.parent.relative_to(site).as_posix() for p in site.glob(pattern))
    assert found, f"no page {pattern} in the build"
    return found[0] + "/"


def page_kinds(site: Path) -> dict[str, str]:
    editions = (REPO_ROOT / "site_src" / "edities").glob("*/editie.yml")
    interim = sorted(p.parent.name for p in editions
                     if yaml.safe_load(p.read_text(encoding="utf-8"))["soort"] == "tussenrapport")
    assert interim
    indicator = ("indicatoren/deelnemers_bereikt/"
                 if (site / "indicatoren/deelnemers_bereikt/index.html").is_file()
                 else _first(site, "indicatoren/*/index.html"))
    kinds = {
        "home": "",
        "onderzoeksvraag": _first(site, "onderzoeksvragen/*/index.html"),
        "regio-overzicht": "regios/",
        "regio": _first(site, "regios/*/index.html"),
        "indicator-overzicht": "indicatoren/",
        "indicator": indicator,
        "economie": "economisch-effect/",
        "economie-methode": "economisch-effect/methode/",
        "edities": "edities/",
        "tussenrapport": f"edities/{interim[0]}/",
        "gegevenslevering": "gegevenslevering/",
        "foutcodes": _first(site, "gegevenslevering/*/index.html"),
        "bouwinformatie": "bouwinformatie/",
        "herkomst": _first(site, "audit/*/totaal/index.html"),
        "niet-gevonden": "404.html",
    }
    assert tuple(kinds) == KINDS
    return kinds
