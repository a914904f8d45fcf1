"""Outflow stays within what flowed in, and follow-up counts within the outflow."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from generator.contract import Quarter
from generator.validate.checks import region_check
from generator.validate.checks._cells import integer, quarter, text
from generator.validate.rows import Region, Row, Table
from generator.problems import Problem, declare, problem

ACTIVE_6_ABOVE_OUTFLOW = declare(
    "active-6-exceeds-outflow",
    "Actief na 6 maanden groter dan aantal",
    "actief_na_6_maanden ({actief_6}) is groter dan aantal ({aantal}): er kunnen niet meer "
    "mensen actief zijn dan er zijn uitgestroomd. Corrigeer een van beide getallen.",
    stage="table-rules",
    explanation=(
        "`actief_na_6_maanden` is groter dan `aantal` in dezelfde rij. Er kunnen niet meer "
        "mensen actief zijn dan er zijn uitgestroomd."
        "\n\n"
        "Verbeter een van beide getallen."
    ),
)

ACTIVE_12_ABOVE_ACTIVE_6 = declare(
    "active-12-exceeds-active-6",
    "Actief na 12 maanden groter dan na 6 maanden",
    "actief_na_12_maanden ({actief_12}) is groter dan actief_na_6_maanden ({actief_6}). "
    "Tel na 12 maanden alleen mensen die na 6 maanden ook actief waren; corrigeer een van "
    "beide getallen.",
    stage="table-rules",
    explanation=(
        "`actief_na_12_maanden` is groter dan `actief_na_6_maanden`. Na 12 maanden telt u "
        "alleen mensen die na 6 maanden ook actief waren, dus het getal kan niet groter "
        "worden."
        "\n\n"
        "Verbeter een van beide getallen."
    ),
)

ACTIVE_12_WITHOUT_ACTIVE_6 = declare(
    "active-12-without-active-6",
    "Actief na 12 maanden zonder 6 maanden",
    "actief_na_12_maanden is ingevuld maar actief_na_6_maanden is leeg. Vul eerst "
    "actief_na_6_maanden in, of maak actief_na_12_maanden leeg.",
    stage="table-rules",
    explanation=(
        "`actief_na_12_maanden` is ingevuld, maar `actief_na_6_maanden` is leeg."
        "\n\n"
        "Vul eerst `actief_na_6_maanden` in, of maak `actief_na_12_maanden` leeg."
    ),
)

OUTFLOW_ABOVE_INFLOW = declare(
    "outflow-exceeds-inflow",
    "Meer uitstroom dan instroom",
    "Tot en met {periode} zijn bij traject {traject_id} in totaal {uitstroom} deelnemers "
    "uitgestroomd, maar er zijn er maar {instroom} ingestroomd (instroom.csv). Wie "
    "uitstroomt moet eerder of in hetzelfde kwartaal zijn ingestroomd: controleer de "
    "aantallen van dit traject in uitstroom.csv en instroom.csv.",
    stage="cross-table-rules",
    explanation=(
        "Bij dit traject zijn tot en met het genoemde kwartaal meer mensen uitgestroomd "
        "dan er zijn ingestroomd. De controle telt alle kwartalen vanaf het begin bij "
        "elkaar op, per traject. Iemand kan pas uitstromen als hij eerder, of in hetzelfde "
        "kwartaal, is ingestroomd."
        "\n\n"
        "Vergelijk de aantallen van dit traject in `uitstroom.csv` en `instroom.csv`. "
        "Vaak ontbreekt er instroom van een eerder kwartaal, of staat uitstroom bij het "
        "verkeerde traject."
    ),
)


@region_check
def check_followup(region: Region) -> Iterator[Problem]:
    table = region.table("uitstroom")
    if table is None:
        return
    for row in table:
        yield from _check_followup_row(table, row)


def _check_followup_row(table: Table, row: Row) -> Iterator[Problem]:
    aantal = integer(row, "aantal")
    active_6 = integer(row, "actief_na_6_maanden")
    active_12 = integer(row, "actief_na_12_maanden")
    where = {"file": table.file, "row": row.number}
    if active_6 is not None and aantal is not None and active_6 > aantal:
        yield problem(ACTIVE_6_ABOVE_OUTFLOW, **where, field="actief_na_6_maanden",
                      actief_6=active_6, aantal=aantal)
    if active_12 is None:
        return
    if row.is_empty("actief_na_6_maanden"):
        yield problem(ACTIVE_12_WITHOUT_ACTIVE_6, **where, field="actief_na_12_maanden")
    elif active_6 is not None and active_12 > active_6:
        yield problem(ACTIVE_12_ABOVE_ACTIVE_6, **where, field="actief_na_12_maanden",
                      actief_12=active_12, actief_6=active_6)


@region_check
def check_outflow_within_inflow(region: Region) -> Iterator[Problem]:
    instroom, uitstroom = region.table("instroom"), region.table("uitstroom")
    if instroom is None or uitstroom is None:
        return
    inflow = _totals_by_traject(instroom)
    first_rows = _first_rows(uitstroom)
    # A count that failed its type is reported by Frictionless; summing without it
    # would report an overrun that is not there.
    unreadable = _with_unreadable_count(instroom) | _with_unreadable_count(uitstroom)
    for traject_id, outflow in _totals_by_traject(uitstroom).items():
        if traject_id in unreadable:
            continue
        over = _first_overrun(inflow.get(traject_id, {}), outflow)
        if over is None:
            continue
        periode, out_total, in_total = over
        yield problem(OUTFLOW_ABOVE_INFLOW, file=uitstroom.file,
                      row=first_rows[(traject_id, periode)], field="aantal",
                      periode=periode, traject_id=traject_id, uitstroom=out_total,
                      instroom=in_total)


def _totals_by_traject(table: Table) -> dict[str, dict[Quarter, int]]:
    totals: dict[str, dict[Quarter, int]] = defaultdict(lambda: defaultdict(int))
    for row in table:
        traject_id, periode = text(row, "traject_id"), quarter(row, "periode")
        aantal = integer(row, "aantal")
        if traject_id is not None and periode is not None and aantal is not None:
            totals[traject_id][periode] += aantal
    return totals


def _with_unreadable_count(table: Table) -> set[str]:
    return {traject_id for row in table
            if (traject_id := text(row, "traject_id")) is not None
            and integer(row, "aantal") is None}


def _first_rows(table: Table) -> dict[tuple[str, Quarter], int]:
    first: dict[tuple[str, Quarter], int] = {}
    for row in table:
        traject_id, periode = text(row, "traject_id"), quarter(row, "periode")
        if traject_id is not None and periode is not None:
            first.setdefault((traject_id, periode), row.number)
    return first


def _first_overrun(inflow: dict[Quarter, int],
                   outflow: dict[Quarter, int]) -> tuple[Quarter, int, int] | None:
    """The first quarter where cumulative outflow exceeds cumulative inflow, with both sums."""
    in_total = out_total = 0
    for periode in sorted(set(inflow) | set(outflow)):
        in_total += inflow.get(periode, 0)
        out_total += outflow.get(periode, 0)
        if out_total > in_total:
            return periode, out_total, in_total
    return None
