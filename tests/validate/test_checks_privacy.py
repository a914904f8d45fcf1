from __future__ import annotations

import pytest

from generator.contract import FREE_TEXT_FIELDS, REGISTER
from generator.validate.checks._personal_data import iban_checksum_ok, passes_eleven_test
from generator.validate.checks.privacy import check_free_text, check_register
from generator.validate.rows import Row, Table

from .helpers import flatten, path, region, table

PERSONAL_DATA = [
    # BSN: nine digits, or eight with the leading zero left off, passing the eleven-test.
    ("deelnemer 123456782 gestart", "personal-data-bsn"),
    ("BSN:111222333", "personal-data-bsn"),
    ("12345672", "personal-data-bsn"),
    ("bsn 1234.56.782", "personal-data-bsn"),
    # E-mail
    ("mail jan.de.vries@example.nl voor info", "personal-data-email"),
    ("j_jansen+llo@gemeente-noord.nl", "personal-data-email"),
    # Phone
    ("bel 06-12345678", "personal-data-phone"),
    ("0612345678", "personal-data-phone"),
    ("+31 6 1234 5678", "personal-data-phone"),
    ("+31612345678", "personal-data-phone"),
    ("0031 6 12345678", "personal-data-phone"),
    ("020-1234567", "personal-data-phone"),
    ("(020) 123 4567", "personal-data-phone"),
    ("+31 (0)20 123 45 67", "personal-data-phone"),
    ("0543-123456", "personal-data-phone"),
    ("06 - 12 34 56 78", "personal-data-phone"),
    ("gesprek 03-12-2019 0612345678", "personal-data-phone"),  # date is no birth date
    # IBAN, checked with mod-97
    ("rekening NL91ABNA0417164300", "personal-data-iban"),
    ("NL91 ABNA 0417 1643 00.", "personal-data-iban"),
    ("BE68539007547034", "personal-data-iban"),
    ("nl91abna0417164300", "personal-data-iban"),
    ("AB12 NL91ABNA0417164300", "personal-data-iban"),  # after a look-alike
    # Postcode with letters
    ("woont op 9712 CP", "personal-data-postcode"),
    ("7511JE Enschede", "personal-data-postcode"),
    # Birth dates
    ("geboren 12-03-1985", "personal-data-birth-date"),
    ("1-3-1985", "personal-data-birth-date"),
    ("1985-03-12", "personal-data-birth-date"),
    ("3/1/1985", "personal-data-birth-date"),
    ("31.12.2015", "personal-data-birth-date"),
    ("01-01-1900", "personal-data-birth-date"),
]

ORDINARY_TEXT = [
    "2023-Q1",
    "mbo niveau 2",
    "BBL 2024",
    "40 uur",
    "CBS StatLine (synthetisch)",
    "1.250",
    "€ 12.500.000 structureel",
    "1.234.567,50 euro",
    "Werkloosheid 4,5% in 2024-Q3",
    "Taal op de werkvloer (NT2 A2-B1)",
    "Arbeidsmarktregio AM05 Twente",
    "BBL-traject 2024/2025",
    "Start 1-1-2024",  # a date, but no birth year
    "2024-01-15",
    "31-02-1985",  # not a date
    "123456789",  # fails the eleven-test
    "000000000",
    "1234567890",  # ten digits is no BSN
    "NL91ABNA0417164301",  # wrong IBAN checksum
    "1234 SA",  # letters not used in postcodes
    "1234 ab",
    "0123 AB",
    "12 uur per week, 3 dagen",
    "06-2024",
    "vergadering 03-12-2019 12:00",
    "info@",
    "@gemeente",
    "Zie www.example.nl",
    "Groeifonds 2023-2028",
    "in 2024 EU-subsidie",
    "10 deelnemers, 20 werkgevers, 30 plekken, 40 uur",
]


def factoren(*factors: str) -> Table:
    return table("factoren", *({"periode": "2024-Q1", "factor": f} for f in factors))


@pytest.mark.parametrize(("text", "code"), PERSONAL_DATA)
def test_personal_data_is_found(text: str, code: str) -> None:
    assert flatten(check_free_text(region(factoren(text)))) == [
        (path("factoren"), 2, "factor", code),
    ]


@pytest.mark.parametrize("text", ORDINARY_TEXT)
def test_ordinary_text_passes(text: str) -> None:
    assert flatten(check_free_text(region(factoren(text)))) == []


@pytest.mark.parametrize(("text", "code"), PERSONAL_DATA)
def test_message_does_not_repeat_the_value(text: str, code: str) -> None:
    [found] = check_free_text(region(factoren(text)))
    digits = "".join(c for c in text if c.isdigit())
    assert text not in found.message
    assert not digits or digits not in "".join(c for c in found.message if c.isdigit())
    assert "factor" in found.message


def test_each_kind_once_per_cell() -> None:
    text = "bel 0612345678 of 0687654321, mail a@example.nl, geboren 1-2-1990"
    assert flatten(check_free_text(region(factoren(text)))) == [
        (path("factoren"), 2, "factor", "personal-data-email"),
        (path("factoren"), 2, "factor", "personal-data-birth-date"),
        (path("factoren"), 2, "factor", "personal-data-phone"),
    ]


def test_iban_digits_are_not_reported_again() -> None:
    assert flatten(check_free_text(region(factoren("NL91 ABNA 0417 1643 00")))) == [
        (path("factoren"), 2, "factor", "personal-data-iban"),
    ]


@pytest.mark.parametrize(("resource", "name"), [
    (resource, name)
    for resource, names in FREE_TEXT_FIELDS.items() if resource != REGISTER
    for name in names
])
def test_every_free_text_field_is_checked(resource: str, name: str) -> None:
    delivery = region(table(resource, {name: "Contact: 06-12345678"},
                            {name: "Geen bijzonderheden"}))
    assert flatten(check_free_text(delivery)) == [(path(resource), 2, name, "personal-data-phone")]


def test_other_text_fields_are_not_free_text() -> None:
    delivery = region(table("trajecten", {"traject_id": "123456782", "naam": "Zorg"}))
    assert flatten(check_free_text(delivery)) == []


def test_register_names_are_checked() -> None:
    register = Table(resource=REGISTER, file="data/regios.csv", rows=[
        Row(2, {"regio_id": "noord", "naam": "Regio Noord"}),
        Row(3, {"regio_id": "zuid", "naam": "Contact j.jansen@example.nl"}),
    ])
    assert flatten(check_register(register)) == [
        ("data/regios.csv", 3, "naam", "personal-data-email"),
    ]


def test_unreadable_register_is_skipped() -> None:
    register = Table(resource=REGISTER, file="data/regios.csv", readable=False,
                     rows=[Row(2, {"naam": "j.jansen@example.nl"})])
    assert flatten(check_register(register)) == []


def test_register_is_not_a_region_table() -> None:
    delivery = region(table(REGISTER, {"naam": "j.jansen@example.nl"}))
    assert flatten(check_free_text(delivery)) == []


@pytest.mark.parametrize(("number", "passes"), [
    ("123456782", True),
    ("12345672", True),  # read as 012345672
    ("1234.56.782", True),
    ("123456789", False),
    ("000000000", False),
    ("1234572", False),  # would pass zero-filled, but seven digits is no BSN
])
def test_eleven_test(number: str, passes: bool) -> None:
    assert passes_eleven_test(number) is passes


@pytest.mark.parametrize(("iban", "valid"), [
    ("NL91ABNA0417164300", True),
    ("NL91 ABNA 0417 1643 00", True),
    ("GB82WEST12345698765432", True),
    ("NL91ABNA0417164301", False),
    ("NL19ABNA0417164300", False),
    ("NL91 ÄBNA 0417 1643 00", False),
])
def test_iban_checksum(iban: str, valid: bool) -> None:
    assert iban_checksum_ok(iban) is valid
