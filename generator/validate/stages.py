"""The sections of the error reference, declared once, in the order the validator works.

A problem code names its section by key (`declare(..., stage="cells")`); which codes a
section holds, and in what order, is derived from the catalogue: by the declaring
module's place in `MODULES`, then in the order the module declares them. To move a code
on the page, move its declaration.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import contract
from generator.problems import enumeration


@dataclass(frozen=True)
class Stage:
    key: str
    """What a code's `stage` names; stable, so it may be renamed on the page freely."""
    title: str
    intro: str


_FREE_TEXT = enumeration([f"{enumeration([f'`{name}`' for name in fields])} in `{resource}.csv`"
                          for resource, fields in contract.FREE_TEXT_FIELDS.items()])

STAGES: tuple[Stage, ...] = (
    Stage(
        "folder",
        "De map van uw regio",
        "Eerst kijkt de controle welke bestanden er in `data/` en in de map van uw regio "
        "staan.",
    ),
    Stage(
        "datapackage",
        "Het bestand datapackage.json",
        "`datapackage.json` beschrijft welke tabellen er in de levering zitten en welke "
        "kolommen ze hebben. U hoeft het nooit aan te passen. Bijna elke melding in dit "
        "deel lost u op door de versie uit de hoofdtak (`main`) op GitHub terug te zetten.",
    ),
    Stage(
        "csv-file",
        "Het CSV-bestand zelf",
        "Daarna leest de controle elk CSV-bestand als tekst. Gaat hier iets mis, dan "
        "controleert hij de inhoud van dat bestand nog niet. Na het herstellen kunnen er "
        "dus nieuwe meldingen over de inhoud bijkomen.",
    ),
    Stage(
        "cells",
        "Kolommen en cellen",
        "Dan kijkt de controle naar de kopregel, naar elke rij en naar elke cel: staan de "
        "goede kolommen erin, is elk getal een getal, is elke code een toegestane code?",
    ),
    Stage(
        "table-rules",
        "Regels binnen een tabel",
        "Deze regels vergelijken cellen in dezelfde rij, of rijen in dezelfde tabel, met "
        "elkaar.",
    ),
    Stage(
        "cross-table-rules",
        "Regels tussen tabellen",
        "Deze regels leggen tabellen naast elkaar: de trajecten, de instroom, de uitstroom, "
        "de metingen en het register van regio's moeten met elkaar kloppen.",
    ),
    Stage(
        "privacy",
        "Privacy: persoonsgegevens in vrije tekst",
        f"In kolommen met vrije tekst ({_FREE_TEXT}) zoekt de controle naar gegevens die "
        "naar een persoon kunnen leiden. Dat is altijd een fout. De melding herhaalt de "
        "gevonden waarde bewust niet, omdat de melding op GitHub zichtbaar is.",
    ),
    Stage(
        "register",
        "Het register van regio's",
        "`data/regios.csv` is de lijst van alle regio's. Het team van de monitor houdt "
        "deze lijst bij; pas hem alleen in overleg aan.",
    ),
    Stage(
        "definitions",
        "Indicatoren en het economisch model (voor onderzoekers)",
        "Deze meldingen gaan niet over de levering van een regio, maar over de map "
        "`indicators/`: de definities van de indicatoren en de parameters van het "
        "economisch model. Die map beheren de onderzoekers van de monitor. De vorm van een "
        "definitie staat in `indicators/README.md`.",
    ),
)

MODULES: tuple[str, ...] = (
    "generator.validate.runner",
    "generator.validate.package",
    "generator.validate.files",
    "generator.validate.cells",
    "generator.validate.frictionless_checks",
    "generator.validate.checks",
    "generator.indicators.check",
    "generator.validate.definitions",
)
"""The modules that declare codes, in the order the validator runs them; a package stands
for its modules, taken by name (as `validate.checks` runs them)."""
