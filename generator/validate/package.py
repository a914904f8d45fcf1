"""Checks on a region's folder and its `datapackage.json`, before any CSV is read.

The package must list exactly the contract's resources, each at `<name>.csv` inside the
folder, with the canonical schema unchanged. A path that is absolute, climbs out with
`..` or is a URL is refused outright: Frictionless would otherwise read (or fetch) it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from generator import contract
from generator.problems import Problem, declare, problem

MAX_DESCRIPTOR_BYTES = 5 * 1024 * 1024
"""A datapackage.json larger than this is not a descriptor someone wrote by hand."""

MISSING_DESCRIPTOR = declare(
    "missing-datapackage", "datapackage.json ontbreekt",
    "De map {folder} heeft geen datapackage.json. Dit bestand beschrijft de levering en "
    "hoeft nooit te worden aangepast. Zet het terug zoals het op de hoofdtak (main) staat, "
    "of kopieer het uit de map van een andere regio en vervang daarin alleen 'name' en 'title'.",
    stage="datapackage",
    explanation=(
        "Het bestand `datapackage.json` ontbreekt in de map van uw regio. Het beschrijft "
        "de tabellen van de levering en hoort er altijd bij."
        "\n\n"
        "Zet het bestand terug zoals het in de hoofdtak (`main`) op GitHub staat. Wie met "
        "Git werkt: `git checkout origin/main -- data/<regio>/datapackage.json`."
    ))
INVALID_JSON = declare(
    "invalid-json", "datapackage.json is geen geldige JSON",
    "datapackage.json is geen geldige JSON: {detail} (regel {line}, teken {column}). "
    "Bewerk dit bestand niet met de hand: zet het terug zoals het op de hoofdtak (main) "
    "staat, bijvoorbeeld met 'git checkout origin/main -- {file}'.",
    stage="datapackage",
    explanation=(
        "`datapackage.json` is aangepast en is nu geen geldige JSON meer, bijvoorbeeld "
        "door een weggevallen komma of aanhalingsteken. De melding noemt de regel en het "
        "teken waar het misgaat."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug. Voor een gewone levering hoeft u "
        "dit bestand nooit te wijzigen."
    ))
INVALID_DESCRIPTOR = declare(
    "invalid-datapackage", "datapackage.json heeft niet de juiste vorm",
    "datapackage.json moet een object zijn met een lijst 'resources': {detail}. "
    "Zet het bestand terug zoals het op de hoofdtak (main) staat, bijvoorbeeld met "
    "'git checkout origin/main -- {file}'.",
    stage="datapackage",
    explanation=(
        "`datapackage.json` is wel te lezen, maar heeft niet de vorm die de controle "
        "verwacht: de lijst met tabellen ontbreekt, een tabel heeft geen naam, of het "
        "bestand is geen UTF-8-tekst, veel te groot of een snelkoppeling."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug."
    ))
UNSAFE_PATH = declare(
    "unsafe-resource-path", "Onveilig pad naar een bestand",
    "De resource '{resource}' verwijst naar '{path}'. Alleen een bestandsnaam in dezelfde "
    "map is toegestaan ({expected}); geen absoluut pad, geen '..' en geen internetadres.",
    stage="datapackage",
    explanation=(
        "Een tabel in `datapackage.json` verwijst naar een bestand buiten de map van uw "
        "regio: een volledig pad, een pad met `..` of een internetadres. Om veiligheids"
        "redenen leest de controle zo'n bestand niet."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug. Elke tabel staat in een bestand met "
        "de naam van de tabel, in dezelfde map, bijvoorbeeld `instroom.csv`."
    ))
UNEXPECTED_PATH = declare(
    "unexpected-resource-path", "Onverwachte bestandsnaam",
    "De resource '{resource}' moet in het bestand {expected} staan, niet in '{path}'.",
    stage="datapackage",
    explanation=(
        "Een tabel in `datapackage.json` verwijst naar een andere bestandsnaam dan "
        "afgesproken, bijvoorbeeld `Instroom.csv` of `instroom-2026.csv` in plaats van "
        "`instroom.csv`."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug en geef uw bestand precies de "
        "afgesproken naam, in kleine letters."
    ))
UNKNOWN_RESOURCE = declare(
    "unknown-resource", "Resource hoort niet bij het contract",
    "De resource '{resource}' hoort niet bij het gegevensleveringscontract. Lever alleen: "
    "{allowed}. Haal deze resource uit datapackage.json.",
    stage="datapackage",
    explanation=(
        "`datapackage.json` noemt een tabel die niet in de afspraken (het contract) staat. "
        "Alle regio's leveren dezelfde tabellen."
        "\n\n"
        "Haal de tabel weg door de versie uit de hoofdtak (`main`) terug te zetten. Wilt u "
        "andere gegevens aanleveren, overleg dan eerst met het team van de monitor."
    ))
DUPLICATE_RESOURCE = declare(
    "duplicate-resource", "Resource staat er twee keer in",
    "De resource '{resource}' staat meer dan één keer in datapackage.json. Laat er één staan.",
    stage="datapackage",
    explanation=(
        "Dezelfde tabel staat twee keer in `datapackage.json`."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug."
    ))
MISSING_RESOURCE = declare(
    "missing-resource", "Resource ontbreekt",
    "De resource '{resource}' ontbreekt. Elke resource moet worden geleverd, ook als er "
    "niets te melden is: lever dan {expected} met alleen de kopregel.",
    stage="datapackage",
    explanation=(
        "Een van de tabellen ontbreekt in `datapackage.json`. Elke tabel moet erin "
        "staan, ook als het bestand alleen een kopregel heeft."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug."
    ))
MISSING_FILE = declare(
    "missing-file", "Bestand ontbreekt",
    "Het bestand {expected} ontbreekt. Lever het, zo nodig met alleen de kopregel.",
    stage="folder",
    explanation=(
        "Een van de CSV-bestanden van de levering staat niet in de map van uw regio. "
        "Elk bestand moet er zijn, ook als u er dit kwartaal niets in te melden heeft."
        "\n\n"
        "Zet het bestand terug onder precies de naam uit de melding (kleine letters, "
        "eindigend op `.csv`). Heeft u niets te melden, lever dan een bestand met alleen "
        "de kopregel. De kopregels staan in de handleiding bij elke tabel."
    ))
UNKNOWN_FILE = declare(
    "unknown-file", "Bestand hoort niet bij de levering",
    "Het bestand '{name}' hoort niet bij de levering. {allowed} Verwijder het bestand "
    "(bevat het persoonsgegevens, zorg dan dat het ook niet in de Git-geschiedenis blijft).",
    stage="folder",
    explanation=(
        "Er staat een bestand in de map dat niet bij de levering hoort. In de map van een "
        "regio horen alleen `datapackage.json`, eventueel `README.md`, en de "
        "CSV-bestanden van de tabellen. Direct in `data/` horen alleen `regios.csv`, "
        "`README.md` en de mappen van de regio's. Vaak gaat het om een Excel-werkmap, "
        "een kopie zoals `instroom (2).csv`, een hulpbestand van de computer "
        "(`.DS_Store` op een Mac) of een slotbestand dat LibreOffice maakt zolang een "
        "bestand open staat (`.~lock.instroom.csv#`)."
        "\n\n"
        "Haal het bestand uit de map. Is het een slotbestand, sluit dan eerst het bestand "
        "in LibreOffice; dan verdwijnt het vanzelf. Stonden er gegevens over personen in "
        "het bestand en is het al naar GitHub gestuurd, meld dat dan direct bij het team "
        "van de monitor: "
        "verwijderen in een nieuwe versie is dan niet genoeg, want de oude versie blijft "
        "in de geschiedenis bewaard."
    ))

IN_REGION_FOLDER = ("In de map van een regio mogen alleen datapackage.json, README.md en de "
                    "CSV-bestanden van het contract staan.")
IN_DATA_FOLDER = ("Direct in data/ mogen alleen regios.csv, README.md en de mappen van de "
                  "regio's staan.")
SCHEMA_CHANGED = declare(
    "schema-changed", "Schema wijkt af van het contract",
    "Het schema van '{resource}' in datapackage.json wijkt af van het contract: {detail}. "
    "Het schema mag niet worden aangepast; zet datapackage.json terug zoals het op de "
    "hoofdtak (main) staat, bijvoorbeeld met 'git checkout origin/main -- {file}'.",
    stage="datapackage",
    explanation=(
        "De beschrijving van de kolommen van een tabel in `datapackage.json` wijkt af van "
        "de afspraken: er is een kolom bijgekomen, weggehaald, hernoemd of verplaatst, of "
        "een kolom heeft een ander type of andere regels. Alleen de titels en "
        "beschrijvingen mogen anders zijn. De controle gebruikt altijd de afgesproken "
        "kolommen; een aangepaste beschrijving verandert daar niets aan."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug."
    ))
DIALECT_CHANGED = declare(
    "dialect-changed", "Afwijkend CSV-formaat opgegeven",
    "De resource '{resource}' geeft een eigen {what} op ({detail}). Het contract schrijft "
    "UTF-8 met komma's voor; verwijder '{what}' uit datapackage.json en lever het bestand zo aan.",
    stage="datapackage",
    explanation=(
        "`datapackage.json` geeft voor een tabel een eigen tekenset, bestandssoort of "
        "scheidingsteken op, bijvoorbeeld een puntkomma. Alle leveringen gebruiken "
        "hetzelfde formaat: UTF-8 met komma's."
        "\n\n"
        "Zet de versie uit de hoofdtak (`main`) terug en sla het CSV-bestand op als UTF-8 "
        "met komma's (zie *CSV goed opslaan* in de handleiding)."
    ))

# Keys people may reword in their copy of a schema; everything else is binding.
_FREE_KEYS = {"title", "description", "example", "$comment"}
_ALLOWED_EXTRA_FILES = {"datapackage.json", "README.md"}


@dataclass
class PackageLayout:
    """What the package checks found: which contract CSVs may be read next."""

    files: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def check_package(folder: Path, rel_folder: str) -> PackageLayout:
    layout = PackageLayout()
    descriptor_rel = f"{rel_folder}/datapackage.json"
    descriptor = _read_descriptor(folder / "datapackage.json", descriptor_rel, rel_folder,
                                  layout.problems)
    if descriptor is not None:
        _check_resources(descriptor, descriptor_rel, layout.problems)
    layout.problems.extend(_check_folder_contents(folder, rel_folder))
    for resource in contract.RESOURCES:
        path = folder / f"{resource}.csv"
        if path.exists() or path.is_symlink():
            # Links and folders under a contract name go on to the file checks, which
            # refuse them with their own code.
            layout.files[resource] = path
        else:
            layout.problems.append(problem(MISSING_FILE, f"{rel_folder}/{resource}.csv",
                                           expected=f"{resource}.csv"))
    return layout


def _read_descriptor(path: Path, rel: str, rel_folder: str,
                     found: list[Problem]) -> dict[str, Any] | None:
    if path.is_symlink():
        found.append(problem(INVALID_DESCRIPTOR, rel, detail="het is een koppeling naar een ander bestand"))
        return None
    if not path.is_file():
        found.append(problem(MISSING_DESCRIPTOR, rel, folder=rel_folder))
        return None
    if path.stat().st_size > MAX_DESCRIPTOR_BYTES:
        found.append(problem(INVALID_DESCRIPTOR, rel, detail="het bestand is veel te groot"))
        return None
    try:
        descriptor = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        found.append(problem(INVALID_DESCRIPTOR, rel, detail="het bestand is geen UTF-8-tekst"))
        return None
    except json.JSONDecodeError as error:
        found.append(problem(INVALID_JSON, rel, row=error.lineno, detail=_dutch_json_error(error.msg),
                             line=error.lineno, column=error.colno))
        return None
    except RecursionError:
        found.append(problem(INVALID_DESCRIPTOR, rel, detail="de JSON is te diep genest"))
        return None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        found.append(problem(INVALID_DESCRIPTOR, rel, detail="'resources' ontbreekt of is geen lijst"))
        return None
    return descriptor


def _dutch_json_error(message: str) -> str:
    translations = {
        "Expecting value": "hier wordt een waarde verwacht",
        "Expecting ',' delimiter": "hier ontbreekt een komma",
        "Expecting ':' delimiter": "hier ontbreekt een dubbele punt",
        "Expecting property name enclosed in double quotes":
            "hier wordt een naam tussen dubbele aanhalingstekens verwacht (of staat een komma te veel)",
        "Unterminated string starting at": "een tekst tussen aanhalingstekens wordt niet afgesloten",
        "Extra data": "na het einde van de JSON staat nog tekst",
        "Invalid control character at": "er staat een ongeldig teken in een tekst",
    }
    for english, dutch in translations.items():
        if message.startswith(english):
            return dutch
    return message


def _check_resources(descriptor: dict[str, Any], rel: str, found: list[Problem]) -> None:
    seen: set[str] = set()
    for index, entry in enumerate(descriptor["resources"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            found.append(problem(INVALID_DESCRIPTOR, rel,
                                 detail=f"resource nummer {index + 1} heeft geen naam"))
            continue
        name = entry["name"]
        if name not in contract.RESOURCES:
            found.append(problem(UNKNOWN_RESOURCE, rel, resource=name,
                                 allowed=", ".join(contract.RESOURCES)))
            continue
        if name in seen:
            found.append(problem(DUPLICATE_RESOURCE, rel, resource=name))
            continue
        seen.add(name)
        found.extend(_check_resource_entry(entry, name, rel))
    for name in contract.RESOURCES:
        if name not in seen:
            found.append(problem(MISSING_RESOURCE, rel, resource=name, expected=f"{name}.csv"))


def _check_resource_entry(entry: dict[str, Any], name: str, rel: str) -> list[Problem]:
    found = []
    expected = f"{name}.csv"
    path = entry.get("path")
    if not isinstance(path, str) or _is_unsafe(path):
        found.append(problem(UNSAFE_PATH, rel, resource=name, path=str(path), expected=expected))
    elif path != expected:
        found.append(problem(UNEXPECTED_PATH, rel, resource=name, path=path, expected=expected))
    for key, default in (("encoding", "utf-8"), ("format", "csv")):
        if key in entry and str(entry[key]).lower() != default:
            found.append(problem(DIALECT_CHANGED, rel, resource=name, what=key,
                                 detail=f"{entry[key]!s}"))
    if entry.get("dialect"):
        found.append(problem(DIALECT_CHANGED, rel, resource=name, what="dialect",
                             detail=json.dumps(entry["dialect"], ensure_ascii=False)))
    detail = schema_difference(entry.get("schema"), contract.schema(name))
    if detail:
        found.append(problem(SCHEMA_CHANGED, rel, resource=name, detail=detail))
    return found


def _is_unsafe(path: str) -> bool:
    if "://" in path or path.startswith(("/", "\\", "~")) or ":" in path:
        return True
    return ".." in PurePosixPath(path.replace("\\", "/")).parts


def schema_difference(given: Any, canonical: dict[str, Any]) -> str | None:
    """Dutch description of the first binding difference, or None if there is none."""
    if not isinstance(given, dict):
        return "het schema ontbreekt of is geen object"
    given_fields = given.get("fields")
    if not isinstance(given_fields, list):
        return "de lijst 'fields' ontbreekt"
    names = [f.get("name") if isinstance(f, dict) else None for f in given_fields]
    canonical_names = [f["name"] for f in canonical["fields"]]
    extra = [n for n in names if n not in canonical_names]
    if extra:
        return f"extra kolom '{extra[0]}'"
    missing = [n for n in canonical_names if n not in names]
    if missing:
        return f"kolom '{missing[0]}' ontbreekt"
    if names != canonical_names:
        return "de kolommen staan in een andere volgorde"
    for given_field, canonical_field in zip(given_fields, canonical["fields"]):
        if _binding(given_field) != _binding(canonical_field):
            return f"de kolom '{canonical_field['name']}' heeft een ander type of andere regels"
    for key in sorted((set(given) | set(canonical)) - _FREE_KEYS - {"fields"}):
        if given.get(key) != canonical.get(key):
            return f"'{key}' is gewijzigd"
    return None


def _binding(descriptor: dict[str, Any]) -> dict[str, Any]:
    binding = {k: v for k, v in descriptor.items() if k not in _FREE_KEYS}
    binding.setdefault("format", "default")
    return binding


def is_editor_litter(name: str) -> bool:
    """Files an office suite or a file browser leaves behind; never part of a delivery.

    They are ignored here and kept out of Git by `.gitignore`.
    """
    return name == ".DS_Store" or name == "Thumbs.db" or name.startswith((".~lock.", "~$"))


def _check_folder_contents(folder: Path, rel_folder: str) -> list[Problem]:
    allowed = _ALLOWED_EXTRA_FILES | {f"{r}.csv" for r in contract.RESOURCES}
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.name not in allowed and not is_editor_litter(entry.name):
            found.append(problem(UNKNOWN_FILE, f"{rel_folder}/{entry.name}", name=entry.name,
                                 allowed=IN_REGION_FOLDER))
    return found
