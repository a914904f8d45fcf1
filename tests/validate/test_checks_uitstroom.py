from __future__ import annotations

from generator.validate.checks.uitstroom import check_followup, check_outflow_within_inflow

from .helpers import flatten, instroom, path, region, table, uitstroom

FILE = path("uitstroom")


def test_followup_within_outflow_passes() -> None:
    delivery = region(table(
        "uitstroom",
        uitstroom(aantal=5, actief_6=5, actief_12=5),
        uitstroom(aantal=5, actief_6=3, actief_12=None),
        uitstroom(aantal=5, actief_6=None, actief_12=None),
        uitstroom(aantal=0, actief_6=0, actief_12=0),
    ))
    assert flatten(check_followup(delivery)) == []


def test_active_after_6_months_above_outflow() -> None:
    delivery = region(table("uitstroom", uitstroom(aantal=5, actief_6=6)))
    problems = list(check_followup(delivery))
    assert flatten(problems) == [(FILE, 2, "actief_na_6_maanden", "active-6-exceeds-outflow")]
    assert "(6)" in problems[0].message and "(5)" in problems[0].message


def test_active_after_12_months_above_6_months() -> None:
    delivery = region(table("uitstroom", uitstroom(aantal=5, actief_6=3, actief_12=4)))
    assert flatten(check_followup(delivery)) == [
        (FILE, 2, "actief_na_12_maanden", "active-12-exceeds-active-6"),
    ]


def test_active_after_12_months_without_6_months() -> None:
    delivery = region(table("uitstroom", uitstroom(aantal=5, actief_6=None, actief_12=2)))
    assert flatten(check_followup(delivery)) == [
        (FILE, 2, "actief_na_12_maanden", "active-12-without-active-6"),
    ]


def test_both_followup_defects_in_one_row() -> None:
    delivery = region(table("uitstroom", uitstroom(aantal=2, actief_6=3, actief_12=4)))
    assert flatten(check_followup(delivery)) == [
        (FILE, 2, "actief_na_6_maanden", "active-6-exceeds-outflow"),
        (FILE, 2, "actief_na_12_maanden", "active-12-exceeds-active-6"),
    ]


def test_unreadable_counts_are_skipped() -> None:
    delivery = region(table("uitstroom", uitstroom(aantal=None, actief_6=9, actief_12="x")))
    assert flatten(check_followup(delivery)) == []


def test_cumulative_outflow_within_inflow_passes() -> None:
    delivery = region(
        table("instroom", instroom("2023-Q1", aantal=10), instroom("2023-Q3", aantal=5)),
        table("uitstroom",
              uitstroom("2023-Q2", aantal=8),
              uitstroom("2023-Q3", aantal=7),  # 15 out, 15 in: still fine
              ),
    )
    assert flatten(check_outflow_within_inflow(delivery)) == []


def test_outflow_in_the_same_quarter_as_inflow_passes() -> None:
    delivery = region(table("instroom", instroom("2023-Q1", aantal=4)),
                      table("uitstroom", uitstroom("2023-Q1", aantal=4)))
    assert flatten(check_outflow_within_inflow(delivery)) == []


def test_outflow_above_inflow_reported_at_first_quarter_over() -> None:
    delivery = region(
        table("instroom", instroom("2023-Q1", aantal=10), instroom("2024-Q1", aantal=20)),
        table("uitstroom",
              uitstroom("2023-Q2", aantal=6),
              uitstroom("2023-Q3", aantal=3, bestemming="mbo"),
              uitstroom("2023-Q3", aantal=2, bestemming="werk"),
              uitstroom("2023-Q4", aantal=4),  # still over, but reported once
              ),
    )
    problems = list(check_outflow_within_inflow(delivery))
    assert flatten(problems) == [(FILE, 3, "aantal", "outflow-exceeds-inflow")]
    assert "2023-Q3" in problems[0].message
    assert "in totaal 11 deelnemers" in problems[0].message
    assert "maar 10 ingestroomd" in problems[0].message


def test_each_traject_is_summed_on_its_own() -> None:
    delivery = region(
        table("instroom", instroom("2023-Q1", "t1", aantal=10),
              instroom("2023-Q1", "t2", aantal=1)),
        table("uitstroom", uitstroom("2023-Q2", "t1", aantal=2),
              uitstroom("2023-Q2", "t2", aantal=2)),
    )
    assert flatten(check_outflow_within_inflow(delivery)) == [
        (FILE, 3, "aantal", "outflow-exceeds-inflow"),
    ]


def test_outflow_of_a_traject_without_any_inflow() -> None:
    delivery = region(table("instroom"), table("uitstroom", uitstroom("2023-Q2", aantal=1)))
    assert flatten(check_outflow_within_inflow(delivery)) == [
        (FILE, 2, "aantal", "outflow-exceeds-inflow"),
    ]


def test_unreadable_inflow_count_skips_the_traject() -> None:
    delivery = region(table("instroom", instroom("2023-Q1", aantal=None)),
                      table("uitstroom", uitstroom("2023-Q2", aantal=1)))
    assert flatten(check_outflow_within_inflow(delivery)) == []


def test_without_instroom_the_sum_is_not_checked() -> None:
    delivery = region(table("uitstroom", uitstroom("2023-Q2", aantal=1)))
    assert flatten(check_outflow_within_inflow(delivery)) == []
