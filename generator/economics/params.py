"""The economic model's parameters: records, and reading them from the parameter file.

What the file must hold, and the checks, live in `schema.py`; the model only ever sees a
parsed, valid set (`parse_parameters` raises one error that carries all problems).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.economics.prices import NO_PRICE_LEVEL, PriceLevel
from generator.economics.schema import (
    OPTIONAL_PARAMETERS,
    PARAMETER_NAMES,
    ParameterProblem,
    check_parameters,
)
from generator.errors import UserError

PARAMETERS_FILE = "indicators/economie/parameters.yml"

SCENARIO_FIELDS: dict[str, str] = {"low": "laag", "central": "centraal", "high": "hoog"}


@dataclass(frozen=True)
class Parameter:
    name: str
    laag: float
    centraal: float
    hoog: float
    eenheid: str
    bron: str
    datum: str
    toelichting: str

    def value(self, scenario: str) -> float:
        return float(getattr(self, SCENARIO_FIELDS[scenario]))


@dataclass(frozen=True)
class GdpFigure:
    jaar: int
    mln_eur: float
    """GDP at current prices (werkelijke prijzen), million euro."""
    bron: str
    datum: str
    toelichting: str

    @property
    def eur(self) -> float:
        return self.mln_eur * 1_000_000


@dataclass(frozen=True)
class MonteCarloSettings:
    trekkingen: int
    seed: int


@dataclass(frozen=True)
class EconomicParameters:
    versie: str
    parameters: Mapping[str, Parameter]
    bbp: Mapping[int, GdpFigure]
    monte_carlo: MonteCarloSettings
    prijspeil: PriceLevel = NO_PRICE_LEVEL

    def __getitem__(self, name: str) -> Parameter:
        return self.parameters[name]

    def values(self, scenario: str = "central") -> dict[str, float]:
        """Every parameter at the low, central or high value of its own range."""
        return {name: self.parameters[name].value(scenario) for name in PARAMETER_NAMES}

    def gdp_for(self, year: int) -> GdpFigure:
        """GDP of `year`, or of the latest earlier year when CBS has not published it yet."""
        known = [jaar for jaar in self.bbp if jaar <= year]
        if not known:
            raise UserError(
                f"Geen bbp bekend voor {year} of eerder in {PARAMETERS_FILE}; "
                f"voeg het CBS-cijfer toe onder 'bbp'.")
        return self.bbp[max(known)]


class ParameterFileError(UserError):
    """The parameter file is invalid; `problems` lists every problem found, not just the first."""

    def __init__(self, problems: list[ParameterProblem]) -> None:
        lines = "\n".join(f"- [{p.code}] {p.message}" for p in problems)
        super().__init__(f"Ongeldig parameterbestand {PARAMETERS_FILE}:\n{lines}")
        self.problems = tuple(problems)


def load_parameters(path: Path) -> EconomicParameters:
    """Read and check the parameter file; raises ParameterFileError listing all problems."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ParameterFileError([ParameterProblem(
            None, None, "yaml-syntax", f"{path.name} is geen geldige YAML: {error}")]) from error
    return parse_parameters(raw)


def parse_parameters(raw: object) -> EconomicParameters:
    problems = check_parameters(raw)
    if problems:
        raise ParameterFileError(problems)
    assert isinstance(raw, dict)  # guaranteed by check_parameters
    parameters = {
        name: Parameter(name=name, laag=float(spec["laag"]), centraal=float(spec["centraal"]),
                        hoog=float(spec["hoog"]), eenheid=str(spec["eenheid"]),
                        bron=_text(spec["bron"]), datum=_date_text(spec["datum"]),
                        toelichting=_text(spec["toelichting"]))
        for name, spec in raw["parameters"].items()
    }
    for name, value in OPTIONAL_PARAMETERS.items():
        parameters.setdefault(name, Parameter(
            name=name, laag=value, centraal=value, hoog=value, eenheid="-",
            bron="niet in deze versie van het parameterbestand", datum=str(raw["versie"]),
            toelichting="Vaste waarde voor een parameterbestand van vóór versie 2.0."))
    bbp = {
        int(jaar): GdpFigure(jaar=int(jaar), mln_eur=float(spec["mln_eur"]),
                             bron=_text(spec["bron"]), datum=_date_text(spec["datum"]),
                             toelichting=_text(spec["toelichting"]))
        for jaar, spec in raw["bbp"].items()
    }
    settings = raw["monte_carlo"]
    return EconomicParameters(
        versie=str(raw["versie"]), parameters=parameters, bbp=bbp,
        monte_carlo=MonteCarloSettings(int(settings["trekkingen"]), int(settings["seed"])),
        prijspeil=_price_level(raw.get("prijspeil")))


def _price_level(spec: dict | None) -> PriceLevel:
    if spec is None:
        return NO_PRICE_LEVEL
    return PriceLevel(basisjaar=int(spec["basisjaar"]), reeks=_text(spec["reeks"]),
                      inflatie={int(y): float(v) for y, v in spec["inflatie"].items()},
                      bron=_text(spec["bron"]), datum=_date_text(spec["datum"]),
                      toelichting=_text(spec["toelichting"]))


def price_year(parameter: Parameter) -> int | None:
    """The year a monetary parameter's euros are in: the year of its `datum` (None for a
    parameter the file lacks, which is a constant 0 or has no date)."""
    year = parameter.datum[:4]
    return int(year) if year.isdigit() else None


def _text(value: object) -> str:
    return str(value).strip()


def _date_text(value: object) -> str:
    # YAML turns 2024-01-01 into a date; keep the text as written so it shows unchanged.
    return value.isoformat() if isinstance(value, dt.date) else str(value)
