"""The rule vocabulary of `indicators/*.yml`, applied to a frame.

Each filter operator is a small function of (column, operand); there is no expression
language and nothing from a definition is ever evaluated as code. Comparisons with an
empty cell are false, so a missing `score_t1` never counts as an improvement.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from generator.compute.data_frames import REGION
from generator.indicators.definition import Condition, Tally

Mask = np.ndarray  # of bool, one per row of the frame


def _bool(series: pd.Series) -> Mask:
    return series.fillna(False).to_numpy(dtype=bool)


VALUE_OPS: dict[str, Callable[[pd.Series, Any], Mask]] = {
    "is": lambda col, v: _bool(col == v),
    "is_niet": lambda col, v: _bool(col != v) | col.isna().to_numpy(),
    "in": lambda col, vs: col.isin(list(vs)).to_numpy(dtype=bool),
    "niet_in": lambda col, vs: ~col.isin(list(vs)).to_numpy(dtype=bool),
    "groter_dan": lambda col, v: _bool(col > v),
    "kleiner_dan": lambda col, v: _bool(col < v),
    "minstens": lambda col, v: _bool(col >= v),
    "hoogstens": lambda col, v: _bool(col <= v),
    "leeg": lambda col, v: col.isna().to_numpy() == bool(v),
}
"""Operators that compare a column with a value of the definition."""

COLUMN_OPS: dict[str, Callable[[pd.Series, pd.Series], Mask]] = {
    "groter_dan_kolom": lambda left, right: _bool(left > right),
    "kleiner_dan_kolom": lambda left, right: _bool(left < right),
    "gelijk_aan_kolom": lambda left, right: _bool(left == right),
}
"""Operators that compare two columns of the same row (e.g. score_t1 > score_t0)."""


def condition_mask(frame: pd.DataFrame, condition: Condition) -> Mask:
    column = frame[condition.column]
    if condition.operator in COLUMN_OPS:
        return COLUMN_OPS[condition.operator](column, frame[condition.operand])
    return VALUE_OPS[condition.operator](column, condition.operand)


def filter_mask(frame: pd.DataFrame, tally: Tally) -> Mask:
    """Rows that pass every filter of the tally (all of them must hold)."""
    mask = np.ones(len(frame), dtype=bool)
    for condition in tally.conditions:
        mask &= condition_mask(frame, condition)
    return mask


def contributions(frame: pd.DataFrame, tally: Tally) -> np.ndarray:
    """What each row adds to the tally: its `kolom`, 1, or the score of its category.

    An empty cell adds nothing (the row can still be among the rows that went in).
    """
    if tally.aggregation == "aantal_rijen":
        return np.ones(len(frame), dtype=np.int64)
    column = frame[tally.column]
    if tally.aggregation == "som_van_scores":
        return column.map(dict(tally.scores)).astype("Float64").fillna(0).to_numpy(dtype=float)
    if column.dtype == "Int64":
        return column.fillna(0).to_numpy(dtype=np.int64)
    return column.fillna(0).to_numpy(dtype=float)


def period_mask(frame: pd.DataFrame, tally: Tally, period: str) -> Mask:
    """Rows that count toward `period`.

    `cumulatief`: every row whose quarter is at or before the period (quarters as
    `YYYY-Qn` order correctly as text). `laatste_stand`: of those, per region and key only
    the rows of the latest quarter, because a state report replaces the previous one.
    """
    times = frame[tally.time_column]
    mask = _bool(times <= period)
    if tally.time != "laatste_stand" or not mask.any():
        return mask
    positions = np.flatnonzero(mask)
    # Group codes of (region, *key), missing keys a group of their own (as groupby with
    # dropna=False), and the quarters as ranks: then the latest per group is a numpy max.
    groups = frame[[REGION, *tally.key]].iloc[positions]
    codes = groups.groupby(list(groups.columns), dropna=False, sort=False).ngroup().to_numpy()
    _, ranks = np.unique(times.iloc[positions].to_numpy(dtype=str), return_inverse=True)
    latest = np.full(int(codes.max()) + 1, -1, dtype=np.int64)
    np.maximum.at(latest, codes, ranks)
    keep = np.zeros(len(frame), dtype=bool)
    keep[positions] = ranks == latest[codes]
    return keep
