from __future__ import annotations

import pytest

from generator import contract
from generator.validate.checks.quarters import check_quarters

from .helpers import flatten, instroom, meting, path, region, table, traject

QUARTER_FIELDS = [
    (resource, name)
    for resource in contract.RESOURCES
    for name in ("periode", "cohort", "beschikbaar_vanaf")
    if name in contract.field_names(resource)
]


def test_quarters_from_pilot_start_to_current_quarter_pass() -> None:
    delivery = region(
        table("trajecten", traject(beschikbaar_vanaf="2023-Q1")),
        table("instroom", instroom("2023-Q1"), instroom("2026-Q2")),
        table("metingen", meting(cohort="2026-Q2")),
    )
    assert flatten(check_quarters(delivery)) == []


def test_every_resource_has_a_quarter_field_under_test() -> None:
    # Guards the parametrised tests below against leaving a resource out.
    assert {resource for resource, _ in QUARTER_FIELDS} == set(contract.RESOURCES)
    assert ("trajecten", "beschikbaar_vanaf") in QUARTER_FIELDS


@pytest.mark.parametrize(("resource", "name"), QUARTER_FIELDS)
def test_quarter_before_pilot_start(resource: str, name: str) -> None:
    delivery = region(table(resource, {name: "2022-Q4"}))
    assert flatten(check_quarters(delivery)) == [
        (path(resource), 2, name, "quarter-before-pilot-start"),
    ]


@pytest.mark.parametrize(("resource", "name"), QUARTER_FIELDS)
def test_quarter_after_current(resource: str, name: str) -> None:
    delivery = region(table(resource, {name: "2026-Q3"}))
    assert flatten(check_quarters(delivery)) == [
        (path(resource), 2, name, "quarter-after-current"),
    ]


def test_messages_name_the_quarter_and_the_limit() -> None:
    delivery = region(table("instroom", instroom("2022-Q4"), instroom("2027-Q1")))
    before, after = check_quarters(delivery)
    assert "2022-Q4" in before.message and "2023-Q1" in before.message
    assert "2027-Q1" in after.message and "2026-Q2" in after.message


def test_without_register_entry_only_the_current_quarter_is_checked() -> None:
    delivery = region(table("instroom", instroom("2020-Q1"), instroom("2026-Q3")),
                      registered=False)
    assert flatten(check_quarters(delivery)) == [
        (path("instroom"), 3, "periode", "quarter-after-current"),
    ]


def test_malformed_and_empty_quarters_are_left_to_the_schema_check() -> None:
    delivery = region(table("instroom", instroom("2019Q1"), {"periode": None}, {}))
    assert flatten(check_quarters(delivery)) == []


def test_unreadable_table_is_skipped() -> None:
    delivery = region(table("instroom", instroom("2019-Q1"), readable=False))
    assert flatten(check_quarters(delivery)) == []
