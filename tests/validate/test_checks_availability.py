from __future__ import annotations

import pytest

from generator.validate.checks.availability import check_traject_available

from .helpers import bewijs, flatten, instroom, path, region, table, traject, uitstroom

ROW_BUILDERS = {"instroom": instroom, "uitstroom": uitstroom, "bewijzen": bewijs}
TRAJECTEN = table(
    "trajecten",
    traject("t1", "beschikbaar", "2024-Q1"),
    traject("t2", "in_ontwikkeling", None),
    traject("t3", "beeindigd", "2023-Q2"),
    traject("t4", "beschikbaar", None),
)


@pytest.mark.parametrize("resource", ROW_BUILDERS)
def test_rows_from_the_available_quarter_on_pass(resource: str) -> None:
    build = ROW_BUILDERS[resource]
    delivery = region(TRAJECTEN, table(
        resource,
        build(periode="2024-Q1", traject_id="t1"),
        build(periode="2025-Q3", traject_id="t1"),
        build(periode="2023-Q2", traject_id="t3"),
    ))
    assert flatten(check_traject_available(delivery)) == []


@pytest.mark.parametrize("resource", ROW_BUILDERS)
def test_row_before_the_traject_is_available(resource: str) -> None:
    build = ROW_BUILDERS[resource]
    delivery = region(TRAJECTEN, table(
        resource,
        build(periode="2024-Q1", traject_id="t1"),
        build(periode="2023-Q4", traject_id="t1"),
    ))
    problems = list(check_traject_available(delivery))
    assert flatten(problems) == [(path(resource), 3, "periode", "traject-not-yet-available")]
    assert "2023-Q4" in problems[0].message and "2024-Q1" in problems[0].message


@pytest.mark.parametrize("resource", ROW_BUILDERS)
def test_row_for_a_traject_in_development(resource: str) -> None:
    build = ROW_BUILDERS[resource]
    delivery = region(TRAJECTEN, table(resource, build(periode="2025-Q1", traject_id="t2")))
    assert flatten(check_traject_available(delivery)) == [
        (path(resource), 2, "traject_id", "traject-in-development-used"),
    ]


def test_unknown_traject_and_missing_date_are_reported_elsewhere() -> None:
    delivery = region(TRAJECTEN, table(
        "instroom",
        instroom(periode="2023-Q1", traject_id="onbekend"),
        instroom(periode="2023-Q1", traject_id="t4"),
    ))
    assert flatten(check_traject_available(delivery)) == []


def test_duplicate_traject_id_uses_its_first_row() -> None:
    trajecten = table("trajecten", traject("t1", "beschikbaar", "2024-Q1"),
                      traject("t1", "beschikbaar", "2023-Q1"))
    delivery = region(trajecten, table("instroom", instroom(periode="2023-Q3")))
    assert flatten(check_traject_available(delivery)) == [
        (path("instroom"), 2, "periode", "traject-not-yet-available"),
    ]


def test_without_trajecten_nothing_is_checked() -> None:
    delivery = region(table("instroom", instroom(periode="2019-Q1")))
    assert flatten(check_traject_available(delivery)) == []
