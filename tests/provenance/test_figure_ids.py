"""Figure ids read back into indicator, region, quarter and breakdown."""

from __future__ import annotations

import pytest

from generator.compute.lineage import figure_id
from generator.provenance.figure_ids import FigureKey, closest_ids, parse_figure_id


@pytest.mark.parametrize(("text", "key"), [
    ("deelnemers_bereikt.totaal.2026-Q2",
     FigureKey("deelnemers_bereikt", "totaal", "2026-Q2")),
    ("deelnemers_bereikt.totaal.2026-Q2.fase=pilot",
     FigureKey("deelnemers_bereikt", "totaal", "2026-Q2", (("fase", "pilot"),))),
    ("factoren_vermeldingen.voorbeeld-noord.2025-Q1.richting=belemmering.factor=korte-lijnen",
     FigureKey("factoren_vermeldingen", "voorbeeld-noord", "2025-Q1",
               (("richting", "belemmering"), ("factor", "korte-lijnen")))),
    ("doelbereik.totaal.2026-Q2.doel=deelnemers_bereikt.fase=pilot",
     FigureKey("doelbereik", "totaal", "2026-Q2",
               (("doel", "deelnemers_bereikt"), ("fase", "pilot")))),
])
def test_parse_gives_the_parts_and_the_same_id(text: str, key: FigureKey) -> None:
    assert parse_figure_id(text) == key
    assert key.figure_id == text == figure_id(key.indicator, key.region, key.period, key.breakdown)


@pytest.mark.parametrize("text", [
    "", "deelnemers_bereikt", "deelnemers_bereikt.totaal", "deelnemers_bereikt.totaal.2026",
    "deelnemers_bereikt.totaal.2026-Q5", "deelnemers_bereikt.totaal.2026-Q2.fase",
    "deelnemers_bereikt.totaal.2026-Q2.=pilot", ".totaal.2026-Q2",
])
def test_malformed_ids_parse_to_none(text: str) -> None:
    assert parse_figure_id(text) is None


def test_closest_ids_puts_the_likeliest_first() -> None:
    known = ["deelnemers_bereikt.totaal.2026-Q2", "deelnemers_bereikt.totaal.2026-Q1",
             "matches_werkgevers.totaal.2026-Q2"]
    assert closest_ids("deelnemers_bereik.totaal.2026-Q2", known)[0] == known[0]
    assert closest_ids("iets heel anders", known) == []
