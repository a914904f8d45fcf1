"""All registered domain and privacy checks together, on one hand-built region."""

from __future__ import annotations

from generator.validate.checks import run_region_checks

from .helpers import (
    arbeid,
    bewijs,
    cohort_metingen,
    flatten,
    instroom,
    meting,
    path,
    region,
    table,
    traject,
    uitstroom,
)


def consistent_tables() -> dict[str, list[dict]]:
    return {
        "trajecten": [traject("t1", "beschikbaar", "2023-Q1"),
                      traject("t2", "in_ontwikkeling", None)],
        "instroom": [instroom("2023-Q1", "t1", 12), instroom("2023-Q2", "t1", 8)],
        "uitstroom": [uitstroom("2023-Q3", "t1", 10, actief_6=7, actief_12=6)],
        "bewijzen": [bewijs("2023-Q4", "t1")],
        "metingen": cohort_metingen("2023-Q1", 10)
        + [meting("2023-Q1", "arbeidsmarktpositie", 3, None, 2),
           meting("2023-Q1", "sociale_inclusie", 2, None, 2),
           meting("2023-Q1", "taal", 1, None, 2),
           meting("2023-Q1", "rekenen", 1, None, 2),
           meting("2023-Q1", "digitaal", 1, None, 2)],
        "arbeid": [arbeid("2023-Q1", aantal_gemeten=10)],
        "context": [{"periode": "2024-Q1", "indicator": "werkloosheid_pct", "waarde": 4.1,
                     "bron": "CBS StatLine (synthetisch)"}],
        "factoren": [{"periode": "2024-Q1", "factor": "Werkgevers bieden 40 uur BBL in 2024"}],
        "borging": [{"periode": "2024-Q1", "toelichting": "Afspraken 2023-Q1 tot 2026-Q4"}],
    }


def build(tables: dict[str, list[dict]]) -> list:
    delivery = region(*(table(resource, *rows) for resource, rows in tables.items()))
    return flatten(run_region_checks(delivery))


def test_consistent_region_passes_every_check() -> None:
    assert build(consistent_tables()) == []


def test_defects_in_one_region_are_all_reported() -> None:
    tables = consistent_tables()
    tables["instroom"].append(instroom("2026-Q3", "t1", 1))
    tables["bewijzen"].append(bewijs("2024-Q1", "t2"))
    tables["factoren"].append({"periode": "2024-Q1", "factor": "bel 06-12345678"})
    tables["arbeid"][0]["met_uitkering_t1"] = 11
    assert sorted(build(tables)) == [
        (path("arbeid"), 2, "met_uitkering_t1", "benefits-exceed-measured"),
        (path("bewijzen"), 3, "traject_id", "traject-in-development-used"),
        (path("factoren"), 3, "factor", "personal-data-phone"),
        (path("instroom"), 4, "periode", "quarter-after-current"),
    ]
