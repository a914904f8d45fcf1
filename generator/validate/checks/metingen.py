"""Measurements: scores within their scale, one row per transition, consistent cohorts."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from generator.contract import REQUIRED_DIMENSIONS, SCALES, Quarter
from generator.validate.checks import region_check
from generator.validate.checks._cells import integer, quarter, text
from generator.validate.rows import Region, Row, Table
from generator.problems import Problem, declare, enumeration, problem

REFERENCE_DIMENSION = "arbeidsmarktpositie"

SCORE_OUTSIDE_SCALE = declare(
    "score-outside-scale",
    "Score buiten de schaal",
    "{veld} is {score}, maar de schaal van dimensie {dimensie} loopt van {minimum} tot en "
    "met {maximum}. Corrigeer de score (zie de schalen in de handleiding).",
    stage="table-rules",
    explanation=(
        "Een score in `metingen.csv` valt buiten de schaal van de dimensie. Zo loopt "
        "`arbeidsmarktpositie` van 1 tot en met 6 en `taal` van 0 tot en met 3."
        "\n\n"
        "Verbeter de score. De schalen staan bij `metingen.csv` in de handleiding."
    ),
)

DUPLICATE_TRANSITION = declare(
    "duplicate-transition",
    "Dubbele overgang",
    "Deze rij heeft dezelfde cohort, dimensie, score_t0 en score_t1 als rij {eerste_rij}. "
    "Elke overgang staat maar één keer in metingen.csv: tel de aantallen op in één rij en "
    "haal deze rij weg.",
    stage="table-rules",
    explanation=(
        "Dezelfde combinatie van `cohort`, `dimensie`, `score_t0` en `score_t1` staat twee "
        "keer in `metingen.csv`. Twee rijen met een lege `score_t1` tellen ook als "
        "dezelfde combinatie."
        "\n\n"
        "Tel de aantallen op in één rij en haal de andere rij weg."
    ),
)

REQUIRED_DIMENSION_MISSING = declare(
    "required-dimension-missing",
    "Verplichte dimensie ontbreekt",
    "Cohort {cohort} heeft rijen in metingen.csv, maar geen enkele voor dimensie {dimensie}. "
    "Voor elk cohort met metingen zijn arbeidsmarktpositie, sociale_inclusie, taal, rekenen "
    "en digitaal verplicht: voeg de rijen voor {dimensie} toe.",
    stage="table-rules",
    explanation=(
        "Een cohort heeft rijen in `metingen.csv`, maar geen enkele rij voor een van de "
        f"verplichte dimensies: {enumeration([f'`{d}`' for d in REQUIRED_DIMENSIONS])}."
        "\n\n"
        "Voeg de rijen voor de genoemde dimensie toe. Is er op die dimensie niet gemeten, "
        "overleg dan met het team van de monitor."
    ),
)

DIMENSION_TOTAL_MISMATCH = declare(
    "cohort-dimension-total-mismatch",
    "Dimensies tellen verschillend",
    "In cohort {cohort} tellen de rijen van dimensie {dimensie} samen {totaal} deelnemers, "
    "terwijl het cohort volgens {referentie} {verwacht} deelnemers telt. Elke dimensie "
    "telt dezelfde deelnemers: corrigeer de aantallen zodat ze per dimensie hetzelfde "
    "optellen.",
    stage="table-rules",
    explanation=(
        "Binnen een cohort tellen de dimensies niet op tot hetzelfde aantal deelnemers. "
        "Elke dimensie gaat over dezelfde groep mensen, dus de som van `aantal` moet per "
        "dimensie gelijk zijn. De controle vergelijkt met `arbeidsmarktpositie`, of, als "
        "die ontbreekt, met het aantal dat de meeste dimensies hebben."
        "\n\n"
        "Zoek bij de genoemde dimensie welke rij mist of een verkeerd aantal heeft. "
        "Deelnemers zonder 1-meting telt u mee in een rij met een lege `score_t1`."
    ),
)

COHORT_ABOVE_INSTROOM = declare(
    "cohort-exceeds-instroom",
    "Cohort groter dan instroom",
    "Cohort {cohort} telt in metingen.csv {totaal} deelnemers, maar volgens instroom.csv "
    "zijn er in {cohort} maar {instroom} ingestroomd. Een cohort bestaat uit deelnemers die "
    "in dat kwartaal startten: corrigeer de aantallen in metingen.csv of instroom.csv.",
    stage="cross-table-rules",
    explanation=(
        "Een cohort in `metingen.csv` telt meer deelnemers dan er in dat kwartaal zijn "
        "ingestroomd volgens `instroom.csv`. Een cohort bestaat uit de mensen die in dat "
        "kwartaal met een traject begonnen, dus het kan niet groter zijn."
        "\n\n"
        "Controleer het `cohort` in `metingen.csv` (is het het kwartaal van de start?) en "
        "de aantallen in `instroom.csv` van dat kwartaal."
    ),
)


@dataclass
class DimensionTotal:
    total: int
    first_row: int


@region_check
def check_scores(region: Region) -> Iterator[Problem]:
    table = region.table("metingen")
    if table is None:
        return
    for row in table:
        dimensie = text(row, "dimensie")
        if dimensie not in SCALES:
            continue  # an unknown dimension is an enum error, reported by Frictionless
        low, high = SCALES[dimensie]
        for name in ("score_t0", "score_t1"):
            score = integer(row, name)
            if score is not None and not low <= score <= high:
                yield problem(SCORE_OUTSIDE_SCALE, file=table.file, row=row.number,
                              field=name, veld=name, score=score, dimensie=dimensie,
                              minimum=low, maximum=high)


@region_check
def check_unique_transitions(region: Region) -> Iterator[Problem]:
    table = region.table("metingen")
    if table is None:
        return
    first_seen: dict[tuple[object, ...], int] = {}
    for row in table:
        key = _transition(row)
        if key is None:
            continue
        if key in first_seen:
            yield problem(DUPLICATE_TRANSITION, file=table.file, row=row.number,
                          eerste_rij=first_seen[key])
        else:
            first_seen[key] = row.number


def _transition(row: Row) -> tuple[object, ...] | None:
    """The row's key, with an empty score_t1 as a value of its own; None if unreadable."""
    cohort, dimensie = text(row, "cohort"), text(row, "dimensie")
    score_t0, score_t1 = integer(row, "score_t0"), integer(row, "score_t1")
    if cohort is None or dimensie is None or score_t0 is None:
        return None
    if score_t1 is None and row["score_t1"] is not None:
        return None
    return cohort, dimensie, score_t0, score_t1


@region_check
def check_required_dimensions(region: Region) -> Iterator[Problem]:
    table = region.table("metingen")
    if table is None:
        return
    for cohort, rows in _cohorts(table).items():
        present = {text(row, "dimensie") for row in rows}
        for dimensie in REQUIRED_DIMENSIONS:
            if dimensie not in present:
                yield problem(REQUIRED_DIMENSION_MISSING, file=table.file,
                              row=rows[0].number, field="dimensie", cohort=cohort,
                              dimensie=dimensie)


@region_check
def check_cohort_totals(region: Region) -> Iterator[Problem]:
    table = region.table("metingen")
    if table is None:
        return
    inflow = _inflow_by_quarter(region.table("instroom"))
    for cohort, rows in _cohorts(table).items():
        totals = _dimension_totals(rows)
        if not totals:
            continue
        reference, expected = _reference_total(totals)
        for dimensie, found in totals.items():
            if found.total != expected:
                yield problem(DIMENSION_TOTAL_MISMATCH, file=table.file, row=found.first_row,
                              field="aantal", cohort=cohort, dimensie=dimensie,
                              totaal=found.total, referentie=reference, verwacht=expected)
        # No instroom rows in the cohort's quarter means nobody started then: zero.
        started = inflow.get(cohort, 0) if inflow is not None else None
        if started is not None and expected > started:
            yield problem(COHORT_ABOVE_INSTROOM, file=table.file, row=rows[0].number,
                          field="aantal", cohort=cohort, totaal=expected, instroom=started)


def _cohorts(table: Table) -> dict[Quarter, list[Row]]:
    cohorts: dict[Quarter, list[Row]] = defaultdict(list)
    for row in table:
        cohort = quarter(row, "cohort")
        if cohort is not None:
            cohorts[cohort].append(row)
    return cohorts


def _dimension_totals(rows: list[Row]) -> dict[str, DimensionTotal]:
    """`aantal` summed per known dimension, in file order; empty if a row is unreadable."""
    totals: dict[str, DimensionTotal] = {}
    for row in rows:
        dimensie, aantal = text(row, "dimensie"), integer(row, "aantal")
        if dimensie not in SCALES or aantal is None:
            # A row whose dimension or count is unreadable has its own problem; a
            # partial sum would report mismatches that are not there.
            return {}
        if dimensie in totals:
            totals[dimensie].total += aantal
        else:
            totals[dimensie] = DimensionTotal(aantal, row.number)
    return totals


def _reference_total(totals: dict[str, DimensionTotal]) -> tuple[str, int]:
    """What the cohort counts: arbeidsmarktpositie, else the sum most dimensions share.

    Ties go to the dimension that comes first in the file (Counter keeps that order).
    """
    if REFERENCE_DIMENSION in totals:
        return f"dimensie {REFERENCE_DIMENSION}", totals[REFERENCE_DIMENSION].total
    common, _ = Counter(found.total for found in totals.values()).most_common(1)[0]
    return "de meeste andere dimensies", common


def _inflow_by_quarter(instroom: Table | None) -> dict[Quarter, int | None] | None:
    """Sum of instroom.aantal per quarter; None for a quarter with an unreadable count."""
    if instroom is None:
        return None
    inflow: dict[Quarter, int | None] = defaultdict(int)
    for row in instroom:
        periode, aantal = quarter(row, "periode"), integer(row, "aantal")
        if periode is None:
            continue
        current = inflow[periode]
        inflow[periode] = None if current is None or aantal is None else current + aantal
    return inflow
