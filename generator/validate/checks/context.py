"""Percentages in the regional context stay within 0–100."""

from __future__ import annotations

from collections.abc import Iterator

from generator.contract import PERCENT_INDICATORS
from generator.validate.checks import region_check
from generator.validate.checks._cells import amount, number, text
from generator.validate.rows import Region
from generator.problems import Problem, declare, problem

PERCENT_ABOVE_100 = declare(
    "percentage-above-100",
    "Percentage boven 100",
    "{indicator} is een percentage, maar waarde is {waarde}. Vul een percentage tussen 0 "
    "en 100 in (bijvoorbeeld 4.5 voor 4,5%, met een punt als decimaalteken).",
    stage="table-rules",
    explanation=(
        "In `context.csv` staat een percentage boven 100. Alleen "
        "`vacatures_per_100_werklozen` mag boven 100 komen; de andere indicatoren zijn "
        "percentages."
        "\n\n"
        "Vul het percentage in als getal tussen 0 en 100, met een punt: `4.5` voor 4,5%. "
        "Schrijf geen breuk (`0.045`) en geen procentteken."
    ),
)


@region_check
def check_percentages(region: Region) -> Iterator[Problem]:
    table = region.table("context")
    if table is None:
        return
    for row in table:
        indicator, waarde = text(row, "indicator"), number(row, "waarde")
        # Below zero is already a schema error (minimum 0) for every indicator.
        if indicator in PERCENT_INDICATORS and waarde is not None and waarde > 100:
            yield problem(PERCENT_ABOVE_100, file=table.file, row=row.number, field="waarde",
                          indicator=indicator, waarde=amount(waarde))
