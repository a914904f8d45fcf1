"""Every quarter lies between the region's pilot start and the current quarter."""

from __future__ import annotations

from collections.abc import Iterator

from generator import contract
from generator.validate.checks import region_check
from generator.validate.checks._cells import quarter
from generator.validate.rows import Region
from generator.problems import Problem, declare, problem

QUARTER_FIELDS: tuple[str, ...] = ("periode", "cohort", "beschikbaar_vanaf")

BEFORE_PILOT_START = declare(
    "quarter-before-pilot-start",
    "Kwartaal vóór de start van de pilot",
    "Het kwartaal {kwartaal} in kolom {veld} ligt vóór de start van deze regio "
    "({pilot_start}, volgens data/regios.csv). Corrigeer het kwartaal; klopt de startdatum "
    "van de regio niet, pas dan pilot_start in data/regios.csv aan.",
    stage="cross-table-rules",
    explanation=(
        "Het kwartaal ligt vóór de start van uw regio, zoals die in `pilot_start` in "
        "`data/regios.csv` staat."
        "\n\n"
        "Verbeter het kwartaal. Klopt de start van de regio niet, neem dan contact op met "
        "het team van de monitor."
    ),
)

AFTER_CURRENT = declare(
    "quarter-after-current",
    "Kwartaal in de toekomst",
    "Het kwartaal {kwartaal} in kolom {veld} ligt na het huidige kwartaal ({huidig}). "
    "Lever alleen gegevens over afgelopen kwartalen en het lopende kwartaal; corrigeer het "
    "kwartaal of haal de rij weg tot dat kwartaal begonnen is.",
    stage="table-rules",
    explanation=(
        "Het kwartaal ligt na het huidige kwartaal. U kunt alleen leveren over kwartalen "
        "die al begonnen zijn."
        "\n\n"
        "Verbeter het kwartaal, of haal de rij weg tot dat kwartaal begonnen is."
    ),
)


@region_check
def check_quarters(region: Region) -> Iterator[Problem]:
    pilot_start = region.entry.pilot_start if region.entry is not None else None
    for resource in contract.RESOURCES:
        table = region.table(resource)
        if table is None:
            continue
        fields = [f for f in QUARTER_FIELDS if f in contract.field_names(resource)]
        for row in table:
            for name in fields:
                value = quarter(row, name)
                if value is None:
                    continue
                if pilot_start is not None and value < pilot_start:
                    yield problem(BEFORE_PILOT_START, file=table.file, row=row.number,
                                  field=name, kwartaal=value, veld=name,
                                  pilot_start=pilot_start)
                elif value > region.as_of:
                    yield problem(AFTER_CURRENT, file=table.file, row=row.number,
                                  field=name, kwartaal=value, veld=name, huidig=region.as_of)
