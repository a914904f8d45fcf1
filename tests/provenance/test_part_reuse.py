"""Reuse inside a process is never stale: after one cell changes, every figure that reads
the changed file is computed again (the changed one with its new value), every other
figure is equal in all fields, and each published part has the bytes a process that never
saw the old data writes (`published.split` keeps parts by their figures' value)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.cache import Cache, Kept
from generator.compute.lineage import Figure
from generator.provenance import published
from generator.provenance.published import split
from generator.site.inputs import load_inputs
from tests.fixtures.handmade_repo import set_cell
from tests.site.conftest import site_repo

INSTROOM = "data/noord/instroom.csv"
K = 5


def by_id(figures: list[Figure]) -> dict[str, Figure]:
    return {f.figure_id: f for f in figures}


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Figure],
                                                                        list[Figure]]:
    root = tmp_path_factory.mktemp("reuse")
    site_repo(root)
    cache = Cache(root / "cache", memory=True)  # as `impactmonitor serve` keeps it
    before = load_inputs(root, None, K, cache=cache).live.figures
    split(before)  # the process has now written every part of the old data
    set_cell(root / INSTROOM, 2, "aantal", "13")
    after = load_inputs(root, None, K, cache=cache).live.figures
    return before, after


def test_one_cell_changes_exactly_the_figures_that_read_its_file(
        before_and_after: tuple[list[Figure], list[Figure]]) -> None:
    before, after = map(by_id, before_and_after)
    assert before.keys() == after.keys()
    reads = {i for i, f in after.items() if any(s.file == INSTROOM for s in f.sources)}
    assert {"deelnemers_bereikt.noord.2023-Q4", "deelnemers_bereikt.totaal.2023-Q4"} <= reads
    for figure_id, figure in after.items():
        then = replace(before[figure_id], commit=None)  # the working tree has no commit
        if figure_id in reads:  # a new blob id at least
            assert figure != then
        else:
            assert figure == then and figure.extra == then.extra
    assert after["deelnemers_bereikt.noord.2023-Q4"].value == 30 + 3
    assert after["deelnemers_bereikt.totaal.2023-Q4"].value == (
        before["deelnemers_bereikt.totaal.2023-Q4"].value + 3)


def test_parts_after_a_change_are_the_bytes_of_a_fresh_process(
        before_and_after: tuple[list[Figure], list[Figure]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _, after = before_and_after
    reused = [(part.path, content) for part, content in split(after)]
    monkeypatch.setattr(published, "_PARTS", Kept(published.KEEP_PARTS))
    fresh = [(part.path, content) for part, content in split(after)]
    assert reused == fresh


def test_a_part_is_written_again_for_a_changed_value_type_or_detail(
        before_and_after: tuple[list[Figure], list[Figure]]) -> None:
    _, after = before_and_after
    figure = next(f for f in after if isinstance(f.value, int) and not f.suppressed)
    group = [f for f in after if (f.indicator, f.region) == (figure.indicator, figure.region)]
    (_, content), = split(group)
    as_float = [replace(f, value=float(f.value)) if f is figure else f for f in group]
    with_detail = [replace(f, extra=f.extra + (("noot", "x"),)) if f is figure else f
                   for f in group]
    assert as_float == group  # equal as Figures: 1 == 1.0, `extra` is not compared
    (_, float_content), = split(as_float)
    (_, detail_content), = split(with_detail)
    assert float_content != content and detail_content != content
    assert split(group)[0][1] == content


def test_figures_naming_another_commit_find_their_part_again(
        before_and_after: tuple[list[Figure], list[Figure]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first save after a commit names no commit: its parts are the same bytes (a part
    holds no commit) and are not made again."""
    _, after = before_and_after
    group = [f for f in after if (f.indicator, f.region) == (after[0].indicator, after[0].region)]
    (_, content), = split(group)
    made: list[str] = []
    real = published.manifest_part
    monkeypatch.setattr(published, "manifest_part",
                        lambda *args: made.append(args[0]) or real(*args))
    (_, renamed), = split([replace(f, commit="c" * 40) for f in group])
    assert renamed == content and made == []
    (_, changed), = split([replace(group[0], value=(group[0].value or 0) + 1), *group[1:]])
    assert made == [group[0].indicator] and changed != content
