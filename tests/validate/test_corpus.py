"""A corpus of bad submissions: the example data with one defect each.

Every case asserts the exact `(file, row, field, code)` list the validator reports, so a
defect that is missed, reported twice, or reported at the wrong place fails the test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.contract import Quarter
from generator.validate import validate_repository
from tests.validate.delivery import Delivery, header

AS_OF = Quarter(2026, 3)
NOORD = "data/voorbeeld-noord"
ZUID = "data/voorbeeld-zuid"
REGISTER = "data/regios.csv"

Expected = list[tuple[str, int | None, str | None, str]]
CASES: list[tuple[str, Callable[[Delivery], None], Expected]] = []


def case(name: str, expected: Expected) -> Callable[[Callable[[Delivery], None]], None]:
    def register(mutate: Callable[[Delivery], None]) -> None:
        CASES.append((name, mutate, expected))
    return register


# --- the register -------------------------------------------------------------------

@case("register-id-pattern", [(REGISTER, 4, "regio_id", "invalid-format")])
def _(d: Delivery) -> None:
    d.append(REGISTER, regio_id="Nieuwe Regio", naam="Nieuw (fictief)",
             arbeidsmarktregio="AM97", pilot_start="2026-Q1", fase="opschaling")


@case("register-duplicate-id", [(REGISTER, 4, None, "duplicate-row")])
def _(d: Delivery) -> None:
    d.append(REGISTER, regio_id="voorbeeld-zuid", naam="Dubbel (fictief)",
             arbeidsmarktregio="AM97", pilot_start="2023-Q2", fase="pilot")


@case("register-labour-market-code", [(REGISTER, 2, "arbeidsmarktregio", "invalid-format")])
def _(d: Delivery) -> None:
    d.set_cell(REGISTER, 2, "arbeidsmarktregio", "AM5")


@case("register-fase-enum", [(REGISTER, 3, "fase", "value-not-allowed")])
def _(d: Delivery) -> None:
    d.set_cell(REGISTER, 3, "fase", "opschalen")


@case("register-start-in-future", [(REGISTER, 4, "pilot_start", "pilot-start-in-future")])
def _(d: Delivery) -> None:
    d.append(REGISTER, regio_id="nieuw", naam="Nieuw (fictief)",
             arbeidsmarktregio="AM97", pilot_start="2027-Q1", fase="opschaling")


@case("register-email-in-name", [(REGISTER, 2, "naam", "personal-data-email")])
def _(d: Delivery) -> None:
    d.set_cell(REGISTER, 2, "naam", "Noord, contact j.jansen@example.nl")


@case("folder-not-in-register", [("data/voorbeeld-west", None, None, "unregistered-region")])
def _(d: Delivery) -> None:
    import shutil
    shutil.copytree(d.path(NOORD), d.path("data/voorbeeld-west"))


@case("register-missing", [(REGISTER, None, None, "missing-register"),
                           (NOORD, None, None, "unregistered-region"),
                           (ZUID, None, None, "unregistered-region")])
def _(d: Delivery) -> None:
    d.path(REGISTER).unlink()


# --- trajecten -----------------------------------------------------------------------

T = f"{NOORD}/trajecten.csv"


@case("traject-id-pattern", [(T, 14, "traject_id", "invalid-format")])
def _(d: Delivery) -> None:
    d.append(T, traject_id="Nieuw_Traject", naam="Nieuw", vorm="combinatie", sector="overig",
             aanbieder="roc", civiel_effect="geen", status="in_ontwikkeling")


@case("traject-name-too-long", [(T, 2, "naam", "too-long")])
def _(d: Delivery) -> None:
    d.set_cell(T, 2, "naam", "Taal voor het werk " * 7)


@case("traject-vorm-enum", [(T, 3, "vorm", "value-not-allowed")])
def _(d: Delivery) -> None:
    d.set_cell(T, 3, "vorm", "Combinatie")


@case("traject-available-while-in-development",
      [(T, 12, "beschikbaar_vanaf", "traject-available-from-in-development")])
def _(d: Delivery) -> None:
    d.set_cell(T, 12, "beschikbaar_vanaf", "2026-Q1")


@case("traject-available-from-missing",
      [(T, 11, "beschikbaar_vanaf", "traject-available-from-missing")])
def _(d: Delivery) -> None:
    d.set_cell(T, 11, "beschikbaar_vanaf", "")


@case("traject-duplicate-id", [(T, 14, None, "duplicate-row")])
def _(d: Delivery) -> None:
    d.append(T, traject_id="taal-werk", naam="Nogmaals", vorm="combinatie", sector="overig",
             aanbieder="roc", civiel_effect="geen", status="in_ontwikkeling")


@case("traject-iban-in-name", [(T, 13, "naam", "personal-data-iban")])
def _(d: Delivery) -> None:
    d.set_cell(T, 13, "naam", "Operator, betaling via NL91 ABNA 0417 1643 00")


# --- instroom ------------------------------------------------------------------------

I = f"{NOORD}/instroom.csv"


@case("instroom-unknown-traject", [(I, 196, "traject_id", "unknown-traject")])
def _(d: Delivery) -> None:
    d.append(I, periode="2024-Q1", traject_id="bestaat-niet", doelgroep="beide",
             wervingskanaal="uwv", aantal="0")


@case("instroom-negative", [(I, 196, "aantal", "below-minimum")])
def _(d: Delivery) -> None:
    d.append(I, periode="2026-Q2", traject_id="taal-werk", doelgroep="beide",
             wervingskanaal="overig", aantal="-1")


@case("instroom-not-an-integer", [(I, 2, "aantal", "type-error")])
def _(d: Delivery) -> None:
    d.set_cell(I, 2, "aantal", "1.5")


@case("instroom-text-in-count", [(I, 3, "aantal", "type-error")])
def _(d: Delivery) -> None:
    d.set_cell(I, 3, "aantal", "een")


@case("instroom-doelgroep-enum", [(I, 4, "doelgroep", "value-not-allowed")])
def _(d: Delivery) -> None:
    d.set_cell(I, 4, "doelgroep", "anderstalig")


# Zuid starts in 2023-Q2 and so do its trajecten: a 2023-Q1 row breaks both rules.
@case("instroom-before-pilot-start",
      [(f"{ZUID}/instroom.csv", 182, "periode", "quarter-before-pilot-start"),
       (f"{ZUID}/instroom.csv", 182, "periode", "traject-not-yet-available")])
def _(d: Delivery) -> None:
    d.append(f"{ZUID}/instroom.csv", periode="2023-Q1", traject_id="taal-werk",
             doelgroep="beide", wervingskanaal="uwv", aantal="0")


@case("instroom-future-quarter", [(I, 196, "periode", "quarter-after-current")])
def _(d: Delivery) -> None:
    d.append(I, periode="2026-Q4", traject_id="taal-werk", doelgroep="beide",
             wervingskanaal="overig", aantal="0")


@case("instroom-traject-not-yet-available", [(I, 196, "periode", "traject-not-yet-available")])
def _(d: Delivery) -> None:
    d.append(I, periode="2024-Q4", traject_id="chauffeur-koerier", doelgroep="beide",
             wervingskanaal="overig", aantal="0")


@case("instroom-traject-in-development", [(I, 196, "traject_id", "traject-in-development-used")])
def _(d: Delivery) -> None:
    d.append(I, periode="2026-Q1", traject_id="montage-productie", doelgroep="beide",
             wervingskanaal="werkgever", aantal="0")


@case("instroom-duplicate-key", [(I, 196, None, "duplicate-row")])
def _(d: Delivery) -> None:
    first = d.rows(I)[1]
    d.append(I, **dict(zip(d.rows(I)[0], first)))


# --- uitstroom -----------------------------------------------------------------------

U = f"{NOORD}/uitstroom.csv"


@case("uitstroom-active-6-above-outflow", [(U, 2, "actief_na_6_maanden", "active-6-exceeds-outflow")])
def _(d: Delivery) -> None:
    d.set_cell(U, 2, "actief_na_6_maanden", "2")
    d.set_cell(U, 2, "actief_na_12_maanden", "1")


@case("uitstroom-active-12-above-active-6",
      [(U, 3, "actief_na_12_maanden", "active-12-exceeds-active-6")])
def _(d: Delivery) -> None:
    d.set_cell(U, 3, "actief_na_6_maanden", "1")
    d.set_cell(U, 3, "actief_na_12_maanden", "2")


@case("uitstroom-active-12-without-6",
      [(U, 120, "actief_na_12_maanden", "active-12-without-active-6")])
def _(d: Delivery) -> None:
    d.set_cell(U, 120, "actief_na_12_maanden", "1")


# Reported on the first row of the quarter in which the traject's outflow goes over.
@case("uitstroom-above-inflow", [(U, 120, "aantal", "outflow-exceeds-inflow")])
def _(d: Delivery) -> None:
    d.append(U, periode="2026-Q2", traject_id="taal-werk", bestemming="mbo", aantal="500")


@case("uitstroom-bestemming-enum", [(U, 2, "bestemming", "value-not-allowed")])
def _(d: Delivery) -> None:
    d.set_cell(U, 2, "bestemming", "baan")


# --- bewijzen, matches ---------------------------------------------------------------

B = f"{NOORD}/bewijzen.csv"
M = f"{NOORD}/matches.csv"


@case("bewijzen-soort-enum", [(B, 2, "soort", "value-not-allowed")])
def _(d: Delivery) -> None:
    d.set_cell(B, 2, "soort", "diploma")


@case("bewijzen-unknown-traject", [(B, 57, "traject_id", "unknown-traject")])
def _(d: Delivery) -> None:
    d.append(B, periode="2025-Q1", traject_id="onbekend-traject", soort="mbo_diploma", aantal="1")


@case("matches-sector-enum", [(M, 2, "sector", "value-not-allowed")])
def _(d: Delivery) -> None:
    d.set_cell(M, 2, "sector", "zorg")


@case("matches-missing-count", [(M, 3, "aantal", "required-value")])
def _(d: Delivery) -> None:
    d.set_cell(M, 3, "aantal", "")


# --- metingen ------------------------------------------------------------------------

MT = f"{NOORD}/metingen.csv"


@case("metingen-score-outside-scale", [(MT, 12, "score_t1", "score-outside-scale")])
def _(d: Delivery) -> None:
    d.set_cell(MT, 12, "score_t1", "4")


@case("metingen-duplicate-transition", [(MT, 690, None, "duplicate-transition")])
def _(d: Delivery) -> None:
    # Split the 2-person row 8 in two rows of 1: same totals, one duplicate transition.
    d.set_cell(MT, 8, "aantal", "1")
    d.append(MT, cohort="2023-Q1", dimensie="sociale_inclusie", score_t0="5", score_t1="5", aantal="1")


@case("metingen-required-dimension-missing",
      [(MT, 2, "dimensie", "required-dimension-missing")])
def _(d: Delivery) -> None:
    d.update_rows(MT, lambda r: None if (r["cohort"], r["dimensie"]) == ("2023-Q1", "digitaal") else r)


@case("metingen-dimension-totals-differ", [(MT, 9, "aantal", "cohort-dimension-total-mismatch")])
def _(d: Delivery) -> None:
    d.set_cell(MT, 9, "aantal", "2")


@case("metingen-cohort-above-instroom", [(MT, 2, "aantal", "cohort-exceeds-instroom")])
def _(d: Delivery) -> None:
    def double(r: dict[str, str]) -> dict[str, str]:
        if r["cohort"] == "2023-Q1":
            r["aantal"] = str(int(r["aantal"]) * 2)
        return r
    d.update_rows(MT, double)


@case("metingen-dimensie-enum", [(MT, 2, "dimensie", "value-not-allowed")])
def _(d: Delivery) -> None:
    d.set_cell(MT, 2, "dimensie", "werk")


@case("metingen-zero-count", [(MT, 2, "aantal", "below-minimum")])
def _(d: Delivery) -> None:
    d.set_cell(MT, 2, "aantal", "0")


# --- arbeid --------------------------------------------------------------------------

A = f"{NOORD}/arbeid.csv"


@case("arbeid-measured-above-follow-ups", [(A, 2, "aantal_gemeten", "measured-exceeds-followups")])
def _(d: Delivery) -> None:
    d.set_cell(A, 2, "aantal_gemeten", "5")


@case("arbeid-hours-above-maximum", [(A, 3, "uren_per_week_t1", "hours-exceed-maximum")])
def _(d: Delivery) -> None:
    d.set_cell(A, 3, "uren_per_week_t1", "121")


@case("arbeid-benefits-above-measured", [(A, 4, "met_uitkering_t0", "benefits-exceed-measured")])
def _(d: Delivery) -> None:
    d.set_cell(A, 4, "met_uitkering_t0", "8")


@case("arbeid-cohort-without-metingen", [(A, 13, "cohort", "arbeid-cohort-without-metingen")])
def _(d: Delivery) -> None:
    d.update_rows(MT, lambda r: None if r["cohort"] == "2026-Q2" else r)
    d.append(A, cohort="2026-Q2", aantal_gemeten="0", uren_per_week_t0="0", uren_per_week_t1="0",
             bruto_maandinkomen_t0="0", bruto_maandinkomen_t1="0", met_uitkering_t0="0",
             met_uitkering_t1="0")


# --- kosten, borging, factoren, context ----------------------------------------------

K = f"{NOORD}/kosten.csv"
BO = f"{NOORD}/borging.csv"
F = f"{NOORD}/factoren.csv"
C = f"{NOORD}/context.csv"


@case("kosten-decimal-comma", [(K, 2, "bedrag_eur", "decimal-comma")])
def _(d: Delivery) -> None:
    d.set_cell(K, 2, "bedrag_eur", "47342,75")


@case("kosten-thousands-separator", [(K, 3, "bedrag_eur", "thousands-separator")])
def _(d: Delivery) -> None:
    d.set_cell(K, 3, "bedrag_eur", "10.879")


@case("kosten-kostensoort-enum", [(K, 2, "kostensoort", "value-not-allowed")])
def _(d: Delivery) -> None:
    d.set_cell(K, 2, "kostensoort", "personeel")


@case("borging-phone-number", [(BO, 2, "toelichting", "personal-data-phone")])
def _(d: Delivery) -> None:
    d.set_cell(BO, 2, "toelichting", "Bel de projectleider op 06-12345678 voor details.")


@case("borging-toelichting-too-long", [(BO, 3, "toelichting", "too-long")])
def _(d: Delivery) -> None:
    d.set_cell(BO, 3, "toelichting", "Lange toelichting. " * 30)


@case("factoren-bsn", [(F, 2, "factor", "personal-data-bsn")])
def _(d: Delivery) -> None:
    d.set_cell(F, 2, "factor", "Deelnemer 111222333 haakte af")


@case("factoren-birth-date", [(F, 3, "factor", "personal-data-birth-date")])
def _(d: Delivery) -> None:
    d.set_cell(F, 3, "factor", "Deelnemer geboren 12-03-1987 vond het te zwaar")


@case("factoren-zero-mentions", [(F, 4, "vermeldingen", "below-minimum")])
def _(d: Delivery) -> None:
    d.set_cell(F, 4, "vermeldingen", "0")


@case("factoren-richting-enum", [(F, 2, "richting", "value-not-allowed")])
def _(d: Delivery) -> None:
    d.set_cell(F, 2, "richting", "positief")


@case("context-percentage-above-100", [(C, 2, "waarde", "percentage-above-100")])
def _(d: Delivery) -> None:
    d.set_cell(C, 2, "waarde", "120")


@case("context-postcode-in-source", [(C, 3, "bron", "personal-data-postcode")])
def _(d: Delivery) -> None:
    d.set_cell(C, 3, "bron", "Opgave gemeente, Stationsplein 1, 1234 AB")


# --- structure and privacy of the package --------------------------------------------

@case("extra-column", [(I, 1, "bsn", "extra-column")])
def _(d: Delivery) -> None:
    rows = d.rows(I)
    d.write_rows(I, [row + (["bsn"] if i == 0 else [""]) for i, row in enumerate(rows)])


@case("missing-column", [(I, 1, "wervingskanaal", "missing-column")])
def _(d: Delivery) -> None:
    rows = d.rows(I)
    d.write_rows(I, [row[:3] + row[4:] for row in rows])


@case("extra-file", [(f"{NOORD}/deelnemers.csv", None, None, "unknown-file")])
def _(d: Delivery) -> None:
    d.path(f"{NOORD}/deelnemers.csv").write_text("naam,geboortedatum\n", encoding="utf-8")


@case("extra-resource-in-descriptor", [(f"{NOORD}/datapackage.json", None, None, "unknown-resource")])
def _(d: Delivery) -> None:
    descriptor = d.descriptor(NOORD)
    descriptor["resources"].append({"name": "deelnemers", "path": "matches.csv"})
    d.write_descriptor(NOORD, descriptor)


@case("file-missing", [(M, None, None, "missing-file")])
def _(d: Delivery) -> None:
    d.path(M).unlink()


@case("resource-missing-in-descriptor", [(f"{NOORD}/datapackage.json", None, None, "missing-resource")])
def _(d: Delivery) -> None:
    descriptor = d.descriptor(NOORD)
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "matches"]
    d.write_descriptor(NOORD, descriptor)


@case("schema-constraint-dropped", [(f"{NOORD}/datapackage.json", None, None, "schema-changed")])
def _(d: Delivery) -> None:
    descriptor = d.descriptor(NOORD)
    fields = d.resource_entry(descriptor, "instroom")["schema"]["fields"]
    del fields[2]["constraints"]["enum"]
    d.write_descriptor(NOORD, descriptor)


@case("schema-type-changed", [(f"{NOORD}/datapackage.json", None, None, "schema-changed")])
def _(d: Delivery) -> None:
    descriptor = d.descriptor(NOORD)
    d.resource_entry(descriptor, "instroom")["schema"]["fields"][4]["type"] = "string"
    d.write_descriptor(NOORD, descriptor)


@case("schema-extra-field", [(f"{NOORD}/datapackage.json", None, None, "schema-changed")])
def _(d: Delivery) -> None:
    descriptor = d.descriptor(NOORD)
    d.resource_entry(descriptor, "instroom")["schema"]["fields"].append(
        {"name": "postcode", "type": "string"})
    d.write_descriptor(NOORD, descriptor)


@case("descriptor-dialect-semicolon", [(f"{NOORD}/datapackage.json", None, None, "dialect-changed")])
def _(d: Delivery) -> None:
    descriptor = d.descriptor(NOORD)
    d.resource_entry(descriptor, "kosten")["dialect"] = {"delimiter": ";"}
    d.write_descriptor(NOORD, descriptor)


# --- spreadsheet exports (issue item 6) ---------------------------------------------

@case("semicolon-separated", [(K, 1, None, "wrong-delimiter")])
def _(d: Delivery) -> None:
    text = d.path(K).read_text(encoding="utf-8")
    d.path(K).write_text(text.replace(",", ";"), encoding="utf-8")


@case("windows-1252", [(T, 9, None, "not-utf8")])
def _(d: Delivery) -> None:
    d.path(T).write_bytes(d.path(T).read_text(encoding="utf-8").encode("cp1252"))


@case("excel-date-for-quarter", [(M, 2, "periode", "date-instead-of-quarter")])
def _(d: Delivery) -> None:
    d.set_cell(M, 2, "periode", "1-4-2023")


@case("excel-serial-date-for-quarter", [(M, 3, "periode", "date-instead-of-quarter")])
def _(d: Delivery) -> None:
    d.set_cell(M, 3, "periode", "45017")


@case("quarter-notation", [(M, 4, "periode", "quarter-notation")])
def _(d: Delivery) -> None:
    d.set_cell(M, 4, "periode", "2023 Q2")


# --- hostile input (issue item 7) ---------------------------------------------------

@case("broken-json", [(f"{NOORD}/datapackage.json", 3, None, "invalid-json")])
def _(d: Delivery) -> None:
    d.path(f"{NOORD}/datapackage.json").write_text('{\n  "name": "x",\n  "resources": [,]\n}\n')


@case("descriptor-not-an-object", [(f"{NOORD}/datapackage.json", None, None, "invalid-datapackage")])
def _(d: Delivery) -> None:
    d.path(f"{NOORD}/datapackage.json").write_text("[1, 2, 3]\n")


@pytest.mark.parametrize("bad_path", ["/etc/passwd", "../voorbeeld-zuid/matches.csv",
                                      "https://example.org/matches.csv"])
def test_unsafe_resource_paths_are_refused(tmp_path: Path, bad_path: str) -> None:
    d = Delivery(tmp_path)
    descriptor = d.descriptor(NOORD)
    d.resource_entry(descriptor, "matches")["path"] = bad_path
    d.write_descriptor(NOORD, descriptor)
    report = validate_repository(tmp_path, as_of=AS_OF)
    assert report.flatten() == [(f"{NOORD}/datapackage.json", None, None, "unsafe-resource-path")]


@case("ragged-row-extra-cell", [(M, 5, None, "extra-cell")])
def _(d: Delivery) -> None:
    rows = d.rows(M)
    rows[4].append("extra")
    d.write_rows(M, rows)


@case("ragged-row-missing-cell", [(M, 6, "aantal", "missing-cell")])
def _(d: Delivery) -> None:
    rows = d.rows(M)
    rows[5] = rows[5][:3]
    d.write_rows(M, rows)


@case("binary-junk", [(M, None, None, "binary-file")])
def _(d: Delivery) -> None:
    d.path(M).write_bytes(bytes(range(256)) * 8)


@case("xlsx-saved-as-csv", [(M, None, None, "excel-file")])
def _(d: Delivery) -> None:
    d.path(M).write_bytes(b"PK\x03\x04" + b"\x00" * 200)


@case("huge-file", [(K, None, None, "file-too-large")])
def _(d: Delivery) -> None:
    with d.path(K).open("r+b") as handle:
        handle.truncate(200 * 1024 * 1024)


@case("empty-file", [(M, None, None, "empty-file")])
def _(d: Delivery) -> None:
    d.path(M).write_bytes(b"")


@case("missing-header", [(M, 1, None, "missing-header")])
def _(d: Delivery) -> None:
    d.write_rows(M, d.rows(M)[1:])


@case("blank-row", [(M, 4, None, "blank-row")])
def _(d: Delivery) -> None:
    lines = d.path(M).read_text(encoding="utf-8").splitlines(keepends=True)
    d.path(M).write_text("".join(lines[:3] + ["\n"] + lines[3:]), encoding="utf-8")


@case("column-order", [(M, 1, None, "column-order")])
def _(d: Delivery) -> None:
    d.write_rows(M, [[r[1], r[0], *r[2:]] for r in d.rows(M)])


@case("duplicate-column", [(M, 1, "sector", "duplicate-column")])
def _(d: Delivery) -> None:
    d.write_rows(M, [r + [r[2]] for r in d.rows(M)])


@case("duplicate-resource", [(f"{NOORD}/datapackage.json", None, None, "duplicate-resource")])
def _(d: Delivery) -> None:
    descriptor = d.descriptor(NOORD)
    descriptor["resources"].append(d.resource_entry(descriptor, "matches"))
    d.write_descriptor(NOORD, descriptor)


@case("unexpected-resource-path", [(f"{NOORD}/datapackage.json", None, None, "unexpected-resource-path")])
def _(d: Delivery) -> None:
    descriptor = d.descriptor(NOORD)
    d.resource_entry(descriptor, "matches")["path"] = "kosten.csv"
    d.write_descriptor(NOORD, descriptor)


@case("descriptor-missing", [(f"{NOORD}/datapackage.json", None, None, "missing-datapackage")])
def _(d: Delivery) -> None:
    d.path(f"{NOORD}/datapackage.json").unlink()


@case("symlinked-csv", [(M, None, None, "not-a-regular-file")])
def _(d: Delivery) -> None:
    d.path(M).unlink()
    d.path(M).symlink_to("/etc/passwd")


@case("unclosed-quote", [(MT, 3, None, "malformed-csv")])
def _(d: Delivery) -> None:
    lines = d.path(MT).read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = '"' + lines[2]
    d.path(MT).write_text("".join(lines), encoding="utf-8")


@case("utf16-export", [(M, None, None, "utf16-file")])
def _(d: Delivery) -> None:
    d.path(M).write_bytes(d.path(M).read_text(encoding="utf-8").encode("utf-16"))


@pytest.mark.parametrize("name, mutate, expected", CASES, ids=[c[0] for c in CASES])
def test_one_defect_one_located_error(tmp_path: Path, name: str,
                                      mutate: Callable[[Delivery], None], expected: Expected) -> None:
    delivery = Delivery(tmp_path)
    mutate(delivery)
    report = validate_repository(tmp_path, as_of=AS_OF)
    assert report.flatten() == sorted(expected, key=lambda e: (e[0], e[1] or 0, e[2] or "", e[3]))


def test_corpus_covers_every_error_code_the_data_can_trigger() -> None:
    from generator.problems import CATALOGUE
    covered = {code for _, _, expected in CASES for *_, code in expected}
    covered |= {"unsafe-resource-path"}
    # Codes no single-defect edit of a delivery can reach, with the reason.
    covered |= {code for *_, code in WARNING_CASES.values()}
    unreachable = {
        "missing-data-folder": "no data/ at all: tested in tests/commands/test_validate.py",
        "file-unreadable": "root reads every file; tested in test_files",
        "more-problems": "a warning after 25 alike: tested in test_files",
        "unreadable-table": "fallback for Frictionless errors the file checks pre-empt",
    }
    # Indicator definitions and model parameters have their own broken cases in
    # tests/indicators/test_definitions.py and tests/economics/test_params.py.
    researchers = {c for c in CATALOGUE if c.startswith(("indicator-", "model-parameters-"))}
    missing = set(CATALOGUE) - covered - set(unreachable) - researchers
    assert len(CASES) + 3 >= 40
    assert not sorted(missing), "codes without a corpus case"


def test_empty_resources_are_valid(tmp_path: Path) -> None:
    d = Delivery(tmp_path)
    for resource in ("matches", "factoren", "borging", "context", "kosten"):
        d.path(f"{NOORD}/{resource}.csv").write_text(header(resource) + "\n", encoding="utf-8")
    assert validate_repository(tmp_path, as_of=AS_OF).flatten() == []


def test_example_data_are_valid() -> None:
    from tests.validate.delivery import REPO
    report = validate_repository(REPO, as_of=AS_OF)
    assert (report.flatten(), report.warnings) == ([], [])
    assert json.loads(report.to_json())["valid"] is True


WARNING_CASES = {
    "bom": (M, None, None, "utf8-bom"),
    "register-entry-without-folder": (REGISTER, 4, "regio_id", "region-without-folder"),
    "ambiguous-thousands": (C, 4, "waarde", "ambiguous-thousands"),
}


def _warn_bom(d: Delivery) -> None:
    d.path(M).write_bytes(b"\xef\xbb\xbf" + d.path(M).read_bytes())


def _warn_register(d: Delivery) -> None:
    d.append(REGISTER, regio_id="nieuw", naam="Nieuw (fictief)", arbeidsmarktregio="AM97",
             pilot_start="2026-Q1", fase="opschaling")


def _warn_thousands(d: Delivery) -> None:
    d.set_cell(C, 4, "waarde", "1.250")


@pytest.mark.parametrize("name, mutate", [("bom", _warn_bom),
                                          ("register-entry-without-folder", _warn_register),
                                          ("ambiguous-thousands", _warn_thousands)])
def test_warnings_do_not_invalidate(tmp_path: Path, name: str, mutate: Callable[[Delivery], None]) -> None:
    d = Delivery(tmp_path)
    mutate(d)
    report = validate_repository(tmp_path, as_of=AS_OF)
    assert report.valid
    assert [(p.file, p.row, p.field, p.code) for p in report.warnings] == [WARNING_CASES[name]]


def test_an_invalid_cell_is_not_also_called_empty(tmp_path: Path) -> None:
    d = Delivery(tmp_path)
    d.set_cell(T, 11, "beschikbaar_vanaf", "2025-K1")  # a quarter written the Dutch way
    d.set_cell(U, 2, "actief_na_6_maanden", "een")
    d.set_cell(MT, 2, "score_t1", "vijf")
    assert validate_repository(tmp_path, as_of=AS_OF).flatten() == [
        (MT, 2, "score_t1", "type-error"),
        (T, 11, "beschikbaar_vanaf", "quarter-notation"),
        (U, 2, "actief_na_6_maanden", "type-error"),
    ]
