"""A trajectory has a `beschikbaar_vanaf` exactly when it has left development."""

from __future__ import annotations

from collections.abc import Iterator

from generator.validate.checks import region_check
from generator.validate.checks._cells import text
from generator.validate.rows import Region
from generator.problems import Problem, declare, problem

IN_DEVELOPMENT = "in_ontwikkeling"
RELEASED = ("beschikbaar", "beeindigd")

DATE_WHILE_IN_DEVELOPMENT = declare(
    "traject-available-from-in-development",
    "Beschikbaar-vanaf bij traject in ontwikkeling",
    "Traject {traject_id} heeft status in_ontwikkeling maar wel een kwartaal in "
    "beschikbaar_vanaf ({beschikbaar_vanaf}). Maak beschikbaar_vanaf leeg zolang het traject "
    "in ontwikkeling is, of zet de status op beschikbaar als het traject al loopt.",
    stage="table-rules",
    explanation=(
        "Het traject heeft de status `in_ontwikkeling`, maar er staat wel een kwartaal in "
        "`beschikbaar_vanaf`. Dat past niet bij elkaar."
        "\n\n"
        "Is het traject nog in ontwikkeling, maak `beschikbaar_vanaf` dan leeg. Loopt het "
        "al, zet de status dan op `beschikbaar`."
    ),
)

DATE_MISSING = declare(
    "traject-available-from-missing",
    "Beschikbaar-vanaf ontbreekt",
    "Traject {traject_id} heeft status {status} maar beschikbaar_vanaf is leeg. Vul het "
    "kwartaal in waarin het traject beschikbaar kwam (bijvoorbeeld 2024-Q3).",
    stage="table-rules",
    explanation=(
        "Het traject heeft de status `beschikbaar` of `beeindigd`, maar `beschikbaar_vanaf` "
        "is leeg, of bevat geen goed geschreven kwartaal."
        "\n\n"
        "Vul het kwartaal in waarin het traject beschikbaar kwam, bijvoorbeeld `2024-Q3`. "
        "Staat er al iets in de cel, los dan eerst de melding over dat kwartaal op; deze "
        "melding verdwijnt dan ook."
    ),
)


@region_check
def check_available_from(region: Region) -> Iterator[Problem]:
    table = region.table("trajecten")
    if table is None:
        return
    for row in table:
        status = text(row, "status")
        available_from = text(row, "beschikbaar_vanaf")
        traject_id = text(row, "traject_id") or "(zonder id)"
        if status == IN_DEVELOPMENT and available_from is not None:
            yield problem(DATE_WHILE_IN_DEVELOPMENT, file=table.file, row=row.number,
                          field="beschikbaar_vanaf", traject_id=traject_id,
                          beschikbaar_vanaf=available_from)
        elif status in RELEASED and row.is_empty("beschikbaar_vanaf"):
            yield problem(DATE_MISSING, file=table.file, row=row.number,
                          field="beschikbaar_vanaf", traject_id=traject_id, status=status)
