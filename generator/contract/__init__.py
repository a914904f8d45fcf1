"""The data contract (gegevenslevering v1): resources, canonical schemas, scales.

The canonical Table Schemas live as JSON files in `schemas/`, one per resource. They are
the single source: region packages embed copies of them, and the validator always checks
data against these files, never against a region's copy.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

from generator.contract.quarters import Quarter, parse_quarter, quarter_range

__all__ = [
    "CONTRACT_VERSION", "REGISTER", "RESOURCES", "SCALES", "REQUIRED_DIMENSIONS",
    "FREE_TEXT_FIELDS", "CIVIL_EFFECT_KINDS", "PERCENT_INDICATORS",
    "Quarter", "parse_quarter", "quarter_range", "schema", "field", "field_names",
    "package_descriptor",
]

CONTRACT_VERSION = "1"
SCHEMA_DIR = Path(__file__).parent / "schemas"

REGISTER = "regios"
"""The register of regions, `data/regios.csv`."""

RESOURCES: tuple[str, ...] = (
    "trajecten", "instroom", "uitstroom", "bewijzen", "matches", "metingen",
    "arbeid", "kosten", "borging", "factoren", "context",
)
"""Every resource a region delivers, in dependency order (trajecten first)."""

SCALES: dict[str, tuple[int, int]] = {
    "arbeidsmarktpositie": (1, 6),
    "sociale_inclusie": (1, 5),
    "taal": (0, 3),
    "rekenen": (0, 3),
    "digitaal": (0, 3),
    "financien": (1, 5),
    "huisvesting": (1, 5),
    "lichamelijke_gezondheid": (1, 5),
    "geestelijke_gezondheid": (1, 5),
    "sociaal_netwerk": (1, 5),
}
"""Inclusive score range per `metingen.dimensie`."""

REQUIRED_DIMENSIONS: tuple[str, ...] = (
    "arbeidsmarktpositie", "sociale_inclusie", "taal", "rekenen", "digitaal",
)
"""Dimensions every cohort with `metingen` rows must have."""

FREE_TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "regios": ("naam",),
    "trajecten": ("naam",),
    "borging": ("toelichting",),
    "factoren": ("factor",),
    "context": ("bron",),
}
"""Fields where people type free text, checked for personal data."""

CIVIL_EFFECT_KINDS: tuple[str, ...] = (
    "mbo_diploma_startkwalificatie", "mbo_diploma", "mbo_certificaat",
    "branchecertificaat", "taalcertificaat",
)
"""`bewijzen.soort` values that carry civil effect."""

PERCENT_INDICATORS: tuple[str, ...] = (
    "werkloosheid_pct", "netto_arbeidsparticipatie_pct",
    "aandeel_laagopgeleiden_pct", "aandeel_laaggeletterden_pct",
)
"""`context.indicator` values whose `waarde` is a percentage (0–100)."""


@cache
def _load(name: str) -> dict[str, Any]:
    path = SCHEMA_DIR / f"{name}.json"
    if not path.is_file():
        raise KeyError(f"no canonical schema for resource {name!r}")
    return json.loads(path.read_text(encoding="utf-8"))


def schema(name: str) -> dict[str, Any]:
    """A fresh copy of the canonical Table Schema of a resource (or of the register)."""
    return copy.deepcopy(_load(name))


def field_names(name: str) -> list[str]:
    return [f["name"] for f in _load(name)["fields"]]


def field(name: str, field_name: str) -> dict[str, Any]:
    for f in _load(name)["fields"]:
        if f["name"] == field_name:
            return copy.deepcopy(f)
    raise KeyError(f"{name} has no field {field_name!r}")


def package_descriptor(region_id: str, title: str) -> dict[str, Any]:
    """The `datapackage.json` a region delivers: every resource, canonical schemas inline.

    Schemas are inlined (not referenced by path) so that any Frictionless tool can
    validate the package on its own, without `--trusted`.
    """
    return {
        "name": region_id,
        "title": title,
        "description": f"Gegevenslevering van {title} aan de Impactmonitor LLO Collectief "
                       f"(contract v{CONTRACT_VERSION}).",
        "profile": "tabular-data-package",
        "resources": [
            {
                "name": resource,
                "path": f"{resource}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema(resource),
            }
            for resource in RESOURCES
        ],
    }
