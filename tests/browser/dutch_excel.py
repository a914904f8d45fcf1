"""Reading a CSV file as Dutch Excel does: UTF-8 only with a BOM, `;` between fields, `,` as
the decimal sign and `.` grouping thousands (so a `.` in a number would change its value)."""

from __future__ import annotations

import csv
import io
import re

BOM = b"\xef\xbb\xbf"
_NUMBER = re.compile(r"^-?\d+(?:,\d+)?$")


def read(content: bytes) -> list[list[str | float]]:
    """Rows of cells; a cell Excel would take as a number is a float."""
    assert content.startswith(BOM), "without a BOM Excel reads the file as Windows-1252"
    rows = csv.reader(io.StringIO(content[len(BOM):].decode("utf-8")), delimiter=";")
    return [[float(cell.replace(",", ".")) if _NUMBER.match(cell) else cell for cell in row]
            for row in rows]
