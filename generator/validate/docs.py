"""The reference of every problem code, in Dutch, for the data stewards' guide.

Everything on the page comes from `CATALOGUE`: codes, titles, severities, and what each
code means and what to do about it, which the declaring module writes beside the code's
message for people who fill in spreadsheets rather than read code. The committed page is
regenerated with

    python -m generator.validate.docs > site_src/gegevenslevering/foutcodes.md

and `tests/test_docs.py` fails when it is out of date or when a code lacks an explanation.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass

from generator import contract
from generator.validate.checks import _load_check_modules
from generator.problems import CATALOGUE, Code

COMMAND = "python -m generator.validate.docs > site_src/gegevenslevering/foutcodes.md"
SEVERITY_LABELS = {"error": "fout", "warning": "waarschuwing"}


def _enumerate(parts: list[str]) -> str:
    """a, b en c."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _names(names: tuple[str, ...]) -> str:
    return _enumerate([f"`{name}`" for name in names])


_FREE_TEXT = _enumerate([f"{_names(fields)} in `{resource}.csv`"
                         for resource, fields in contract.FREE_TEXT_FIELDS.items()])


@dataclass(frozen=True)
class Stage:
    """A group of codes on the page, in the order the validator meets them."""

    title: str
    intro: str
    codes: tuple[str, ...]


STAGES: tuple[Stage, ...] = (
    Stage(
        "De map van uw regio",
        "Eerst kijkt de controle welke bestanden er in `data/` en in de map van uw regio "
        "staan.",
        ("missing-data-folder", "missing-file", "unknown-file", "not-a-regular-file"),
    ),
    Stage(
        "Het bestand datapackage.json",
        "`datapackage.json` beschrijft welke tabellen er in de levering zitten en welke "
        "kolommen ze hebben. U hoeft het nooit aan te passen. Bijna elke melding in dit "
        "deel lost u op door de versie uit de hoofdtak (`main`) op GitHub terug te zetten.",
        ("missing-datapackage", "invalid-json", "invalid-datapackage", "unsafe-resource-path",
         "unexpected-resource-path", "unknown-resource", "duplicate-resource",
         "missing-resource", "schema-changed", "dialect-changed"),
    ),
    Stage(
        "Het CSV-bestand zelf",
        "Daarna leest de controle elk CSV-bestand als tekst. Gaat hier iets mis, dan "
        "controleert hij de inhoud van dat bestand nog niet. Na het herstellen kunnen er "
        "dus nieuwe meldingen over de inhoud bijkomen.",
        ("file-unreadable", "file-too-large", "empty-file", "excel-file", "binary-file",
         "utf16-file", "utf8-bom", "not-utf8", "wrong-delimiter", "malformed-csv",
         "unreadable-table"),
    ),
    Stage(
        "Kolommen en cellen",
        "Dan kijkt de controle naar de kopregel, naar elke rij en naar elke cel: staan de "
        "goede kolommen erin, is elk getal een getal, is elke code een toegestane code?",
        ("missing-header", "missing-column", "extra-column", "duplicate-column",
         "column-order", "extra-cell", "missing-cell", "blank-row", "required-value",
         "type-error", "decimal-comma", "thousands-separator", "ambiguous-thousands",
         "value-not-allowed", "invalid-format", "date-instead-of-quarter",
         "quarter-notation", "below-minimum", "too-long", "duplicate-row", "more-problems"),
    ),
    Stage(
        "Regels binnen een tabel",
        "Deze regels vergelijken cellen in dezelfde rij, of rijen in dezelfde tabel, met "
        "elkaar.",
        ("quarter-after-current", "traject-available-from-in-development",
         "traject-available-from-missing", "active-6-exceeds-outflow",
         "active-12-exceeds-active-6", "active-12-without-active-6", "score-outside-scale",
         "duplicate-transition", "required-dimension-missing",
         "cohort-dimension-total-mismatch", "hours-exceed-maximum",
         "benefits-exceed-measured", "percentage-above-100"),
    ),
    Stage(
        "Regels tussen tabellen",
        "Deze regels leggen tabellen naast elkaar: de trajecten, de instroom, de uitstroom, "
        "de metingen en het register van regio's moeten met elkaar kloppen.",
        ("unknown-traject", "traject-in-development-used", "traject-not-yet-available",
         "outflow-exceeds-inflow", "cohort-exceeds-instroom", "measured-exceeds-followups",
         "arbeid-cohort-without-metingen", "quarter-before-pilot-start"),
    ),
    Stage(
        "Privacy: persoonsgegevens in vrije tekst",
        f"In kolommen met vrije tekst ({_FREE_TEXT}) zoekt de controle naar gegevens die "
        "naar een persoon kunnen leiden. Dat is altijd een fout. De melding herhaalt de "
        "gevonden waarde bewust niet, omdat de melding op GitHub zichtbaar is.",
        ("personal-data-bsn", "personal-data-email", "personal-data-phone",
         "personal-data-iban", "personal-data-postcode", "personal-data-birth-date"),
    ),
    Stage(
        "Het register van regio's",
        "`data/regios.csv` is de lijst van alle regio's. Het team van de monitor houdt "
        "deze lijst bij; pas hem alleen in overleg aan.",
        ("missing-register", "unregistered-region", "region-without-folder",
         "pilot-start-in-future"),
    ),
    Stage(
        "Indicatoren en het economisch model (voor onderzoekers)",
        "Deze meldingen gaan niet over de levering van een regio, maar over de map "
        "`indicators/`: de definities van de indicatoren en de parameters van het "
        "economisch model. Die map beheren de onderzoekers van de monitor. De vorm van een "
        "definitie staat in `indicators/README.md`.",
        ("indicator-yaml-unreadable", "indicator-definition-invalid", "indicator-id-mismatch",
         "indicator-unknown-resource", "indicator-sources-mismatch",
         "indicator-unknown-column", "indicator-column-type", "indicator-unknown-value",
         "indicator-breakdown-invalid", "indicator-target-overlap",
         "model-parameters-unreadable", "model-parameters-invalid"),
    ),
)
"""Every code in exactly one stage; `tests/test_docs.py` checks that nothing is left out."""

OTHER_STAGE = Stage("Overige meldingen", "Meldingen die nog bij geen onderdeel zijn ingedeeld.",
                    ())



def catalogue() -> dict[str, Code]:
    """Every declared code. Modules declare theirs when first imported, and some are
    imported only when a check runs, so import them all here."""
    _load_check_modules()
    importlib.import_module("generator.indicators.check")
    return CATALOGUE


def error_reference_markdown() -> str:
    """`site_src/gegevenslevering/foutcodes.md`: every code, grouped by validation stage."""
    codes = catalogue()
    stages = [Stage(s.title, s.intro, tuple(c for c in s.codes if c in codes)) for s in STAGES]
    placed = {code for stage in STAGES for code in stage.codes}
    unplaced = tuple(code for code in codes if code not in placed)
    if unplaced:
        stages.append(Stage(OTHER_STAGE.title, OTHER_STAGE.intro, unplaced))
    lines = [*_head(len(codes)), *_overview(stages, codes)]
    for stage in stages:
        lines += [f"## {stage.title}", "", stage.intro, ""]
        for name in stage.codes:
            lines += _entry(codes[name])
    return "\n".join(lines).rstrip("\n") + "\n"


def _head(count: int) -> list[str]:
    return [
        f"<!-- Gemaakt met `{COMMAND}`. Pas dit bestand niet met de hand aan: wijzig de "
        "teksten in generator/validate/docs.py. -->",
        "",
        "# Foutcodes van de controle",
        "",
        "Elke melding van `impactmonitor validate` en van de controle op GitHub heeft een "
        "code tussen vierkante haken, zoals `[wrong-delimiter]`. Op deze pagina zoekt u die "
        "code op: wat de melding betekent en wat u eraan doet. De melding zelf noemt het "
        "bestand, en waar het kan de rij en de kolom. Rij 1 is de kopregel, net als in een "
        "spreadsheet.",
        "",
        "- Een **fout** moet u oplossen. Zolang er een fout is, wordt de levering niet "
        "geaccepteerd.",
        "- Een **waarschuwing** hoeft u niet op te lossen. De levering wordt geaccepteerd, "
        "maar kijk wel of de waarde klopt.",
        "",
        f"De controle kent {count} codes. Hij werkt in stappen, in de volgorde van deze "
        "pagina. Kan hij een bestand in een vroege stap niet lezen, dan slaat hij de "
        "latere stappen voor dat bestand over. Na het oplossen kunnen er dus nieuwe "
        "meldingen bijkomen. Start de controle daarom na elke verbetering opnieuw.",
        "",
        "Terug naar de [handleiding voor de gegevenslevering](index.md).",
        "",
    ]


def _overview(stages: list[Stage], codes: dict[str, Code]) -> list[str]:
    lines = ["## Overzicht", "", "| code | titel | soort | onderdeel |", "|---|---|---|---|"]
    for stage in stages:
        for name in stage.codes:
            code = codes[name]
            cells = [f"[`{code.code}`](#{code.code})", code.title,
                     SEVERITY_LABELS[code.severity], stage.title]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines + [""]


def _entry(code: Code) -> list[str]:
    meaning, _, remedy = code.explanation.partition("\n\n")
    severity = ("**Soort:** fout — los dit op; anders wordt de levering niet geaccepteerd."
                if code.severity == "error" else
                "**Soort:** waarschuwing — de levering wordt geaccepteerd.")
    lines = [f'<a id="{code.code}"></a>', "", f"### `{code.code}` — {code.title}", "",
             severity, "", f"**Wat betekent het?** {meaning}", ""]
    if remedy:
        lines += [f"**Wat doet u?** {remedy}", ""]
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main() -> None:
    # Bytes, so that the page is UTF-8 whatever the console's encoding is.
    sys.stdout.buffer.write(error_reference_markdown().encode("utf-8"))


if __name__ == "__main__":
    main()
