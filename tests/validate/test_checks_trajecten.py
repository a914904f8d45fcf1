from __future__ import annotations

from generator.validate.checks.trajecten import check_available_from

from .helpers import flatten, path, region, table, traject

FILE = path("trajecten")


def test_consistent_status_and_date_pass() -> None:
    delivery = region(table(
        "trajecten",
        traject("t1", "in_ontwikkeling", None),
        traject("t2", "beschikbaar", "2023-Q2"),
        traject("t3", "beeindigd", "2023-Q1"),
    ))
    assert flatten(check_available_from(delivery)) == []


def test_date_while_in_development() -> None:
    delivery = region(table("trajecten", traject("t1", "in_ontwikkeling", "2024-Q1")))
    problems = list(check_available_from(delivery))
    assert flatten(problems) == [
        (FILE, 2, "beschikbaar_vanaf", "traject-available-from-in-development"),
    ]
    assert "t1" in problems[0].message


def test_date_missing_once_available_or_ended() -> None:
    delivery = region(table(
        "trajecten",
        traject("t1", "beschikbaar", None),
        traject("t2", "beeindigd", None),
    ))
    assert flatten(check_available_from(delivery)) == [
        (FILE, 2, "beschikbaar_vanaf", "traject-available-from-missing"),
        (FILE, 3, "beschikbaar_vanaf", "traject-available-from-missing"),
    ]


def test_unknown_or_empty_status_is_left_to_the_schema_check() -> None:
    delivery = region(table(
        "trajecten",
        traject("t1", None, None),
        traject("t2", "klaar", "2024-Q1"),
    ))
    assert flatten(check_available_from(delivery)) == []


def test_missing_table_is_skipped() -> None:
    assert flatten(check_available_from(region())) == []
