"""Shared inputs of the economics tests: the worked example of the method page."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.economics import CohortWork, EconomicInputs, EconomicParameters, parse_parameters

REPO = Path(__file__).resolve().parents[2]
PARAMETERS_PATH = REPO / "indicators" / "economie" / "parameters.yml"
METHOD_PAGE = REPO / "site_src" / "economisch-effect" / "methode.md"

# The worked example of site_src/economisch-effect/methode.md.
EXAMPLE_VALUES: dict[str, float] = {
    "arbeidsproductiviteit_per_uur": 40.0,
    "gewerkte_weken_per_jaar": 52.0,
    "deadweight": 0.5,
    "verdringing": 0.0,
    "effectduur_jaren": 3.0,
    "jaarlijkse_afname": 0.2,
    "discontovoet": 0.0225,
    "effect_niet_gemeten": 0.5,
    "uitkering_per_jaar": 15_000.0,
    "geplande_deelnemers_per_jaar": 1_000.0,
}
EXAMPLE_GDP_MLN = 1_000_000.0  # € 1.000 miljard, a round number for the example


def make_params(values: dict[str, float | tuple[float, float, float]] | None = None,
                bbp: dict[int, float] | None = None, seed: int = 6,
                trekkingen: int = 10_000) -> EconomicParameters:
    """Parameters as the file would hold them; a bare number means laag = centraal = hoog."""
    spec = {**EXAMPLE_VALUES, **(values or {})}
    raw = {
        "versie": "test",
        "parameters": {
            name: {**dict(zip(("laag", "centraal", "hoog"),
                              value if isinstance(value, tuple) else (value,) * 3)),
                   "eenheid": "x", "bron": "test", "datum": "2024", "toelichting": "test"}
            for name, value in spec.items()
        },
        "bbp": {year: {"mln_eur": mln, "bron": "test", "datum": "2024", "toelichting": "test"}
                for year, mln in (bbp or {2024: EXAMPLE_GDP_MLN}).items()},
        "monte_carlo": {"trekkingen": trekkingen, "seed": seed},
    }
    return parse_parameters(raw)


def example_inputs(**changes: object) -> EconomicInputs:
    cohort = CohortWork(cohort="2024-Q1", aantal_gemeten=2, uren_t0=20, uren_t1=40,
                        inkomen_t0=1_000, inkomen_t1=2_300, uitkering_t0=2, uitkering_t1=1)
    fields: dict[str, object] = {"cohorts": (cohort,), "deelnemers": 4, "kosten_eur": 40_000.0,
                                 "meetjaar": 2024}
    fields.update(changes)
    return EconomicInputs(**fields)  # type: ignore[arg-type]


@pytest.fixture
def example_params() -> EconomicParameters:
    return make_params()
