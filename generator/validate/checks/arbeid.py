"""Work and income sums stay within the people measured, who come from `metingen`."""

from __future__ import annotations

from collections.abc import Iterator

from generator.contract import Quarter
from generator.validate.checks import region_check
from generator.validate.checks._cells import amount, integer, number, quarter, text
from generator.validate.rows import Region, Row, Table
from generator.problems import Problem, declare, problem

MAX_HOURS_PER_WEEK = 60
"""Paid hours a single person can plausibly work in a week."""

MEASURED_ABOVE_FOLLOWUPS = declare(
    "measured-exceeds-followups",
    "Meer gemeten dan 1-metingen",
    "aantal_gemeten is {aantal_gemeten}, maar metingen.csv heeft voor cohort {cohort} maar "
    "{vervolgmetingen} deelnemers met een 1-meting (score_t1) op arbeidsmarktpositie. "
    "Tel alleen deelnemers met zowel een 0- als een 1-meting; corrigeer aantal_gemeten of "
    "metingen.csv.",
    stage="cross-table-rules",
    explanation=(
        "`aantal_gemeten` in `arbeid.csv` is groter dan het aantal deelnemers van dat "
        "cohort met een 1-meting op `arbeidsmarktpositie` in `metingen.csv` (de rijen met "
        "een ingevulde `score_t1`)."
        "\n\n"
        "Tel in `arbeid.csv` alleen deelnemers met zowel een 0- als een 1-meting. "
        "Verbeter `aantal_gemeten`, of vul in `metingen.csv` de 1-metingen aan."
    ),
)

HOURS_ABOVE_MAXIMUM = declare(
    "hours-exceed-maximum",
    "Te veel uren per week",
    "{veld} is {uren}, meer dan {maximum} ({per_persoon} uur per week voor elk van de "
    "{aantal_gemeten} gemeten deelnemers). Vul de som van de betaalde uren per week over "
    "de gemeten deelnemers in, geen fte of uren per maand.",
    stage="table-rules",
    explanation=(
        f"De som van de uren per week in `arbeid.csv` is hoger dan {MAX_HOURS_PER_WEEK} uur "
        "per gemeten "
        "deelnemer. Waarschijnlijk staan er uren per maand of per jaar, of iets anders "
        "dan uren."
        "\n\n"
        "Vul de som in van de betaalde uren per week van alle gemeten deelnemers samen. "
        "Bijvoorbeeld: drie deelnemers die 0, 20 en 32 uur werken, geven samen 52."
    ),
)

BENEFITS_ABOVE_MEASURED = declare(
    "benefits-exceed-measured",
    "Meer uitkeringen dan gemeten",
    "{veld} is {met_uitkering}, meer dan aantal_gemeten ({aantal_gemeten}). Tel alleen de "
    "gemeten deelnemers die een uitkering hadden; corrigeer een van beide getallen.",
    stage="table-rules",
    explanation=(
        "Het aantal deelnemers met een uitkering is groter dan `aantal_gemeten` in "
        "dezelfde rij. Dat kan niet: u telt alleen de gemeten deelnemers."
        "\n\n"
        "Verbeter een van beide getallen."
    ),
)

COHORT_WITHOUT_METINGEN = declare(
    "arbeid-cohort-without-metingen",
    "Cohort zonder metingen",
    "Cohort {cohort} staat in arbeid.csv, maar metingen.csv heeft geen rijen voor dit "
    "cohort. Lever eerst de metingen van het cohort aan, of haal deze rij weg.",
    stage="cross-table-rules",
    explanation=(
        "Een cohort staat in `arbeid.csv`, maar heeft geen enkele rij in `metingen.csv`."
        "\n\n"
        "Lever eerst de metingen van dit cohort, of haal de rij uit `arbeid.csv` weg."
    ),
)


@region_check
def check_measured(region: Region) -> Iterator[Problem]:
    arbeid, metingen = region.table("arbeid"), region.table("metingen")
    if arbeid is None or metingen is None:
        return
    cohorts = {cohort for row in metingen if (cohort := quarter(row, "cohort")) is not None}
    followups = _followups(metingen)
    for row in arbeid:
        cohort, measured = quarter(row, "cohort"), integer(row, "aantal_gemeten")
        if cohort is None:
            continue
        if cohort not in cohorts:
            yield problem(COHORT_WITHOUT_METINGEN, file=arbeid.file, row=row.number,
                          field="cohort", cohort=cohort)
            continue
        available = followups.get(cohort, 0)
        if measured is not None and available is not None and measured > available:
            yield problem(MEASURED_ABOVE_FOLLOWUPS, file=arbeid.file, row=row.number,
                          field="aantal_gemeten", aantal_gemeten=measured, cohort=cohort,
                          vervolgmetingen=available)


def _followups(metingen: Table) -> dict[Quarter, int | None]:
    """Per cohort, people with a score_t1 on arbeidsmarktpositie; None if a row is unreadable."""
    counts: dict[Quarter, int | None] = {}
    for row in metingen:
        cohort = quarter(row, "cohort")
        if cohort is not None and (text(row, "dimensie") is None or "score_t1" in row.unreadable):
            counts[cohort] = None  # this row may be one of them: the count is unknown
            continue
        if cohort is None or text(row, "dimensie") != "arbeidsmarktpositie" \
                or row["score_t1"] is None:
            continue
        aantal, current = integer(row, "aantal"), counts.get(cohort, 0)
        counts[cohort] = None if aantal is None or current is None else current + aantal
    return counts


@region_check
def check_sums_within_measured(region: Region) -> Iterator[Problem]:
    table = region.table("arbeid")
    if table is None:
        return
    for row in table:
        measured = integer(row, "aantal_gemeten")
        if measured is not None:
            yield from _check_hours(table, row, measured)
            yield from _check_benefits(table, row, measured)


def _check_hours(table: Table, row: Row, measured: int) -> Iterator[Problem]:
    maximum = MAX_HOURS_PER_WEEK * measured
    for name in ("uren_per_week_t0", "uren_per_week_t1"):
        hours = number(row, name)
        if hours is not None and hours > maximum:
            yield problem(HOURS_ABOVE_MAXIMUM, file=table.file, row=row.number, field=name,
                          veld=name, uren=amount(hours), maximum=maximum,
                          per_persoon=MAX_HOURS_PER_WEEK, aantal_gemeten=measured)


def _check_benefits(table: Table, row: Row, measured: int) -> Iterator[Problem]:
    for name in ("met_uitkering_t0", "met_uitkering_t1"):
        with_benefit = integer(row, name)
        if with_benefit is not None and with_benefit > measured:
            yield problem(BENEFITS_ABOVE_MEASURED, file=table.file, row=row.number,
                          field=name, veld=name, met_uitkering=with_benefit,
                          aantal_gemeten=measured)
