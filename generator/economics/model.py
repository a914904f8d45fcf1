"""The economic effect (research question 6): social benefit of the extra hours worked.

Method, in one line per step (the Dutch page `site_src/economisch-effect/methode.md` gives
the same with a worked example):

1. extra hours per week = Σ uren_t1 − Σ uren_t0 over the measured participants;
2. yearly value = extra hours × worked weeks per year × labour productivity per hour;
3. net of deadweight: × (1 − deadweight);
4. present value over the effect duration, decaying yearly, discounted at the real MKBA rate;
   year 1 is the measurement year (meetjaar) and is not discounted; the yearly decay comes
   from the measured follow-up (`decay_from_follow_up`), the parameter only where a region
   has none yet;
5. participants reached but not (yet) measured count with a share of the measured effect;
6. costs are brought to the meetjaar at the same rate, development costs only for the share
   of the participants reached among those expected; lost leisure is a cost too; NPV and
   benefit-cost ratio follow;
7. benefit payments are transfers: shown for government and participant, never added;
8. GDP effect = the yearly value (step 3, all participants) / GDP of the meetjaar × 100;
9. the mbo route: those who left for mbo × pass rate × yearly premium of a
   startkwalificatie, net, counted only after the years in school (lock-in), within the
   same horizon (`mbo_factor`); part of the benefits, not of year 1.

Everything is written with numpy operations that work on scalars and on arrays alike, so the
Monte Carlo runs the very same formulas as the central estimate.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from generator.cache import Kept
from generator.economics.inputs import EconomicInputs
from generator.economics.params import EconomicParameters, price_year
from generator.economics.prices import PriceLevel
from generator.economics.result import (
    COST_PAYER,
    PARTIES,
    Distribution,
    EconomicResult,
    Transfers,
)
from generator.economics.schema import MONETARY_PARAMETERS, PARAMETER_NAMES

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


def mbo_factor(discontovoet: Number, studieduur: Number, effectduur_jaren: Number) -> Number:
    """G = Σ_t w_t · z_t / (1 + r)^(t−1), t = 1 … ⌈D⌉, w_t = min(1, D − t + 1),
    z_t = clip(t − L, 0, 1): the mbo premium counts only after the years in school
    (lock-in L = `mbo_studieduur_jaren`), within the same horizon D, without decay."""
    r, lock, d = np.broadcast_arrays(*(np.asarray(x, dtype=float)
                                       for x in (discontovoet, studieduur, effectduur_jaren)))
    horizon = int(np.ceil(d.max())) if d.size else 0
    years_before = np.arange(horizon, dtype=float).reshape((-1,) + (1,) * r.ndim)
    weight = np.clip(d - years_before, 0.0, 1.0) * np.clip(years_before + 1 - lock, 0.0, 1.0)
    factor = (weight / (1 + r) ** years_before).sum(axis=0)
    return float(factor) if factor.ndim == 0 else factor


def decay_from_follow_up(half_year_retention: Number) -> Number:
    """Yearly decay a = 1 − s², s = actief_na_12 / actief_na_6 of those who left for work or mbo.

    s is the retention over the half year from 6 to 12 months; with a constant hazard the
    retention over a year is s², and the effect in year t is (1 − a)^(t−1) = s^(2(t−1)).
    """
    return 1 - np.asarray(half_year_retention, dtype=float) ** 2


def part_decay(inputs: EconomicInputs, parameter: Number,
               retention: Number | None = None) -> Number:
    """The yearly decay used for one region: from its follow-up when it has one (or from
    drawn retentions `retention`, for the Monte Carlo), else the parameter."""
    if inputs.opvolging is None or inputs.opvolging.half_year_retention is None:
        return parameter
    s = inputs.opvolging.half_year_retention if retention is None else retention
    return decay_from_follow_up(s) * np.ones_like(np.asarray(parameter, dtype=float))


FINANCIERS = ("groeifonds", "regio", "werkgevers", "overig")
"""`kosten.financier`: who pays, for the distribution table."""
DEVELOPMENT = "ontwikkeling"
"""`kosten.kostensoort` of the one-off costs of developing the offer."""


def development_share(deelnemers: int, verwacht: Number) -> Number:
    """Share of the development costs borne by the participants reached so far:
    N / M, at most 1, with M = `verwachte_deelnemers_per_regio` (M ≤ 0: not spread)."""
    m = np.asarray(verwacht, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(m > 0, np.minimum(1.0, deelnemers / np.where(m > 0, m, 1)), 1.0)


def cost_present_value(inputs: EconomicInputs, discontovoet: Number,
                       verwacht: Number = 0.0) -> dict[str, Number]:
    """Costs valued in the meetjaar per financier: a cost of year y counts × (1 + r)^(meetjaar − y),
    development costs only for the share of the participants reached (`development_share`).

    Without costs by year all costs are taken to fall in the meetjaar (no adjustment).
    """
    r = np.asarray(discontovoet, dtype=float)
    share = development_share(inputs.deelnemers, verwacht)
    totals = {financier: np.zeros(np.broadcast(r, share).shape) for financier in FINANCIERS}
    for item in inputs.cost_items:
        charged = item.bedrag * (share if item.kostensoort == DEVELOPMENT else 1.0)
        key = item.financier if item.financier in totals else "overig"
        totals[key] = totals[key] + charged * (1 + r) ** (inputs.year - item.jaar)
    return totals


ADDITIVE = ("jaarwaarde_bruto", "jaarwaarde_netto", "baten_gemeten", "baten_uren", "baten_mbo",
            "baten_totaal", "kosten",
            *(f"kosten_{financier}" for financier in FINANCIERS), "kosten_vrije_tijd",
            "toegevoegde_waarde_meetjaar", "transfer_per_jaar", "transfer_contante_waarde",
            "transfer_totaal", "belasting_totaal")
"""Sums over the parts of a scope (regions); every other figure is derived from these."""


def compute(inputs: EconomicInputs | Sequence[EconomicInputs], values: Mapping[str, Number],
            gdp_eur: float,
            retentions: Sequence[Number | None] | None = None) -> dict[str, Any]:
    """The model's figures for parameter values that are scalars or equal-length arrays.

    `inputs` is one region, or the regions of a scope: then each region's measured effect is
    extrapolated to its own participants reached (step 6) and the sums are added, so a total
    is the sum of its regions. `retentions` (one per region, or None) replaces each region's
    measured follow-up by drawn values (the Monte Carlo's sampling uncertainty). Ratios
    without a denominator come out as NaN; `evaluate` turns those into None.
    """
    parts = (inputs,) if isinstance(inputs, EconomicInputs) else tuple(inputs)
    v = {name: np.asarray(values[name], dtype=float) for name in PARAMETER_NAMES}
    drawn = list(retentions) if retentions is not None else [None] * len(parts)
    each = [_kept_part_sums(part, v, s) for part, s in zip(parts, drawn, strict=True)]
    sums = {key: sum((found[key] for found in each), np.zeros(())) for key in ADDITIVE}
    measured = sum(part.aantal_gemeten for part in parts)
    reached = sum(part.deelnemers for part in parts)
    # One factor for the scope: the regions' own factors weighted by their yearly value.
    factor = np.where(sums["jaarwaarde_netto"] != 0,
                      sums["baten_gemeten"] / np.where(sums["jaarwaarde_netto"] != 0,
                                                       sums["jaarwaarde_netto"], 1),
                      present_value_factor(v["discontovoet"], v["jaarlijkse_afname"],
                                           v["effectduur_jaren"]))
    # Lost leisure is a cost of society like the programme's own costs.
    kosten = sums["kosten"] + sums["kosten_vrije_tijd"]
    has_costs = kosten > 0
    jaar_netto, per_jaar = sums["jaarwaarde_netto"], sums["toegevoegde_waarde_meetjaar"]
    with np.errstate(divide="ignore", invalid="ignore"):
        # Nobody measured: the effect is unknown, not zero.
        per_deelnemer_per_jaar = _ratio(per_jaar, reached if measured else 0)
        return {
            **sums,
            "contantewaardefactor": factor,
            "opschalingsfactor": np.where(sums["baten_gemeten"] != 0,
                                          sums["baten_uren"] / np.where(
                                              sums["baten_gemeten"] != 0,
                                              sums["baten_gemeten"], 1), np.nan),
            "baten_per_gemeten_deelnemer": _ratio(sums["baten_gemeten"], measured),
            "baten_per_bereikte_deelnemer": _ratio(sums["baten_totaal"],
                                                   reached if measured else 0),
            "baten_per_deelnemer_per_jaar": per_deelnemer_per_jaar,
            # Non-response bounds: the non-measured at zero effect, or at the measured effect.
            "per_jaar_nonrespons_nul": _ratio(jaar_netto, reached),
            "per_jaar_nonrespons_gelijk": _ratio(jaar_netto, measured),
            "netto_contante_waarde": sums["baten_totaal"] - kosten,
            "baten_kostenratio": np.where(has_costs, sums["baten_totaal"]
                                          / np.where(has_costs, kosten, 1), np.nan),
            "bbp_effect_pct": per_jaar / gdp_eur * 100,
            "bbp_effect_pct_gemeten": jaar_netto / gdp_eur * 100,
            "bbp_effect_opgeschaald_pct": per_deelnemer_per_jaar
            * v["geplande_deelnemers_per_jaar"] / gdp_eur * 100,
        }


def _kept_part_sums(part: EconomicInputs, v: Mapping[str, np.ndarray],
                    retention: Number | None) -> dict[str, np.ndarray]:
    """`_part_sums` of a part, kept for the process when every parameter is one value and
    no retention is drawn (the central estimate, each bar of the tornado): a total's
    evaluation after one region changed then sums the other regions' kept sums. Kept
    under the very (immutable) part and the parameters' exact bits."""
    if retention is not None or any(value.ndim for value in v.values()):
        return _part_sums(part, v, part_decay(part, v["jaarlijkse_afname"], retention))
    key = (id(part), b"".join(v[name].tobytes() for name in PARAMETER_NAMES))
    found = _PART_SUMS.get(key)
    if found is not None and found[0] is part:
        return found[1]  # type: ignore[no-any-return]
    made = _part_sums(part, v, part_decay(part, v["jaarlijkse_afname"], None))
    _PART_SUMS[key] = (part, made)
    return made


_PART_SUMS = Kept(20_000)


def _part_sums(inputs: EconomicInputs, v: Mapping[str, np.ndarray],
               afname: Number) -> dict[str, np.ndarray]:
    """Steps 2–7 and 9 for one region: the additive figures."""
    measured, reached = inputs.aantal_gemeten, inputs.deelnemers
    jaarwaarde_bruto = (inputs.extra_uren * v["gewerkte_weken_per_jaar"]
                        * v["arbeidsproductiviteit_per_uur"])
    netto = (1 - v["deadweight"]) * (1 - v["verdringing"])
    jaarwaarde_netto = jaarwaarde_bruto * netto
    factor = np.asarray(present_value_factor(v["discontovoet"], afname, v["effectduur_jaren"]))
    # Without anyone measured there is no effect to extrapolate from.
    opschaling = (measured + v["effect_niet_gemeten"] * (reached - measured)) / measured \
        if measured else 0 * v["effect_niet_gemeten"]
    transfer_per_jaar = inputs.uitkeringen_minder * v["uitkering_per_jaar"] * netto
    baten_uren = jaarwaarde_netto * factor * opschaling
    baten_mbo = (inputs.mbo_instroom * v["mbo_slagingskans"] * v["mbo_rendement_per_jaar"] * netto
                 * mbo_factor(v["discontovoet"], v["mbo_studieduur_jaren"],
                              v["effectduur_jaren"]))
    costs = cost_present_value(inputs, v["discontovoet"], v["verwachte_deelnemers_per_regio"])
    return {
        "jaarwaarde_bruto": jaarwaarde_bruto,
        "jaarwaarde_netto": jaarwaarde_netto,
        "baten_gemeten": jaarwaarde_netto * factor,
        "baten_uren": baten_uren,
        "baten_mbo": baten_mbo,
        "baten_totaal": baten_uren + baten_mbo,
        "kosten": sum(costs.values()),
        **{f"kosten_{financier}": amount for financier, amount in costs.items()},
        # The mbo premium is more per hour, not more hours: no leisure lost for it.
        "kosten_vrije_tijd": baten_uren * v["verlies_vrije_tijd"],
        "toegevoegde_waarde_meetjaar": jaarwaarde_netto * opschaling,
        "transfer_per_jaar": transfer_per_jaar,
        "transfer_contante_waarde": transfer_per_jaar * factor,
        # The distribution table is for all reached, like the welfare balance.
        "transfer_totaal": transfer_per_jaar * factor * opschaling,
        "belasting_totaal": (baten_uren + baten_mbo) * v["belasting_premies_aandeel"],
    }


def in_base_prices(parts: Sequence[EconomicInputs], params: EconomicParameters,
                   values: Mapping[str, Number]) -> tuple[tuple[EconomicInputs, ...],
                                                          dict[str, Number], float]:
    """Step 0: costs, monetary parameters and GDP in prices of the base year.

    A cost of year j counts K_j / P_j, a parameter dated year j the same, GDP of year g as
    bbp_g / P_g, with P the price level (base year = 1). Returns the parts, the values and
    GDP in euro of the base year.
    """
    prices = params.prijspeil
    real = dict(values)
    for name in MONETARY_PARAMETERS:
        year = price_year(params[name])
        if year is not None:
            real[name] = np.asarray(values[name], dtype=float) / prices.index(year)
    deflated = tuple(_deflated(part, prices) for part in parts)
    gdp = params.gdp_for(max(part.year for part in parts))
    return deflated, real, prices.in_base_prices(gdp.eur, gdp.jaar)


def _deflated(part: EconomicInputs, prices: PriceLevel) -> EconomicInputs:
    """A region's costs in prices of the base year. The tornado and the Monte Carlo
    evaluate the same parts many times, and each save the unchanged regions' again: each
    part's deflated copy is kept for the process under the very (immutable) part and
    what `PriceLevel.index` reads (the entry holds the part, so its id stays its own)."""
    key = (id(part), prices.basisjaar, tuple(sorted(prices.inflatie.items())))
    found = _DEFLATED.get(key)
    if found is not None and found[0] is part:
        return found[1]  # type: ignore[no-any-return]
    items = tuple(replace(item, bedrag=prices.in_base_prices(item.bedrag, item.jaar))
                  for item in part.cost_items)
    by_year: dict[int, float] = {}
    for item in items:
        by_year[item.jaar] = by_year.get(item.jaar, 0.0) + item.bedrag
    made = replace(part, kosten_eur=sum(by_year.values()), kosten_per_jaar=by_year or None,
                   kosten_posten=items)
    _DEFLATED[key] = (part, made)
    return made


_DEFLATED = Kept(2_000)


def evaluate(inputs: EconomicInputs | Sequence[EconomicInputs],
             params: EconomicParameters) -> EconomicResult:
    """The economic effect with every parameter at its central value.

    There are no low and high corner scenarios: the range is the Monte Carlo P5–P95
    (`sensitivity.monte_carlo`), what drives it the tornado.
    """
    return evaluate_values(inputs, params, params.values("central"), "central")


def evaluate_values(inputs: EconomicInputs | Sequence[EconomicInputs],
                    params: EconomicParameters, values: Mapping[str, float],
                    scenario: str = "custom") -> EconomicResult:
    """The economic effect for explicit parameter values (used by the tornado)."""
    parts = (inputs,) if isinstance(inputs, EconomicInputs) else tuple(inputs)
    if not parts:
        raise ValueError("no region to evaluate")
    year = max(part.year for part in parts)
    gdp = params.gdp_for(year)
    real_parts, real_values, gdp_base = in_base_prices(parts, params, values)
    figures = {key: _scalar(value)
               for key, value in compute(real_parts, real_values, gdp_base).items()}
    measured = sum(part.aantal_gemeten for part in parts)
    extra_uren = sum(part.extra_uren for part in parts)
    extra_inkomen = sum(part.extra_maandinkomen for part in parts)
    transfer = figures["transfer_contante_waarde"]
    follow_ups = [part.opvolging for part in parts if part.opvolging is not None]
    actief_6 = sum(f.actief_6 for f in follow_ups)
    actief_12 = sum(f.actief_12 for f in follow_ups)
    return EconomicResult(
        scenario=scenario,
        versie=params.versie,
        parameter_values=tuple((name, float(values[name])) for name in PARAMETER_NAMES),
        meetjaar=year,
        aantal_gemeten=measured,
        deelnemers=sum(part.deelnemers for part in parts),
        extra_uren_per_week=extra_uren / measured if measured else None,
        bruto_uurloon_gemeten=_implied_hourly_wage(extra_uren, extra_inkomen),
        bruto_inkomensstijging_per_jaar=extra_inkomen * 12,
        jaarwaarde_bruto=figures["jaarwaarde_bruto"],
        jaarwaarde_netto=figures["jaarwaarde_netto"],
        contantewaardefactor=figures["contantewaardefactor"],
        opvolging_actief_6=actief_6,
        opvolging_actief_12=actief_12,
        jaarlijkse_afname_opvolging=(_scalar(decay_from_follow_up(actief_12 / actief_6))
                                     if actief_6 else None),
        opschalingsfactor=figures["opschalingsfactor"],
        baten_gemeten=figures["baten_gemeten"],
        baten_mbo=figures["baten_mbo"],
        mbo_instroom=sum(part.mbo_instroom for part in parts),
        baten_totaal=figures["baten_totaal"],
        baten_per_gemeten_deelnemer=_none_if_nan(figures["baten_per_gemeten_deelnemer"]),
        baten_per_bereikte_deelnemer=_none_if_nan(figures["baten_per_bereikte_deelnemer"]),
        baten_per_deelnemer_per_jaar=_none_if_nan(figures["baten_per_deelnemer_per_jaar"]),
        per_jaar_nonrespons_nul=_none_if_nan(figures["per_jaar_nonrespons_nul"]),
        per_jaar_nonrespons_gelijk=_none_if_nan(figures["per_jaar_nonrespons_gelijk"]),
        transfers=Transfers(uitkeringen_minder=sum(p.uitkeringen_minder for p in parts),
                            per_jaar=figures["transfer_per_jaar"],
                            overheid=transfer, deelnemer=-transfer),
        kosten_nominaal=float(sum(part.kosten_eur for part in parts)),
        prijspeil=params.prijspeil.basisjaar,
        kosten_prijspeil=float(sum(part.kosten_eur for part in real_parts)),
        bbp_prijspeil_eur=gdp_base,
        kosten=figures["kosten"],
        kosten_per_financier=tuple((financier, figures[f"kosten_{financier}"])
                                   for financier in FINANCIERS),
        kosten_vrije_tijd=figures["kosten_vrije_tijd"],
        netto_contante_waarde=figures["netto_contante_waarde"],
        verdeling=distribution(figures),
        baten_kostenratio=_none_if_nan(figures["baten_kostenratio"]),
        toegevoegde_waarde_meetjaar=figures["toegevoegde_waarde_meetjaar"],
        bbp_jaar=gdp.jaar,
        bbp_eur=gdp.eur,
        bbp_bron=gdp.bron,
        bbp_effect_pct=figures["bbp_effect_pct"],
        bbp_effect_pct_gemeten=figures["bbp_effect_pct_gemeten"],
        bbp_effect_opgeschaald_pct=_none_if_nan(figures["bbp_effect_opgeschaald_pct"]),
    )


def distribution(figures: Mapping[str, float]) -> Distribution:
    """The distribution table from the model's (scalar) figures: see `Distribution`."""
    productie, belasting = figures["baten_totaal"], figures["belasting_totaal"]
    uitkering, vrije_tijd = figures["transfer_totaal"], figures["kosten_vrije_tijd"]
    own = {party: {"productie": 0.0, "belastingen": 0.0, "uitkeringen": 0.0,
                   "vrije_tijd": 0.0, "kosten": 0.0} for party in PARTIES}
    own["deelnemer"].update(productie=productie, belastingen=-belasting, uitkeringen=-uitkering,
                            vrije_tijd=-vrije_tijd)
    own["overheid"].update(belastingen=belasting, uitkeringen=uitkering)
    for financier in FINANCIERS:
        own[COST_PAYER[financier]]["kosten"] -= figures[f"kosten_{financier}"]
    return Distribution(tuple((party, item, value) for party, items in own.items()
                              for item, value in items.items()))


def _implied_hourly_wage(extra_uren: float, extra_maandinkomen: float) -> float | None:
    # Monthly income belongs to contract hours: a month holds 52/12 weeks.
    if extra_uren <= 0:
        return None
    return extra_maandinkomen / (extra_uren * 52 / 12)


def _ratio(numerator: np.ndarray, denominator: int) -> np.ndarray:
    numerator = np.asarray(numerator, dtype=float)
    return numerator / denominator if denominator else np.full_like(numerator, np.nan)


def _scalar(value: Any) -> float:
    return float(np.asarray(value))


def _none_if_nan(value: float) -> float | None:
    return None if math.isnan(value) else value
