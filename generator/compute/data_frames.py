"""The regions' CSV files as typed DataFrames that remember where each row came from.

Every frame carries, besides the contract's columns, `_regio` (region id), `_file`
(repo-relative path), `_blob` (Git blob id of the file) and `_row` (the row as a spreadsheet
numbers it: header = 1). Those four columns are what lineage is made of.

Input is a mapping of repo-relative paths to bytes (a `Snapshot`'s files), so reading at a
Git ref and reading the working tree are the same code.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from generator import contract
from generator.compute.lineage import SourceRows
from generator.paths import DATA
from generator.sources import git_blob_id

REGION, FILE, BLOB, ROW = "_regio", "_file", "_blob", "_row"
LINEAGE_COLUMNS = (REGION, FILE, BLOB, ROW)
DATA_DIR = DATA
REGISTER_PATH = f"{DATA_DIR}/{contract.REGISTER}.csv"

_DTYPES = {"integer": "Int64", "number": "Float64", "string": "string"}


@dataclass(frozen=True)
class RegionInfo:
    id: str
    fase: str | None
    pilot_start: str | None
    register_row: int


@dataclass
class Tables:
    """All regions' data: one frame per resource, the register, and the commit read at."""

    frames: dict[str, pd.DataFrame]
    regions: tuple[RegionInfo, ...]
    register: SourceRows | None = None
    """`data/regios.csv` with every row, for figures that depend on the regions' fase."""
    commit: str | None = None
    extra_files: dict[str, bytes] = field(default_factory=dict)
    """Other inputs a rule may declare (e.g. the economic model's parameters)."""
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)
    """Results shared between indicators computed from these tables (e.g. the model's)."""

    def lineage_arrays(self, resource: str) -> tuple[np.ndarray, list[str], list[str], np.ndarray]:
        """Per row of a resource: a file code, the files and blobs it indexes, the row number.

        Integer codes rather than paths keep grouping rows by file cheap; lineage is read
        for every figure.
        """
        key = ("lineage", resource)
        if key not in self.memo:
            frame = self.frames[resource]
            codes, files = pd.factorize(frame[FILE])
            blobs = [str(frame[BLOB].iat[int(np.argmax(codes == i))]) for i in range(len(files))]
            self.memo[key] = (codes, [str(f) for f in files], blobs,
                              frame[ROW].to_numpy(dtype=np.int64))
        return self.memo[key]  # type: ignore[return-value]

    def region_files(self, resource: str) -> dict[str, tuple[tuple[str, str], ...]]:
        """Region -> the (file, blob id) pairs its rows of `resource` are read from: with
        the region's register row, all that a figure of that region alone can depend on."""
        key = ("region-files", resource)
        if key not in self.memo:
            codes, files, blobs, _ = self.lineage_arrays(resource)
            regions = self.frames[resource][REGION].to_numpy(dtype=str)
            found: dict[str, set[int]] = {}
            for region, code in set(zip(regions.tolist(), codes.tolist())):
                found.setdefault(region, set()).add(code)
            self.memo[key] = {region: tuple(sorted((files[c], blobs[c]) for c in chosen))
                              for region, chosen in found.items()}
        return self.memo[key]  # type: ignore[return-value]

    def time_and_region(self, resource: str, time_column: str) -> tuple[np.ndarray, np.ndarray]:
        """A resource's quarters ("~" when empty, which sorts after every quarter) and
        region ids, as arrays for fast selection."""
        key = ("time", resource, time_column)
        if key not in self.memo:
            frame = self.frames[resource]
            self.memo[key] = (frame[time_column].fillna("~").to_numpy(dtype=str),
                              frame[REGION].to_numpy(dtype=str))
        return self.memo[key]  # type: ignore[return-value]

    def region(self, region_id: str) -> RegionInfo | None:
        return next((r for r in self.regions if r.id == region_id), None)

    def latest_period(self) -> str | None:
        """The latest quarter any row is about (`periode` or `cohort`)."""
        latest = [frame[column].max() for frame in self.frames.values()
                  for column in ("periode", "cohort") if column in frame and frame[column].notna().any()]
        return max(latest) if latest else None


def parse_csv(content: bytes, resource: str) -> pd.DataFrame:
    """A contract CSV as a typed frame with `_row`; empty cells become <NA>."""
    columns = _empty_columns(resource)
    _read_into(columns, content, resource)
    return _frame(columns, resource)


def _empty_columns(resource: str) -> dict[str, list]:
    return {name: [] for name in [*contract.field_names(resource), ROW]}


def _read_into(columns: dict[str, list], content: bytes, resource: str) -> int:
    """Append a CSV's records to `columns`; returns how many.

    The csv module, not `pd.read_csv`, so that row numbers count records as a spreadsheet
    does (pandas drops blank lines and would shift them).
    """
    reader = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
    header = next(reader, [])
    names = contract.field_names(resource)
    positions = [header.index(name) if name in header else None for name in names]
    count = 0
    for number, cells in enumerate(reader, start=2):
        if not any(cells):
            continue
        for name, at in zip(names, positions):
            value = cells[at] if at is not None and at < len(cells) else ""
            columns[name].append(value if value != "" else None)
        columns[ROW].append(number)
        count += 1
    return count


def _frame(columns: dict[str, list], resource: str) -> pd.DataFrame:
    types = {f["name"]: f["type"] for f in contract.schema(resource)["fields"]}
    data = {name: _typed(values, types.get(name)) for name, values in columns.items()}
    data[ROW] = pd.array(columns[ROW], dtype="int64")
    return pd.DataFrame(data)


def _typed(values: list[str | None], field_type: str | None) -> pd.Series:
    series = pd.Series(values, dtype="string")
    if field_type in ("integer", "number"):
        return pd.to_numeric(series, errors="coerce").astype(_DTYPES[field_type])
    return series


def load_tables(files: Mapping[str, bytes], commit: str | None = None) -> Tables:
    """Every region in the register with the resources it delivered (absent ones are empty)."""
    regions: list[RegionInfo] = []
    register = None
    if REGISTER_PATH in files:
        content = files[REGISTER_PATH]
        frame = parse_csv(content, contract.REGISTER)
        register = SourceRows(REGISTER_PATH, git_blob_id(content), tuple(frame[ROW].tolist()))
        for record in frame.to_dict("records"):
            if pd.notna(record["regio_id"]):
                regions.append(RegionInfo(record["regio_id"], _text(record["fase"]),
                                          _text(record["pilot_start"]), int(record[ROW])))
    frames: dict[str, pd.DataFrame] = {}
    for resource in contract.RESOURCES:
        # All regions' records in one set of columns: one frame per resource, built once.
        columns = _empty_columns(resource) | {REGION: [], FILE: [], BLOB: []}
        for region in regions:
            path = f"{DATA_DIR}/{region.id}/{resource}.csv"
            if path in files:
                count = _read_into(columns, files[path], resource)
                columns[REGION] += [region.id] * count
                columns[FILE] += [path] * count
                columns[BLOB] += [git_blob_id(files[path])] * count
        frames[resource] = _frame(columns, resource)
    extra = {path: content for path, content in files.items()
             if not path.startswith(f"{DATA_DIR}/")}
    return Tables(frames, tuple(regions), register, commit, extra)


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)
