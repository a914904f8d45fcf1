"""Read a contract CSV into typed rows for the domain checks.

Only called on files the file checks found readable (UTF-8, comma-separated, the
canonical header). Typing follows the canonical schema; a cell that does not parse, or
that an earlier stage already reported (`flagged`), becomes None: it has its problem,
and the domain checks should not build further ones on it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection
from pathlib import Path

from generator import contract
from generator.validate.rows import Row, Table, Value


def _convert(text: str, field_type: str) -> Value:
    if text == "":
        return None
    try:
        if field_type == "integer":
            return int(text)
        if field_type == "number":
            return float(text)
    except ValueError:
        return None
    return text


def read_table(path: Path, rel: str, resource: str,
               flagged: Collection[tuple[int, str]] = ()) -> Table:
    types = {f["name"]: f["type"] for f in contract.schema(resource)["fields"]}
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(cells):
            continue
        values = {
            name: _convert(cell, types[name])
            if name in types and (number, name) not in flagged else None
            for name, cell in zip(header, cells)
        }
        unreadable = frozenset(name for name, cell in zip(header, cells)
                               if cell != "" and values.get(name) is None)
        rows.append(Row(number, values, unreadable))
    return Table(resource=resource, file=rel, rows=rows)
