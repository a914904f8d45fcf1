"""Walk `data/`: the register, then each region folder, collecting one report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from generator import contract
from generator.cache import Cache, folder_blobs
from generator.contract import Quarter, parse_quarter
from generator.errors import UsageError
from generator.paths import DATA, INDICATORS
from generator.validate import files, frictionless_checks, package
from generator.validate.definitions import check_indicators
from generator.validate.checks import privacy, run_region_checks
from generator.validate.load import read_table
from generator.validate.rows import RegisterEntry, Region, Table
from generator.problems import Problem, declare, problem
from generator.report import Report

REGISTER_FILE = "regios.csv"
_ALLOWED_TOP_LEVEL = {REGISTER_FILE, "README.md"}

MISSING_DATA = declare(
    "missing-data-folder", "Map data/ ontbreekt",
    "Er is geen map data/ gevonden in {root}. Start de opdracht in de hoofdmap van de "
    "repository (de map met data/ en mkdocs.yml).",
    stage="folder",
    explanation=(
        "De controle vindt geen map `data/` met daarin `regios.csv`. Dat gebeurt als u de "
        "opdracht start in een map die niet bij de repository hoort."
        "\n\n"
        "Ga in het opdrachtvenster naar de map van de repository (de map met `README.md` "
        "en `data/`), of naar een map daarbinnen, en start de controle opnieuw."
    ))
MISSING_REGISTER = declare(
    "missing-register", "regios.csv ontbreekt",
    "data/regios.csv ontbreekt. Dit register van regio's is nodig om de leveringen te "
    "controleren; zet het terug.",
    stage="register",
    explanation=(
        "Het bestand `data/regios.csv` ontbreekt. Zonder dit register kan de controle de "
        "leveringen niet aan een regio koppelen."
        "\n\n"
        "Zet het bestand terug zoals het in de hoofdtak (`main`) staat."
    ))
UNREGISTERED = declare(
    "unregistered-region", "Regio staat niet in het register",
    "De map data/{folder} hoort bij geen enkele regio in data/regios.csv. Voeg de regio toe "
    "aan het register (regio_id = mapnaam) of hernoem de map.",
    stage="register",
    explanation=(
        "Er is een map in `data/` waarvan de naam niet als `regio_id` in `data/regios.csv` "
        "staat. Misschien is de map anders genoemd dan afgesproken, of is de regio nog "
        "niet in het register opgenomen."
        "\n\n"
        "Geef de map precies de naam van uw regio uit `data/regios.csv`. Is uw regio nieuw, "
        "vraag dan het team van de monitor om de regio in het register op te nemen."
    ))
NO_FOLDER = declare(
    "region-without-folder", "Regio zonder map",
    "De regio '{regio_id}' staat in het register maar heeft nog geen map data/{regio_id}/ "
    "met een levering.", severity="warning",
    stage="register",
    explanation=(
        "Een regio staat in het register, maar heeft nog geen map in `data/`. Dat is "
        "normaal voor een regio die net is aangesloten en nog niet heeft geleverd."
        "\n\n"
        "U hoeft niets te doen; de melding verdwijnt na de eerste levering van die regio."
    ))
START_IN_FUTURE = declare(
    "pilot-start-in-future", "Start ligt in de toekomst",
    "pilot_start {value} ligt na het huidige kwartaal ({as_of}). Vul het eerste kwartaal "
    "in waarover de regio levert.",
    stage="register",
    explanation=(
        "In `data/regios.csv` ligt `pilot_start` van een regio na het huidige kwartaal."
        "\n\n"
        "Vul als `pilot_start` het eerste kwartaal in waarover de regio levert. Neem "
        "hiervoor contact op met het team van de monitor."
    ))


def validate_repository(root: Path, paths: Sequence[Path] | None = None,
                        as_of: Quarter | None = None, *, cache: Cache | None = None) -> Report:
    """Validate the register and every region under `root/data` (or only those in `paths`).

    With a `cache` a region's problems are reused while its folder's files (blob ids), its
    register entry and `as_of` are the same (a region's checks read nothing else): after one
    region's CSV changes only that region is checked again.
    """
    root = root.resolve()
    as_of = as_of or Quarter.of_date(dt.date.today())
    data = root / DATA
    report = Report()
    if not data.is_dir():
        report.extend([problem(MISSING_DATA, "data", root=root)])
        return report
    folders = sorted(p for p in data.iterdir()
                     if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))
    selected, with_indicators = _select(root, data, folders, paths)
    register = _check_register(data, report, as_of)
    report.extend(_check_top_level(data))
    for folder in selected:
        report.extend(_region_problems(root, folder, register, as_of, report, cache))
    if with_indicators and (root / INDICATORS).is_dir():
        report.extend(check_indicators(root))
        report.files_checked += sum(1 for _ in (root / INDICATORS).rglob("*.yml"))
    if paths is None:
        present = {f.name for f in folders}
        report.extend(problem(NO_FOLDER, "data/regios.csv", entry.row, "regio_id", regio_id=regio_id)
                      for regio_id, entry in register.items() if regio_id not in present)
    return report


def _select(root: Path, data: Path, folders: list[Path],
            paths: Sequence[Path] | None) -> tuple[list[Path], bool]:
    """The region folders to check, and whether to check `indicators/` too."""
    if not paths:
        return folders, True
    chosen: list[Path] = []
    with_indicators = False
    for given in paths:
        target = (Path.cwd() / given).resolve()
        if not target.exists():
            raise UsageError(f"{given} bestaat niet.")
        if target == root / INDICATORS or root / INDICATORS in target.parents:
            with_indicators = True
            continue
        if target == data:
            chosen.extend(f for f in folders if f not in chosen)
            continue
        if target == data / REGISTER_FILE:
            continue
        try:
            relative = target.relative_to(data)
        except ValueError:
            raise UsageError(f"{given} ligt niet in data/ of indicators/: geef een regiomap, "
                             "een bestand daarin of een indicatordefinitie op.") from None
        folder = data / relative.parts[0]
        if not folder.is_dir():
            raise UsageError(f"{given} ligt niet in een regiomap onder data/.")
        if folder not in chosen:
            chosen.append(folder)
    return chosen, with_indicators


def _check_top_level(data: Path) -> list[Problem]:
    return [problem(package.UNKNOWN_FILE, f"{DATA}/{p.name}", name=p.name,
                    allowed=package.IN_DATA_FOLDER)
            for p in sorted(data.iterdir())
            if (p.is_symlink() or not p.is_dir())
            and p.name not in _ALLOWED_TOP_LEVEL and not p.name.startswith(".")
            and not package.is_editor_litter(p.name)]


def _check_register(data: Path, report: Report, as_of: Quarter) -> dict[str, RegisterEntry]:
    path = data / REGISTER_FILE
    rel = f"{DATA}/{REGISTER_FILE}"
    if not path.is_file():
        report.extend([problem(MISSING_REGISTER, rel)])
        return {}
    report.files_checked += 1
    found, readable = files.check_csv(path, rel, contract.REGISTER)
    if readable:
        found += _not_explained(frictionless_checks.check_register_table(path, rel), found)
    report.extend(found)
    if not readable:
        return {}
    table = read_table(path, rel, contract.REGISTER, _flagged_cells(found, rel))
    report.extend(privacy.check_register(table))
    entries: dict[str, RegisterEntry] = {}
    for row in table:
        regio_id = row["regio_id"]
        if not isinstance(regio_id, str) or regio_id in entries:
            continue
        start = parse_quarter(row["pilot_start"])
        if start is not None and start > as_of:
            report.extend([problem(START_IN_FUTURE, rel, row.number, "pilot_start",
                                   value=start, as_of=as_of)])
        entries[regio_id] = RegisterEntry(
            regio_id=regio_id, naam=str(row["naam"] or ""), pilot_start=start,
            fase=row["fase"] if isinstance(row["fase"], str) else None, row=row.number)
    return entries


# Cell problems the file checks explain (a decimal comma, a date for a quarter) also fail
# their type in Frictionless; the specific explanation is the one worth reading.
_EXPLAINED_BY_FILE_CHECKS = {"type-error", "invalid-format"}


def _not_explained(problems: list[Problem], file_problems: list[Problem]) -> list[Problem]:
    explained = {(p.file, p.row, p.field) for p in file_problems if p.row is not None}
    return [p for p in problems
            if p.code not in _EXPLAINED_BY_FILE_CHECKS or (p.file, p.row, p.field) not in explained]


def _flagged_cells(problems: list[Problem], rel: str) -> set[tuple[int, str]]:
    return {(p.row, p.field) for p in problems
            if p.file == rel and p.row is not None and p.field is not None}


def _region_problems(root: Path, folder: Path, register: dict[str, RegisterEntry],
                     as_of: Quarter, report: Report, cache: Cache | None) -> list[Problem]:
    if cache is None:
        return _check_region(root, folder, register, as_of, report)
    rel_folder = folder.relative_to(root).as_posix()
    entry = register.get(folder.name)
    parts = {"files": folder_blobs(root, (rel_folder,)), "as_of": str(as_of),
             "entry": None if entry is None else
             [entry.regio_id, entry.naam, str(entry.pilot_start), entry.fase, entry.row]}

    def check() -> tuple[list[Problem], int]:
        counted = Report()
        return _check_region(root, folder, register, as_of, counted), counted.files_checked

    problems, files_checked = cache.through("validation-region", parts, check)
    report.files_checked += files_checked
    return list(problems)


def _check_region(root: Path, folder: Path, register: dict[str, RegisterEntry],
                  as_of: Quarter, report: Report) -> list[Problem]:
    rel_folder = folder.relative_to(root).as_posix()
    found: list[Problem] = []
    entry = register.get(folder.name)
    if entry is None:
        found.append(problem(UNREGISTERED, rel_folder, folder=folder.name))
    layout = package.check_package(folder, rel_folder)
    found.extend(layout.problems)
    readable: dict[str, Path] = {}
    for resource, path in layout.files.items():
        report.files_checked += 1
        file_problems, ok = files.check_csv(path, f"{rel_folder}/{path.name}", resource)
        found.extend(file_problems)
        if ok:
            readable[resource] = path
    found.extend(_not_explained(frictionless_checks.check_tables(folder, rel_folder, readable), found))
    region_tables = {
        resource: read_table(path, f"{rel_folder}/{path.name}", resource,
                             _flagged_cells(found, f"{rel_folder}/{path.name}"))
        for resource, path in readable.items()
    }
    for resource in contract.RESOURCES:
        if resource not in region_tables:
            region_tables[resource] = Table(resource, f"{rel_folder}/{resource}.csv", readable=False)
    region = Region(regio_id=folder.name, folder=rel_folder, entry=entry,
                    tables=region_tables, as_of=as_of)
    found.extend(run_region_checks(region))
    return found
