"""Check the indicator definitions in `indicators/*.yml`: YAML, schema, then meaning.

The meaning checks hold a definition against the data contract: resources, columns and
category values must exist, so a typo fails in `validate` rather than silently counting
nothing. Each problem names the file, the YAML line and the field path.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from generator import contract
from generator.indicators.definition import (
    COLUMN_OPERATORS, LEGACY_MODEL_SOURCES, MODEL_SOURCES, PHASE, AttainmentRule, ModelRule, Tally,
)
from generator.indicators.parse import parse_definition
from generator.indicators.schema_check import dotted, schema_errors, yaml_line
from generator.paths import INDICATORS
from generator.problems import Problem, declare, problem

INDICATOR_DIR = INDICATORS

UNREADABLE = declare(
    "indicator-yaml-unreadable", "Indicatordefinitie onleesbaar",
    "Dit bestand is geen leesbare YAML: {detail}. Controleer inspringing en dubbele punten.",
    stage="definitions",
    explanation=(
        "Een bestand `indicators/<id>.yml` is geen leesbare YAML, of geen UTF-8-tekst. Vaak "
        "klopt de inspringing niet, ontbreekt een dubbele punt, of staat er een tab in "
        "plaats van spaties. De melding noemt de regel waar het lezen stopte."
        "\n\n"
        "Herstel het bestand op of vlak voor die regel. Spring in met spaties en zet tekst "
        "met een dubbele punt erin tussen aanhalingstekens."
    ))
INVALID = declare(
    "indicator-definition-invalid", "Indicatordefinitie ongeldig",
    "{detail}. Zie indicators/README.md voor de vorm van een definitie.",
    stage="definitions",
    explanation=(
        "De definitie is wel leesbare YAML, maar volgt de afgesproken vorm niet: een "
        "verplicht veld ontbreekt, een veld is onbekend, of een waarde heeft het verkeerde "
        "type of valt buiten de toegestane lijst. De melding noemt het veld."
        "\n\n"
        "Verbeter het genoemde veld. De vorm van een definitie staat in "
        "`indicators/README.md`."
    ))
ID_MISMATCH = declare(
    "indicator-id-mismatch", "Id past niet bij bestandsnaam",
    "Het id '{id}' moet gelijk zijn aan de bestandsnaam zonder .yml ('{stem}').",
    stage="definitions",
    explanation=(
        "Het veld `id` in de definitie is niet gelijk aan de bestandsnaam zonder `.yml`."
        "\n\n"
        "Maak ze gelijk. Verander het `id` van een bestaande indicator liever niet: de "
        "site en eerdere rapporten verwijzen ernaar."
    ))
UNKNOWN_RESOURCE = declare(
    "indicator-unknown-resource", "Onbekende bron",
    "'{name}' is geen bron van het gegevensleveringscontract; kies uit {choices}.",
    stage="definitions",
    explanation=(
        "De regel van de indicator leest een bron die niet in het gegevensleveringscontract "
        "staat, bijvoorbeeld door een tikfout."
        "\n\n"
        "Kies een van de bronnen uit de melding; dat zijn de tabellen van de levering."
    ))
SOURCES_MISMATCH = declare(
    "indicator-sources-mismatch", "Bronnen kloppen niet met de regel",
    "'bronnen' moet precies de bronnen noemen die de regel leest: {expected}.",
    stage="definitions",
    explanation=(
        "Het veld `bronnen` noemt niet precies de tabellen die de regel leest: er ontbreekt "
        "er een, of er staat er een te veel. De site gebruikt dit veld om te laten zien "
        "waar een cijfer vandaan komt."
        "\n\n"
        "Zet in `bronnen` precies de tabellen uit de melding."
    ))
UNKNOWN_COLUMN = declare(
    "indicator-unknown-column", "Onbekende kolom",
    "De bron '{resource}' heeft geen kolom '{column}'; kolommen: {choices}.",
    stage="definitions",
    explanation=(
        "De regel noemt een kolom die de bron niet heeft, in `kolom`, `tijdkolom`, "
        "`sleutel` of een filter."
        "\n\n"
        "Kies een kolom uit de lijst in de melding; dat zijn de kolommen van die tabel in "
        "het contract."
    ))
COLUMN_TYPE = declare(
    "indicator-column-type", "Kolom van het verkeerde type",
    "De kolom '{column}' van '{resource}' is {actual}; {why}.",
    stage="definitions",
    explanation=(
        "De regel rekent met een kolom van het verkeerde soort: `som` telt een tekstkolom "
        "op, of een filter vergelijkt tekst met groter of kleiner dan."
        "\n\n"
        "Tel een kolom met getallen op, of gebruik `aantal_rijen` of `som_van_scores`, "
        "zoals de melding aangeeft."
    ))
UNKNOWN_VALUE = declare(
    "indicator-unknown-value", "Onbekende categorie",
    "'{value}' komt niet voor in de kolom '{column}' van '{resource}'; kies uit {choices}.",
    stage="definitions",
    explanation=(
        "Een filter of een score noemt een waarde die in die kolom niet kan voorkomen, "
        "bijvoorbeeld een tikfout in een code. Zo'n filter zou stil niets tellen."
        "\n\n"
        "Kies een waarde uit de lijst in de melding; dat zijn de toegestane codes van die "
        "kolom in het contract."
    ))
BREAKDOWN_INVALID = declare(
    "indicator-breakdown-invalid", "Uitsplitsing niet mogelijk",
    "Uitsplitsen naar '{column}' kan niet: {why}.",
    stage="definitions",
    explanation=(
        "Een uitsplitsing in `uitsplitsingen` kan niet: de kolom staat in geen enkele bron "
        "van de regel, het is een kolom met getallen in plaats van categorieën, of `fase` "
        "is gecombineerd met een kolom."
        "\n\n"
        "Splits uit naar een kolom met codes uit een van de bronnen, of alleen naar `fase`."
    ))
TARGET_OVERLAP = declare(
    "indicator-target-overlap", "Doelen overlappen",
    "Twee doelen gelden voor dezelfde regio's ({scope}); geef elk doel een eigen bereik of fase.",
    stage="definitions",
    explanation=(
        "Twee doelen in `doelen` gelden voor dezelfde regio's (en dezelfde fase). Dan is "
        "niet duidelijk welk doel geldt."
        "\n\n"
        "Geef elk doel een eigen bereik of een eigen fase, of haal een van beide weg."
    ))

NUMERIC = ("integer", "number")
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where installed: same results, several times faster."""


def definition_files(files: Mapping[str, bytes]) -> list[str]:
    """The definition files among repo-relative paths: `indicators/*.yml`, not in subfolders."""
    return sorted(p for p in files if p.startswith(f"{INDICATOR_DIR}/") and p.count("/") == 1
                  and p.endswith(".yml"))


def read_folder(root: Path) -> dict[str, bytes]:
    folder = root / INDICATOR_DIR
    if not folder.is_dir():
        return {}
    return {f"{INDICATOR_DIR}/{p.name}": p.read_bytes() for p in sorted(folder.glob("*.yml"))}


def check_definitions(root: Path) -> list[Problem]:
    """Every problem in the definitions under `root/indicators/`."""
    return check_definition_files(read_folder(root))


def check_definition_files(files: Mapping[str, bytes]) -> list[Problem]:
    found: list[Problem] = []
    for path in definition_files(files):
        found.extend(check_one(path, files[path]))
    return found


def check_one(path: str, content: bytes) -> list[Problem]:
    try:
        text = content.decode("utf-8")
        node = yaml.compose(text, Loader=SafeLoader)
        data = yaml.load(text, Loader=SafeLoader)
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        return [problem(UNREADABLE, path, None if line is None else line + 1,
                        detail=str(error).splitlines()[0])]
    errors = [problem(INVALID, path, yaml_line(node, where), dotted(where), detail=why)
              for where, why in schema_errors(data)]
    if errors:
        return errors
    return [problem(code, path, yaml_line(node, where), dotted(where), **params)
            for code, where, params in _meaning(data, Path(path).stem)]


Found = tuple[Any, tuple[str | int, ...], dict[str, Any]]


def _meaning(data: dict[str, Any], stem: str) -> Iterator[Found]:
    if data["id"] != stem:
        yield ID_MISMATCH, ("id",), {"id": data["id"], "stem": stem}
    rule_data = data["regel"]
    definition = parse_definition(data)
    rule = definition.rule
    tallies: list[tuple[tuple[str | int, ...], Tally]] = []
    if isinstance(rule, Tally):
        tallies = [(("regel",), rule)]
    elif rule_data["soort"] == "verhouding":
        tallies = [(("regel", "teller"), rule.numerator), (("regel", "noemer"), rule.denominator)]
    elif rule_data["soort"] == "verschil":
        tallies = [(("regel", "plus"), rule.plus), (("regel", "min"), rule.minus)]
    known = [t for _, t in tallies if t.resource in contract.RESOURCES]
    for where, tally in tallies:
        yield from _check_tally(where, tally)
    if isinstance(rule, ModelRule):
        expected = (set(LEGACY_MODEL_SOURCES) if set(definition.sources)
                    == set(LEGACY_MODEL_SOURCES) else set(MODEL_SOURCES))
    elif isinstance(rule, AttainmentRule):
        expected = set(definition.sources)  # the measured indicators' sources; not checked
    else:
        expected = {t.resource for _, t in tallies}
    if set(definition.sources) != expected:
        yield SOURCES_MISMATCH, ("bronnen",), {"expected": ", ".join(sorted(expected))}
    for index, breakdown in enumerate(definition.breakdowns):
        for why in _breakdown_problems(breakdown, known, rule):
            yield BREAKDOWN_INVALID, ("uitsplitsingen", index), {"column": "+".join(breakdown),
                                                                   "why": why}
    yield from _target_overlaps(definition.targets)


def _check_tally(where: tuple[str | int, ...], tally: Tally) -> Iterator[Found]:
    resource = tally.resource
    if resource not in contract.RESOURCES:
        yield UNKNOWN_RESOURCE, (*where, "bron"), {"name": resource,
                                                     "choices": ", ".join(contract.RESOURCES)}
        return
    types = {f["name"]: f["type"] for f in contract.schema(resource)["fields"]}

    def column(name: str, at: tuple[str | int, ...]) -> Iterator[Found]:
        if name not in types:
            yield UNKNOWN_COLUMN, at, {"resource": resource, "column": name,
                                       "choices": ", ".join(types)}

    if tally.column is not None:
        yield from column(tally.column, (*where, "kolom"))
        if tally.column in types:
            if tally.aggregation == "som" and types[tally.column] not in NUMERIC:
                yield COLUMN_TYPE, (*where, "kolom"), {
                    "resource": resource, "column": tally.column, "actual": "tekst",
                    "why": "'som' telt alleen getallen op; gebruik 'aantal_rijen' of 'som_van_scores'"}
            for value, _ in tally.scores:
                yield from _value(resource, tally.column, value, (*where, "scores", value))
    yield from column(tally.time_column, (*where, "tijdkolom"))
    for name in tally.key:
        yield from column(name, (*where, "sleutel"))
    for index, condition in enumerate(tally.conditions):
        at = (*where, "filters", index)
        yield from column(condition.column, (*at, "kolom"))
        if condition.operator in COLUMN_OPERATORS:
            yield from column(condition.operand, (*at, condition.operator))
        elif condition.column in types and condition.operator in ("is", "is_niet", "in", "niet_in"):
            values = condition.operand if isinstance(condition.operand, tuple) else (condition.operand,)
            for value in values:
                yield from _value(resource, condition.column, value, (*at, condition.operator))
        elif (condition.column in types and condition.operator != "leeg"
              and types[condition.column] not in NUMERIC):
            yield COLUMN_TYPE, (*at, condition.operator), {
                "resource": resource, "column": condition.column, "actual": "tekst",
                "why": f"'{condition.operator}' vergelijkt alleen getallen"}


def _value(resource: str, column: str, value: Any, at: tuple[str | int, ...]) -> Iterator[Found]:
    allowed = contract.field(resource, column).get("constraints", {}).get("enum")
    if allowed is not None and value not in allowed:
        yield UNKNOWN_VALUE, at, {"value": value, "column": column, "resource": resource,
                                  "choices": ", ".join(allowed)}


def _breakdown_problems(breakdown: tuple[str, ...], tallies: list[Tally], rule: Any) -> Iterator[str]:
    if PHASE in breakdown:
        if len(breakdown) > 1:
            yield "'fase' splitst het totaal over regio's en combineert niet met kolommen"
        return
    if not isinstance(rule, (Tally,)) and not tallies:
        yield "alleen tellingen, verhoudingen en verschillen kennen uitsplitsingen naar kolommen"
        return
    for name in breakdown:
        holders = [t for t in tallies if name in contract.field_names(t.resource)]
        if not holders:
            yield f"geen bron van deze regel heeft een kolom '{name}'"
        elif any(contract.field(t.resource, name)["type"] in NUMERIC for t in holders):
            yield f"'{name}' is een getal, geen categorie"


def _target_overlaps(targets: tuple[Any, ...]) -> Iterator[Found]:
    for i, first in enumerate(targets):
        for j in range(i + 1, len(targets)):
            second = targets[j]
            if first.scope != second.scope:
                continue
            if first.scope == "totaal":
                clash = first.phase == second.phase
            else:
                clash = first.phase is None or second.phase is None or first.phase == second.phase
            if clash:
                scope = f"{first.scope}{', fase ' + first.phase if first.phase else ''}"
                yield TARGET_OVERLAP, ("doelen", j), {"scope": scope}
