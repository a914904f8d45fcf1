"""Indicator definitions: the YAML files in `indicators/`, their schema and their checks.

A definition declares what to count; only `generator.compute` knows how. See
`indicators/README.md` for the format and the rule vocabulary.
"""

from __future__ import annotations

from generator.indicators.check import check_definition_files, check_definitions
from generator.indicators.load import load_definitions
from generator.indicators.definition import Definition, Expectation, Target

__all__ = ["Definition", "Expectation", "Target", "check_definition_files", "check_definitions",
           "load_definitions"]
