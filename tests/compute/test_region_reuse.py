"""A serving process keeps each region's figures of a rule (`engine.compute(kept=...)`):
reused while that region's files are the same, computed again when one cell changes, and
never different from a computation from scratch."""

from __future__ import annotations

from pathlib import Path

from generator.compute.engine import compute
from generator.compute.lineage import TOTAL, Figure
from generator.compute.data_frames import load_tables
from generator.compute.pipeline import all_periods
from generator.indicators import load_definitions
from generator.indicators.definition import Difference, Ratio, Tally
from generator.sources import open_snapshot
from tests.fixtures.handmade_repo import make_repo, set_cell


class Counting(dict):
    """A memo that counts what is stored in it: one store is one region computed."""

    def __init__(self) -> None:
        super().__init__()
        self.stored: list[tuple] = []

    def __setitem__(self, key, value) -> None:  # type: ignore[no-untyped-def]
        self.stored.append(key)
        super().__setitem__(key, value)


def figures(root: Path, kept: dict | None = None) -> list[Figure]:
    snapshot = open_snapshot(root, None)
    tables = load_tables(snapshot.files, snapshot.commit)
    return compute(tables, load_definitions(snapshot.files), all_periods(tables), kept=kept)


def seen(found: list[Figure]) -> list[tuple]:
    """Everything a figure says, `extra` included (Figure equality leaves it out), in order."""
    return [(f, f.extra) for f in found]


def stored_regions(kept: Counting, since: int = 0) -> list[str]:
    return sorted(key[2] for key in kept.stored[since:])


def test_a_changed_cell_computes_its_region_again_and_reuses_the_others(tmp_path: Path) -> None:
    make_repo(tmp_path)
    # An uncommitted working tree (as while editing): the figures name no commit.
    set_cell(tmp_path / "data/noord/instroom.csv", 2, "aantal", "11")  # was 10
    rules = [d for d in load_definitions(open_snapshot(tmp_path, None).files)
             if isinstance(d.rule, (Tally, Ratio, Difference))]
    kept = Counting()
    first = figures(tmp_path, kept)
    assert seen(first) == seen(figures(tmp_path))
    assert stored_regions(kept) == sorted(["noord", "zuid"] * len(rules))

    again = figures(tmp_path, kept)
    assert len(kept.stored) == 2 * len(rules)  # nothing computed again
    assert seen(again) == seen(first)

    set_cell(tmp_path / "data/noord/instroom.csv", 2, "aantal", "17")
    changed = figures(tmp_path, kept)
    assert seen(changed) == seen(figures(tmp_path))  # never a stale figure
    # Only the rules that read instroom, only for noord; the others' noord figures are reused.
    reading = [d for d in rules if "instroom" in {t.resource for t in d.tallies}]
    assert reading and stored_regions(kept, 2 * len(rules)) == ["noord"] * len(reading)

    before = {f.figure_id: f for f in first}
    differ = {f.figure_id for f in changed if (f.value, f.sources) != (
        before[f.figure_id].value, before[f.figure_id].sources)}
    reached = "deelnemers_bereikt.{}.2023-Q1"
    assert reached.format("noord") in differ and reached.format(TOTAL) in differ
    assert {"kosten_per_deelnemer.noord.2023-Q4", "kosten_per_deelnemer.totaal.2023-Q4",
            "bbp_effect_pct.noord.2023-Q4"} <= differ  # a ratio's and the model's too
    assert not [i for i in differ if ".zuid." in i]
    zuid = [f for f in changed if f.region == "zuid" and f.indicator in {d.id for d in rules}]
    assert zuid and all(f is before[f.figure_id] for f in zuid)  # the very objects: reused
