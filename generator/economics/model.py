"""The economic effect (research question 6): social benefit of the extra hours worked.

Method, in one line per step (the Dutch page `site_src/economisch-effect/methode.md` gives
the same with a worked example):

1. extra hours per week = Σ uren_t1 − Σ uren_t0 over the measured participants;
2. yearly value = extra hours × worked weeks per year × labour productivity per hour;
3. net of deadweight: × (1 − deadweight);
4. present value over the effect duration, decaying yearly, discounted at the real MKBA rate;
   year 1 is the measurement year (meetjaar) and is not discounted;
5. participants reached but not (yet) measured count with a share of the measured effect;
6. costs are brought to the meetjaar at the same rate; NPV and benefit-cost ratio follow;
7. benefit payments are transfers: shown for government and participant, never added;
8. GDP effect = the yearly value (step 3, all participants) / GDP of the meetjaar × 100.

Everything is written with numpy operations that work on scalars and on arrays alike, so the
Monte Carlo runs the very same formulas as the central estimate.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from generator.economics.inputs import EconomicInputs
from generator.economics.params import SCENARIO_FIELDS, EconomicParameters
from generator.economics.result import EconomicResult, Transfers
from generator.economics.schema import PARAMETER_NAMES

Number = float | np.ndarray


def present_value_factor(discontovoet: Number, jaarlijkse_afname: Number,
                         effectduur_jaren: Number) -> Number:
    """F = Σ_t w_t · (1 − a)^(t−1) / (1 + r)^(t−1), t = 1 … ⌈D⌉, w_t = min(1, D − t + 1).

    Year 1 is the meetjaar itself (not discounted). A fractional duration counts the last
    year in part, which keeps the Monte Carlo smooth where the duration is drawn.
    """
    r, a, d = np.broadcast_arrays(*(np.asarray(x, dtype=float)
                                    for x in (discontovoet, jaarlijkse_afname, effectduur_jaren)))
    horizon = int(np.ceil(d.max())) if d.size else 0
    years_before = np.arange(horizon, dtype=float).reshape((-1,) + (1,) * r.ndim)
    weight = np.clip(d - years_before, 0.0, 1.0)
    factor = (weight * (1 - a) ** years_before / (1 + r) ** years_before).sum(axis=0)
    return float(factor) if factor.ndim == 0 else factor


def cost_present_value(inputs: EconomicInputs, discontovoet: Number) -> Number:
    """Costs valued in the meetjaar: a cost of year y counts × (1 + r)^(meetjaar − y).

    Without costs by year all costs are taken to fall in the meetjaar (no adjustment).
    """
    r = np.asarray(discontovoet, dtype=float)
    if not inputs.kosten_per_jaar:
        total = inputs.kosten_eur * np.ones_like(r)
    else:
        total = sum(amount * (1 + r) ** (inputs.year - year)
                    for year, amount in sorted(inputs.kosten_per_jaar.items()))
    return float(total) if np.ndim(total) == 0 else total


def compute(inputs: EconomicInputs, values: Mapping[str, Number],
            gdp_eur: float) -> dict[str, Any]:
    """The model's figures for parameter values that are scalars or equal-length arrays.

    Ratios without a denominator come out as NaN; `evaluate` turns those into None.
    """
    v = {name: np.asarray(values[name], dtype=float) for name in PARAMETER_NAMES}
    measured = inputs.aantal_gemeten
    reached = inputs.deelnemers
    jaarwaarde_bruto = (inputs.extra_uren * v["gewerkte_weken_per_jaar"]
                        * v["arbeidsproductiviteit_per_uur"])
    jaarwaarde_netto = jaarwaarde_bruto * (1 - v["deadweight"])
    factor = np.asarray(present_value_factor(v["discontovoet"], v["jaarlijkse_afname"],
                                             v["effectduur_jaren"]))
    baten_gemeten = jaarwaarde_netto * factor
    # Without anyone measured there is no effect to extrapolate from.
    opschaling = (measured + v["effect_niet_gemeten"] * (reached - measured)) / measured \
        if measured else 0 * v["effect_niet_gemeten"]
    baten_totaal = baten_gemeten * opschaling
    kosten = np.asarray(cost_present_value(inputs, v["discontovoet"]))
    has_costs = kosten > 0
    transfer_per_jaar = inputs.uitkeringen_minder * v["uitkering_per_jaar"] * (1 - v["deadweight"])
    with np.errstate(divide="ignore", invalid="ignore"):
        return {
            "jaarwaarde_bruto": jaarwaarde_bruto,
            "jaarwaarde_netto": jaarwaarde_netto,
            "contantewaardefactor": factor,
            "opschalingsfactor": opschaling,
            "baten_gemeten": baten_gemeten,
            "baten_totaal": baten_totaal,
            "baten_per_gemeten_deelnemer": _ratio(baten_gemeten, measured),
            "baten_per_bereikte_deelnemer": _ratio(baten_totaal, reached),
            "kosten": kosten,
            "netto_contante_waarde": baten_totaal - kosten,
            "baten_kostenratio": np.where(has_costs, baten_totaal / np.where(has_costs, kosten, 1),
                                          np.nan),
            "toegevoegde_waarde_meetjaar": jaarwaarde_netto * opschaling,
            "bbp_effect_pct": jaarwaarde_netto * opschaling / gdp_eur * 100,
            "bbp_effect_pct_gemeten": jaarwaarde_netto / gdp_eur * 100,
            "transfer_per_jaar": transfer_per_jaar,
            "transfer_contante_waarde": transfer_per_jaar * factor,
        }


def scenario_values(inputs: EconomicInputs, params: EconomicParameters,
                    scenario: str) -> dict[str, float]:
    """Parameter values of a scenario.

    `central`: every parameter central. `low` / `high`: every parameter at whichever end of
    its range gives the lowest / highest total benefit (`baten_totaal`) with the rest
    central — the pessimistic and optimistic corners, so that `low` never mixes a low
    productivity with a low deadweight. A parameter that does not move the benefit
    (the benefit payment) takes its own low / high value.
    """
    if scenario not in SCENARIO_FIELDS:
        raise ValueError(f"scenario must be one of {', '.join(SCENARIO_FIELDS)}, not {scenario!r}")
    central = params.values("central")
    if scenario == "central":
        return central
    gdp_eur = params.gdp_for(inputs.year).eur
    chosen: dict[str, float] = {}
    for name in PARAMETER_NAMES:
        low, high = params[name].laag, params[name].hoog
        trial = {**central, name: np.array([low, high])}
        # A parameter the benefit does not depend on yields a scalar: broadcast it.
        at_low, at_high = np.broadcast_to(compute(inputs, trial, gdp_eur)["baten_totaal"], (2,))
        if math.isclose(at_low, at_high, rel_tol=1e-12, abs_tol=1e-9):
            chosen[name] = low if scenario == "low" else high
        elif (at_low < at_high) == (scenario == "low"):
            chosen[name] = low
        else:
            chosen[name] = high
    return chosen


def evaluate(inputs: EconomicInputs, params: EconomicParameters,
             scenario: str = "central") -> EconomicResult:
    """The economic effect for the low, central or high scenario (see `scenario_values`)."""
    return evaluate_values(inputs, params, scenario_values(inputs, params, scenario), scenario)


def evaluate_values(inputs: EconomicInputs, params: EconomicParameters,
                    values: Mapping[str, float], scenario: str = "custom") -> EconomicResult:
    """The economic effect for explicit parameter values (used by the tornado)."""
    gdp = params.gdp_for(inputs.year)
    figures = {key: _scalar(value) for key, value in compute(inputs, values, gdp.eur).items()}
    measured = inputs.aantal_gemeten
    transfer = figures["transfer_contante_waarde"]
    return EconomicResult(
        scenario=scenario,
        versie=params.versie,
        parameter_values=tuple((name, float(values[name])) for name in PARAMETER_NAMES),
        meetjaar=inputs.year,
        aantal_gemeten=measured,
        deelnemers=inputs.deelnemers,
        extra_uren_per_week=inputs.extra_uren / measured if measured else None,
        bruto_uurloon_gemeten=_implied_hourly_wage(inputs),
        bruto_inkomensstijging_per_jaar=inputs.extra_maandinkomen * 12,
        jaarwaarde_bruto=figures["jaarwaarde_bruto"],
        jaarwaarde_netto=figures["jaarwaarde_netto"],
        contantewaardefactor=figures["contantewaardefactor"],
        opschalingsfactor=figures["opschalingsfactor"],
        baten_gemeten=figures["baten_gemeten"],
        baten_totaal=figures["baten_totaal"],
        baten_per_gemeten_deelnemer=_none_if_nan(figures["baten_per_gemeten_deelnemer"]),
        baten_per_bereikte_deelnemer=_none_if_nan(figures["baten_per_bereikte_deelnemer"]),
        transfers=Transfers(uitkeringen_minder=inputs.uitkeringen_minder,
                            per_jaar=figures["transfer_per_jaar"],
                            overheid=transfer, deelnemer=-transfer),
        kosten_nominaal=float(inputs.kosten_eur),
        kosten=figures["kosten"],
        netto_contante_waarde=figures["netto_contante_waarde"],
        baten_kostenratio=_none_if_nan(figures["baten_kostenratio"]),
        toegevoegde_waarde_meetjaar=figures["toegevoegde_waarde_meetjaar"],
        bbp_jaar=gdp.jaar,
        bbp_eur=gdp.eur,
        bbp_bron=gdp.bron,
        bbp_effect_pct=figures["bbp_effect_pct"],
        bbp_effect_pct_gemeten=figures["bbp_effect_pct_gemeten"],
    )


def _implied_hourly_wage(inputs: EconomicInputs) -> float | None:
    # Monthly income belongs to contract hours: a month holds 52/12 weeks.
    if inputs.extra_uren <= 0:
        return None
    return inputs.extra_maandinkomen / (inputs.extra_uren * 52 / 12)


def _ratio(numerator: np.ndarray, denominator: int) -> np.ndarray:
    return numerator / denominator if denominator else np.full_like(numerator, np.nan)


def _scalar(value: Any) -> float:
    return float(np.asarray(value))


def _none_if_nan(value: float) -> float | None:
    return None if math.isnan(value) else value
