"""The filter vocabulary on a tiny frame; an empty cell never passes a comparison."""

from __future__ import annotations

import pandas as pd
import pytest

from generator.compute.rules import condition_mask, period_mask
from generator.compute.data_frames import REGION, parse_csv
from generator.indicators.definition import Condition, Tally

METINGEN = b"""cohort,dimensie,score_t0,score_t1,aantal
2023-Q1,taal,0,1,4
2023-Q1,taal,1,1,2
2023-Q2,taal,2,,3
2023-Q2,rekenen,1,0,1
"""


@pytest.fixture
def frame() -> pd.DataFrame:
    return parse_csv(METINGEN, "metingen")


@pytest.mark.parametrize(("column", "operator", "operand", "expected"), [
    ("dimensie", "is", "taal", [True, True, True, False]),
    ("dimensie", "is_niet", "taal", [False, False, False, True]),
    ("dimensie", "in", ("rekenen", "digitaal"), [False, False, False, True]),
    ("dimensie", "niet_in", ("rekenen",), [True, True, True, False]),
    ("score_t1", "groter_dan", 0, [True, True, False, False]),
    ("score_t1", "kleiner_dan", 1, [False, False, False, True]),
    ("score_t0", "minstens", 1, [False, True, True, True]),
    ("score_t0", "hoogstens", 1, [True, True, False, True]),
    ("score_t1", "leeg", True, [False, False, True, False]),
    ("score_t1", "leeg", False, [True, True, False, True]),
    ("score_t1", "groter_dan_kolom", "score_t0", [True, False, False, False]),
    ("score_t1", "kleiner_dan_kolom", "score_t0", [False, False, False, True]),
    ("score_t1", "gelijk_aan_kolom", "score_t0", [False, True, False, False]),
])
def test_operator(frame: pd.DataFrame, column: str, operator: str, operand: object,
                  expected: list[bool]) -> None:
    assert condition_mask(frame, Condition(column, operator, operand)).tolist() == expected


def test_rows_keep_their_spreadsheet_numbers_across_blank_lines() -> None:
    frame = parse_csv(METINGEN.replace(b"2023-Q2,taal", b"\n2023-Q2,taal"), "metingen")
    assert frame["_row"].tolist() == [2, 3, 5, 6]
    assert str(frame["score_t1"].dtype) == "Int64" and frame["score_t1"].isna().tolist()[2]


def test_latest_state_per_key_up_to_the_period() -> None:
    frame = parse_csv(b"periode,aspect,stand,toelichting\n"
                      b"2023-Q1,wervingsnetwerk,niet_gestart,a\n"
                      b"2023-Q3,wervingsnetwerk,geregeld,b\n"
                      b"2023-Q2,samenwerkingsafspraken,in_voorbereiding,c\n", "borging")
    frame[REGION] = "r"
    tally = Tally("borging", "aantal_rijen", time="laatste_stand", key=("aspect",))
    assert period_mask(frame, tally, "2023-Q1").tolist() == [True, False, False]
    assert period_mask(frame, tally, "2023-Q2").tolist() == [True, False, True]
    assert period_mask(frame, tally, "2023-Q4").tolist() == [False, True, True]
