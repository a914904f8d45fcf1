"""Free-text fields carry no personal data.

Messages never repeat the value found: the report can end up in a public pull request,
where repeating a BSN or a phone number would publish it.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.contract import FREE_TEXT_FIELDS, REGISTER
from generator.validate.checks import region_check
from generator.validate.checks._cells import text
from generator.validate.checks._personal_data import BIRTH_YEARS, personal_data_kinds
from generator.validate.rows import Region, Table
from generator.problems import Code, Problem, declare, problem

_REMEDY = (
    " Vrije tekst mag geen persoonsgegevens bevatten: haal het weg en beschrijf zo nodig "
    "een functie of organisatie in plaats van een persoon. De gevonden waarde wordt hier "
    "bewust niet herhaald; zoek in de kolom {veld} van deze rij."
)


def _declare_kind(kind: str, title: str, what: str, explanation: str) -> Code:
    return declare(f"personal-data-{kind}", title,
                   f"In kolom {{veld}} staat iets dat lijkt op {what}." + _REMEDY,
                   stage="privacy", explanation=explanation)


CODES: dict[str, Code] = {
    "bsn": _declare_kind(
        "bsn", "Burgerservicenummer in vrije tekst", "een burgerservicenummer (BSN)",
        "In een vrije tekst staat een getal van acht of negen cijfers dat de elfproef "
        "haalt. Het kan dus een burgerservicenummer zijn."
        "\n\n"
        "Haal het getal weg. Een levering bevat nooit gegevens over één persoon. Is het "
        "al naar GitHub gestuurd, meld het dan direct bij het team van de monitor: de oude "
        "versie blijft anders in de geschiedenis bewaard."),
    "email": _declare_kind(
        "email", "E-mailadres in vrije tekst", "een e-mailadres",
        "In een vrije tekst staat iets dat lijkt op een e-mailadres."
        "\n\n"
        "Haal het adres weg. Noem zo nodig een functie of organisatie (\"de "
        "taalcoördinator van de gemeente\") in plaats van een persoon. Is het al naar "
        "GitHub gestuurd, meld het dan bij het team van de monitor."),
    "phone": _declare_kind(
        "phone", "Telefoonnummer in vrije tekst", "een telefoonnummer",
        "In een vrije tekst staat iets dat lijkt op een Nederlands telefoonnummer."
        "\n\n"
        "Haal het nummer weg. Is het al naar GitHub gestuurd, meld het dan bij het team van "
        "de monitor."),
    "iban": _declare_kind(
        "iban", "Rekeningnummer in vrije tekst", "een bankrekeningnummer (IBAN)",
        "In een vrije tekst staat een geldig bankrekeningnummer (IBAN)."
        "\n\n"
        "Haal het nummer weg. Is het al naar GitHub gestuurd, meld het dan bij het team van "
        "de monitor."),
    "postcode": _declare_kind(
        "postcode", "Postcode in vrije tekst", "een postcode met letters (zoals 1234 AB)",
        "In een vrije tekst staat een postcode met letters, zoals `1234 AB`. Samen met "
        "andere gegevens kan die naar een adres of persoon leiden."
        "\n\n"
        "Haal de postcode weg. Noem zo nodig de plaats of de wijk. Een postcode met alleen "
        "cijfers mag wel."),
    "birth-date": _declare_kind(
        "birth-date", "Geboortedatum in vrije tekst", "een geboortedatum",
        "In een vrije tekst staat een datum die een geboortedatum kan zijn (een bestaande "
        f"datum in een jaar van {BIRTH_YEARS.start} tot en met {BIRTH_YEARS.stop - 1})."
        "\n\n"
        "Haal de datum weg. Wilt u een moment noemen, gebruik dan een kwartaal (`2024-Q3`) "
        "of een maand en jaar."),
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
