"""JSON Schema check of a definition, with Dutch messages and the YAML line of each problem."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

SCHEMA_PATH = Path(__file__).with_name("definition.schema.json")

Path_ = tuple[str | int, ...]


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def dotted(path: Sequence[str | int]) -> str | None:
    """`regel.filters[0].kolom` for `("regel", "filters", 0, "kolom")`; None for the root."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or None


def schema_errors(data: Any) -> Iterator[tuple[Path_, str]]:
    """Each violation as (path, Dutch explanation), the most specific ones only."""
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path))):
        yield from _leaves(error)


def _leaves(error: jsonschema.ValidationError) -> Iterator[tuple[Path_, str]]:
    yield (*error.absolute_path, *_offending_key(error)), _explain(error)


def _offending_key(error: jsonschema.ValidationError) -> tuple[str, ...]:
    """The key a `required` or closed-object error is about, so the field names it."""
    if not isinstance(error.instance, dict):
        return ()
    if error.validator == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return tuple(missing[:1])
    if error.validator in ("additionalProperties", "unevaluatedProperties"):
        extra = sorted(k for k in error.instance if k not in (error.schema.get("properties") or {}))
        return tuple(str(k) for k in extra[:1])
    return ()


def _explain(error: jsonschema.ValidationError) -> str:
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [k for k in value if isinstance(instance, dict) and k not in instance]
        return f"het veld '{missing[0] if missing else value}' ontbreekt"
    if kind in ("additionalProperties", "unevaluatedProperties"):
        extra = sorted(str(k) for k in instance if k not in (error.schema.get("properties") or {}))
        return f"onbekend veld '{', '.join(extra)}' (tikfout?)"
    if kind == "enum":
        return f"{instance!r} is geen toegestane waarde; kies uit {', '.join(map(str, value))}"
    if kind == "const":
        return f"{instance!r} is hier niet toegestaan; verwacht {value!r}"
    if kind == "type":
        names = {"string": "tekst", "integer": "geheel getal", "number": "getal",
                 "array": "lijst", "object": "groep velden", "boolean": "true of false"}
        wanted = value if isinstance(value, list) else [value]
        return f"{instance!r} moet {' of '.join(names.get(w, w) for w in wanted)} zijn"
    if kind == "pattern":
        return f"{instance!r} heeft niet de juiste vorm (patroon {value})"
    if kind in ("minimum", "exclusiveMinimum"):
        return f"{instance!r} is te klein (minimaal {value})"
    if kind == "maximum":
        return f"{instance!r} is te groot (maximaal {value})"
    if kind in ("minItems", "minLength"):
        return "mag niet leeg zijn"
    if kind == "maxLength":
        return f"is te lang (maximaal {value} tekens)"
    if kind == "uniqueItems":
        return "bevat een waarde twee keer"
    if kind in ("minProperties", "maxProperties") and "kolom" in (error.schema.get("required") or []):
        return "een filter heeft precies twee velden: 'kolom' en één vergelijking (bijv. 'is')"
    if kind == "not":
        return "bevat een veld dat niet bij deze aggregatie of tijd hoort (zie indicators/README.md)"
    if kind == "oneOf" and "ondergrens" in json.dumps(value):
        return "geef óf 'waarde', óf 'ondergrens' en 'bovengrens'"
    if kind == "oneOf":
        return f"{instance!r} heeft niet de juiste vorm: een kolomnaam of een lijst van kolomnamen"
    return error.message


def yaml_line(node: yaml.Node | None, path: Sequence[str | int]) -> int | None:
    """1-based line of the node at `path` in a composed YAML document (deepest that exists)."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            child = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
            if child is not None:
                key = next(k for k, v in node.value if v is child)
                line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line
