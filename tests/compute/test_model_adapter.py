"""The adapter to the economic model: which rows it hands over, and what it reports.

The model's maths are tested in tests/economics; here the inputs are written out by hand
from the hand-made package and the engine must give the model's own answer for them.
"""

from __future__ import annotations

from generator.cache import Kept
from pathlib import Path

import pytest
import yaml

from generator.compute.lineage import Figure, SourceRows
from generator.compute.pipeline import compute_snapshot
from generator.economics import PARAMETERS_FILE, CohortWork, EconomicInputs, evaluate, parse_parameters
from generator.sources import git_blob_id, open_snapshot
from tests.fixtures.handmade_repo import set_cell, write_package

# data/noord/arbeid.csv rows 2 and 3, data/zuid/arbeid.csv row 2
NOORD_Q1 = CohortWork("2023-Q1", 7, 70, 120, 8000, 14000, 4, 2)
NOORD_Q2 = CohortWork("2023-Q2", 2, 10, 30, 1000, 3000, 2, 1)
ZUID_Q2 = CohortWork("2023-Q2", 1, 0, 20, 0, 1500, 1, 0)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_package(tmp_path_factory.mktemp("handmade"))


@pytest.fixture(scope="module")
def figures(root: Path) -> dict[str, Figure]:
    return {f.figure_id: f for f in compute_snapshot(open_snapshot(root)).figures}


@pytest.fixture(scope="module")
def params(root: Path):  # noqa: ANN201 - the model's own parameter type
    return parse_parameters(yaml.safe_load((root / PARAMETERS_FILE).read_text(encoding="utf-8")))


CASES = [
    # noord up to 2023-Q1: cohort Q1 only; 15 reached; 30000 spent in 2023
    ("noord", "2023-Q1", EconomicInputs((NOORD_Q1,), 15, 30000.0, {2023: 30000.0}, 2023)),
    # noord up to 2023-Q4: both cohorts; 10 + 5 + 8 + 7 reached; 30000 + 12000.50 + 7999.50
    ("noord", "2023-Q4", EconomicInputs((NOORD_Q1, NOORD_Q2), 30, 50000.0, {2023: 50000.0}, 2023)),
    # totaal up to 2023-Q4: every region's cohorts; 30 + 20 reached; 50000 + 24000 spent
    ("totaal", "2023-Q4", EconomicInputs((NOORD_Q1, NOORD_Q2, ZUID_Q2), 50, 74000.0,
                                         {2023: 74000.0}, 2023)),
]


@pytest.mark.parametrize(("region", "period", "inputs"), CASES, ids=[f"{r}-{p}" for r, p, _ in CASES])
def test_the_engine_gives_the_models_answer_for_the_rows_up_to_the_period(
        figures: dict[str, Figure], params, region: str, period: str, inputs: EconomicInputs) -> None:
    baten = figures[f"maatschappelijke_baten_per_deelnemer.{region}.{period}"]
    bbp = figures[f"bbp_effect_pct.{region}.{period}"]
    if region == "totaal":  # a total is the sum of its regions' extrapolations
        noord = EconomicInputs((NOORD_Q1, NOORD_Q2), 30, 50000.0, {2023: 50000.0}, 2023)
        zuid = EconomicInputs((ZUID_Q2,), 20, 24000.0, {2023: 24000.0}, 2023)
        central = evaluate([noord, zuid], params)
    else:
        central = evaluate(inputs, params)
    assert baten.value == pytest.approx(central.baten_per_deelnemer)
    assert bbp.value == pytest.approx(central.bbp_effect_pct)
    assert dict(baten.extra)["nonrespons_nul"] == pytest.approx(central.per_jaar_nonrespons_nul)
    assert "laag" not in dict(baten.extra) and "hoog" not in dict(baten.extra)
    assert baten.version == f"3+parameters.{params.versie}"


def test_lineage_names_the_model_inputs_and_parameters(root: Path, figures: dict[str, Figure]) -> None:
    def rows(path: str, numbers: tuple[int, ...]) -> SourceRows:
        return SourceRows(path, git_blob_id((root / path).read_bytes()), numbers)

    assert figures["bbp_effect_pct.noord.2023-Q1"].sources == (
        rows("data/noord/arbeid.csv", (2,)),
        rows("data/noord/instroom.csv", (2, 3)),
        rows("data/noord/kosten.csv", (2,)),
        rows(PARAMETERS_FILE, ()),
    )


def test_a_region_without_measured_participants_has_no_benefit_per_participant(
        tmp_path: Path) -> None:
    root = write_package(tmp_path)
    arbeid = root / "data/zuid/arbeid.csv"
    arbeid.write_text(arbeid.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    found = {f.figure_id: f for f in compute_snapshot(open_snapshot(root), ["2023-Q4"]).figures}
    assert found["maatschappelijke_baten_per_deelnemer.zuid.2023-Q4"].value is None
    assert found["bbp_effect_pct.zuid.2023-Q4"].value == 0


def test_a_regions_inputs_are_made_once_and_the_figures_are_those_made_without_reuse(
        root: Path, figures: dict[str, Figure], monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.compute import economics_adapter
    from generator.economics import frames

    calls: list[int] = []
    made = frames.inputs_from_frames

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - a pass-through
        calls.append(1)
        return made(*args, **kwargs)

    monkeypatch.setattr("generator.economics.inputs_from_frames", counted)
    monkeypatch.setattr(economics_adapter, "_INPUTS",
                        Kept(economics_adapter.KEEP_INPUTS))  # none kept yet
    monkeypatch.setattr(economics_adapter, "_RESULTS", Kept(economics_adapter.KEEP_RESULTS))
    with_memo = compute_snapshot(open_snapshot(root))
    reused = len(calls)
    plain = economics_adapter.scope_inputs
    monkeypatch.setattr(economics_adapter, "scope_inputs",
                        lambda frames, meetjaar, **_: plain(frames, meetjaar))
    calls.clear()
    monkeypatch.setattr(economics_adapter, "_RESULTS", Kept(economics_adapter.KEEP_RESULTS))
    without = compute_snapshot(open_snapshot(root))
    assert 0 < reused < len(calls)  # totaal and the fase totals read the regions' inputs
    assert [(f.figure_id, f.value, f.extra) for f in with_memo.figures] == [
        (f.figure_id, f.value, f.extra) for f in without.figures]
    assert {f.figure_id: f.value for f in with_memo.figures
            if f.figure_id in figures} == {i: f.value for i, f in figures.items()}


def test_a_process_makes_again_only_the_inputs_of_the_region_whose_file_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.compute import economics_adapter
    from generator.compute.data_frames import REGION
    from generator.economics import frames

    root = write_package(tmp_path)
    made: list[str] = []
    plain = frames.inputs_from_frames

    def noted(arbeid, instroom, kosten, **kwargs):  # noqa: ANN001, ANN003, ANN202
        made.append("".join(sorted(set(arbeid[REGION]) | set(instroom[REGION]))))
        return plain(arbeid, instroom, kosten, **kwargs)

    monkeypatch.setattr("generator.economics.inputs_from_frames", noted)
    monkeypatch.setattr(economics_adapter, "_INPUTS", Kept(economics_adapter.KEEP_INPUTS))
    monkeypatch.setattr(economics_adapter, "_RESULTS", Kept(economics_adapter.KEEP_RESULTS))
    first = {f.figure_id: f.value for f in compute_snapshot(open_snapshot(root)).figures}
    assert {"noord", "zuid"} <= set(made)
    made.clear()
    assert {f.figure_id: f.value for f in compute_snapshot(open_snapshot(root)).figures} == first
    assert made == []  # the same files: every region's inputs kept
    set_cell(root / "data/noord/instroom.csv", 2, "aantal", "13")
    changed = {f.figure_id: f.value for f in compute_snapshot(open_snapshot(root)).figures}
    assert made and set(made) == {"noord"}
    monkeypatch.setattr(economics_adapter, "_INPUTS", Kept(economics_adapter.KEEP_INPUTS))
    monkeypatch.setattr(economics_adapter, "_RESULTS", Kept(economics_adapter.KEEP_RESULTS))
    assert changed == {f.figure_id: f.value for f in compute_snapshot(open_snapshot(root)).figures}
    models = {f.indicator for f in compute_snapshot(open_snapshot(root)).figures
              if f.version.count("+parameters.")}
    moved = {i for i in changed if changed[i] != first[i] and i.split(".")[0] in models}
    assert {i.split(".")[1] for i in moved} == {"noord", "totaal"}  # zuid's stay
