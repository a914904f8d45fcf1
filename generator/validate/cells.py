"""Spreadsheet habits in cells, found on the raw text before anything types it.

A Dutch spreadsheet writes `12,5` for 12.5, `1.234` for 1234 and turns a quarter into a
date. Frictionless would call some of these a type error without saying why, and read
others silently wrong (`1.234` euro becomes one euro and 23 cents). One scan over the
raw rows finds them and says what the value should have been. These problems never make
a file unreadable: the later stages still run and report the cell as they see it.

The same scan guards the parser: a cell longer than any the contract allows means an
unclosed quote swallowed the rest of the file, which would otherwise pass unnoticed
(Frictionless reports one type error) or, depending on `csv.field_size_limit`, crash
the loader. That makes the file unreadable.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Any

from generator import contract
from generator.contract import Quarter
from generator.problems import CATALOGUE, Code, Problem, declare, problem

MAX_CELL_CHARS = 10_000
"""Far above the longest text the contract allows (500); a longer cell is a broken quote."""
MAX_PER_COLUMN = 25
"""Same problem in the same column: name this many rows, then count the rest."""
QUARTER_FIELD_PATTERN = "^[0-9]{4}-Q[1-4]$"
"""A field with this pattern in its canonical schema holds a quarter."""
MONEY_MARKERS = ("eur", "inkomen")
"""A number field whose name contains one of these is an amount in euro (two decimals)."""

_HOW_TO_FIX_NUMBERS = (
    "Komt dit uit een spreadsheet, zet dan vóór het opslaan de scheidingstekens goed: in "
    "Excel via Bestand > Opties > Geavanceerd, 'Scheidingstekens van systeem gebruiken' "
    "uit, decimaalteken '.' en geen scheidingsteken voor duizendtallen; in LibreOffice via "
    "Extra > Opties > Taalinstellingen > Talen, landinstelling 'Engels (VS)'.")
_QUARTER_FORM = "jaar, streepje, hoofdletter Q en het kwartaalnummer"

DECIMAL_COMMA = declare(
    "decimal-comma", "Komma als decimaalteken",
    "'{value}' in kolom {field} gebruikt een komma als decimaalteken. {advice} "
    + _HOW_TO_FIX_NUMBERS,
    stage="cells",
    explanation=(
        "Een getal is geschreven met een komma als decimaalteken, zoals `12,5`. De "
        "afspraak is een punt: `12.5`. Nederlandse spreadsheets schrijven standaard een "
        "komma."
        "\n\n"
        "Verbeter het getal, of stel de spreadsheet zo in dat hij punten schrijft (zie "
        "*CSV goed opslaan* in de handleiding) en sla opnieuw op. Staat de komma in een "
        "kolom met aantallen, dan hoort daar een heel getal: controleer dan ook het "
        "getal zelf."
    ))
THOUSANDS_SEPARATOR = declare(
    "thousands-separator", "Scheidingsteken voor duizendtallen",
    "'{value}' in kolom {field} bevat een scheidingsteken voor duizendtallen ({reason}). "
    "Schrijf getallen zonder: {suggestion}. " + _HOW_TO_FIX_NUMBERS,
    stage="cells",
    explanation=(
        "Een getal bevat een scheiding tussen de duizendtallen, zoals `1.234`, `1,234` of "
        "`1 234`. Die scheiding hoort niet in de levering: een computer leest zo'n punt "
        "of komma als decimaalteken, of kan het getal helemaal niet lezen."
        "\n\n"
        "Schrijf getallen zonder scheiding tussen de duizendtallen: `1234`. Geef in de "
        "spreadsheet de kolom de celopmaak *Standaard* in plaats van een getalnotatie met "
        "duizendtallen, en sla opnieuw op."
    ))
AMBIGUOUS_THOUSANDS = declare(
    "ambiguous-thousands", "Punt als duizendtal of decimaalteken?",
    "'{value}' in kolom {field} wordt gelezen als {value} (punt = decimaalteken). "
    "Bedoelt u {suggestion}, dan is de punt een scheidingsteken voor duizendtallen: "
    "schrijf dan {suggestion}. " + _HOW_TO_FIX_NUMBERS,
    severity="warning",
    stage="cells",
    explanation=(
        "Een getal als `1.234` in een kolom waarin decimalen mogen staan (de uren in "
        "`arbeid.csv` of `waarde` in `context.csv`). De controle leest de punt als "
        "decimaalteken, dus als een getal net boven de 1. Bedoelde u twaalfhonderd"
        "vierendertig, dan klopt dat niet."
        "\n\n"
        "Bedoelde u `1234`, haal dan de punt weg. Bedoelde u echt `1.234`, dan is het "
        "goed en hoeft u niets te doen: het is een waarschuwing, geen fout."
    ))
DATE_INSTEAD_OF_QUARTER = declare(
    "date-instead-of-quarter", "Datum in plaats van kwartaal",
    "Kolom {field} vraagt een kwartaal, maar '{value}' is een datum ({date}). Gebruik "
    "{quarter} ({quarter_form}). Staat de kolom in de spreadsheet als datum opgemaakt, "
    "zet hem dan op 'Tekst' en typ het kwartaal opnieuw.",
    stage="cells",
    explanation=(
        "In een kolom voor een kwartaal staat een datum. Meestal heeft de spreadsheet het "
        "kwartaal zelf omgezet in een datum, of is de kolom opgemaakt als datum."
        "\n\n"
        "Schrijf het kwartaal dat de melding voorstelt. Geef de kolom in de spreadsheet de "
        "celopmaak *Tekst* en typ de kwartalen opnieuw, zodat ze niet weer veranderen."
    ))
QUARTER_NOTATION = declare(
    "quarter-notation", "Kwartaal anders geschreven",
    "'{value}' in kolom {field} is niet de afgesproken schrijfwijze van een kwartaal. "
    "Gebruik {quarter} ({quarter_form}), zonder spaties.",
    stage="cells",
    explanation=(
        "Het kwartaal is anders geschreven dan afgesproken, bijvoorbeeld `2026 Q2`, "
        "`Q2-2026`, `2026-K2` of `2026-q2`."
        "\n\n"
        "Schrijf het kwartaal als jaar, streepje, hoofdletter Q en het nummer van het "
        "kwartaal, zonder spaties: `2026-Q2`."
    ))
MALFORMED_CSV = declare(
    "malformed-csv", "CSV-structuur kapot",
    "Vanaf deze rij is het bestand geen geldige CSV meer: {reason}. Meestal staat er "
    "een aanhalingsteken (\") dat niet gesloten wordt, zodat de rest van het bestand in "
    "één cel belandt. Zet tekst met een komma erin tussen twee aanhalingstekens, of haal "
    "het losse aanhalingsteken weg, en sla het bestand opnieuw op als CSV.",
    stage="csv-file",
    explanation=(
        "Vanaf de genoemde rij is het bestand geen geldige CSV meer. Bijna altijd staat er "
        "een los aanhalingsteken (`\"`) in een cel. Alles daarna wordt dan gelezen als één "
        "heel lange cel."
        "\n\n"
        "Zoek in of vlak voor de genoemde rij naar een aanhalingsteken. Haal het weg, of "
        "zet de hele tekst tussen twee aanhalingstekens. Sla daarna opnieuw op als CSV."
    ))
MORE_PROBLEMS = declare(
    "more-problems", "Nog meer van hetzelfde",
    "Nog {count} keer '{repeated}'{where}; alleen de eerste {limit} staan in dit rapport. "
    "Los die op en controleer opnieuw.",
    severity="warning",
    stage="cells",
    explanation=(
        f"Hetzelfde probleem komt in één kolom meer dan {MAX_PER_COLUMN} keer voor. Om de "
        f"lijst leesbaar te houden staan alleen de eerste {MAX_PER_COLUMN} in het rapport; "
        "deze melding telt de rest. De code tussen aanhalingstekens is de code van dat probleem."
        "\n\n"
        "Meestal hebben al die meldingen één oorzaak, bijvoorbeeld een kolom die met "
        "komma's is opgeslagen. Los de oorzaak op en start de controle opnieuw."
    ))

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Day 0 of Excel's date serials (day 60 is its phantom 29 February 1900; we start at 30000)."""

_QUARTER = re.compile(QUARTER_FIELD_PATTERN)
_YEAR_QUARTER = re.compile(r"^(\d{4})\s*[-/_.]?\s*[QqKk]\s*0?([1-4])$")
_QUARTER_YEAR = re.compile(r"^[QqKk]\s*0?([1-4])\s*[-/_.]?\s*(\d{4})$")
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})" + _TIME + "$")
_YEAR_MONTH_DAY = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME + "$")
_EXCEL_SERIAL = re.compile(r"^(\d{5})(?:\.\d+)?$")

_DECIMAL_COMMA = re.compile(r"^-?\d+(?:\.\d{3})*,\d+$")
_COMMA_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+$")
_DOT_THOUSANDS = re.compile(r"^-?\d{1,3}(?:\.\d{3})+$")
_SPACE_THOUSANDS = re.compile(r"^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$")

Hit = tuple[Code, dict[str, Any]]


def scan_cells(records: Iterator[list[str]], header: list[str], resource: str,
               rel: str) -> tuple[list[Problem], bool]:
    """Cell problems of the data rows, and False when the CSV structure broke down.

    `records` is the csv reader positioned after the header, so rows count from 2.
    """
    columns = _columns(header, resource)
    found: list[Problem] = []
    counts: Counter[tuple[str, str]] = Counter()
    row = 1
    try:
        for row, record in enumerate(records, start=2):
            if record and max(map(len, record)) > MAX_CELL_CHARS:
                found.append(problem(MALFORMED_CSV, rel, row, reason=_too_long()))
                return found + _overflow(counts, rel), False
            for index, name, kind in columns:
                hit = _check_cell(kind, record[index]) if index < len(record) else None
                if hit is None:
                    continue
                code, params = hit
                counts[(name, code.code)] += 1
                if counts[(name, code.code)] <= MAX_PER_COLUMN:
                    found.append(problem(code, rel, row, name, value=record[index], **params))
    except csv.Error:
        # Raised on a field above csv.field_size_limit: the same broken quote as above.
        # Its message depends on that process-wide limit (Frictionless raises it), so
        # the steward gets the same Dutch reason whichever way the quote is caught.
        found.append(problem(MALFORMED_CSV, rel, row + 1, reason=_too_long()))
        return found + _overflow(counts, rel), False
    return found + _overflow(counts, rel), True


def header_too_long(header: list[str]) -> bool:
    return any(len(label) > MAX_CELL_CHARS for label in header)


def malformed_header(rel: str) -> Problem:
    return problem(MALFORMED_CSV, rel, 1, reason=_too_long())


def more_problems(rel: str, code: Code, count: int, field: str | None = None) -> Problem:
    """The summary that replaces problems beyond MAX_PER_COLUMN of one kind."""
    where = f" in kolom {field}" if field else ""
    return problem(MORE_PROBLEMS, rel, None, field, count=count, repeated=code.title,
                   where=where, limit=MAX_PER_COLUMN)


def _too_long() -> str:
    return f"een cel is langer dan {MAX_CELL_CHARS} tekens"


def _overflow(counts: Counter[tuple[str, str]], rel: str) -> list[Problem]:
    return [more_problems(rel, CATALOGUE[code], count - MAX_PER_COLUMN, name)
            for (name, code), count in counts.items() if count > MAX_PER_COLUMN]


@cache
def column_kinds(resource: str) -> dict[str, str]:
    """`integer`, `number`, `money` or `quarter` per canonical field the scan looks at."""
    kinds = {}
    for spec in contract.schema(resource)["fields"]:
        name = spec["name"]
        if spec["type"] == "integer":
            kinds[name] = "integer"
        elif spec["type"] == "number":
            kinds[name] = "money" if any(m in name for m in MONEY_MARKERS) else "number"
        elif spec.get("constraints", {}).get("pattern") == QUARTER_FIELD_PATTERN:
            kinds[name] = "quarter"
    return kinds


def _columns(header: list[str], resource: str) -> list[tuple[int, str, str]]:
    """(index, name, kind) of the scanned columns; a duplicated one counts at its first place."""
    labels = set(header)
    return [(header.index(name), name, kind)
            for name, kind in column_kinds(resource).items() if name in labels]


def _check_cell(kind: str, value: str) -> Hit | None:
    text = value.strip()
    if not text:
        return None
    if kind == "quarter":
        return _check_quarter(value, text)
    return _check_number(kind, text)


def _check_number(kind: str, text: str) -> Hit | None:
    if text.isdigit():
        return None  # the common case, clean
    if "," in text:
        if kind == "integer" and _COMMA_THOUSANDS.match(text):
            return THOUSANDS_SEPARATOR, _thousands(kind, text.replace(",", ""))
        if _DECIMAL_COMMA.match(text):
            if kind == "integer":
                # A count has no decimals at all: 1.5 would only swap one error for another.
                return DECIMAL_COMMA, {"advice": "Deze kolom vraagt een geheel getal (een "
                                                 "aantal): vul het aantal in zonder decimalen."}
            suggestion = text.replace(".", "").replace(",", ".")
            return DECIMAL_COMMA, {"advice": f"Het contract vraagt een punt: schrijf {suggestion}."}
    if _SPACE_THOUSANDS.match(text):
        plain = re.sub(r"[ \u00a0\u202f]", "", text).replace(",", ".")
        return THOUSANDS_SEPARATOR, _thousands(kind, plain)
    if "." in text and _DOT_THOUSANDS.match(text):
        plain = text.replace(".", "")
        if kind == "number" and text.count(".") == 1:
            # 1.234 uren could be 1.234 or 1234; only the region knows.
            return AMBIGUOUS_THOUSANDS, {"suggestion": plain}
        return THOUSANDS_SEPARATOR, _thousands(kind, plain)
    return None


def _thousands(kind: str, plain: str) -> dict[str, Any]:
    reason = {
        "integer": "in deze kolom staan hele getallen",
        "money": "een bedrag in euro heeft nooit drie decimalen",
    }.get(kind, "een getal heeft hoogstens één decimaalteken")
    return {"suggestion": plain, "reason": reason}


def _check_quarter(value: str, text: str) -> Hit | None:
    if _QUARTER.fullmatch(value):
        return None
    spelled = _respelled_quarter(text)
    if spelled is not None:
        return QUARTER_NOTATION, {"quarter": spelled, "quarter_form": _QUARTER_FORM}
    day = _as_date(text)
    if day is not None:
        return DATE_INSTEAD_OF_QUARTER, {
            "date": f"{day.day} {_MONTHS[day.month - 1]} {day.year}",
            "quarter": Quarter.of_date(day), "quarter_form": _QUARTER_FORM,
        }
    return None


def _respelled_quarter(text: str) -> Quarter | None:
    if match := _YEAR_QUARTER.match(text):
        return Quarter(int(match.group(1)), int(match.group(2)))
    if match := _QUARTER_YEAR.match(text):
        return Quarter(int(match.group(2)), int(match.group(1)))
    return None


def _as_date(text: str) -> dt.date | None:
    """The date a spreadsheet made of a quarter cell: Dutch day-month-year, ISO or a serial."""
    try:
        if match := _DAY_MONTH_YEAR.match(text):
            year = int(match.group(4))
            year += 2000 if year < 100 else 0
            return dt.date(year, int(match.group(3)), int(match.group(1)))
        if match := _YEAR_MONTH_DAY.match(text):
            return dt.date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    except ValueError:
        return None  # 31-02-2024 is no date; Frictionless reports the bad quarter
    if (match := _EXCEL_SERIAL.match(text)) and 30000 <= int(match.group(1)) <= 60000:
        return _EXCEL_EPOCH + dt.timedelta(days=int(match.group(1)))
    return None
