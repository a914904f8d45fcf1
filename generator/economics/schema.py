"""What `indicators/economie/parameters.yml` must hold, and every way it can fail to.

`check_parameters` returns all problems at once, each naming the parameter (and field), so
`validate` can list them and a researcher fixes the file in one pass.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

PARAMETER_BOUNDS: dict[str, tuple[float, float]] = {
    # Name → the range any of its values must lie in. The model reads exactly these names;
    # the bounds catch a typo (a percentage written as 50 instead of 0.5) before it skews
    # every figure.
    "arbeidsproductiviteit_per_uur": (0.0, 500.0),
    "gewerkte_weken_per_jaar": (0.0, 52.0),
    "deadweight": (0.0, 1.0),
    "verdringing": (0.0, 1.0),
    "effectduur_jaren": (0.0, 40.0),
    "jaarlijkse_afname": (0.0, 1.0),
    "discontovoet": (-0.05, 0.2),
    "effect_niet_gemeten": (0.0, 1.0),
    "uitkering_per_jaar": (0.0, 100_000.0),
    "geplande_deelnemers_per_jaar": (0.0, 1_000_000.0),
    "verwachte_deelnemers_per_regio": (0.0, 1_000_000.0),
    "verlies_vrije_tijd": (0.0, 1.0),
    "belasting_premies_aandeel": (0.0, 1.0),
    "mbo_rendement_per_jaar": (0.0, 100_000.0),
    "mbo_slagingskans": (0.0, 1.0),
    "mbo_studieduur_jaren": (0.0, 10.0),
}
PARAMETER_NAMES: tuple[str, ...] = tuple(PARAMETER_BOUNDS)
OPTIONAL_PARAMETERS: dict[str, float] = {"verdringing": 0.0, "geplande_deelnemers_per_jaar": 0.0,
                                         "verwachte_deelnemers_per_regio": 0.0,
                                         "verlies_vrije_tijd": 0.0,
                                         "belasting_premies_aandeel": 0.0,
                                         "mbo_rendement_per_jaar": 0.0,
                                         "mbo_slagingskans": 0.0,
                                         "mbo_studieduur_jaren": 0.0}
"""Parameters added in version 2.0 or later of the file: a file of an earlier version (a
report edition reads the file at its own commit) lacks them and gets this constant value,
which leaves that version's figures as they were (no displacement, no projection at scale,
development costs not spread, no lost leisure, no taxes in the distribution table, no
mbo route)."""

MONETARY_PARAMETERS: tuple[str, ...] = ("arbeidsproductiviteit_per_uur", "uitkering_per_jaar",
                                        "mbo_rendement_per_jaar")
"""Parameters in euros of the year of their `datum`: brought to the price base year."""

TOP_LEVEL_FIELDS = ("versie", "parameters", "bbp", "monte_carlo", "prijspeil")
OPTIONAL_TOP_LEVEL = ("prijspeil",)
"""Added in version 2.1 of the file; an older file has no price base year."""
PRICE_FIELDS = ("basisjaar", "reeks", "inflatie", "bron", "datum", "toelichting")
PARAMETER_FIELDS = ("laag", "centraal", "hoog", "eenheid", "bron", "datum", "toelichting")
GDP_FIELDS = ("mln_eur", "bron", "datum", "toelichting")
MONTE_CARLO_MINIMUM = {"trekkingen": 1, "seed": 0}  # numpy seeds must be non-negative


@dataclass(frozen=True)
class ParameterProblem:
    parameter: str | None
    """The parameter (or `bbp.<jaar>`, `monte_carlo`) the problem is in; None for the file."""
    field: str | None
    code: str
    message: str
    """Dutch, names the parameter and says what to fix."""


Problem = ParameterProblem  # short name for the many constructors below


def check_parameters(raw: object) -> list[ParameterProblem]:
    """Every problem in a parsed parameter file, in file order; empty when it is valid."""
    if not isinstance(raw, dict):
        return [Problem(None, None, "not-a-mapping",
                        "Het parameterbestand moet een YAML-mapping zijn.")]
    problems = [Problem(None, key, "missing-field", f"Veld '{key}' ontbreekt bovenaan het bestand.")
                for key in TOP_LEVEL_FIELDS if key not in raw and key not in OPTIONAL_TOP_LEVEL]
    problems += [Problem(None, str(key), "unknown-field",
                         f"Onbekend veld '{key}' bovenaan het bestand.")
                 for key in raw if key not in TOP_LEVEL_FIELDS]
    if "versie" in raw and not (isinstance(raw["versie"], str) and raw["versie"].strip()):
        problems.append(Problem(None, "versie", "bad-version",
                                "'versie' moet een tekst zijn, bijvoorbeeld \"1.0\" "
                                "(met aanhalingstekens)."))
    for key, check in (("parameters", _check_parameter_block), ("bbp", _check_gdp_block),
                       ("monte_carlo", _check_monte_carlo), ("prijspeil", _check_price_level)):
        if key not in raw:
            continue
        if isinstance(raw[key], dict):
            problems += check(raw[key])
        else:
            problems.append(Problem(None, key, "not-a-mapping", f"'{key}' moet een mapping zijn."))
    return problems


def _check_parameter_block(block: dict[Any, Any]) -> list[ParameterProblem]:
    problems = [Problem(name, None, "missing-parameter",
                        f"Parameter '{name}' ontbreekt; het model heeft hem nodig.")
                for name in PARAMETER_NAMES if name not in block and name not in OPTIONAL_PARAMETERS]
    for name, spec in block.items():
        if name not in PARAMETER_BOUNDS:
            problems.append(Problem(str(name), None, "unknown-parameter",
                                    f"Parameter '{name}' kent het model niet "
                                    f"(bekend: {', '.join(PARAMETER_NAMES)})."))
        elif not isinstance(spec, dict):
            problems.append(Problem(name, None, "not-a-mapping",
                                    f"Parameter '{name}' moet een mapping met "
                                    f"{', '.join(PARAMETER_FIELDS)} zijn."))
        else:
            problems += _check_fields(name, spec, PARAMETER_FIELDS, f"Parameter '{name}'")
            problems += _check_values(name, spec)
    return problems


def _check_values(name: str, spec: dict[Any, Any]) -> list[ParameterProblem]:
    problems: list[ParameterProblem] = []
    numbers: dict[str, float] = {}
    low_bound, high_bound = PARAMETER_BOUNDS[name]
    for key in ("laag", "centraal", "hoog"):
        if key not in spec:
            continue
        value = spec[key]
        if not _is_number(value):
            problems.append(Problem(name, key, "not-a-number",
                                    f"Parameter '{name}': '{key}' moet een getal zijn, "
                                    f"niet {value!r}."))
        elif not low_bound <= value <= high_bound:
            problems.append(Problem(name, key, "out-of-range",
                                    f"Parameter '{name}': '{key}' = {value} ligt buiten "
                                    f"[{low_bound}, {high_bound}]."))
        else:
            numbers[key] = float(value)
    if len(numbers) == 3 and not numbers["laag"] <= numbers["centraal"] <= numbers["hoog"]:
        problems.append(Problem(name, None, "order",
                                f"Parameter '{name}': laag ≤ centraal ≤ hoog geldt niet "
                                f"({numbers['laag']}, {numbers['centraal']}, {numbers['hoog']})."))
    return problems


def _check_gdp_block(block: dict[Any, Any]) -> list[ParameterProblem]:
    problems: list[ParameterProblem] = []
    if not block:
        problems.append(Problem("bbp", None, "missing-gdp", "Onder 'bbp' staat geen enkel jaar."))
    for jaar, spec in block.items():
        label = f"bbp.{jaar}"
        if not (isinstance(jaar, int) and 1995 <= jaar <= 2100):
            problems.append(Problem(label, None, "bad-year",
                                    f"'{jaar}' onder 'bbp' is geen jaartal (bijvoorbeeld 2023)."))
        elif not isinstance(spec, dict):
            problems.append(Problem(label, None, "not-a-mapping",
                                    f"Bbp {jaar} moet een mapping met "
                                    f"{', '.join(GDP_FIELDS)} zijn."))
        else:
            problems += _check_fields(label, spec, GDP_FIELDS, f"Bbp {jaar}")
            if "mln_eur" in spec and not (_is_number(spec["mln_eur"]) and spec["mln_eur"] > 0):
                problems.append(Problem(label, "mln_eur", "not-a-number",
                                        f"Bbp {jaar}: 'mln_eur' moet een positief getal zijn."))
    return problems


def _check_price_level(spec: dict[Any, Any]) -> list[ParameterProblem]:
    problems = _check_fields("prijspeil", spec, PRICE_FIELDS, "Prijspeil")
    if "basisjaar" in spec and not _is_year(spec["basisjaar"]):
        problems.append(Problem("prijspeil", "basisjaar", "bad-year",
                                "prijspeil: 'basisjaar' moet een jaartal zijn (bijvoorbeeld 2024)."))
    if "reeks" in spec and not (isinstance(spec["reeks"], str) and spec["reeks"].strip()):
        problems.append(Problem("prijspeil", "reeks", "empty-text",
                                "prijspeil: 'reeks' moet een niet-lege tekst zijn."))
    series = spec.get("inflatie")
    if "inflatie" in spec and not isinstance(series, dict):
        problems.append(Problem("prijspeil", "inflatie", "not-a-mapping",
                                "prijspeil: 'inflatie' moet per jaartal een aandeel geven "
                                "(bijvoorbeeld 2024: 0.033 voor 3,3%)."))
    for jaar, value in (series or {}).items() if isinstance(series, dict) else ():
        if not _is_year(jaar):
            problems.append(Problem("prijspeil", f"inflatie.{jaar}", "bad-year",
                                    f"prijspeil: '{jaar}' onder 'inflatie' is geen jaartal."))
        elif not (_is_number(value) and -0.5 < value < 1):
            problems.append(Problem("prijspeil", f"inflatie.{jaar}", "out-of-range",
                                    f"prijspeil: inflatie {jaar} = {value!r} is geen aandeel "
                                    f"tussen −0,5 en 1 (schrijf 3,3% als 0.033)."))
    return problems


def _is_year(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1995 <= value <= 2100


def _check_monte_carlo(spec: dict[Any, Any]) -> list[ParameterProblem]:
    problems = _check_fields("monte_carlo", spec, tuple(MONTE_CARLO_MINIMUM), "Monte_carlo")
    for key, minimum in MONTE_CARLO_MINIMUM.items():
        value = spec.get(key)
        if key in spec and not (isinstance(value, int) and not isinstance(value, bool)
                                and value >= minimum):
            problems.append(Problem("monte_carlo", key, "not-an-integer",
                                    f"monte_carlo: '{key}' moet een geheel getal "
                                    f"van minstens {minimum} zijn."))
    return problems


def _check_fields(label: str, spec: dict[Any, Any], fields: tuple[str, ...],
                  what: str) -> list[ParameterProblem]:
    problems = [Problem(label, key, "missing-field", f"{what}: veld '{key}' ontbreekt.")
                for key in fields if key not in spec]
    problems += [Problem(label, str(key), "unknown-field", f"{what}: onbekend veld '{key}'.")
                 for key in spec if key not in fields]
    for key in ("eenheid", "bron", "toelichting"):
        if key in fields and key in spec and not (isinstance(spec[key], str) and spec[key].strip()):
            problems.append(Problem(label, key, "empty-text",
                                    f"{what}: '{key}' moet een niet-lege tekst zijn."))
    if "datum" in spec and not _is_date(spec["datum"]):
        problems.append(Problem(label, "datum", "bad-date",
                                f"{what}: 'datum' moet JJJJ, JJJJ-MM of JJJJ-MM-DD zijn."))
    return problems


def _is_number(value: object) -> bool:
    # bool is an int in Python; `ja` in YAML must not pass as 1.
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_date(value: object) -> bool:
    if isinstance(value, dt.date):
        return True
    for fmt in ("%Y", "%Y-%m", "%Y-%m-%d"):
        try:
            dt.datetime.strptime(str(value), fmt)
            return True
        except ValueError:
            continue
    return False
