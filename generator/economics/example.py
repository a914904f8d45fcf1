"""The worked example of `site_src/economisch-effect/methode.md`, computed by the model.

Small round inputs with parameters chosen for the example (not the central values), so a
reader can follow every step by hand. The page shows these outcomes through the narrative
function `rekenvoorbeeld`, so no number of the example is typed; the tests in
`tests/economics/` check the same steps against hand calculations.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from generator.economics.inputs import CohortWork, CostItem, EconomicInputs, FollowUp
from generator.economics.model import evaluate
from generator.economics.params import EconomicParameters, parse_parameters
from generator.economics.prices import PriceLevel

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
"""The basic example's parameters; the newer ones are 0 there (see EXTENSIONS)."""
EXAMPLE_GDP_MLN = 1_000_000.0
"""€ 1.000 miljard, a round number for the example."""
EXTENSIONS: dict[str, float] = {
    "verwachte_deelnemers_per_regio": 10.0,
    "verlies_vrije_tijd": 0.25,
    "belasting_premies_aandeel": 0.3,
    "mbo_rendement_per_jaar": 4_000.0,
    "mbo_slagingskans": 0.5,
    "mbo_studieduur_jaren": 1.5,
}
"""Parameters of the later steps, each shown on its own against the basic example."""
FOLLOW_UP = FollowUp(actief_6=10, actief_12=8)
INFLATION = {2024: 0.033}
"""Price change 2023 → 2024 for the deflation step (base year 2024)."""
MBO_ENTRIES = 3
COST_ITEMS = (CostItem(2024, "ontwikkeling", "groeifonds", 30_000.0),
              CostItem(2024, "uitvoering", "regio", 10_000.0))


def example_parameters(values: dict[str, Any] | None = None,
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
    """2 measured (20 → 40 hours a week together), 4 reached, € 40.000 costs in 2024."""
    cohort = CohortWork(cohort="2024-Q1", aantal_gemeten=2, uren_t0=20, uren_t1=40,
                        inkomen_t0=1_000, inkomen_t1=2_300, uitkering_t0=2, uitkering_t1=1)
    fields: dict[str, object] = {"cohorts": (cohort,), "deelnemers": 4, "kosten_eur": 40_000.0,
                                 "meetjaar": 2024}
    fields.update(changes)
    return EconomicInputs(**fields)  # type: ignore[arg-type]


def worked_example() -> dict[str, float]:
    """Every outcome the method page shows, by name (`rekenvoorbeeld("<name>")`)."""
    return dict(_worked_example())


@lru_cache(maxsize=1)
def _worked_example() -> tuple[tuple[str, float], ...]:
    return tuple(_compute_example().items())


def _compute_example() -> dict[str, float]:
    params = example_parameters()
    base = evaluate(example_inputs(), params)
    earlier = evaluate(example_inputs(kosten_per_jaar={2023: 40_000.0}), params)
    follow = evaluate(example_inputs(opvolging=FOLLOW_UP), params)
    deflated = evaluate(example_inputs(kosten_per_jaar={2023: 40_000.0}), replace(
        params, prijspeil=PriceLevel(basisjaar=2024, reeks="CPI", inflatie=INFLATION)))
    full = example_parameters(EXTENSIONS)
    spread = evaluate(example_inputs(kosten_posten=COST_ITEMS),
                      example_parameters({"verwachte_deelnemers_per_regio": 10.0}))
    leisure = evaluate(example_inputs(), example_parameters({"verlies_vrije_tijd": 0.25}))
    mbo = evaluate(example_inputs(mbo_instroom=MBO_ENTRIES), example_parameters(
        {k: EXTENSIONS[k] for k in ("mbo_rendement_per_jaar", "mbo_slagingskans",
                                    "mbo_studieduur_jaren")}))
    everything = evaluate(example_inputs(kosten_posten=COST_ITEMS, mbo_instroom=MBO_ENTRIES),
                          full)
    table = everything.verdeling
    found = {name: float(getattr(base, name)) for name in (
        "jaarwaarde_bruto", "jaarwaarde_netto", "contantewaardefactor", "baten_gemeten",
        "baten_per_gemeten_deelnemer", "opschalingsfactor", "baten_totaal",
        "baten_per_deelnemer_per_jaar", "per_jaar_nonrespons_nul", "per_jaar_nonrespons_gelijk",
        "baten_per_bereikte_deelnemer", "netto_contante_waarde", "baten_kostenratio",
        "toegevoegde_waarde_meetjaar", "bbp_effect_pct", "bbp_effect_opgeschaald_pct",
        "bbp_effect_pct_gemeten", "bruto_uurloon_gemeten")}
    found.update({
        "jaar_2": base.jaarwaarde_netto * (1 - EXAMPLE_VALUES["jaarlijkse_afname"])
        / (1 + EXAMPLE_VALUES["discontovoet"]),
        "jaar_3": base.jaarwaarde_netto * (1 - EXAMPLE_VALUES["jaarlijkse_afname"]) ** 2
        / (1 + EXAMPLE_VALUES["discontovoet"]) ** 2,
        "overdracht_per_jaar": base.transfers.per_jaar,
        "overdracht_overheid": base.transfers.overheid,
        "overdracht_deelnemer": base.transfers.deelnemer,
        "kosten_jaar_eerder": earlier.kosten,
        "afname_opvolging": float(follow.jaarlijkse_afname_opvolging or 0.0),
        "contantewaardefactor_opvolging": follow.contantewaardefactor,
        "baten_totaal_opvolging": follow.baten_totaal,
        "kosten_gedefleerd": deflated.kosten_prijspeil,
        "kosten_gedefleerd_meetjaar": deflated.kosten,
        "kosten_ontwikkeling_gespreid": spread.kosten,
        "kosten_vrije_tijd": leisure.kosten_vrije_tijd,
        "netto_contante_waarde_vrije_tijd": leisure.netto_contante_waarde,
        "baten_mbo": mbo.baten_mbo,
        "netto_contante_waarde_alles": everything.netto_contante_waarde,
    })
    for party in ("deelnemer", "overheid", "werkgevers", "overig"):
        found[f"verdeling_{party}"] = table.saldo(party)
        for item in ("productie", "belastingen", "uitkeringen", "vrije_tijd", "kosten"):
            found[f"verdeling_{party}_{item}"] = table.cell(party, item)
    for item in ("productie", "belastingen", "uitkeringen", "vrije_tijd", "kosten"):
        found[f"verdeling_totaal_{item}"] = table.item_total(item)
    found["verdeling_totaal"] = table.total
    return found
