"""Model inputs from the contract's tables (`arbeid`, `instroom`, `kosten`), already filtered.

The engine selects the rows (a region or all regions, cohorts and periods up to the reporting
period); this module only maps the contract's column names onto the model's records.
"""

from __future__ import annotations

import pandas as pd

from generator.economics.inputs import CohortWork, CostItem, EconomicInputs, FollowUp

ACTIVE_DESTINATIONS = ("werk", "mbo", "werk_en_mbo")
"""`uitstroom.bestemming` values that start the effect the follow-up tracks."""
MBO_DESTINATIONS = ("mbo", "werk_en_mbo")
"""`uitstroom.bestemming` values that start the route to a startkwalificatie."""


def cohorts_from_arbeid(arbeid: pd.DataFrame) -> tuple[CohortWork, ...]:
    """One CohortWork per row of `arbeid`, in the frame's order."""
    return tuple(
        CohortWork(cohort=str(row.cohort), aantal_gemeten=int(row.aantal_gemeten),
                   uren_t0=float(row.uren_per_week_t0), uren_t1=float(row.uren_per_week_t1),
                   inkomen_t0=float(row.bruto_maandinkomen_t0),
                   inkomen_t1=float(row.bruto_maandinkomen_t1),
                   uitkering_t0=int(row.met_uitkering_t0), uitkering_t1=int(row.met_uitkering_t1))
        for row in arbeid.itertuples(index=False))


def costs_by_year(kosten: pd.DataFrame) -> dict[int, float]:
    """Σ bedrag_eur per calendar year of `periode` (YYYY-Qn)."""
    if kosten.empty:
        return {}
    years = kosten["periode"].astype(str).str[:4].astype(int)
    totals = kosten.groupby(years)["bedrag_eur"].sum()
    return {int(year): float(total) for year, total in totals.items()}


def cost_items(kosten: pd.DataFrame) -> tuple[CostItem, ...]:
    """Σ bedrag_eur per calendar year, kostensoort and financier (`overig` where a frame
    lacks the column)."""
    if kosten.empty:
        return ()
    frame = pd.DataFrame({
        "jaar": kosten["periode"].astype(str).str[:4].astype(int),
        "kostensoort": (kosten["kostensoort"].astype(str) if "kostensoort" in kosten
                        else "overig"),
        "financier": kosten["financier"].astype(str) if "financier" in kosten else "overig",
        "bedrag": kosten["bedrag_eur"].astype(float)})
    totals = frame.groupby(["jaar", "kostensoort", "financier"])["bedrag"].sum()
    return tuple(CostItem(int(jaar), str(soort), str(financier), float(bedrag))
                 for (jaar, soort, financier), bedrag in totals.items())


def follow_up_from_uitstroom(uitstroom: pd.DataFrame) -> FollowUp | None:
    """Σ actief_na_6/12_maanden over outflow to work or mbo whose 12-month follow-up is known;
    None when there is no such row."""
    if uitstroom.empty:
        return None
    known = uitstroom[uitstroom["bestemming"].isin(ACTIVE_DESTINATIONS)
                      & uitstroom["actief_na_12_maanden"].notna()
                      & uitstroom["actief_na_6_maanden"].notna()]
    if known.empty:
        return None
    return FollowUp(actief_6=int(known["actief_na_6_maanden"].sum()),
                    actief_12=int(known["actief_na_12_maanden"].sum()))


def inputs_from_frames(arbeid: pd.DataFrame, instroom: pd.DataFrame, kosten: pd.DataFrame,
                       meetjaar: int | None = None,
                       uitstroom: pd.DataFrame | None = None) -> EconomicInputs:
    by_year = costs_by_year(kosten)
    return EconomicInputs(cohorts=cohorts_from_arbeid(arbeid),
                          deelnemers=int(instroom["aantal"].sum()) if not instroom.empty else 0,
                          kosten_eur=sum(by_year.values()),
                          kosten_per_jaar=by_year or None,
                          kosten_posten=cost_items(kosten),
                          meetjaar=meetjaar,
                          opvolging=(follow_up_from_uitstroom(uitstroom)
                                     if uitstroom is not None else None),
                          mbo_instroom=mbo_entries(uitstroom))


def mbo_entries(uitstroom: pd.DataFrame | None) -> int:
    """Σ aantal of those who left for mbo (with or without work)."""
    if uitstroom is None or uitstroom.empty:
        return 0
    return int(uitstroom.loc[uitstroom["bestemming"].isin(MBO_DESTINATIONS), "aantal"].sum())
