"""Model inputs from the contract's tables."""

from __future__ import annotations

import pandas as pd

from generator.economics import CohortWork, inputs_from_frames


def test_contract_columns_map_onto_the_model() -> None:
    arbeid = pd.DataFrame({
        "cohort": ["2023-Q3", "2024-Q1"], "aantal_gemeten": [2, 3],
        "uren_per_week_t0": [10.0, 0.0], "uren_per_week_t1": [40.0, 36.0],
        "bruto_maandinkomen_t0": [500.0, 0.0], "bruto_maandinkomen_t1": [2_000.0, 3_100.0],
        "met_uitkering_t0": [2, 3], "met_uitkering_t1": [1, 1]})
    instroom = pd.DataFrame({"periode": ["2023-Q3", "2024-Q1"], "aantal": [4, 6]})
    kosten = pd.DataFrame({"periode": ["2023-Q3", "2023-Q4", "2024-Q1"],
                           "bedrag_eur": [1_000.0, 500.0, 250.0]})
    inputs = inputs_from_frames(arbeid, instroom, kosten, meetjaar=2024)
    assert inputs.cohorts[1] == CohortWork("2024-Q1", 3, 0.0, 36.0, 0.0, 3_100.0, 3, 1)
    assert (inputs.deelnemers, inputs.aantal_gemeten, inputs.extra_uren) == (10, 5, 66.0)
    assert inputs.kosten_eur == 1_750.0
    assert inputs.kosten_per_jaar == {2023: 1_500.0, 2024: 250.0}
    assert inputs.uitkeringen_minder == 3


def test_empty_tables_give_empty_inputs() -> None:
    columns = ["cohort", "aantal_gemeten", "uren_per_week_t0", "uren_per_week_t1",
               "bruto_maandinkomen_t0", "bruto_maandinkomen_t1", "met_uitkering_t0",
               "met_uitkering_t1"]
    inputs = inputs_from_frames(pd.DataFrame(columns=columns),
                                pd.DataFrame(columns=["periode", "aantal"]),
                                pd.DataFrame(columns=["periode", "bedrag_eur"]), meetjaar=2024)
    assert (inputs.cohorts, inputs.deelnemers, inputs.kosten_eur, inputs.kosten_per_jaar) == \
        ((), 0, 0, None)
