"""Run Frictionless on a region's CSVs against the canonical schemas, in Dutch.

Frictionless checks types, constraints, primary keys and foreign keys. It always gets the
canonical schema from `generator/contract`, never the region's own copy, and only the
files the file checks found readable. Its errors are mapped onto our codes with a
message built from the schema, so a data steward reads which values are allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from frictionless import Package, Resource, Schema

from generator import contract
from generator.problems import Problem, declare, problem

BOM = b"\xef\xbb\xbf"


def _max_length(resource: str, field: str) -> int:
    return contract.field(resource, field)["constraints"]["maxLength"]


EXTRA_CELL = declare(
    "extra-cell", "Te veel cellen in de rij",
    "Deze rij heeft meer cellen dan er kolommen zijn. Staat er een komma in een tekst? "
    "Zet die tekst dan tussen dubbele aanhalingstekens, of haal de komma weg. Staat er een "
    "getal met een komma (12,5)? Schrijf het met een punt (12.5).",
    stage="cells",
    explanation=(
        "Deze rij heeft meer cellen dan de kopregel kolommen heeft. Meestal staat er een "
        "komma in een tekst, of een getal met een komma (zoals `12,5`), zonder "
        "aanhalingstekens eromheen. De komma telt dan als scheiding tussen twee cellen."
        "\n\n"
        "Zet tekst met een komma tussen dubbele aanhalingstekens (`\"Zorg, welzijn\"`); "
        "een spreadsheet doet dat zelf bij het opslaan als CSV. Schrijf getallen met een "
        "punt: `12.5`."
    ))
MISSING_CELL = declare(
    "missing-cell", "Te weinig cellen in de rij",
    "Deze rij heeft minder cellen dan er kolommen zijn; {columns} ontbreken. "
    "Vul de rij aan (een lege waarde schrijft u als niets tussen twee komma's).",
    stage="cells",
    explanation=(
        "Deze rij heeft minder cellen dan de kopregel kolommen heeft. Er ontbreken "
        "komma's aan het eind, of de rij is afgebroken."
        "\n\n"
        "Vul de rij aan tot alle kolommen er zijn. Een lege cel schrijft u als niets "
        "tussen twee komma's, bijvoorbeeld `2026-Q2,taal-werk,geen,3,,`."
    ))
BLANK_ROW = declare(
    "blank-row", "Lege rij",
    "Deze rij is leeg. Verwijder lege rijen.",
    stage="cells",
    explanation=(
        "Deze rij is leeg, of bevat alleen komma's. Excel en LibreOffice schrijven zulke "
        "rijen soms als er ooit iets in heeft gestaan."
        "\n\n"
        "Verwijder de lege rijen. Selecteer in de spreadsheet de rijen onder de tabel en "
        "kies *Rijen verwijderen*."
    ))
REQUIRED = declare(
    "required-value", "Verplichte waarde ontbreekt",
    "De kolom {field} is verplicht en mag niet leeg zijn.",
    stage="cells",
    explanation=(
        "Een cel die altijd gevuld moet zijn, is leeg. Leeg mogen alleen: "
        "`beschikbaar_vanaf` (zolang een traject in ontwikkeling is), `score_t1` (zolang "
        "er geen 1-meting is), `actief_na_6_maanden` en `actief_na_12_maanden` (zolang "
        "dat nog niet bekend is) en `toelichting`."
        "\n\n"
        "Vul de cel. Is een aantal nul, schrijf dan `0`; laat de cel niet leeg."
    ))
TYPE_ERROR = declare(
    "type-error", "Geen geldig getal",
    "'{value}' is geen {expected}. {advice}",
    stage="cells",
    explanation=(
        "In een kolom voor getallen staat iets dat geen getal is, zoals `n.v.t.`, `-`, "
        "`?` of een tekst. Of in een kolom voor hele getallen (aantallen) staat een getal "
        "met decimalen, zoals `2.5`."
        "\n\n"
        "Vul een getal in. Aantallen zijn altijd hele getallen. Bij bedragen en uren "
        "schrijft u decimalen met een punt (`1234.50`), zonder euroteken en zonder punt "
        "of spatie tussen de duizendtallen."
    ))
_TYPE_ADVICE = {
    "integer": ("geheel getal", "Vul een geheel getal in, in cijfers, zonder punt of komma "
                                "(bijvoorbeeld 1250)."),
    "number": ("getal", "Vul een getal in, in cijfers, met een punt als decimaalteken en "
                        "zonder scheidingstekens voor duizendtallen (bijvoorbeeld 1250.50)."),
}
NOT_ALLOWED = declare(
    "value-not-allowed", "Waarde niet toegestaan",
    "'{value}' is geen toegestane waarde voor {field}. Kies uit: {allowed}. "
    "Let op kleine letters en liggende streepjes.",
    stage="cells",
    explanation=(
        "Deze kolom kent een vaste lijst met codes en de waarde staat niet op die lijst. "
        "Vaak is het bijna goed: een hoofdletter, een spatie, een streepje in plaats van "
        "een liggend streepje (`_`), of een trema (`beëindigd` in plaats van `beeindigd`)."
        "\n\n"
        "Kies een code uit de lijst in de melding. De lijsten staan ook bij elke tabel in "
        "de handleiding. Schrijf codes altijd in kleine letters, zonder spaties."
    ))
BAD_FORMAT = declare(
    "invalid-format", "Onjuiste notatie",
    "'{value}' heeft niet de juiste vorm voor {field}: {expected}.",
    stage="cells",
    explanation=(
        "De waarde heeft niet de afgesproken vorm. Dat gaat om kwartalen (`2026-Q2`), "
        "codes van trajecten en regio's (kleine letters, cijfers en streepjes, zonder "
        "spaties) en de code van een arbeidsmarktregio (`AM` en twee cijfers)."
        "\n\n"
        "Schrijf de waarde in de vorm uit de melding. Een kwartaal is altijd het jaar, een "
        "streepje, een hoofdletter Q en het nummer van het kwartaal."
    ))
TOO_SMALL = declare(
    "below-minimum", "Waarde te klein",
    "{field} moet minstens {minimum} zijn; hier staat {value}.",
    stage="cells",
    explanation=(
        "Het getal is kleiner dan toegestaan. Aantallen en bedragen zijn nooit negatief. "
        "In `metingen.csv` (kolom `aantal`) en `factoren.csv` (kolom `vermeldingen`) is "
        "het kleinste getal 1."
        "\n\n"
        "Verbeter het getal. Een rij in `metingen.csv` of `factoren.csv` met 0 laat u "
        "helemaal weg."
    ))
TOO_LONG = declare(
    "too-long", "Tekst te lang",
    "De tekst in {field} is {length} tekens lang; het maximum is {maximum}. Kort hem in.",
    stage="cells",
    explanation=(
        "De tekst is langer dan toegestaan. De grenzen zijn: "
        f"`naam` {_max_length('trajecten', 'naam')} tekens, "
        f"`factor` {_max_length('factoren', 'factor')} tekens, "
        f"`bron` {_max_length('context', 'bron')} tekens en "
        f"`toelichting` {_max_length('borging', 'toelichting')} tekens."
        "\n\n"
        "Maak de tekst korter."
    ))
DUPLICATE_KEY = declare(
    "duplicate-row", "Dubbele rij",
    "Deze combinatie van {key} staat al eerder in het bestand (rij {first}); elke "
    "combinatie mag maar één keer voorkomen. Voeg de twee rijen samen (tel aantallen bij "
    "elkaar op) of verwijder de rij die er te veel staat.",
    stage="cells",
    explanation=(
        "Deze rij heeft dezelfde waarden in de sleutelkolommen als een eerdere rij in het "
        "bestand. Per tabel staat in de handleiding welke kolommen samen de sleutel "
        "vormen; die combinatie mag maar één keer voorkomen."
        "\n\n"
        "Gaat het om aantallen of bedragen (`instroom`, `uitstroom`, `bewijzen`, "
        "`matches`, `kosten`, `factoren`), tel ze dan op in één rij en verwijder de "
        "andere. In `trajecten`, `borging`, `context`, `arbeid` en `regios` is er per "
        "sleutel maar één juiste rij: houd die over. Twee verschillende trajecten krijgen "
        "elk een eigen `traject_id`."
    ))
UNKNOWN_REFERENCE = declare(
    "unknown-traject", "Onbekend traject",
    "Traject '{value}' staat niet in trajecten.csv. Voeg het traject daar toe of "
    "corrigeer de code.",
    stage="cross-table-rules",
    explanation=(
        "De `traject_id` in deze rij staat niet in `trajecten.csv`. Vaak is het een "
        "tikfout, of is een nieuw traject nog niet aan `trajecten.csv` toegevoegd."
        "\n\n"
        "Verbeter de code, of voeg het traject toe aan `trajecten.csv`."
    ))
UNREADABLE = declare(
    "unreadable-table", "Bestand niet te lezen",
    "Het bestand kon hier niet als CSV worden gelezen (technische melding: {detail}). Sla "
    "het opnieuw op als CSV UTF-8 met komma's (zie de handleiding, 'Opslaan als CSV'); "
    "blijft de melding, neem dan contact op met het onderzoeksteam.",
    stage="csv-file",
    explanation=(
        "Het bestand kon om een andere reden niet als tabel worden gelezen. Dit komt "
        "zelden voor. De uitleg tussen haakjes komt van de onderdelen die het bestand "
        "lezen en kan in het Engels zijn."
        "\n\n"
        "Sla het bestand opnieuw op als CSV UTF-8 met komma's. Blijft de melding, stuur "
        "haar dan door naar het team van de monitor."
    ))

_QUARTER_HELP = "een kwartaal als JJJJ-Qn met een hoofdletter Q, bijvoorbeeld 2024-Q3"
_CONSTRAINT = re.compile(r'constraint "(\w+)"')


def check_tables(folder: Path, rel_folder: str, files: dict[str, Path]) -> list[Problem]:
    """Frictionless problems of the readable CSVs of one region."""
    if not files:
        return []
    resources = []
    for name, path in files.items():
        schema = contract.schema(name)
        if "trajecten" not in files:
            # Without a readable trajecten.csv every reference would fail: report the
            # cause (the trajecten file) once instead of a cascade.
            schema.pop("foreignKeys", None)
        resources.append({
            "name": name,
            "path": path.name,
            "format": "csv",
            "encoding": "utf-8-sig" if path.read_bytes()[:3] == BOM else "utf-8",
            "schema": schema,
            "dialect": {"csv": {"delimiter": ","}},
        })
    package = Package({"name": "levering", "resources": resources}, basepath=str(folder))
    report = package.validate()
    found = []
    for task in report.tasks:
        rel = f"{rel_folder}/{task.name}.csv"
        found.extend(_translate(task.errors, rel, task.name))
    return found


def check_register_table(path: Path, rel: str) -> list[Problem]:
    encoding = "utf-8-sig" if path.read_bytes()[:3] == BOM else "utf-8"
    resource = Resource(path=path.name, basepath=str(path.parent), format="csv",
                        encoding=encoding,
                        schema=Schema.from_descriptor(contract.schema(contract.REGISTER)))
    report = resource.validate()
    return [p for task in report.tasks for p in _translate(task.errors, rel, contract.REGISTER)]


def _translate(errors: Iterable[Any], rel: str, resource: str) -> list[Problem]:
    errors = _without_echoes(list(errors))
    fields = {f["name"]: f for f in contract.schema(resource)["fields"]}
    first_seen: dict[str, int] = {}
    ragged_rows: set[int | None] = set()
    found = []
    for error in errors:
        row = getattr(error, "row_number", None)
        field_name = getattr(error, "field_name", None) or None
        spec = fields.get(field_name or "", {})
        value = "" if getattr(error, "cell", None) is None else str(error.cell)
        kind = error.type
        if kind == "type-error":
            expected, advice = _TYPE_ADVICE.get(spec.get("type", ""), ("geldige waarde", ""))
            found.append(problem(TYPE_ERROR, rel, row, field_name, value=value,
                                 expected=expected, advice=advice))
        elif kind == "constraint-error":
            found.append(_constraint_problem(error.note, rel, row, field_name, spec, value))
        elif kind == "primary-key":
            key = ", ".join(contract.schema(resource).get("primaryKey", []))
            cells = ",".join(str(c) for c in getattr(error, "cells", []))
            first = first_seen.setdefault(cells, row)
            found.append(problem(DUPLICATE_KEY, rel, row, None, key=key, first=_first_row(error, first)))
        elif kind == "foreign-key":
            cells = getattr(error, "cells", [])
            ref_value = _foreign_value(error, cells)
            found.append(problem(UNKNOWN_REFERENCE, rel, row, "traject_id", value=ref_value))
        elif kind == "extra-cell":
            found.append(problem(EXTRA_CELL, rel, row, None))
        elif kind == "missing-cell":
            # One problem per ragged row, at its first missing column.
            if row in ragged_rows:
                continue
            ragged_rows.add(row)
            columns = [e.field_name for e in errors
                       if e.type == "missing-cell" and e.row_number == row]
            found.append(problem(MISSING_CELL, rel, row, field_name, columns=", ".join(columns)))
        elif kind == "blank-row":
            found.append(problem(BLANK_ROW, rel, row, None))
        else:
            # Header and source errors are caught by the file checks before Frictionless
            # runs; anything left is still reported, never dropped.
            found.append(problem(UNREADABLE, rel, row, field_name, detail=error.note or kind))
    return found


def _without_echoes(errors: list[Any]) -> list[Any]:
    """Drop the errors Frictionless adds on top of a missing cell or a blank row."""
    missing = {(e.row_number, e.field_name) for e in errors if e.type == "missing-cell"}
    blank = {e.row_number for e in errors if e.type == "blank-row"}
    kept = []
    for error in errors:
        row = getattr(error, "row_number", None)
        if error.type == "constraint-error" and (row, error.field_name) in missing:
            continue
        if error.type in {"primary-key", "foreign-key"} and row in blank:
            continue
        kept.append(error)
    return kept


def _constraint_problem(note: str, rel: str, row: int | None, field_name: str | None,
                        spec: dict[str, Any], value: str) -> Problem:
    match = _CONSTRAINT.search(note or "")
    constraint = match.group(1) if match else ""
    rules = spec.get("constraints", {})
    if constraint == "required":
        return problem(REQUIRED, rel, row, field_name)
    if constraint == "enum":
        return problem(NOT_ALLOWED, rel, row, field_name, value=value,
                       allowed=", ".join(rules.get("enum", [])))
    if constraint == "pattern":
        expected = _QUARTER_HELP if "Q[1-4]" in rules.get("pattern", "") else _pattern_help(rules.get("pattern", ""))
        return problem(BAD_FORMAT, rel, row, field_name, value=value, expected=expected)
    if constraint == "minimum":
        return problem(TOO_SMALL, rel, row, field_name, minimum=rules.get("minimum"), value=value)
    if constraint == "maxLength":
        return problem(TOO_LONG, rel, row, field_name, length=len(value),
                       maximum=rules.get("maxLength"))
    return problem(UNREADABLE, rel, row, field_name, detail=note)


def _pattern_help(pattern: str) -> str:
    if pattern.startswith("^AM"):
        return "AM gevolgd door twee cijfers, bijvoorbeeld AM05"
    return "alleen kleine letters, cijfers en streepjes, zonder spaties"


def _first_row(error: Any, fallback: int) -> int:
    note = getattr(error, "note", "") or ""
    match = re.search(r"row at position \"?(\d+)\"?", note)
    return int(match.group(1)) if match else fallback


def _foreign_value(error: Any, cells: list[Any]) -> str:
    note = getattr(error, "note", "") or ""
    match = re.search(r'values "([^"]*)" not found', note)
    return match.group(1) if match else ",".join(str(c) for c in cells)
