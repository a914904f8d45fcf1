"""The route to mbo (startkwalificatie): valued after the lock-in, within the horizon."""

from __future__ import annotations

import pandas as pd
import pytest

from generator.economics import evaluate
from generator.economics.frames import mbo_entries
from generator.economics.model import mbo_factor

from .conftest import example_inputs, make_params

# 3 left for mbo; pass rate q = 0.5, premium m = € 4,000 a year, deadweight 0.5, no
# displacement; horizon D = 3, lock-in L = 1.5, r = 2.25%:
#   year 1: in school (z = 0); year 2: half a year after school (z = 0.5); year 3: z = 1
#   G = 0.5 / 1.0225 + 1 / 1.0225² = 0.488997555 + 0.956469904 = 1.445467459
#   baten mbo = 3 × 0.5 × 4,000 × 0.5 × G = 3,000 × G = 4,336.40
G = 0.5 / 1.0225 + 1 / 1.0225 ** 2
MBO = {"mbo_slagingskans": 0.5, "mbo_rendement_per_jaar": 4_000.0, "mbo_studieduur_jaren": 1.5}


def test_the_lock_in_delays_the_premium() -> None:
    assert mbo_factor(0.0225, 1.5, 3) == pytest.approx(G, rel=1e-12)
    assert mbo_factor(0.0, 0.0, 3) == pytest.approx(3.0)  # no school: every year counts
    assert mbo_factor(0.0225, 3, 3) == 0.0  # the horizon ends before the diploma pays


def test_the_mbo_route_adds_to_the_benefits_but_not_to_year_one() -> None:
    without = evaluate(example_inputs(), make_params(MBO))
    result = evaluate(example_inputs(mbo_instroom=3), make_params(MBO))
    assert result.baten_mbo == pytest.approx(3_000 * G, rel=1e-12)
    assert result.baten_totaal == pytest.approx(without.baten_totaal + 3_000 * G, rel=1e-12)
    assert result.netto_contante_waarde == pytest.approx(
        without.netto_contante_waarde + 3_000 * G, rel=1e-12)
    # Year 1 is school: the yearly KPI and the GDP effect of the meetjaar do not move.
    assert result.baten_per_deelnemer == pytest.approx(without.baten_per_deelnemer)
    assert result.bbp_effect_pct == pytest.approx(without.bbp_effect_pct)
    assert result.opschalingsfactor == pytest.approx(1.5)


def test_mbo_entries_count_mbo_and_work_with_mbo() -> None:
    uitstroom = pd.DataFrame({"bestemming": ["werk", "mbo", "werk_en_mbo", "geen"],
                              "aantal": [5, 2, 3, 4]})
    assert mbo_entries(uitstroom) == 5
    assert mbo_entries(None) == 0
