"""Free-text fields carry no personal data.

Messages never repeat the value found: the report can end up in a public pull request,
where repeating a BSN or a phone number would publish it.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.contract import FREE_TEXT_FIELDS, REGISTER
from generator.validate.checks import region_check
from generator.validate.checks._cells import text
from generator.validate.checks._personal_data import personal_data_kinds
from generator.validate.rows import Region, Table
from generator.problems import Code, Problem, declare, problem

_REMEDY = (
    " Vrije tekst mag geen persoonsgegevens bevatten: haal het weg en beschrijf zo nodig "
    "een functie of organisatie in plaats van een persoon. De gevonden waarde wordt hier "
    "bewust niet herhaald; zoek in de kolom {veld} van deze rij."
)


def _declare_kind(kind: str, title: str, what: str) -> Code:
    return declare(f"personal-data-{kind}", title,
                   f"In kolom {{veld}} staat iets dat lijkt op {what}." + _REMEDY)


CODES: dict[str, Code] = {
    "bsn": _declare_kind("bsn", "Burgerservicenummer in vrije tekst",
                         "een burgerservicenummer (BSN)"),
    "email": _declare_kind("email", "E-mailadres in vrije tekst", "een e-mailadres"),
    "phone": _declare_kind("phone", "Telefoonnummer in vrije tekst", "een telefoonnummer"),
    "iban": _declare_kind("iban", "Rekeningnummer in vrije tekst",
                          "een bankrekeningnummer (IBAN)"),
    "postcode": _declare_kind("postcode", "Postcode in vrije tekst",
                              "een postcode met letters (zoals 1234 AB)"),
    "birth-date": _declare_kind("birth-date", "Geboortedatum in vrije tekst",
                                "een geboortedatum"),
}
"""One code per kind of personal data, keyed by the kinds `_personal_data` finds."""


@region_check
def check_free_text(region: Region) -> Iterator[Problem]:
    for resource in FREE_TEXT_FIELDS:
        table = region.table(resource) if resource != REGISTER else None
        if table is not None:
            yield from check_table(table, FREE_TEXT_FIELDS[resource])


def check_register(table: Table) -> Iterator[Problem]:
    """The register `data/regios.csv`, which belongs to no region."""
    if table.readable:
        yield from check_table(table, FREE_TEXT_FIELDS[REGISTER])


def check_table(table: Table, fields: tuple[str, ...]) -> Iterator[Problem]:
    for row in table:
        for name in fields:
            value = text(row, name)
            if value is None:
                continue
            for kind in personal_data_kinds(value):
                yield problem(CODES[kind], file=table.file, row=row.number, field=name,
                              veld=name)
