"""Figures the site shows that are not indicator values: regional context and model intervals.

The engine computes indicators; a region page also shows the context a region delivers
(`context.csv`, as delivered, not cumulative) and the economic-effect page shows the Monte
Carlo interval. Both are numbers a reader sees, so they are Figures too, with lineage, and
get figure ids in the same scheme:

- `context.<region>.<period>.indicator=<name>`: one row of `data/<region>/context.csv`;
  version `contract-<v>`; `extra` holds the delivered `bron`.
- `<model indicator>.<scope>.<period>.montecarlo=p5|p50|p95`: a percentile of the seeded
  Monte Carlo of the economic model (`extra`: seed, draws, metric), same lineage as the
  central value it belongs to.
- `<model indicator>.<scope>.<period>.gevoeligheid=<parameter>-laag|-hoog`: the model's
  outcome with one parameter at its low or high value, the rest central (the tornado;
  `extra`: parameter, its value, metric), same lineage as the central value (its rows and
  the parameter file).
- `netto_contante_waarde.totaal.<period>.verdeling=<party>-<item>`: a cell of the
  distribution table (`economics.result.Distribution`); `<party>` may be `totaal` (the
  column's sum) and `<item>` `saldo` (the row's sum); same lineage as the NPV.

`trace` (issue 5) recomputes these with `context_figures`, `interval_figures` and
`sensitivity_figures`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pandas as pd

from generator.compute.lineage import Figure, SourceRows
from generator.compute.pipeline import Computation
from generator.compute.data_frames import BLOB, FILE, REGION, ROW
from generator.contract import CONTRACT_VERSION

CONTEXT = "context"
"""Indicator id of context figures (not an indicator definition: the data as delivered)."""
MONTE_CARLO = "montecarlo"
PERCENTILES = ("p5", "p50", "p95")
SENSITIVITY = "gevoeligheid"
SIDES = ("laag", "hoog")
DISTRIBUTION = "verdeling"
DISTRIBUTION_TOTAL = "totaal"
"""The row of the distribution table that sums the parties."""
DISTRIBUTION_BALANCE = "saldo"
"""The column of the distribution table that sums a party's items."""


def context_unit(name: str) -> str:
    return "procent" if name.endswith("_pct") else "getal"


def context_figures(computation: Computation) -> list[Figure]:
    """One Figure per row of every region's `context.csv`, in region, period, name order."""
    frame = computation.tables.frames.get(CONTEXT)
    if frame is None or frame.empty:
        return []
    figures = []
    ordered = frame.sort_values([REGION, "periode", "indicator"], kind="stable")
    for record in ordered.to_dict("records"):
        value = record["waarde"]
        figures.append(Figure(
            indicator=CONTEXT,
            version=f"contract-{CONTRACT_VERSION}",
            region=str(record[REGION]),
            period=str(record["periode"]),
            value=None if pd.isna(value) else float(value),
            unit=context_unit(str(record["indicator"])),
            breakdown=(("indicator", str(record["indicator"])),),
            sources=(SourceRows(str(record[FILE]), str(record[BLOB]), (int(record[ROW]),)),),
            commit=computation.tables.commit,
            extra=(("bron", "" if pd.isna(record["bron"]) else str(record["bron"])),),
        ))
    return figures


def interval_figures(central: Figure, metric: str, percentiles: dict[str, float],
                     seed: int, draws: int) -> list[Figure]:
    """P5, P50 and P95 of a model figure as Figures beside it (same lineage and version)."""
    return [replace(central, value=percentiles[p],
                    breakdown=central.breakdown + ((MONTE_CARLO, p),),
                    extra=(("metriek", metric), ("seed", seed), ("trekkingen", draws)))
            for p in PERCENTILES]


def sensitivity_figures(central: Figure, metric: str, bars: Sequence[Any]
                        ) -> dict[tuple[str, str], Figure]:
    """(parameter, laag|hoog) -> the outcome with that parameter there, as a Figure beside
    the central one (same lineage and version); a bar side without an outcome has none."""
    found = {}
    for bar in bars:
        for side in SIDES:
            outcome = getattr(bar, f"uitkomst_{side}")
            if outcome is None:
                continue
            found[(bar.parameter, side)] = replace(
                central, value=float(outcome),
                breakdown=central.breakdown + ((SENSITIVITY, f"{bar.parameter}-{side}"),),
                extra=(("metriek", metric), ("parameter", bar.parameter),
                       ("parameterwaarde", getattr(bar, side))))
    return found


def distribution_figures(central: Figure, table: Any) -> dict[tuple[str, str], Figure]:
    """(party | totaal, item | saldo) -> a cell of the distribution table as a Figure beside
    the NPV it adds up to (same lineage and version)."""
    from generator.economics.result import ITEMS, PARTIES

    cells: dict[tuple[str, str], float] = {}
    for party in PARTIES:
        for item in ITEMS:
            cells[(party, item)] = table.cell(party, item)
        cells[(party, DISTRIBUTION_BALANCE)] = table.saldo(party)
    for item in ITEMS:
        cells[(DISTRIBUTION_TOTAL, item)] = table.item_total(item)
    cells[(DISTRIBUTION_TOTAL, DISTRIBUTION_BALANCE)] = table.total
    return {key: replace(central, value=float(value),
                         breakdown=central.breakdown + ((DISTRIBUTION, f"{key[0]}-{key[1]}"),),
                         extra=(("partij", key[0]), ("post", key[1])))
            for key, value in cells.items()}
