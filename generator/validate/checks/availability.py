"""Participants, outflow and certificates only for a trajectory that is available.

An unknown `traject_id` is a foreign-key error that Frictionless reports; it is skipped
here, as is a released trajectory without `beschikbaar_vanaf` (reported by `trajecten`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.contract import Quarter
from generator.validate.checks import region_check
from generator.validate.checks._cells import quarter, text
from generator.validate.rows import Region, Table
from generator.problems import Problem, declare, problem

USING_RESOURCES: tuple[str, ...] = ("instroom", "uitstroom", "bewijzen")

IN_DEVELOPMENT_USED = declare(
    "traject-in-development-used",
    "Traject nog in ontwikkeling",
    "Deze rij in {resource}.csv verwijst naar traject {traject_id}, maar dat traject heeft in "
    "trajecten.csv de status in_ontwikkeling. Een traject in ontwikkeling heeft nog geen "
    "deelnemers: corrigeer de traject_id, of zet in trajecten.csv de status op beschikbaar "
    "met het kwartaal in beschikbaar_vanaf.",
    stage="cross-table-rules",
    explanation=(
        "De rij verwijst naar een traject dat in `trajecten.csv` nog de status "
        "`in_ontwikkeling` heeft. Een traject in ontwikkeling heeft nog geen deelnemers, "
        "uitstroom of behaalde bewijzen."
        "\n\n"
        "Verbeter de `traject_id`. Of, als het traject al loopt: zet in `trajecten.csv` de "
        "status op `beschikbaar` en vul `beschikbaar_vanaf` in."
    ),
)

NOT_YET_AVAILABLE = declare(
    "traject-not-yet-available",
    "Traject nog niet beschikbaar",
    "Deze rij in {resource}.csv gaat over {periode}, maar traject {traject_id} is volgens "
    "trajecten.csv pas beschikbaar vanaf {beschikbaar_vanaf}. Corrigeer de periode, of "
    "beschikbaar_vanaf in trajecten.csv als het traject eerder startte.",
    stage="cross-table-rules",
    explanation=(
        "De rij gaat over een kwartaal vóór het kwartaal waarin het traject beschikbaar "
        "kwam (`beschikbaar_vanaf` in `trajecten.csv`)."
        "\n\n"
        "Verbeter de `periode` in deze rij, of `beschikbaar_vanaf` in `trajecten.csv` als "
        "het traject eerder begon."
    ),
)


@dataclass(frozen=True)
class Traject:
    status: str | None
    available_from: Quarter | None


def trajecten_by_id(table: Table) -> dict[str, Traject]:
    """Each trajectory by id; a duplicate id (a primary-key error) keeps its first row."""
    found: dict[str, Traject] = {}
    for row in table:
        traject_id = text(row, "traject_id")
        if traject_id is not None and traject_id not in found:
            found[traject_id] = Traject(text(row, "status"), quarter(row, "beschikbaar_vanaf"))
    return found


@region_check
def check_traject_available(region: Region) -> Iterator[Problem]:
    trajecten_table = region.table("trajecten")
    if trajecten_table is None:
        return
    trajecten = trajecten_by_id(trajecten_table)
    for resource in USING_RESOURCES:
        table = region.table(resource)
        if table is not None:
            yield from _check_table(table, trajecten)


def _check_table(table: Table, trajecten: dict[str, Traject]) -> Iterator[Problem]:
    for row in table:
        traject_id = text(row, "traject_id")
        traject = trajecten.get(traject_id) if traject_id is not None else None
        if traject is None:
            continue
        if traject.status == "in_ontwikkeling":
            yield problem(IN_DEVELOPMENT_USED, file=table.file, row=row.number,
                          field="traject_id", resource=table.resource, traject_id=traject_id)
            continue
        periode = quarter(row, "periode")
        if periode is not None and traject.available_from is not None \
                and periode < traject.available_from:
            yield problem(NOT_YET_AVAILABLE, file=table.file, row=row.number, field="periode",
                          resource=table.resource, periode=periode, traject_id=traject_id,
                          beschikbaar_vanaf=traject.available_from)
