"""Turn a schema-valid definition (the YAML as a dict) into a `Definition` record."""

from __future__ import annotations

from typing import Any

from generator.indicators.definition import (
    COLUMN_OPERATORS, VALUE_OPERATORS, AttainmentRule, Condition, Definition, Expectation,
    Difference, ModelRule, Ratio, Rule, Tally, Target, default_time_column,
)


def parse_condition(data: dict[str, Any]) -> Condition:
    (operator,) = [key for key in data if key != "kolom"]
    operand = data[operator]
    if isinstance(operand, list):
        operand = tuple(operand)
    assert operator in VALUE_OPERATORS + COLUMN_OPERATORS
    return Condition(column=data["kolom"], operator=operator, operand=operand)


def parse_tally(data: dict[str, Any]) -> Tally:
    resource = data["bron"]
    return Tally(
        resource=resource,
        aggregation=data["aggregatie"],
        column=data.get("kolom"),
        scores=tuple((str(k), float(v)) for k, v in (data.get("scores") or {}).items()),
        conditions=tuple(parse_condition(c) for c in data.get("filters", [])),
        time=data.get("tijd", "cumulatief"),
        time_column=data.get("tijdkolom", default_time_column(resource)),
        key=tuple(data.get("sleutel", [])),
    )


def parse_rule(data: dict[str, Any]) -> Rule:
    kind = data["soort"]
    if kind == "telling":
        return parse_tally(data)
    if kind == "verhouding":
        return Ratio(parse_tally(data["teller"]), parse_tally(data["noemer"]),
                     float(data.get("factor", 1)), data.get("betrouwbaarheidsinterval"))
    if kind == "verschil":
        return Difference(parse_tally(data["plus"]), parse_tally(data["min"]))
    if kind == "model":
        return ModelRule(data["uitkomst"])
    return AttainmentRule()


def parse_target(data: dict[str, Any]) -> Target:
    return Target(value=data["waarde"], scope=data["bereik"], phase=data.get("fase"),
                  due=data["uiterlijk"], source=data["bron"], note=data.get("toelichting", ""))


def parse_expectation(data: dict[str, Any]) -> Expectation:
    return Expectation(source=data["bron"], value=data.get("waarde"), low=data.get("ondergrens"),
                       high=data.get("bovengrens"), note=data.get("toelichting", ""))


def _breakdown(item: str | list[str]) -> tuple[str, ...]:
    return (item,) if isinstance(item, str) else tuple(item)


def parse_definition(data: dict[str, Any], file: str = "", blob: str = "") -> Definition:
    return Definition(
        id=data["id"],
        version=data["versie"],
        title=data["titel"],
        description=data["beschrijving"].strip(),
        question=data["onderzoeksvraag"],
        unit=data["eenheid"],
        rule=parse_rule(data["regel"]),
        sources=tuple(data["bronnen"]),
        file=file,
        blob=blob,
        kpi=data.get("kpi", False),
        position=data.get("volgorde", 1000),
        decimals=data.get("decimalen"),
        breakdowns=tuple(_breakdown(b) for b in data.get("uitsplitsingen", [])),
        order=data.get("sortering", "categorie"),
        targets=tuple(parse_target(t) for t in data.get("doelen", [])),
        expectations=tuple(parse_expectation(e) for e in data.get("verwachtingen", [])),
        caveats=tuple(c.strip() for c in data.get("kanttekeningen", [])),
    )
