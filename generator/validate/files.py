"""Checks on each CSV's bytes, before anything parses it.

Spreadsheets export many things that look like CSV: a workbook renamed to .csv, text in
Windows-1252 or UTF-16, semicolons, a header in another order. Each gets a problem that
says what is wrong and how to save the file right; none is read silently wrong, and no
file can crash or stall the validator (size is checked before reading, the parser is
guarded). `check_csv` reads a file once and tells the later stages whether they may
parse it as the contract's CSV: UTF-8, commas, exactly the canonical header.

A UTF-8 byte-order mark (BOM) is a warning, not an error: `utf8-bom`, and the file stays
readable. Excel's "CSV UTF-8" writes one, and Frictionless 5 reads past it: its encoding
detector turns `utf-8` into `utf-8-sig` when the bytes start with a BOM, even when the
package declares `utf-8` (checked in `tests/validate/test_files.py`). Our own stages
decode with `utf-8-sig`. It stays a warning because other readers do not skip it
(pandas with `encoding="utf-8"` names the first column "\\ufeffperiode").
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
from itertools import islice
from pathlib import Path

from generator import contract
from generator.validate import cells
from generator.problems import Problem, declare, problem

MAX_FILE_BYTES = 50 * 1024 * 1024
"""A quarter's aggregates are kilobytes; anything near this is the wrong file."""
SAMPLE_BYTES = 64 * 1024
"""How much of the file the binary sniffing looks at."""
MAX_CONTROL_SHARE = 0.05
MAX_HIGH_BYTE_SHARE = 0.30
"""Shares of odd bytes above which a non-UTF-8 file is taken for binary, not text."""

_SAVE_AS_CSV = (
    "Sla het bestand op als CSV. Het eenvoudigst gaat dat in LibreOffice Calc: Bestand > "
    "Opslaan als, bestandstype 'Tekst CSV (.csv)', 'Filterinstellingen bewerken' "
    "aangevinkt, tekenset 'Unicode (UTF-8)' en veldscheidingsteken ','. In Excel: Opslaan "
    "als > 'CSV UTF-8 (door komma's gescheiden)'; Nederlandse Excel schrijft dan toch ';' "
    "zolang Windows dat als lijstscheidingsteken heeft. Zet dat om via Configuratiescherm > "
    "Klok en regio > Regio > Aanvullende instellingen: lijstscheidingsteken ',' en "
    "decimaalteken '.'. Zie ook de handleiding, 'Opslaan als CSV'.")

NOT_A_FILE = declare(
    "not-a-regular-file", "Geen gewoon bestand",
    "Dit is geen gewoon bestand maar {kind}. Lever een gewoon CSV-bestand.",
    stage="folder",
    explanation=(
        "Onder de naam van een CSV-bestand staat geen gewoon bestand, maar bijvoorbeeld een "
        "map of een snelkoppeling (symbolische link). De controle opent zoiets niet."
        "\n\n"
        "Vervang het door een gewoon CSV-bestand met dezelfde naam."
    ))
UNREADABLE_FILE = declare(
    "file-unreadable", "Bestand niet te openen",
    "Het bestand kan niet worden geopend (technische melding: {reason}). Controleer of het "
    "niet nog open staat in een ander programma en of u het mag lezen, en probeer opnieuw.",
    stage="csv-file",
    explanation=(
        "De computer kan het bestand niet openen, bijvoorbeeld omdat u er geen rechten op "
        "heeft of omdat een ander programma het vasthoudt. De reden tussen haakjes komt "
        "van het besturingssysteem en kan in het Engels zijn."
        "\n\n"
        "Sluit het bestand in andere programma's, controleer of u het zelf kunt openen, en "
        "start de controle opnieuw."
    ))
TOO_LARGE = declare(
    "file-too-large", "Bestand te groot",
    "Het bestand is {size_mb} MB; de grens is {limit_mb} MB. Een levering bevat alleen "
    "totalen per kwartaal en is veel kleiner: controleer of dit het goede bestand is.",
    stage="csv-file",
    explanation=(
        f"Het bestand is groter dan {MAX_FILE_BYTES // 1024 // 1024} MB. Een levering "
        "bevat alleen totalen per kwartaal en is meestal maar een paar kilobyte. "
        "Waarschijnlijk is dit het verkeerde bestand, bijvoorbeeld een uitdraai met een "
        "rij per deelnemer."
        "\n\n"
        "Controleer welk bestand u heeft opgeslagen. Lever nooit bestanden met een rij per "
        "persoon."
    ))
EMPTY = declare(
    "empty-file", "Leeg bestand",
    "Het bestand is leeg: er staat zelfs geen kopregel in. Heeft u over dit kwartaal niets "
    "te melden, lever dan een bestand met alleen de kopregel: {columns}.",
    stage="csv-file",
    explanation=(
        "Het bestand is helemaal leeg: zelfs de kopregel met kolomnamen ontbreekt."
        "\n\n"
        "Heeft u niets te melden, zet dan alleen de kopregel in het bestand. De melding "
        "noemt de kolommen; u vindt ze ook bij elke tabel in de handleiding."
    ))
EXCEL = declare(
    "excel-file", "Excel-bestand in plaats van CSV",
    "Dit is geen CSV-bestand maar {kind}, opgeslagen met de naam .csv. Open het in de "
    "spreadsheet. " + _SAVE_AS_CSV,
    stage="csv-file",
    explanation=(
        "Dit is een werkmap van Excel (`.xlsx` of `.xls`) of LibreOffice (`.ods`) die alleen "
        "een andere naam heeft gekregen. Een nieuwe naam maakt er geen CSV-bestand van."
        "\n\n"
        "Open de werkmap in Excel of LibreOffice en sla hem op via *Opslaan als* met "
        "bestandstype CSV, zoals beschreven in *CSV goed opslaan* in de handleiding."
    ))
BINARY = declare(
    "binary-file", "Geen tekstbestand",
    "Dit is geen CSV-bestand: het bevat {reason}. Misschien is een ander bestand (zoals "
    "een .xlsx) onder een .csv-naam opgeslagen. " + _SAVE_AS_CSV,
    stage="csv-file",
    explanation=(
        "Het bestand bevat geen tekst. Meestal is een ander soort bestand onder een "
        "`.csv`-naam opgeslagen."
        "\n\n"
        "Sla de gegevens opnieuw op als CSV, zoals beschreven in *CSV goed opslaan* in de "
        "handleiding."
    ))
UTF16 = declare(
    "utf16-file", "UTF-16 in plaats van UTF-8",
    "Dit bestand is opgeslagen als UTF-16 (in Excel 'Unicode-tekst'), niet als UTF-8. "
    + _SAVE_AS_CSV,
    stage="csv-file",
    explanation=(
        "Het bestand is opgeslagen als UTF-16. Excel doet dat bij het bestandstype "
        "*Unicode-tekst*. De controle vraagt UTF-8."
        "\n\n"
        "Sla het bestand opnieuw op als *CSV UTF-8*, of met LibreOffice als *Tekst CSV* "
        "met tekenset *Unicode (UTF-8)*."
    ))
BOM = declare(
    "utf8-bom", "Onzichtbaar BOM-teken vooraan",
    "Het bestand begint met een BOM, een onzichtbaar teken dat Excel bij 'CSV UTF-8' "
    "vooraan zet. De levering wordt zo geaccepteerd, maar andere programma's zien het "
    "als deel van de eerste kolomnaam. Sla het zonder BOM op: in LibreOffice als Tekst "
    "CSV met tekenset 'Unicode (UTF-8)', of in Kladblok via Opslaan als, codering 'UTF-8' "
    "(niet 'UTF-8 met BOM').",
    severity="warning",
    stage="csv-file",
    explanation=(
        "Het bestand begint met een onzichtbaar teken, de BOM. Excel zet dat teken vooraan "
        "als u opslaat als *CSV UTF-8*. De controle leest het bestand goed en de levering "
        "wordt geaccepteerd. Sommige andere programma's zien het teken wel als deel van de "
        "eerste kolomnaam; daarom krijgt u een waarschuwing."
        "\n\n"
        "U hoeft niets te doen. Wilt u de waarschuwing kwijt, sla het bestand dan op met "
        "LibreOffice (dat zet geen BOM), of open het in Kladblok en kies bij *Opslaan als* "
        "de codering *UTF-8* (niet *UTF-8 met BOM*)."
    ))
NOT_UTF8 = declare(
    "not-utf8", "Niet opgeslagen als UTF-8",
    "Dit bestand is niet in UTF-8 opgeslagen maar waarschijnlijk in {encoding}: deze rij "
    "bevat het eerste teken dat geen UTF-8 is ({char}). " + _SAVE_AS_CSV,
    stage="csv-file",
    explanation=(
        "Het bestand is opgeslagen in een oudere tekenset, meestal Windows-1252 (ANSI). "
        "Excel doet dat bij het gewone bestandstype *CSV (gescheiden door "
        "lijstscheidingsteken)*. Letters als é, ë en het teken € komen dan verkeerd over. "
        "De melding wijst de rij aan met het eerste teken dat niet klopt."
        "\n\n"
        "Sla het bestand opnieuw op in UTF-8: in Excel als *CSV UTF-8 (door komma's "
        "gescheiden)*, in LibreOffice als *Tekst CSV* met tekenset *Unicode (UTF-8)*."
    ))
WRONG_DELIMITER = declare(
    "wrong-delimiter", "Verkeerd scheidingsteken",
    "Dit bestand gebruikt {delimiter} als scheidingsteken; het contract vraagt komma's. "
    + _SAVE_AS_CSV,
    stage="csv-file",
    explanation=(
        "De cellen zijn gescheiden door een puntkomma (`;`) of een tab in plaats van een "
        "komma. Nederlandse Excel schrijft standaard puntkomma's. De controle leest de "
        "inhoud van het bestand pas als dit is opgelost."
        "\n\n"
        "Sla het bestand opnieuw op met komma's. Dat gaat het makkelijkst met LibreOffice; "
        "voor Excel staat in *CSV goed opslaan* in de handleiding wat u moet instellen."
    ))
MISSING_HEADER = declare(
    "missing-header", "Kopregel ontbreekt",
    "Rij 1 bevat geen kolomnamen maar lijkt al gegevens te bevatten. Zet op rij 1 de "
    "kolomnamen van het contract, in deze volgorde: {columns}.",
    stage="cells",
    explanation=(
        "Op rij 1 staan geen kolomnamen, maar al gegevens. De kopregel ontbreekt dus, of "
        "staat niet bovenaan."
        "\n\n"
        "Zet op rij 1 de kolomnamen van de tabel, in de volgorde uit de melding. Haal "
        "eventuele titelregels of lege regels boven de kopregel weg."
    ))
MISSING_COLUMN = declare(
    "missing-column", "Kolom ontbreekt",
    "De kolom {field} ontbreekt. Rij 1 moet precies deze kolommen bevatten, in deze "
    "volgorde: {columns}. Ook een kolom die in dit kwartaal leeg mag blijven, levert u "
    "mee (met alleen de kolomnaam in rij 1).",
    stage="cells",
    explanation=(
        "Een afgesproken kolom staat niet in de kopregel. Soms is de kolom er wel, maar "
        "anders geschreven, met een hoofdletter of een spatie."
        "\n\n"
        "Zet de kolom erbij, met precies de naam uit de melding. Ook een kolom waarvan de "
        "cellen leeg mogen zijn, levert u altijd mee."
    ))
EXTRA_COLUMN = declare(
    "extra-column", "Kolom buiten het contract",
    "De kolom {label} hoort niet bij het contract.{hint} Alleen de kolommen van het "
    "contract mogen geleverd worden ({columns}): een extra kolom kan persoonsgegevens "
    "bevatten. Verwijder de kolom en sla het bestand opnieuw op.",
    stage="cells",
    explanation=(
        "Er staat een kolom in het bestand die niet in de afspraken staat. Dat is een "
        "fout, omdat een extra kolom gegevens over personen kan bevatten. Vaak gaat het om "
        "een hulpkolom, een kolom met opmerkingen, een verkeerd gespelde kolomnaam of een "
        "lege kolom zonder naam aan het eind."
        "\n\n"
        "Verwijder de kolom. Is het een verkeerd gespelde naam, verbeter dan de naam; de "
        "melding zegt welke naam waarschijnlijk bedoeld is. Een kolom zonder naam haalt u "
        "weg door in de spreadsheet de lege kolommen rechts van de tabel te selecteren en "
        "te verwijderen."
    ))
DUPLICATE_COLUMN = declare(
    "duplicate-column", "Dubbele kolom",
    "De kolom {field} staat {count} keer in rij 1. Elke kolom mag maar één keer "
    "voorkomen: verwijder de dubbele.",
    stage="cells",
    explanation=(
        "Dezelfde kolomnaam staat meer dan eens in de kopregel."
        "\n\n"
        "Houd één kolom met die naam over. Kijk goed welke kolom de juiste waarden heeft "
        "voordat u de andere verwijdert."
    ))
COLUMN_ORDER = declare(
    "column-order", "Kolommen in andere volgorde",
    "De kolommen staan in een andere volgorde dan het contract vraagt. Zet ze in deze "
    "volgorde: {columns}. Nu staan ze zo: {actual}.",
    stage="cells",
    explanation=(
        "Alle kolommen zijn er, maar in een andere volgorde dan afgesproken."
        "\n\n"
        "Zet de kolommen in de volgorde uit de melding. In de spreadsheet kunt u een kolom "
        "knippen en op de juiste plek invoegen."
    ))

_DELIMITER_NAMES = {";": "een puntkomma (';')", "\t": "een tab"}
_HEADER_LOOKAHEAD = 1000
"""Row 1 is a header when one of its first this many labels is a contract name."""
_LABEL_SHOWN = 60
"""A hostile header can hold a very long label; messages show its start only."""


def check_csv(path: Path, rel: str, resource: str) -> tuple[list[Problem], bool]:
    """The file's problems, and whether later stages may parse it as the contract's CSV."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            # A link could point outside the repository, a FIFO or device would block.
            return [problem(NOT_A_FILE, rel, kind=_kind(info.st_mode))], False
        if info.st_size > MAX_FILE_BYTES:
            return [_too_large(rel, info.st_size)], False
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may have grown since lstat
    except OSError as exc:
        return [problem(UNREADABLE_FILE, rel, reason=exc.strerror or exc)], False
    if len(data) > MAX_FILE_BYTES:
        return [_too_large(rel, len(data))], False
    return check_bytes(data, rel, resource)


def check_bytes(data: bytes, rel: str, resource: str) -> tuple[list[Problem], bool]:
    """`check_csv` on bytes already read."""
    fatal = _not_a_csv(data, rel, resource)
    if fatal is not None:
        return [fatal], False
    found: list[Problem] = []
    if data.startswith(codecs.BOM_UTF8):
        found.append(problem(BOM, rel))
        data = data[len(codecs.BOM_UTF8):]
    text, encoding_problem = _decode(data, rel)
    if encoding_problem is not None:
        binary = _binary_reason(data, utf8=False)
        if binary is not None:
            return [problem(BINARY, rel, reason=binary)], False
        found.append(encoding_problem)
    delimiter = _delimiter(text)
    if delimiter != ",":
        found.append(problem(WRONG_DELIMITER, rel, 1, delimiter=_DELIMITER_NAMES[delimiter]))
    header_problems, parsed = _check_text(text, delimiter, rel, resource)
    found.extend(header_problems)
    readable = parsed and not any(p.severity == "error" and p.code in _FATAL for p in found)
    return found, readable


def _too_large(rel: str, size: int) -> Problem:
    return problem(TOO_LARGE, rel, size_mb=round(size / 1024 / 1024, 1),
                   limit_mb=MAX_FILE_BYTES // 1024 // 1024)


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "een symbolische link"
    if stat.S_ISDIR(mode):
        return "een map"
    return "een speciaal bestand (apparaat, pipe of socket)"


def _not_a_csv(data: bytes, rel: str, resource: str) -> Problem | None:
    """The problem that rules out reading these bytes as text at all, if any."""
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        return problem(EMPTY, rel, columns=",".join(contract.field_names(resource)))
    if data.startswith(b"PK\x03\x04"):
        return problem(EXCEL, rel, kind="een Excel-werkmap (.xlsx) of ander zip-bestand (zoals .ods)")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return problem(EXCEL, rel, kind="een oude Excel-werkmap (.xls)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return problem(UTF16, rel)
    reason = _binary_reason(data, utf8=True)
    return problem(BINARY, rel, reason=reason) if reason is not None else None


def _binary_reason(data: bytes, utf8: bool) -> str | None:
    """Why these bytes are no text, or None. `utf8=False` once they failed to decode."""
    if b"\x00" in data:
        return "nul-bytes (NUL), die in tekst nooit voorkomen"
    sample = data[:SAMPLE_BYTES]
    control = sum(sample.count(byte) for byte in _CONTROL_BYTES)
    if control > MAX_CONTROL_SHARE * len(sample):
        return "vooral tekens die geen tekst zijn"
    high = len(sample.translate(None, _ASCII))
    if not utf8 and high > MAX_HIGH_BYTE_SHARE * len(sample):
        return "vooral tekens die geen tekst zijn"
    return None


_ASCII = bytes(range(0x80))
_CONTROL_BYTES = [bytes([b]) for b in (*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F)]
"""Control characters that never occur in a CSV (tab, newlines and form feed excepted)."""


def _decode(data: bytes, rel: str) -> tuple[str, Problem | None]:
    """The text, decoded as UTF-8 or else as the Windows code page a spreadsheet used."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start:exc.start + 1]
        for codec, name in (("cp1252", "Windows-1252 (ANSI)"), ("latin-1", "ISO-8859-1 (Latin-1)")):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            char = f"'{bad.decode(codec)}', byte 0x{bad.hex()}"
            return text, problem(NOT_UTF8, rel, row, encoding=name, char=char)
    raise AssertionError("latin-1 decodes every byte")


def _delimiter(text: str) -> str:
    """The separator of the first line: the most frequent of ',', ';' and TAB."""
    first_line = text.split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _check_text(text: str, delimiter: str, rel: str, resource: str) -> tuple[list[Problem], bool]:
    """Header and cell problems, and False when the CSV structure itself broke down."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, [])
    except csv.Error:  # a field above csv.field_size_limit: an unclosed quote
        return [cells.malformed_header(rel)], False
    if cells.header_too_long(header):
        return [cells.malformed_header(rel)], False
    header_problems = check_header(header, rel, resource)
    if any(p.code == MISSING_HEADER.code for p in header_problems):
        return header_problems, True
    cell_problems, parsed = cells.scan_cells(reader, header, resource, rel)
    return header_problems + cell_problems, parsed


def check_header(header: list[str], rel: str, resource: str) -> list[Problem]:
    """Problems of row 1 against the canonical field names and their order."""
    canonical = contract.field_names(resource)
    columns = ",".join(canonical)
    # Distinct labels in order of first appearance: a hostile row 1 can have millions.
    labels = list(dict.fromkeys(header))
    if not any(_normalised(label) in canonical for label in islice(labels, _HEADER_LOOKAHEAD)):
        return [problem(MISSING_HEADER, rel, 1, columns=columns)]
    missing = [name for name in canonical if name not in labels]
    found = [problem(MISSING_COLUMN, rel, 1, name, columns=columns) for name in missing]
    found += _extra_columns(header, labels, canonical, missing, rel, columns)
    found += [problem(DUPLICATE_COLUMN, rel, 1, name, count=header.count(name))
              for name in canonical if header.count(name) > 1]
    present = [label for label in labels if label in canonical]
    if present != [name for name in canonical if name in present]:
        found.append(problem(COLUMN_ORDER, rel, 1, columns=columns, actual=",".join(present)))
    return found


def _extra_columns(header: list[str], labels: list[str], canonical: list[str],
                   missing: list[str], rel: str, columns: str) -> list[Problem]:
    """One problem per distinct label outside the contract; unnamed columns together."""
    extra = [label for label in labels if label.strip() and label not in canonical]
    found = [problem(EXTRA_COLUMN, rel, 1, label[:_LABEL_SHOWN], label=f"'{_shown(label)}'",
                     hint=_hint(label, missing), columns=columns)
             for label in extra[:cells.MAX_PER_COLUMN]]
    if len(extra) > cells.MAX_PER_COLUMN:
        found.append(cells.more_problems(rel, EXTRA_COLUMN, len(extra) - cells.MAX_PER_COLUMN))
    if any(not label.strip() for label in labels):
        unnamed = (str(i) for i, label in enumerate(header, start=1) if not label.strip())
        positions = ", ".join(islice(unnamed, cells.MAX_PER_COLUMN))
        found.append(problem(EXTRA_COLUMN, rel, 1, None, label=f"zonder naam (kolom {positions})",
                             hint="", columns=columns))
    return found


def _hint(label: str, missing: list[str]) -> str:
    near = _normalised(label)
    return f" Bedoelt u {near}? Let op kleine letters, liggende streepjes en spaties." if near in missing else ""


def _normalised(label: str) -> str:
    return "_".join(label.strip().lower().split())


def _shown(label: str) -> str:
    return label if len(label) <= _LABEL_SHOWN else label[:_LABEL_SHOWN] + "…"


_FATAL = {NOT_UTF8.code, WRONG_DELIMITER.code, MISSING_HEADER.code, MISSING_COLUMN.code,
          EXTRA_COLUMN.code, DUPLICATE_COLUMN.code, COLUMN_ORDER.code}
"""Codes after which later stages may not parse the file; cell problems are not among them."""
