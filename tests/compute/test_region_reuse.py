"""A serving process keeps each region's figures of a rule (`engine.compute(kept=...)`):
reused while that region's files are the same, computed again when one cell changes, and
never different from a computation from scratch."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator import cache as cache_module
from generator.cache import Cache, Kept
from generator.compute import economics_adapter, engine
from generator.compute.data_frames import load_tables
from generator.compute.lineage import TOTAL, Figure
from generator.compute.pipeline import all_periods
from generator.indicators import load_definitions
from generator.indicators.definition import Difference, ModelRule, Ratio, Tally
from generator.publish import economy
from generator.publish.sitedata import compute_site_data
from generator.sources import open_snapshot
from tests.fixtures.handmade_repo import commit_all, make_repo, set_cell

INSTROOM = "data/noord/instroom.csv"
K = 5


def figures(root: Path, kept: dict | None = None) -> list[Figure]:
    snapshot = open_snapshot(root, None)
    tables = load_tables(snapshot.files, snapshot.commit)
    return engine.compute(tables, load_definitions(snapshot.files), all_periods(tables),
                          kept=kept)


def scratch(root: Path) -> list[Figure]:
    """The figures with nothing a process keeps: no model inputs nor results either."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(economics_adapter, "_INPUTS", Kept(economics_adapter.KEEP_INPUTS))
        patch.setattr(economics_adapter, "_RESULTS", Kept(economics_adapter.KEEP_RESULTS))
        return figures(root)


def seen(found: list[Figure]) -> list[tuple]:
    """Everything a figure says, `extra` included (Figure equality leaves it out), in order."""
    return [(f, f.extra) for f in found]


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, str]]:
    """(indicator, region) -> how many figures of a rule the engine computed."""
    count: Counter[tuple[str, str]] = Counter()
    figure = engine._figure

    def counted(definition, tables, scope, *args):  # type: ignore[no-untyped-def]
        count[(definition.id, scope.region)] += 1
        return figure(definition, tables, scope, *args)

    monkeypatch.setattr(engine, "_figure", counted)
    return count


def test_a_changed_cell_computes_its_region_again_and_reuses_the_others(
        tmp_path: Path, made: Counter[tuple[str, str]]) -> None:
    make_repo(tmp_path)
    set_cell(tmp_path / INSTROOM, 2, "aantal", "11")  # an uncommitted working tree (was 10)
    rules = [d for d in load_definitions(open_snapshot(tmp_path, None).files)
             if isinstance(d.rule, (Tally, Ratio, Difference))]
    kept: dict = {}
    first = figures(tmp_path, kept)
    assert {region for _, region in made} == {"noord", "zuid", TOTAL}
    made.clear()
    assert seen(first) == seen(scratch(tmp_path))  # from scratch: the same
    made.clear()

    assert seen(figures(tmp_path, kept)) == seen(first)
    assert not made  # the regions' figures and the totals reused
    made.clear()

    set_cell(tmp_path / INSTROOM, 2, "aantal", "17")
    changed = figures(tmp_path, kept)
    # Again only the rules that read instroom, only for noord (and the totals).
    reading = {d.id for d in rules if "instroom" in {t.resource for t in d.tallies}}
    assert reading and {i for i, r in made if r != TOTAL} == reading
    assert {i for i, r in made if r == TOTAL} == reading  # the other totals reused
    assert {r for _, r in made} == {"noord", TOTAL}
    made.clear()
    assert seen(changed) == seen(scratch(tmp_path))  # never a stale figure

    before = {f.figure_id: f for f in first}
    differ = {f.figure_id for f in changed if (f.value, f.sources) != (
        before[f.figure_id].value, before[f.figure_id].sources)}
    assert {"deelnemers_bereikt.noord.2023-Q1", "deelnemers_bereikt.totaal.2023-Q1",
            "kosten_per_deelnemer.noord.2023-Q4", "kosten_per_deelnemer.totaal.2023-Q4",
            "bbp_effect_pct.noord.2023-Q4"} <= differ  # tally, ratio and the model's
    assert not [i for i in differ if ".zuid." in i]
    zuid = [f for f in changed if f.region == "zuid" and f.indicator in {d.id for d in rules}]
    assert zuid and all(f is before[f.figure_id] for f in zuid)  # the very objects
    others = [f for f in changed if f.region == TOTAL
              and f.indicator in {d.id for d in rules} - reading]
    assert others and all(f is before[f.figure_id] for f in others)
    models = {d.id for d in load_definitions(open_snapshot(tmp_path, None).files)
              if isinstance(d.rule, ModelRule)}
    kept_models = [f for f in changed if f.region == "zuid" and f.indicator in models]
    assert kept_models and all(f is before[f.figure_id] for f in kept_models)


def test_a_commit_renames_the_kept_figures_without_computing_them(
        tmp_path: Path, made: Counter[tuple[str, str]]) -> None:
    make_repo(tmp_path)
    set_cell(tmp_path / INSTROOM, 2, "aantal", "11")
    kept: dict = {}
    figures(tmp_path, kept)
    sha = commit_all(tmp_path, "instroom corrected")
    made.clear()
    committed = figures(tmp_path, kept)
    assert not made
    assert {f.commit for f in committed} == {sha}
    assert seen(committed) == seen(scratch(tmp_path))


def test_a_serving_process_started_on_a_warm_cache_computes_only_the_changed_region(
        tmp_path: Path, made: Counter[tuple[str, str]]) -> None:
    make_repo(tmp_path)
    set_cell(tmp_path / INSTROOM, 2, "aantal", "11")
    compute_site_data(open_snapshot(tmp_path, None), K, cache=Cache(tmp_path / "cache"))
    serving = Cache(tmp_path / "cache", memory=True)
    made.clear()
    warm = compute_site_data(open_snapshot(tmp_path, None), K, cache=serving)
    assert serving.hits["site-data"] == 1 and not made  # read from the folder

    set_cell(tmp_path / INSTROOM, 2, "aantal", "17")
    changed = compute_site_data(open_snapshot(tmp_path, None), K, cache=serving)
    assert {region for _, region in made} == {"noord", TOTAL}
    definitions = load_definitions(open_snapshot(tmp_path, None).files)
    reading = {d.id for d in definitions if isinstance(d.rule, (Tally, Ratio, Difference))
               and "instroom" in {t.resource for t in d.tallies}}
    assert {i for i, r in made if r == TOTAL} == reading  # the other totals read back too
    before = {f.figure_id: f for f in warm.computation.figures}
    models = {d.id for d in definitions if isinstance(d.rule, ModelRule)}
    zuid = [f for f in changed.computation.figures if f.region == "zuid"]
    assert {f.indicator for f in zuid} & models  # the model's figures of zuid, read back
    assert all(f is before[f.figure_id] for f in zuid)
    fresh = compute_site_data(open_snapshot(tmp_path, None), K)
    assert seen(changed.figures) == seen(fresh.figures)


def test_a_changed_fase_computes_the_totals_of_the_fase_again(
        tmp_path: Path, made: Counter[tuple[str, str]]) -> None:
    """`totaal` of a fase is kept under its members and the register rows that decide them:
    moving a region to another fase (no data file changed) must not reuse the old sums."""
    make_repo(tmp_path)
    kept: dict = {}
    first = figures(tmp_path, kept)
    set_cell(tmp_path / "data/regios.csv", 3, "fase", "opschaling")  # zuid
    made.clear()
    changed = figures(tmp_path, kept)
    assert made and all(region == TOTAL for _, region in made)  # the regions' own reused
    assert seen(changed) == seen(scratch(tmp_path))
    by_phase = {(f.indicator, f.period, f.breakdown): f for f in first
                if f.region == TOTAL and f.breakdown and f.breakdown[0][0] == "fase"}
    pilot = [f for f in changed if f.region == TOTAL and f.breakdown == (("fase", "pilot"),)]
    assert by_phase and pilot
    assert any(f.value != by_phase[(f.indicator, f.period, f.breakdown)].value
               for f in pilot)  # zuid left the pilot's sums


def test_a_new_serving_process_reads_the_models_results_the_last_one_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The model's named stores (inputs, results, Monte Carlo) of one serving process are
    read by the next: its first save evaluates the model only for the scopes holding the
    changed file, and its figures are those of a computation from scratch."""
    make_repo(tmp_path)
    set_cell(tmp_path / INSTROOM, 2, "aantal", "11")
    last = Cache(tmp_path / "cache", memory=True)
    compute_site_data(open_snapshot(tmp_path, None), K, cache=last)
    last.finish_build(prune=False)
    last.wait()
    assert (tmp_path / "cache" / cache_module.KEPT_FILE).is_file()

    for store in cache_module._NAMED.values():  # a new process: nothing kept in memory
        monkeypatch.setattr(store, "_items", type(store._items)())
    monkeypatch.setattr(cache_module, "_saved", cache_module._Saved())
    evaluated: list[tuple[str, ...]] = []
    evaluate = economics_adapter._evaluate

    def counted(tables, scope, *args):  # type: ignore[no-untyped-def]
        evaluated.append(scope.members)
        return evaluate(tables, scope, *args)

    monkeypatch.setattr(economics_adapter, "_evaluate", counted)
    drawn: list[tuple[str, ...]] = []  # the scopes whose Monte Carlo is drawn
    draw_inputs = economy._inputs

    def drawing(tables, period, members, *args):  # type: ignore[no-untyped-def]
        drawn.append(tuple(members))
        return draw_inputs(tables, period, members, *args)

    monkeypatch.setattr(economy, "_inputs", drawing)
    serving = Cache(tmp_path / "cache", memory=True)
    compute_site_data(open_snapshot(tmp_path, None), K, cache=serving)
    assert serving.hits["site-data"] == 1 and not evaluated and not drawn

    set_cell(tmp_path / INSTROOM, 2, "aantal", "29")  # a value no other test kept
    changed = compute_site_data(open_snapshot(tmp_path, None), K, cache=serving)
    assert evaluated and all("noord" in members for members in evaluated)  # not zuid's
    assert drawn and all("noord" in members for members in drawn)
    fresh = compute_site_data(open_snapshot(tmp_path, None), K)
    assert seen(changed.figures) == seen(fresh.figures)
