from __future__ import annotations

from generator.validate.checks.arbeid import check_measured, check_sums_within_measured

from .helpers import arbeid, cohort_metingen, flatten, meting, path, region, table

FILE = path("arbeid")


def metingen_with_followups(cohort: str = "2023-Q1", measured: int = 10) -> list[dict]:
    """`measured` people with a follow-up on arbeidsmarktpositie, plus 5 without one."""
    return cohort_metingen(cohort, measured) + [
        meting(cohort, "arbeidsmarktpositie", 2, None, 5),
        meting(cohort, "taal", 0, 1, 5),
    ]


def test_measured_within_follow_ups_passes() -> None:
    delivery = region(table("arbeid", arbeid(aantal_gemeten=10)),
                      table("metingen", *metingen_with_followups(measured=10)))
    assert flatten(check_measured(delivery)) == []


def test_measured_above_follow_ups_on_arbeidsmarktpositie() -> None:
    delivery = region(table("arbeid", arbeid(aantal_gemeten=11)),
                      table("metingen", *metingen_with_followups(measured=10)))
    problems = list(check_measured(delivery))
    assert flatten(problems) == [(FILE, 2, "aantal_gemeten", "measured-exceeds-followups")]
    assert "aantal_gemeten is 11" in problems[0].message and "maar 10" in problems[0].message


def test_cohort_with_metingen_but_no_follow_up_yet() -> None:
    delivery = region(table("arbeid", arbeid(aantal_gemeten=1)),
                      table("metingen", *cohort_metingen("2023-Q1", score_t1=None)))
    assert flatten(check_measured(delivery)) == [
        (FILE, 2, "aantal_gemeten", "measured-exceeds-followups"),
    ]


def test_cohort_in_arbeid_without_metingen() -> None:
    delivery = region(
        table("arbeid", arbeid("2023-Q1"), arbeid("2023-Q2", aantal_gemeten=0)),
        table("metingen", *metingen_with_followups("2023-Q1")),
    )
    assert flatten(check_measured(delivery)) == [
        (FILE, 3, "cohort", "arbeid-cohort-without-metingen"),
    ]


def test_without_metingen_table_nothing_is_compared() -> None:
    delivery = region(table("arbeid", arbeid()))
    assert flatten(check_measured(delivery)) == []


def test_sums_within_the_people_measured_pass() -> None:
    delivery = region(table("arbeid", arbeid(aantal_gemeten=10, uren_t0=600.0, uren_t1=600.0,
                                             met_uitkering_t0=10, met_uitkering_t1=0)))
    assert flatten(check_sums_within_measured(delivery)) == []


def test_hours_above_60_per_person() -> None:
    delivery = region(table("arbeid", arbeid(aantal_gemeten=10, uren_t0=600.5, uren_t1=1200)))
    problems = list(check_sums_within_measured(delivery))
    assert flatten(problems) == [
        (FILE, 2, "uren_per_week_t0", "hours-exceed-maximum"),
        (FILE, 2, "uren_per_week_t1", "hours-exceed-maximum"),
    ]
    assert "600.5" in problems[0].message and "1200," in problems[1].message


def test_benefits_above_the_people_measured() -> None:
    delivery = region(table("arbeid", arbeid(aantal_gemeten=4, uren_t0=0.0, uren_t1=0.0,
                                             met_uitkering_t0=5, met_uitkering_t1=4)))
    assert flatten(check_sums_within_measured(delivery)) == [
        (FILE, 2, "met_uitkering_t0", "benefits-exceed-measured"),
    ]


def test_unreadable_aantal_gemeten_skips_the_row() -> None:
    delivery = region(table("arbeid", arbeid(aantal_gemeten=None, uren_t0=9999.0,
                                             met_uitkering_t0=99)))
    assert flatten(check_sums_within_measured(delivery)) == []
