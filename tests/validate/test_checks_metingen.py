from __future__ import annotations

import pytest

from generator.contract import SCALES
from generator.validate.checks.metingen import (
    check_cohort_totals,
    check_required_dimensions,
    check_scores,
    check_unique_transitions,
)

from .helpers import cohort_metingen, flatten, instroom, meting, path, region, table

FILE = path("metingen")


def test_scores_on_the_edges_of_each_scale_pass() -> None:
    rows = [meting(dimensie=d, score_t0=low, score_t1=high) for d, (low, high) in SCALES.items()]
    assert flatten(check_scores(region(table("metingen", *rows)))) == []


@pytest.mark.parametrize("dimensie", sorted(SCALES))
def test_scores_just_outside_each_scale(dimensie: str) -> None:
    low, high = SCALES[dimensie]
    delivery = region(table("metingen", meting(dimensie=dimensie, score_t0=low - 1,
                                               score_t1=high + 1)))
    assert flatten(check_scores(delivery)) == [
        (FILE, 2, "score_t0", "score-outside-scale"),
        (FILE, 2, "score_t1", "score-outside-scale"),
    ]


def test_score_message_names_the_scale() -> None:
    delivery = region(table("metingen", meting(dimensie="taal", score_t0=4)))
    [found] = check_scores(delivery)
    assert "van 0 tot en met 3" in found.message and "taal" in found.message


def test_empty_follow_up_and_unknown_dimension_are_not_scored() -> None:
    delivery = region(table("metingen", meting(score_t1=None),
                            meting(dimensie="motivatie", score_t0=99)))
    assert flatten(check_scores(delivery)) == []


def test_distinct_transitions_pass_and_empty_score_t1_is_a_value_of_its_own() -> None:
    delivery = region(table(
        "metingen",
        meting(score_t0=2, score_t1=3),
        meting(score_t0=2, score_t1=None),
        meting(score_t0=3, score_t1=2),
        meting(cohort="2023-Q2", score_t0=2, score_t1=3),
        meting(dimensie="taal", score_t0=2, score_t1=3),
    ))
    assert flatten(check_unique_transitions(delivery)) == []


def test_duplicate_transitions_report_the_later_rows() -> None:
    delivery = region(table(
        "metingen",
        meting(score_t0=2, score_t1=3, aantal=4),
        meting(score_t0=2, score_t1=None),
        meting(score_t0=2, score_t1=3, aantal=1),
        meting(score_t0=2, score_t1=None),
    ))
    problems = list(check_unique_transitions(delivery))
    assert flatten(problems) == [
        (FILE, 4, None, "duplicate-transition"),
        (FILE, 5, None, "duplicate-transition"),
    ]
    assert "rij 2" in problems[0].message and "rij 3" in problems[1].message


def test_cohort_with_all_required_dimensions_passes() -> None:
    rows = cohort_metingen("2023-Q1") + [meting(dimensie="financien")]
    assert flatten(check_required_dimensions(region(table("metingen", *rows)))) == []


def test_missing_required_dimensions_one_problem_each_on_the_cohorts_first_row() -> None:
    delivery = region(table(
        "metingen",
        *cohort_metingen("2023-Q1"),
        meting(cohort="2023-Q2", dimensie="taal"),
        meting(cohort="2023-Q2", dimensie="rekenen"),
        meting(cohort="2023-Q2", dimensie="digitaal"),
    ))
    problems = list(check_required_dimensions(delivery))
    assert flatten(problems) == [
        (FILE, 7, "dimensie", "required-dimension-missing"),
        (FILE, 7, "dimensie", "required-dimension-missing"),
    ]
    assert "arbeidsmarktpositie" in problems[0].message
    assert "sociale_inclusie" in problems[1].message


def test_consistent_cohort_within_instroom_passes() -> None:
    delivery = region(
        table("instroom", instroom("2023-Q1", aantal=6), instroom("2023-Q1", "t2", aantal=4)),
        table("metingen", *cohort_metingen("2023-Q1", aantal=6),
              *cohort_metingen("2023-Q1", aantal=4, score_t1=None)),
    )
    assert flatten(check_cohort_totals(delivery)) == []


def test_dimension_summing_differently_from_arbeidsmarktpositie() -> None:
    rows = cohort_metingen("2023-Q1", aantal=10)  # rows 2-6, taal is row 4
    rows += [meting(dimensie="taal", score_t0=2, score_t1=2, aantal=3)]
    delivery = region(table("instroom", instroom("2023-Q1", aantal=20)), table("metingen", *rows))
    problems = list(check_cohort_totals(delivery))
    assert flatten(problems) == [(FILE, 4, "aantal", "cohort-dimension-total-mismatch")]
    assert "samen 13" in problems[0].message
    assert "volgens dimensie arbeidsmarktpositie 10" in problems[0].message


def test_without_arbeidsmarktpositie_the_most_common_total_is_the_reference() -> None:
    delivery = region(table(
        "metingen",
        meting(dimensie="sociale_inclusie", aantal=7),
        meting(dimensie="taal", aantal=10),
        meting(dimensie="rekenen", aantal=10),
        meting(dimensie="digitaal", aantal=10),
    ))
    problems = list(check_cohort_totals(delivery))
    assert flatten(problems) == [(FILE, 2, "aantal", "cohort-dimension-total-mismatch")]
    assert "volgens de meeste andere dimensies 10" in problems[0].message


def test_cohort_larger_than_its_instroom() -> None:
    delivery = region(
        table("instroom", instroom("2023-Q1", aantal=9), instroom("2023-Q2", aantal=50)),
        table("metingen", *cohort_metingen("2023-Q1", aantal=10)),
    )
    problems = list(check_cohort_totals(delivery))
    assert flatten(problems) == [(FILE, 2, "aantal", "cohort-exceeds-instroom")]
    assert "10 deelnemers" in problems[0].message and "maar 9 ingestroomd" in problems[0].message


def test_cohort_without_any_instroom_in_its_quarter() -> None:
    delivery = region(table("instroom"), table("metingen", *cohort_metingen("2024-Q1")))
    assert flatten(check_cohort_totals(delivery)) == [
        (FILE, 2, "aantal", "cohort-exceeds-instroom"),
    ]


def test_totals_are_not_checked_with_an_unreadable_count() -> None:
    rows = cohort_metingen("2023-Q1", aantal=10) + [meting(dimensie="taal", aantal=None)]
    instroom_rows = [instroom("2023-Q1", aantal=None)]
    delivery = region(table("instroom", *instroom_rows), table("metingen", *rows))
    assert flatten(check_cohort_totals(delivery)) == []


def test_without_instroom_only_the_dimensions_are_compared() -> None:
    delivery = region(table("metingen", *cohort_metingen("2023-Q1", aantal=10)))
    assert flatten(check_cohort_totals(delivery)) == []
