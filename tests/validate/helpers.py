"""Hand-built regions for the check tests: rows as keyword arguments, numbered as a
spreadsheet numbers them (header = 1, first data row = 2)."""

from __future__ import annotations

from collections.abc import Iterable

from generator.contract import REQUIRED_DIMENSIONS, Quarter
from generator.validate.rows import RegisterEntry, Region, Row, Table, Value
from generator.problems import Problem

REGIO_ID = "voorbeeld-noord"
FOLDER = f"data/{REGIO_ID}"
AS_OF = Quarter(2026, 2)
PILOT_START = Quarter(2023, 1)

Flat = tuple[str, int | None, str | None, str]


def path(resource: str) -> str:
    return f"{FOLDER}/{resource}.csv"


def table(resource: str, *rows: dict[str, Value], readable: bool = True) -> Table:
    return Table(resource=resource, file=path(resource), readable=readable,
                 rows=[Row(number, dict(values)) for number, values in enumerate(rows, start=2)])


def region(*tables: Table, pilot_start: Quarter | None = PILOT_START,
           registered: bool = True) -> Region:
    entry = RegisterEntry(regio_id=REGIO_ID, naam="Regio Noord", pilot_start=pilot_start,
                          fase="pilot", row=2) if registered else None
    return Region(regio_id=REGIO_ID, folder=FOLDER, entry=entry,
                  tables={t.resource: t for t in tables}, as_of=AS_OF)


def flatten(problems: Iterable[Problem]) -> list[Flat]:
    return [(p.file, p.row, p.field, p.code) for p in problems]


def traject(traject_id: str = "t1", status: str | None = "beschikbaar",
            beschikbaar_vanaf: str | None = "2023-Q1") -> dict[str, Value]:
    return {"traject_id": traject_id, "naam": "Taal op de werkvloer", "vorm": "combinatie",
            "sector": "zorg_welzijn", "aanbieder": "roc", "civiel_effect": "taalcertificaat",
            "beschikbaar_vanaf": beschikbaar_vanaf, "status": status}


def instroom(periode: str = "2023-Q1", traject_id: str = "t1",
             aantal: Value = 10) -> dict[str, Value]:
    return {"periode": periode, "traject_id": traject_id, "doelgroep": "laaggeletterd",
            "wervingskanaal": "uwv", "aantal": aantal}


def uitstroom(periode: str = "2023-Q2", traject_id: str = "t1", aantal: Value = 5,
              actief_6: Value = None, actief_12: Value = None,
              bestemming: str = "werk") -> dict[str, Value]:
    return {"periode": periode, "traject_id": traject_id, "bestemming": bestemming,
            "aantal": aantal, "actief_na_6_maanden": actief_6, "actief_na_12_maanden": actief_12}


def bewijs(periode: str = "2023-Q2", traject_id: str = "t1") -> dict[str, Value]:
    return {"periode": periode, "traject_id": traject_id, "soort": "taalcertificaat",
            "aantal": 3}


def meting(cohort: str = "2023-Q1", dimensie: str = "arbeidsmarktpositie",
           score_t0: Value = 2, score_t1: Value = 3, aantal: Value = 10) -> dict[str, Value]:
    return {"cohort": cohort, "dimensie": dimensie, "score_t0": score_t0,
            "score_t1": score_t1, "aantal": aantal}


def cohort_metingen(cohort: str = "2023-Q1", aantal: int = 10,
                    score_t1: Value = 3) -> list[dict[str, Value]]:
    """One transition of `aantal` people for each required dimension: a consistent cohort."""
    return [meting(cohort, dimensie, 1, score_t1, aantal) for dimensie in REQUIRED_DIMENSIONS]


def arbeid(cohort: str = "2023-Q1", aantal_gemeten: Value = 10, uren_t0: Value = 40.0,
           uren_t1: Value = 120.0, met_uitkering_t0: Value = 8,
           met_uitkering_t1: Value = 5) -> dict[str, Value]:
    return {"cohort": cohort, "aantal_gemeten": aantal_gemeten, "uren_per_week_t0": uren_t0,
            "uren_per_week_t1": uren_t1, "bruto_maandinkomen_t0": 2000.0,
            "bruto_maandinkomen_t1": 9500.0, "met_uitkering_t0": met_uitkering_t0,
            "met_uitkering_t1": met_uitkering_t1}
