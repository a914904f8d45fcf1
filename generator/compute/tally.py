"""Evaluate one tally: per period, its sum and rows for every region and breakdown cell.

Regions and cells are grouped once per period; scopes (a region, `totaal`, `totaal` of a
fase) then add up the groups of their member regions. That is why `totaal` of a tally is
the sum of the regions by construction, and why a ratio's `totaal` can divide summed
parts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from generator import contract
from generator.compute.lineage import SourceRows
from generator.compute.rules import contributions, filter_mask, period_mask
from generator.compute.data_frames import REGION, Tables
from generator.indicators.definition import Tally

Cell = tuple[str, ...]
"""Values of the breakdown columns, in the order of the breakdown."""

EMPTY = np.zeros(0, dtype=np.int64)


@dataclass
class Part:
    """A tally's value for one scope and cell, with the positions of the rows that went in."""

    value: int | float = 0
    rows: dict[str, np.ndarray] = field(default_factory=dict)
    """Resource -> positions in that resource's frame."""


def slug(text: str) -> str:
    """`Korte lijnen met UWV` -> `korte-lijnen-met-uwv`: safe inside a figure id and a URL."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "leeg"


def is_free_text(resource: str, column: str) -> bool:
    """A string column without a list of categories (e.g. `factoren.factor`)."""
    spec = contract.field(resource, column)
    return spec["type"] == "string" and "enum" not in spec.get("constraints", {})


class TallyEvaluator:
    def __init__(self, tally: Tally, frame: pd.DataFrame) -> None:
        self.tally = tally
        self.frame = frame
        self.columns = set(frame.columns)
        self._passes = filter_mask(frame, tally)
        self._values = contributions(frame, tally)
        self._cache: dict[tuple[str, Cell], dict[tuple, tuple[int | float, np.ndarray]]] = {}
        self.labels: dict[tuple[str, str], str] = {}
        """(column, slug) -> the text shown for a free-text cell."""
        self._keys = frame[[REGION]].astype(str)
        self._static: dict[tuple[str, ...], dict[tuple, np.ndarray]] = {}
        # "~" sorts after every quarter: a row without one never counts.
        self._times = frame[tally.time_column].fillna("~").to_numpy(dtype=str)

    def keys(self, spec: tuple[str, ...]) -> pd.DataFrame:
        """Region and breakdown columns as the text that identifies a cell.

        Free text is keyed by its slug, so figure ids stay safe and spelling variants of
        one coded factor ("UWV", "uwv") fall in one cell.
        """
        for column in spec:
            if column in self._keys:
                continue
            values = self.frame[column]
            if is_free_text(self.tally.resource, column):
                present = values.notna()
                keys = values.astype(str).map(slug).where(present)
                for text, key in sorted(zip(values[present], keys[present])):
                    self.labels.setdefault((column, key), text)
                self._keys[column] = keys
            else:
                self._keys[column] = values.astype(str).where(values.notna())
        return self._keys[[REGION, *spec]]

    def has(self, spec: Iterable[str]) -> bool:
        return all(column in self.columns for column in spec)

    def cells(self, spec: tuple[str, ...]) -> list[Cell]:
        """Combinations of the spec's values among the rows that pass the filters, any period."""
        if not spec or not self.has(spec):
            return []
        seen = self.keys(spec).loc[self._passes, list(spec)].dropna().drop_duplicates()
        return [tuple(str(v) for v in row) for row in seen.itertuples(index=False)]

    def groups(self, period: str, spec: tuple[str, ...]) -> dict[tuple, tuple[int | float, np.ndarray]]:
        """(region, *cell) -> (sum, positions) for the rows counting toward `period`."""
        spec = spec if self.has(spec) else ()
        key = (period, spec)
        if key not in self._cache:
            if self.tally.time == "laatste_stand":
                # Which row is the latest depends on the period: group afresh.
                mask = period_mask(self.frame, self.tally, period) & self._passes
                candidates = self._group(np.flatnonzero(mask), spec)
            else:
                candidates = {label: positions[self._times[positions] <= period]
                              for label, positions in self._any_period(spec).items()}
            self._cache[key] = {label: (_plain(self._values[chosen].sum()), chosen)
                                for label, chosen in candidates.items() if len(chosen)}
        return self._cache[key]

    def _any_period(self, spec: tuple[str, ...]) -> dict[tuple, np.ndarray]:
        """Groups of the rows that pass the filters, whatever their quarter (grouped once)."""
        if spec not in self._static:
            self._static[spec] = self._group(np.flatnonzero(self._passes), spec)
        return self._static[spec]

    def _group(self, positions: np.ndarray, spec: tuple[str, ...]) -> dict[tuple, np.ndarray]:
        if not len(positions):
            return {}
        labels = self.keys(spec).iloc[positions]
        return {(label if isinstance(label, tuple) else (label,)): positions[where]
                for label, where in labels.groupby(list(labels.columns), sort=False).indices.items()}

    def part(self, period: str, spec: tuple[str, ...], cell: Cell, members: Iterable[str]) -> Part:
        """The tally over `members` for one cell; a spec this resource lacks is ignored."""
        if not self.has(spec):
            spec, cell = (), ()
        grouped = self.groups(period, spec)
        value: int | float = 0
        chosen = []
        for region in members:
            hit = grouped.get((region, *cell))
            if hit is not None:
                value += hit[0]
                chosen.append(hit[1])
        rows = np.concatenate(chosen) if chosen else EMPTY
        if isinstance(value, float):
            # Sums of amounts with cents pick up binary noise (1904832.0099999998); the
            # contract's numbers never carry more than a few decimals.
            value = round(value, 6)
        return Part(_plain(value), {self.tally.resource: rows})


def _plain(value: object) -> int | float:
    """numpy scalars as Python numbers (JSON and equality stay simple)."""
    if isinstance(value, (np.integer, int)):
        return int(value)
    return float(value)


def sort_cells(cells: Iterable[Cell], spec: tuple[str, ...], resources: Iterable[str]) -> list[Cell]:
    """Cells in the contract's order of categories; free text alphabetically after it."""
    orders = []
    for column in spec:
        enum: list[str] = []
        for resource in resources:
            if column in contract.field_names(resource):
                enum = contract.field(resource, column).get("constraints", {}).get("enum", [])
                break
        orders.append({value: index for index, value in enumerate(enum)})
    return sorted(set(cells), key=lambda cell: [(order.get(v, len(order)), v)
                                                for order, v in zip(orders, cell)])


def lineage(parts: Iterable[Part], tables: Tables,
            extra: Iterable[SourceRows] = ()) -> tuple[SourceRows, ...]:
    """The files, blob ids and rows behind some parts (rows shared by parts listed once)."""
    by_resource: dict[str, list[np.ndarray]] = {}
    for part in parts:
        for resource, positions in part.rows.items():
            by_resource.setdefault(resource, []).append(positions)
    sources = list(extra)
    for resource, chunks in by_resource.items():
        positions = _ascending(chunks)
        if not len(positions):
            continue
        all_codes, files, blobs, rows = tables.lineage_arrays(resource)
        codes = all_codes[positions]
        if len(codes) < 2 or bool(np.all(codes[1:] >= codes[:-1])):
            # Rows of one file are together in a frame: runs of a code, cut where it changes.
            cuts = np.flatnonzero(codes[1:] != codes[:-1]) + 1
            runs = zip(np.concatenate(([0], cuts)).tolist(),
                       np.concatenate((cuts, [len(codes)])).tolist())
            groups = [(int(codes[start]), positions[start:end]) for start, end in runs]
        else:
            groups = [(int(code), positions[codes == code]) for code in np.unique(codes)]
        for code, chosen in groups:
            numbers = rows[chosen]
            if len(numbers) > 1 and not bool(np.all(numbers[1:] > numbers[:-1])):
                numbers = np.sort(numbers)
            sources.append(SourceRows(files[code], blobs[code], tuple(numbers.tolist())))
    return tuple(sorted(sources, key=lambda s: s.file))


def _ascending(chunks: list[np.ndarray]) -> np.ndarray:
    """The positions of all chunks, once each, ascending (`np.unique` of them all, without
    its sort when they already ascend: a region's rows, or regions in frame order)."""
    positions = chunks[0] if len(chunks) == 1 else np.concatenate(chunks)
    if len(positions) < 2 or bool(np.all(positions[1:] > positions[:-1])):
        return positions
    return np.unique(positions)
