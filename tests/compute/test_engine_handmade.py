"""Every indicator on the hand-made package, against values worked out by hand.

The package is in tests/fixtures/handmade/data: `noord` reports from 2023-Q1, `zuid` from
2023-Q2 and has most of its 1-metingen still missing. Row numbers below are as a
spreadsheet counts them (header = 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.handmade_repo import write_package
from generator.compute.lineage import Figure, SourceRows
from generator.compute.pipeline import Computation, compute_snapshot
from generator.sources import git_blob_id, open_snapshot


@pytest.fixture(scope="module")
def computation(tmp_path_factory: pytest.TempPathFactory) -> Computation:
    root = write_package(tmp_path_factory.mktemp("handmade"))
    return compute_snapshot(open_snapshot(root))


@pytest.fixture(scope="module")
def figures(computation: Computation) -> dict[str, Figure]:
    return {f.figure_id: f for f in computation.figures}


EXPECTED = [
    # ontwikkelde_trajecten: beschikbaar/beeindigd with beschikbaar_vanaf <= period;
    # n-dig is in_ontwikkeling without a quarter and never counts.
    ("ontwikkelde_trajecten.noord.2023-Q1", 1),             # n-zorg
    ("ontwikkelde_trajecten.noord.2023-Q4", 2),             # n-zorg + n-tech (beeindigd counts)
    ("ontwikkelde_trajecten.zuid.2023-Q2", 1),              # z-log; z-taal from Q3
    ("ontwikkelde_trajecten.totaal.2023-Q4", 4),            # 2 + 2
    # deelnemers_bereikt: Σ instroom.aantal, cumulative
    ("deelnemers_bereikt.noord.2023-Q1", 15),               # 10 + 5
    ("deelnemers_bereikt.noord.2023-Q3", 30),               # 15 + 8 + 7
    ("deelnemers_bereikt.zuid.2023-Q4", 20),                # 12 + 6 + 2
    ("deelnemers_bereikt.totaal.2023-Q1", 15),              # zuid starts in Q2
    ("deelnemers_bereikt.totaal.2023-Q4", 50),              # 30 + 20
    ("deelnemers_bereikt.totaal.2023-Q4.fase=pilot", 50),   # both regions are pilots
    ("deelnemers_bereikt.totaal.2023-Q4.doelgroep=laaggeletterd", 23),  # 10 + 7 + 6
    # bewijzen_civiel_effect: every kind but deelcertificaat_zonder_civiel_effect
    ("bewijzen_civiel_effect.noord.2023-Q3", 5),            # 3 + 2 (the 4 deelcertificaten not)
    ("bewijzen_civiel_effect.totaal.2023-Q4", 11),          # noord 3+2+1, zuid 2+3
    # verbetering_arbeidsmarktpositie: metingen, score_t1 > score_t0 and score_t1 >= 4
    # (rung 4 or higher), by cohort <= period
    ("verbetering_arbeidsmarktpositie.noord.2023-Q1", 4),   # cohort Q1: 2->4 x4 (3->3, 2->empty not)
    ("verbetering_arbeidsmarktpositie.noord.2023-Q2", 4),   # cohort Q2: 1->2 x2 stays below rung 4
    ("verbetering_arbeidsmarktpositie.zuid.2023-Q4", 1),    # 3->5 x1; the rest has no 1-meting
    ("verbetering_arbeidsmarktpositie.totaal.2023-Q4", 5),  # 4 + 1
    # verbetering_arbeidsmarktpositie_netto: the same minus falls from rung 4 or higher (none)
    ("verbetering_arbeidsmarktpositie_netto.noord.2023-Q4", 4),
    ("verbetering_arbeidsmarktpositie_netto.totaal.2023-Q4", 5),
    # verbetering_sociale_inclusie_aandeel: improved / with a 1-meting on sociale_inclusie, x100
    ("verbetering_sociale_inclusie_aandeel.noord.2023-Q4", 700 / 9),  # (5 + 2) / (5 + 2 + 2)
    ("verbetering_sociale_inclusie_aandeel.zuid.2023-Q4", 0.0),       # 2->2 x1 measured
    ("verbetering_sociale_inclusie_aandeel.totaal.2023-Q4", 70.0),    # 7 / 10
    ("matches_werkgevers.noord.2023-Q4", 6),                # 2 + 3 + 1
    ("matches_werkgevers.totaal.2023-Q4", 10),              # 6 + 4
    ("matches_werkgevers.totaal.2023-Q4.sector=zorg_welzijn", 3),  # 2 + 1
    ("verbetering_sociale_inclusie.noord.2023-Q4", 7),      # 2->3 x5 + 3->4 x2
    ("verbetering_sociale_inclusie.zuid.2023-Q4", 0),       # 2->2 only
    ("verbetering_sociale_inclusie.totaal.2023-Q4", 7),
    ("verbetering_taal.totaal.2023-Q4", 7),                 # noord 0->1 x6, zuid 0->1 x1
    ("verbetering_rekenen.totaal.2023-Q4", 4),              # noord 1->2 x2 + 0->1 x2
    ("verbetering_digitaal.noord.2023-Q4", 4),              # 0->2 x3 + 2->3 x1 (1->0 is worse)
    ("verbetering_digitaal.totaal.2023-Q4", 5),             # + zuid 1->2 x1
    # opvolging_1meting: Σ with score_t1 / Σ all, arbeidsmarktpositie, x100
    ("opvolging_1meting.noord.2023-Q1", 70.0),              # 7 / 10
    ("opvolging_1meting.noord.2023-Q2", 56.25),             # (7 + 2) / (10 + 6)
    ("opvolging_1meting.zuid.2023-Q2", 12.5),               # 1 / 8
    ("opvolging_1meting.zuid.2023-Q4", 100 / 12),           # 1 / (8 + 4): cohort Q3 not followed up
    ("opvolging_1meting.totaal.2023-Q4", 1000 / 28),        # (9 + 1) / (16 + 12), not the mean 32.3
    ("uitstroom_bestemming.noord.2023-Q4", 11),             # 4 + 2 + 3 + 2
    ("uitstroom_bestemming.totaal.2023-Q4.bestemming=werk", 9),       # 4 + 5
    ("uitstroom_bestemming.noord.2023-Q4.bestemming=onbekend", 0),    # a cell zuid has
    # actief_na_6_maanden: Σ actief / Σ aantal over rows where it is known
    ("actief_na_6_maanden.noord.2023-Q4", 500 / 9),         # (3 + 0 + 2) / (4 + 2 + 3)
    ("actief_na_6_maanden.zuid.2023-Q4", 80.0),             # 4 / 5 (onbekend row not known yet)
    ("actief_na_6_maanden.totaal.2023-Q4", 900 / 14),       # (5 + 4) / (9 + 5)
    ("actief_na_6_maanden.totaal.2023-Q4.bestemming=werk", 700 / 9),  # (3 + 4) / (4 + 5)
    ("actief_na_12_maanden.noord.2023-Q4", 100 / 3),        # (2 + 0) / (4 + 2)
    ("actief_na_12_maanden.zuid.2023-Q4", None),            # nothing known: no denominator
    ("actief_na_12_maanden.totaal.2023-Q4", 100 / 3),       # (2 + 0) / (6 + 0)
    ("kosten_totaal.noord.2023-Q2", 42000.5),               # 30000 + 12000.50
    ("kosten_totaal.totaal.2023-Q4", 74000.0),              # 50000 + 24000
    # kosten_per_deelnemer: Σ kosten / Σ instroom, totaal from the sums
    ("kosten_per_deelnemer.noord.2023-Q4", 50000 / 30),
    ("kosten_per_deelnemer.zuid.2023-Q4", 1200.0),          # 24000 / 20
    ("kosten_per_deelnemer.totaal.2023-Q4", 1480.0),        # 74000 / 50, not the mean 1433.33
    ("kosten_per_deelnemer.totaal.2023-Q4.kostensoort=ontwikkeling", 1000.0),  # 50000 / 50
    # cost-effectiveness: Σ kosten / Σ improved positions (rung 4+) or certificates
    ("kosten_per_verbeterde_positie.noord.2023-Q4", 12500.0),  # 50000 / 4
    ("kosten_per_verbeterde_positie.totaal.2023-Q4", 14800.0), # 74000 / 5, not the mean
    ("kosten_per_bewijs.noord.2023-Q4", 50000 / 6),            # noord 3 + 2 + 1
    ("kosten_per_bewijs.totaal.2023-Q4", 74000 / 11),
    # borging_score: latest stand per aspect (0..3), mean over the aspects reported
    ("borging_score.noord.2023-Q1", 0.5),                   # niet_gestart 0, in_voorbereiding 1
    ("borging_score.noord.2023-Q3", 1.5),                   # financiering now deels_geregeld 2
    ("borging_score.zuid.2023-Q3", 3.0),                    # aanbod geregeld
    ("borging_score.zuid.2023-Q4", 2.0),                    # (3 + 1) / 2
    ("borging_score.totaal.2023-Q4", 1.75),                 # (2 + 1 + 3 + 1) / 4
    ("borging_score.totaal.2023-Q4.aspect=structurele_financiering", 2.0),  # noord only
    ("borging_score.zuid.2023-Q4.aspect=structurele_financiering", None),   # not reported
    # factoren_vermeldingen: Σ vermeldingen; the same coded factor adds up over regions
    ("factoren_vermeldingen.totaal.2023-Q4", 11),           # 3 + 2 + 2 + 4
    ("factoren_vermeldingen.totaal.2023-Q4.richting=succes.factor=korte-lijnen-met-uwv", 5),
    ("factoren_vermeldingen.totaal.2023-Q4.richting=belemmering", 6),  # 2 + 4
    # doelbereik: measured / target x 100, for the pilots together
    ("doelbereik.totaal.2023-Q4.doel=deelnemers_bereikt.fase=pilot", 12.5),       # 50 / 400
    ("doelbereik.totaal.2023-Q4.doel=bewijzen_civiel_effect.fase=pilot", 5.5),     # 11 / 200
    ("doelbereik.totaal.2023-Q4.doel=verbetering_sociale_inclusie.fase=pilot", 4.375),  # 7 / 160
]


@pytest.mark.parametrize(("figure_id", "expected"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_value_as_worked_out_by_hand(figures: dict[str, Figure], figure_id: str,
                                     expected: float | None) -> None:
    assert figures[figure_id].value == (None if expected is None else pytest.approx(expected))


def test_periods_run_from_the_first_start_to_the_latest_data(computation: Computation) -> None:
    assert computation.periods == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]


def test_a_region_reports_from_its_own_start(figures: dict[str, Figure]) -> None:
    assert "deelnemers_bereikt.zuid.2023-Q1" not in figures
    assert "deelnemers_bereikt.zuid.2023-Q2" in figures


def test_counts_stay_integers_and_sums_of_amounts_lose_binary_noise(figures: dict[str, Figure]) -> None:
    assert isinstance(figures["deelnemers_bereikt.totaal.2023-Q4"].value, int)
    assert figures["kosten_totaal.noord.2023-Q4"].value == 50000.0  # 30000 + 12000.50 + 7999.50


def test_free_text_cells_keep_their_text_beside_the_safe_id(figures: dict[str, Figure]) -> None:
    figure = figures["factoren_vermeldingen.totaal.2023-Q4.richting=succes.factor=korte-lijnen-met-uwv"]
    assert dict(figure.extra)["labels"] == (("factor", "Korte lijnen met UWV"),)


def _rows(root: Path, path: str, rows: tuple[int, ...]) -> SourceRows:
    return SourceRows(path, git_blob_id((root / path).read_bytes()), rows)


def test_lineage_names_exactly_the_rows_that_went_in(computation: Computation,
                                                      figures: dict[str, Figure]) -> None:
    root = computation.snapshot.root
    assert figures["deelnemers_bereikt.noord.2023-Q2"].sources == (
        _rows(root, "data/noord/instroom.csv", (2, 3, 4)),)  # Q3's row 5 not yet
    # only the improved transition; 3->3 (row 3) and 2->empty (row 4) did not go in
    assert figures["verbetering_arbeidsmarktpositie.noord.2023-Q1"].sources == (
        _rows(root, "data/noord/metingen.csv", (2,)),)
    # a ratio: numerator rows (2, 3) and denominator rows (2, 3, 4), listed once
    assert figures["opvolging_1meting.noord.2023-Q1"].sources == (
        _rows(root, "data/noord/metingen.csv", (2, 3, 4)),)
    # latest state: row 2 (financiering niet_gestart, Q1) is replaced by row 4 (Q3)
    assert figures["borging_score.noord.2023-Q3"].sources == (
        _rows(root, "data/noord/borging.csv", (3, 4)),)
    assert figures["kosten_per_deelnemer.totaal.2023-Q1"].sources == (
        _rows(root, "data/noord/instroom.csv", (2, 3)), _rows(root, "data/noord/kosten.csv", (2,)))


def test_fase_split_names_the_register_rows(computation: Computation,
                                            figures: dict[str, Figure]) -> None:
    root = computation.snapshot.root
    sources = figures["deelnemers_bereikt.totaal.2023-Q1.fase=pilot"].sources
    assert _rows(root, "data/regios.csv", (2, 3)) in sources


def test_every_figure_carries_version_and_commit(figures: dict[str, Figure]) -> None:
    figure = figures["deelnemers_bereikt.totaal.2023-Q4"]
    assert (figure.version, figure.commit, figure.unit) == ("1", None, "aantal")


def test_a_share_carries_its_wilson_interval(figures: dict[str, Figure]) -> None:
    # 7 of 10: the Wilson 95% interval is 39.68% to 89.22% (tables give 0.3968–0.8922) (p = 0.7, n = 10, z = 1.96)
    extra = dict(figures["verbetering_sociale_inclusie_aandeel.totaal.2023-Q4"].extra)
    assert extra["interval"] == "wilson 95%"
    assert extra["interval_laag"] == pytest.approx(39.677, abs=1e-3)
    assert extra["interval_hoog"] == pytest.approx(89.221, abs=1e-3)
    assert extra["interval_laag"] < 70.0 < extra["interval_hoog"]
