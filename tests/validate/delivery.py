"""A writable copy of the example data, with edits a data steward might make."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator import contract

REPO = Path(__file__).resolve().parents[2]


class Delivery:
    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(REPO / "data", root / "data")

    def path(self, rel: str) -> Path:
        return self.root / rel

    def rows(self, rel: str) -> list[list[str]]:
        with self.path(rel).open(encoding="utf-8", newline="") as handle:
            return list(csv.reader(handle))

    def write_rows(self, rel: str, rows: list[list[str]]) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        self.path(rel).write_text(buffer.getvalue(), encoding="utf-8", newline="")

    def cell(self, rel: str, row: int, field: str) -> str:
        rows = self.rows(rel)
        return rows[row - 1][rows[0].index(field)]

    def set_cell(self, rel: str, row: int, field: str, value: str) -> None:
        """Set a cell; `row` counts as a spreadsheet does (header = 1)."""
        rows = self.rows(rel)
        rows[row - 1][rows[0].index(field)] = value
        self.write_rows(rel, rows)

    def append(self, rel: str, **values: str) -> int:
        """Append a row (missing fields empty); returns its spreadsheet row number."""
        rows = self.rows(rel)
        rows.append([values.get(name, "") for name in rows[0]])
        self.write_rows(rel, rows)
        return len(rows)

    def update_rows(self, rel: str, change: Callable[[dict[str, str]], dict[str, str] | None]) -> None:
        """Apply `change` to every data row; returning None drops the row."""
        rows = self.rows(rel)
        header, kept = rows[0], [rows[0]]
        for row in rows[1:]:
            result = change(dict(zip(header, row)))
            if result is not None:
                kept.append([result[name] for name in header])
        self.write_rows(rel, kept)

    def descriptor(self, folder: str) -> dict[str, Any]:
        return json.loads(self.path(f"{folder}/datapackage.json").read_text(encoding="utf-8"))

    def write_descriptor(self, folder: str, descriptor: dict[str, Any]) -> None:
        self.path(f"{folder}/datapackage.json").write_text(
            json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")

    def resource_entry(self, descriptor: dict[str, Any], name: str) -> dict[str, Any]:
        return next(r for r in descriptor["resources"] if r["name"] == name)


def header(resource: str) -> str:
    return ",".join(contract.field_names(resource))
