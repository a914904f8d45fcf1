"""Writing a set to disk: the contract's CSV dialect, the package descriptors, the README."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from generator.synthetic.row_types import Row, format_cell


def write_csv(path: Path, fields: list[str], rows: list[Row]) -> Path:
    """UTF-8 without BOM, comma, LF; the header in the contract's order."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(fields)
        for row in rows:
            writer.writerow([format_cell(row[name]) for name in fields])
    return path


def write_json(path: Path, document: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write_text(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def readme_text(command: str, seed: int, region_names: list[str]) -> str:
    """The Dutch warning that travels with every generated set."""
    regions = "\n".join(f"- {name}" for name in region_names)
    return (
        "# Synthetische gegevens\n"
        "\n"
        "**Alle cijfers in deze map zijn verzonnen.** Ze zijn gemaakt door het script\n"
        f"`generator/synthetic` met seed {seed}, met dit commando:\n"
        "\n"
        f"    {command}\n"
        "\n"
        "Ze dienen om de validatie, de berekeningen en de site te testen en te laten zien.\n"
        "De regio's hieronder bestaan niet en hun arbeidsmarktregiocodes zijn geen echte\n"
        "CBS-codes. Presenteer deze gegevens nooit als echte resultaten van het\n"
        "LLO Collectief of van een regio.\n"
        "\n"
        f"{regions}\n"
    )
