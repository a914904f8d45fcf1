"""Shared inputs of the economics tests: the worked example of the method page."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.economics import EconomicParameters
from generator.economics.example import (  # noqa: F401 (shared with the tests)
    EXAMPLE_GDP_MLN,
    EXAMPLE_VALUES,
    example_inputs,
    example_parameters,
)

REPO = Path(__file__).resolve().parents[2]
PARAMETERS_PATH = REPO / "indicators" / "economie" / "parameters.yml"
METHOD_PAGE = REPO / "site_src" / "economisch-effect" / "methode.md"

# The worked example of site_src/economisch-effect/methode.md (generator/economics/example.py).
make_params = example_parameters


@pytest.fixture
def example_params() -> EconomicParameters:
    return make_params()
