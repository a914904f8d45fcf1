"""File-level checks: each spreadsheet habit and hostile file as a tiny CSV in tmp_path."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest
from frictionless import Package, Resource, Schema

from generator import contract
from generator.validate import cells, files
from generator.validate.files import check_csv
from generator.problems import CATALOGUE

Flat = list[tuple[str, int | None, str | None, str]]

KOSTEN = "periode,kostensoort,financier,bedrag_eur"
INSTROOM = "periode,traject_id,doelgroep,wervingskanaal,aantal"
ARBEID = ("cohort,aantal_gemeten,uren_per_week_t0,uren_per_week_t1,bruto_maandinkomen_t0,"
          "bruto_maandinkomen_t1,met_uitkering_t0,met_uitkering_t1")


def run(tmp_path: Path, resource: str, content: str | bytes) -> tuple[Flat, bool, list[str]]:
    """Flattened problems, readability and messages of one file written as given."""
    path = tmp_path / f"{resource}.csv"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    problems, readable = check_csv(path, f"data/noord/{resource}.csv", resource)
    return [(p.file, p.row, p.field, p.code) for p in problems], readable, [p.message for p in problems]


def rel(resource: str) -> str:
    return f"data/noord/{resource}.csv"


K = rel("kosten")


# --- clean files ---------------------------------------------------------------------

@pytest.mark.parametrize("resource", [*contract.RESOURCES, contract.REGISTER])
def test_header_only_file_is_clean(tmp_path: Path, resource: str) -> None:
    header = ",".join(contract.field_names(resource))
    assert run(tmp_path, resource, header + "\n")[:2] == ([], True)


def test_clean_file_with_rows(tmp_path: Path) -> None:
    content = (f"{ARBEID}\r\n2024-Q3,12,150.5,210,0,18250.75,9,4\r\n"
               "2024-Q4,8,,12.25,1234.5,2000,0,0\r\n")
    assert run(tmp_path, "arbeid", content)[:2] == ([], True)


def test_header_without_final_newline_is_clean(tmp_path: Path) -> None:
    assert run(tmp_path, "kosten", KOSTEN)[:2] == ([], True)


# --- size, emptiness, binary ---------------------------------------------------------

def test_too_large_file_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "kosten.csv"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB of NUL bytes that take no disk
    problems, readable = check_csv(path, K, "kosten")
    # Had the bytes been read, the NULs would have made it a binary-file problem.
    assert [(p.file, p.row, p.field, p.code) for p in problems] == [(K, None, None, "file-too-large")]
    assert readable is False
    assert "200.0 MB" in problems[0].message and "50 MB" in problems[0].message


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "kosten.csv"
    with path.open("wb") as f:
        f.truncate(files.MAX_FILE_BYTES)
    problems, _ = check_csv(path, K, "kosten")
    assert [p.code for p in problems] == ["binary-file"]


@pytest.mark.parametrize("content", [b"", b"  \r\n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_or_whitespace_file(tmp_path: Path, content: bytes) -> None:
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert (flat, readable) == ([(K, None, None, "empty-file")], False)
    assert KOSTEN in messages[0]  # it says which header an empty delivery needs


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    flat, readable, messages = run(tmp_path, "kosten", KOSTEN.encode() + b"\n\x00\x01\x02junk")
    assert (flat, readable) == ([(K, None, None, "binary-file")], False)
    assert "NUL" in messages[0]


def test_junk_without_nul_is_binary(tmp_path: Path) -> None:
    junk = random.Random(7).randbytes(4096).replace(b"\x00", b"\x01")
    assert run(tmp_path, "kosten", junk)[:2] == ([(K, None, None, "binary-file")], False)


def test_high_bytes_only_is_binary(tmp_path: Path) -> None:
    junk = bytes(random.Random(7).randrange(0x80, 0x100) for _ in range(4096))
    assert run(tmp_path, "kosten", junk)[:2] == ([(K, None, None, "binary-file")], False)


def test_xlsx_saved_as_csv(tmp_path: Path) -> None:
    content = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert (flat, readable) == ([(K, None, None, "excel-file")], False)
    assert "Excel-werkmap (.xlsx)" in messages[0]


def test_old_xls_saved_as_csv(tmp_path: Path) -> None:
    content = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert (flat, readable) == ([(K, None, None, "excel-file")], False)
    assert "(.xls)" in messages[0]


def test_utf16_unicode_text_export(tmp_path: Path) -> None:
    content = (KOSTEN + "\r\n").replace(",", "\t").encode("utf-16")  # with its BOM
    assert run(tmp_path, "kosten", content)[:2] == ([(K, None, None, "utf16-file")], False)


def test_symlink_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elders.csv"
    target.write_text(KOSTEN + "\n", encoding="utf-8")
    link = tmp_path / "kosten.csv"
    link.symlink_to(target)
    problems, readable = check_csv(link, K, "kosten")
    assert [(p.code, readable) for p in problems] == [("not-a-regular-file", False)]
    assert "symbolische link" in problems[0].message


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "kosten.csv"
    folder.mkdir()
    problems, readable = check_csv(folder, K, "kosten")
    assert ([p.code for p in problems], readable) == (["not-a-regular-file"], False)


# --- encoding --------------------------------------------------------------------------

def test_bom_is_a_warning_and_stays_readable(tmp_path: Path) -> None:
    content = b"\xef\xbb\xbf" + f"{KOSTEN}\n2024-Q3,uitvoering,regio,12.5\n".encode()
    path = tmp_path / "kosten.csv"
    path.write_bytes(content)
    problems, readable = check_csv(path, K, "kosten")
    assert [(p.file, p.row, p.field, p.code, p.severity) for p in problems] == [
        (K, None, None, "utf8-bom", "warning")]
    assert readable is True


def test_frictionless_reads_the_header_behind_a_bom(tmp_path: Path) -> None:
    """What the BOM decision rests on: Frictionless skips it even when utf-8 is declared."""
    (tmp_path / "kosten.csv").write_bytes(
        b"\xef\xbb\xbf" + f"{KOSTEN}\n2024-Q3,uitvoering,regio,12.5\n".encode())
    descriptor = contract.package_descriptor("noord", "Noord")
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] == "kosten"]
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert descriptor["resources"][0]["encoding"] == "utf-8"
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    with Resource(path="kosten.csv", basepath=str(tmp_path), encoding="utf-8",
                  schema=Schema.from_descriptor(contract.schema("kosten"))) as resource:
        assert resource.header == KOSTEN.split(",")


def test_frictionless_reads_a_dot_thousands_amount_silently(tmp_path: Path) -> None:
    """Why `1.234` euro is an error here: Frictionless takes it for 1.234 without a word."""
    (tmp_path / "kosten.csv").write_text(f"{KOSTEN}\n2024-Q3,uitvoering,regio,1.234\n",
                                         encoding="utf-8")
    resource = Resource(path="kosten.csv", basepath=str(tmp_path), schema=Schema.from_descriptor(contract.schema("kosten")))
    assert resource.validate().valid
    assert [float(row["bedrag_eur"]) for row in resource.read_rows()] == [1.234]


def test_windows_1252_e_acute(tmp_path: Path) -> None:
    content = f"{contract.field_names('trajecten')[0]},naam,vorm,sector,aanbieder,civiel_effect,beschikbaar_vanaf,status\n" \
              "zorg-1,Zorg én welzijn,combinatie,zorg_welzijn,roc,geen,2024-Q3,beschikbaar\n"
    flat, readable, messages = run(tmp_path, "trajecten", content.encode("cp1252"))
    assert (flat, readable) == ([(rel("trajecten"), 2, None, "not-utf8")], False)
    assert "Windows-1252" in messages[0] and "'é'" in messages[0] and "UTF-8" in messages[0]


def test_byte_undefined_in_windows_1252_is_named_latin_1(tmp_path: Path) -> None:
    content = f"{KOSTEN}\n2024-Q3,uitvoering,regio,1\n2024-Q3,overig,regio,2\x81\n".encode("latin-1")
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert (flat, readable) == ([(K, 3, None, "not-utf8")], False)
    assert "ISO-8859-1" in messages[0]


# --- delimiter and header ---------------------------------------------------------------

def test_semicolon_export(tmp_path: Path) -> None:
    content = KOSTEN.replace(",", ";") + "\n2024-Q3;uitvoering;regio;12\n"
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert (flat, readable) == ([(K, 1, None, "wrong-delimiter")], False)
    assert "';'" in messages[0] and "veldscheidingsteken ','" in messages[0]


def test_tab_export(tmp_path: Path) -> None:
    content = KOSTEN.replace(",", "\t") + "\n2024-Q3\tuitvoering\tregio\t12\n"
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert (flat, readable) == ([(K, 1, None, "wrong-delimiter")], False)
    assert "tab" in messages[0]


def test_semicolon_export_still_shows_cell_problems(tmp_path: Path) -> None:
    # A Dutch export has all habits at once; the steward sees them in one run.
    content = KOSTEN.replace(",", ";") + "\n1-7-2024;uitvoering;regio;12,5\n"
    assert run(tmp_path, "kosten", content)[:2] == ([
        (K, 1, None, "wrong-delimiter"),
        (K, 2, "periode", "date-instead-of-quarter"),
        (K, 2, "bedrag_eur", "decimal-comma"),
    ], False)


def test_missing_header(tmp_path: Path) -> None:
    flat, readable, messages = run(tmp_path, "kosten", "2024-Q3,uitvoering,regio,12\n")
    assert (flat, readable) == ([(K, 1, None, "missing-header")], False)
    assert KOSTEN in messages[0]


def test_missing_column(tmp_path: Path) -> None:
    content = "periode,kostensoort,bedrag_eur\n2024-Q3,uitvoering,12\n"
    assert run(tmp_path, "kosten", content)[:2] == ([(K, 1, "financier", "missing-column")], False)


def test_extra_column(tmp_path: Path) -> None:
    content = f"{KOSTEN},contactpersoon\n2024-Q3,uitvoering,regio,12,Jan Jansen\n"
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert (flat, readable) == ([(K, 1, "contactpersoon", "extra-column")], False)
    assert "persoonsgegevens" in messages[0]


def test_misspelt_column_gets_a_hint(tmp_path: Path) -> None:
    content = "Periode,kostensoort,financier,bedrag_eur\n"
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert (flat, readable) == ([(K, 1, "periode", "missing-column"),
                                 (K, 1, "Periode", "extra-column")], False)
    assert "Bedoelt u periode?" in messages[1]


def test_unnamed_trailing_columns(tmp_path: Path) -> None:
    flat, readable, messages = run(tmp_path, "kosten", f"{KOSTEN},,\n2024-Q3,uitvoering,regio,12,,\n")
    assert (flat, readable) == ([(K, 1, None, "extra-column")], False)
    assert "zonder naam (kolom 5, 6)" in messages[0]


def test_duplicate_column(tmp_path: Path) -> None:
    content = f"{KOSTEN},bedrag_eur\n"
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert (flat, readable) == ([(K, 1, "bedrag_eur", "duplicate-column")], False)
    assert "2 keer" in messages[0]


def test_reordered_columns(tmp_path: Path) -> None:
    content = "kostensoort,periode,financier,bedrag_eur\nuitvoering,2024-Q3,regio,12\n"
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert (flat, readable) == ([(K, 1, None, "column-order")], False)
    assert f"volgorde: {KOSTEN}." in messages[0]


def test_many_extra_columns_are_summarised(tmp_path: Path) -> None:
    extra = ",".join(f"x{i}" for i in range(30))
    flat, readable, _ = run(tmp_path, "kosten", f"{KOSTEN},{extra}\n")
    assert flat == [(K, 1, f"x{i}", "extra-column") for i in range(25)] + [
        (K, None, None, "more-problems")]
    assert readable is False


# --- cells -----------------------------------------------------------------------------

def kosten_row(periode: str = "2024-Q3", bedrag: str = "12") -> str:
    return f"{KOSTEN}\n{periode},uitvoering,regio,{bedrag}\n"


@pytest.mark.parametrize(("value", "suggestion"), [
    ('"12,5"', "12.5"), ('"1.234,56"', "1234.56"), ('"-3,75"', "-3.75"),
])
def test_decimal_comma(tmp_path: Path, value: str, suggestion: str) -> None:
    flat, readable, messages = run(tmp_path, "kosten", kosten_row(bedrag=value))
    assert (flat, readable) == ([(K, 2, "bedrag_eur", "decimal-comma")], True)
    assert f"schrijf {suggestion}." in messages[0]


@pytest.mark.parametrize("value", ["1.234", "1.234.567", '"1,234"', "1 234", "1\u00a0234"])
def test_thousands_separator_in_integer(tmp_path: Path, value: str) -> None:
    content = f"{INSTROOM}\n2024-Q3,zorg-1,beide,uwv,{value}\n"
    flat, readable, messages = run(tmp_path, "instroom", content)
    assert (flat, readable) == ([(rel("instroom"), 2, "aantal", "thousands-separator")], True)
    assert "hele getallen" in messages[0]


def test_dot_thousands_in_money_is_an_error(tmp_path: Path) -> None:
    flat, readable, messages = run(tmp_path, "kosten", kosten_row(bedrag="1.234"))
    assert (flat, readable) == ([(K, 2, "bedrag_eur", "thousands-separator")], True)
    assert "nooit drie decimalen" in messages[0] and "1234" in messages[0]


def test_dot_thousands_in_income_is_an_error(tmp_path: Path) -> None:
    content = f"{ARBEID}\n2024-Q3,12,150,210,0,18.250,9,4\n"
    flat, _, _ = run(tmp_path, "arbeid", content)
    assert flat == [(rel("arbeid"), 2, "bruto_maandinkomen_t1", "thousands-separator")]


def test_dot_thousands_in_other_number_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "arbeid.csv"
    path.write_text(f"{ARBEID}\n2024-Q3,12,1.500,1.500.000,0,0,9,4\n", encoding="utf-8")
    problems, readable = check_csv(path, rel("arbeid"), "arbeid")
    assert [(p.row, p.field, p.code, p.severity) for p in problems] == [
        (2, "uren_per_week_t0", "ambiguous-thousands", "warning"),
        (2, "uren_per_week_t1", "thousands-separator", "error"),
    ]
    assert readable is True


@pytest.mark.parametrize("value", ["12.5", "12.50", "0", "1234", "1234.5678", "", "abc"])
def test_plain_numbers_pass(tmp_path: Path, value: str) -> None:
    # Not a number at all ("abc") is Frictionless' type error, not ours.
    assert run(tmp_path, "kosten", kosten_row(bedrag=value))[:2] == ([], True)


@pytest.mark.parametrize("value", [
    "1-7-2024", "01-07-2024", "2024-07-01", "1/7/2024", "45474", "45474.5",
    "2024-07-01 00:00:00", "1-7-24", "30-9-2024",
])
def test_date_instead_of_quarter(tmp_path: Path, value: str) -> None:
    flat, readable, messages = run(tmp_path, "kosten", kosten_row(periode=value))
    assert (flat, readable) == ([(K, 2, "periode", "date-instead-of-quarter")], True)
    assert "Gebruik 2024-Q3" in messages[0]


def test_excel_serial_names_the_date(tmp_path: Path) -> None:
    messages = run(tmp_path, "kosten", kosten_row(periode="45474"))[2]
    assert "(1 juli 2024)" in messages[0]


@pytest.mark.parametrize("value", ["31-02-2024", "12345", "2024-13-01", "2024-Q5"])
def test_no_date_no_quarter_is_left_to_frictionless(tmp_path: Path, value: str) -> None:
    assert run(tmp_path, "kosten", kosten_row(periode=value))[:2] == ([], True)


@pytest.mark.parametrize("value", [
    "2024Q3", "2024 Q3", "Q3 2024", "2024-q3", "2024-K3", "K3-2024", '" 2024-Q3"', "2024-Q03",
])
def test_quarter_notation(tmp_path: Path, value: str) -> None:
    flat, readable, messages = run(tmp_path, "kosten", kosten_row(periode=value))
    assert (flat, readable) == ([(K, 2, "periode", "quarter-notation")], True)
    assert "Gebruik 2024-Q3" in messages[0]


def test_quarter_fields_of_every_schema() -> None:
    quarter_fields = {
        (resource, name)
        for resource in [*contract.RESOURCES, contract.REGISTER]
        for name, kind in cells.column_kinds(resource).items() if kind == "quarter"
    }
    assert quarter_fields == {
        ("trajecten", "beschikbaar_vanaf"), ("regios", "pilot_start"),
        ("metingen", "cohort"), ("arbeid", "cohort"),
        *((r, "periode") for r in ("instroom", "uitstroom", "bewijzen", "matches", "kosten",
                                   "borging", "factoren", "context")),
    }


def test_money_fields_of_every_schema() -> None:
    money = {(r, name) for r in contract.RESOURCES
             for name, kind in cells.column_kinds(r).items() if kind == "money"}
    assert money == {("kosten", "bedrag_eur"), ("arbeid", "bruto_maandinkomen_t0"),
                     ("arbeid", "bruto_maandinkomen_t1")}


def test_rows_are_records_not_lines(tmp_path: Path) -> None:
    header = ",".join(contract.field_names("borging"))
    content = (f"{header}\n2024-Q3,samenwerkingsafspraken,geregeld,\"twee\nregels\"\n"
               "2024Q4,wervingsnetwerk,geregeld,kort\n")
    flat, readable, _ = run(tmp_path, "borging", content)
    assert (flat, readable) == ([(rel("borging"), 3, "periode", "quarter-notation")], True)


def test_ragged_rows_are_left_to_frictionless(tmp_path: Path) -> None:
    content = f"{KOSTEN}\n2024-Q3,uitvoering\n2024-Q3,uitvoering,regio,12,extra\n"
    assert run(tmp_path, "kosten", content)[:2] == ([], True)


def test_same_problem_many_times_is_summarised(tmp_path: Path) -> None:
    content = KOSTEN + "\n" + "2024-Q3,uitvoering,regio,1.234\n" * 30
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert flat == [(K, row, "bedrag_eur", "thousands-separator") for row in range(2, 27)] + [
        (K, None, "bedrag_eur", "more-problems")]
    assert readable is True
    assert messages[-1].startswith("Nog 5 keer 'Scheidingsteken voor duizendtallen' in kolom bedrag_eur")


# --- a broken quote -----------------------------------------------------------------------

@pytest.fixture(params=[131_072, 20_000_000], ids=["csv-default-limit", "frictionless-limit"])
def field_size_limit(request: pytest.FixtureRequest):
    """Both values of the process-wide csv limit: Frictionless raises it when imported."""
    before = csv.field_size_limit(request.param)
    yield request.param
    csv.field_size_limit(before)


def test_unclosed_quote_in_a_row(tmp_path: Path, field_size_limit: int) -> None:
    content = f'{KOSTEN}\n2024-Q3,uitvoering,regio,12\n2024-Q3,"overig,regio,1\n' + "2024-Q3,x,y,1\n" * 20_000
    flat, readable, messages = run(tmp_path, "kosten", content)
    assert (flat, readable) == ([(K, 3, None, "malformed-csv")], False)
    assert "aanhalingsteken" in messages[0]


def test_unclosed_quote_in_the_header(tmp_path: Path, field_size_limit: int) -> None:
    content = f'"{KOSTEN}\n' + "2024-Q3,x,y,1\n" * 20_000
    assert run(tmp_path, "kosten", content)[:2] == ([(K, 1, None, "malformed-csv")], False)


# --- the catalogue -------------------------------------------------------------------------

FILE_CODES = {
    "not-a-regular-file": "error", "file-unreadable": "error", "file-too-large": "error",
    "empty-file": "error", "excel-file": "error", "binary-file": "error",
    "utf16-file": "error", "utf8-bom": "warning", "not-utf8": "error",
    "wrong-delimiter": "error", "missing-header": "error", "missing-column": "error",
    "extra-column": "error", "duplicate-column": "error", "column-order": "error",
    "decimal-comma": "error", "thousands-separator": "error",
    "ambiguous-thousands": "warning", "date-instead-of-quarter": "error",
    "quarter-notation": "error", "malformed-csv": "error", "more-problems": "warning",
}


def test_declared_codes_and_severities() -> None:
    assert {code: CATALOGUE[code].severity for code in FILE_CODES} == FILE_CODES
