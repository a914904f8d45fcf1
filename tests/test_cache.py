"""Reuse by content (`generator.cache`): a warm build reuses validation and figures, gives
the same bytes, and is never stale; a damaged or deleted cache costs only time.

Everything is real: Git repositories in temporary folders, the validator, the engine and
(for the byte comparison) whole builds with MkDocs. Reuse is seen in the cache's counters.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.build import build_site
from generator import cache as cache_module
from generator.cache import GRACE, Cache, Kept, source_hash
from generator.compute.pipeline import InvalidData
from generator.paths import CACHE
from generator.provenance.verify import verify_site
from generator.site.inputs import load_inputs
from tests.fixtures.handmade_repo import commit_all, set_cell
from tests.site.conftest import site_repo, write
from tests.site.test_editions import edition

INSTROOM = "data/noord/instroom.csv"
NOORD = "deelnemers_bereikt.noord.2023-Q4"
REGIONS = 2
"""Region folders of the hand-made package (noord, zuid): each is validated on its own."""
K = 5


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def entries(cache: Cache) -> list[Path]:
    """The entries (`<kind>/<xx>/<key>.pickle`), not the named stores' file beside them."""
    return sorted(cache.folder.glob("*/*/*.pickle"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Cache, Cache]:
    """One repository built twice: with an empty cache, then with the cache it left."""
    root = tmp_path_factory.mktemp("repo")
    site_repo(root)
    cold, warm = Cache(root / "cache"), Cache(root / "cache")
    build_site(root, root / "cold" / "site", encrypt=False, cache=cold)
    build_site(root, root / "warm" / "site", encrypt=False, cache=warm)
    return root, cold, warm


def test_a_warm_build_reuses_validation_and_figures(built: tuple[Path, Cache, Cache]) -> None:
    root, cold, warm = built
    regions = sum(1 for p in (root / "data").iterdir() if p.is_dir())
    pages = sum(1 for _ in (root / "cold" / "site").rglob("*.html")) - 1  # and a 404 page
    assert regions >= 2 and pages > 10
    # A region is validated on its own only when the whole data set is not found.
    assert (dict(cold.hits), dict(cold.misses)) == (
        {}, {"validation": 1, "validation-region": regions, "site-data": 1, "render": 1,
             "page-html": pages})
    assert (dict(warm.hits), dict(warm.misses)) == (
        {"validation": 1, "site-data": 1, "render": 1, "page-html": pages}, {})


def test_a_warm_build_gives_the_same_bytes(built: tuple[Path, Cache, Cache]) -> None:
    root, _, _ = built
    cold, warm = tree(root / "cold" / "site"), tree(root / "warm" / "site")
    assert len(cold) > 20 and cold == warm


def test_build_site_caches_in_the_repository_by_default(tmp_path: Path) -> None:
    site_repo(tmp_path)
    result = build_site(tmp_path, tmp_path / "site", encrypt=False)
    assert result.cache is not None and result.cache.folder == tmp_path / CACHE
    # the data set, its figures, each region, the pages' Markdown and each page's HTML
    pages = sum(1 for _ in (tmp_path / "site").rglob("*.html")) - 1  # and a 404 page
    assert len(entries(result.cache)) == 3 + REGIONS + pages


def test_verify_computes_from_scratch(built: tuple[Path, Cache, Cache]) -> None:
    root, _, _ = built
    assert verify_site(root, root / "warm" / "site").differences == []
    assert not (root / ".cache").exists()  # nothing read or written by verify


def test_one_changed_cell_changes_the_figure_and_its_return_finds_the_old_entry(
        tmp_path: Path) -> None:
    site_repo(tmp_path)
    cache = Cache(tmp_path / "cache")
    assert load_inputs(tmp_path, None, K, cache=cache).live.get(NOORD).value == 30
    set_cell(tmp_path / INSTROOM, 2, "aantal", "13")
    changed = load_inputs(tmp_path, None, K, cache=cache)
    assert changed.live.get(NOORD).value == 33
    # Only noord, whose file changed, is validated again; zuid's problems are reused.
    assert dict(cache.misses) == {"validation": 2, "validation-region": REGIONS + 1,
                                  "site-data": 2}
    assert dict(cache.hits) == {"validation-region": REGIONS - 1}
    set_cell(tmp_path / INSTROOM, 2, "aantal", "10")  # back to the committed bytes
    assert load_inputs(tmp_path, None, K, cache=cache).live.get(NOORD).value == 30
    assert dict(cache.hits) == {"validation": 1, "validation-region": REGIONS - 1,
                                "site-data": 1}


def test_a_later_data_commit_leaves_the_pinned_edition_reused(tmp_path: Path) -> None:
    first = site_repo(tmp_path)
    edition(tmp_path, first)
    commit_all(tmp_path, "Add an edition")
    load_inputs(tmp_path, None, K, cache=Cache(tmp_path / "cache"))
    set_cell(tmp_path / INSTROOM, 2, "aantal", "13")
    commit_all(tmp_path, "Correct noord's first instroom row")
    cache = Cache(tmp_path / "cache")
    inputs = load_inputs(tmp_path, None, K, cache=cache)
    # the edition, at its pinned commit, and the regions whose files did not change
    assert dict(cache.hits) == {"site-data": 1, "validation-region": REGIONS - 1}
    # the live monitor; of its regions only noord is validated again
    assert dict(cache.misses) == {"validation": 1, "validation-region": 1, "site-data": 1}
    assert inputs.editions[0].data.get(NOORD).value == 30 and inputs.live.get(NOORD).value == 33


def test_a_commit_of_narrative_only_reuses_the_figures_which_name_the_new_commit(
        tmp_path: Path) -> None:
    first = site_repo(tmp_path)
    before = load_inputs(tmp_path, None, K, cache=Cache(tmp_path / "cache")).live
    write(tmp_path / "site_src" / "onderzoeksvragen" / "1.md", "# Wie bereiken we?\n")
    second = commit_all(tmp_path, "Write the first question")
    cache = Cache(tmp_path / "cache")
    live = load_inputs(tmp_path, None, K, cache=cache).live
    assert dict(cache.hits) == {"validation": 1, "site-data": 1} and not cache.misses
    assert before.get(NOORD).commit == first and live.get(NOORD).commit == second
    assert live.commit == second and {f.commit for f in live.figures} == {second}
    assert [(f.figure_id, f.value) for f in live.figures] == [
        (f.figure_id, f.value) for f in before.figures]


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "delete"])
def test_a_damaged_or_deleted_cache_is_ignored_and_written_again(tmp_path: Path,
                                                                 damage: str) -> None:
    site_repo(tmp_path)
    cache = Cache(tmp_path / "cache")
    fresh = load_inputs(tmp_path, None, K, cache=cache).live
    for entry in entries(cache):
        data = entry.read_bytes()
        if damage == "truncate":  # as a write cut short would leave it
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "flip":
            entry.write_bytes(data[:-10] + bytes([data[-10] ^ 1]) + data[-9:])
        elif damage == "garbage":
            entry.write_bytes(b"not a cache entry")
    if damage == "delete":
        shutil.rmtree(cache.folder)
    again = Cache(tmp_path / "cache")
    live = load_inputs(tmp_path, None, K, cache=again).live
    assert dict(again.misses) == {"validation": 1, "validation-region": REGIONS,
                                  "site-data": 1} and not again.hits
    assert [(f.figure_id, f.value) for f in live.figures] == [
        (f.figure_id, f.value) for f in fresh.figures]
    third = Cache(tmp_path / "cache")
    load_inputs(tmp_path, None, K, cache=third)
    assert dict(third.hits) == {"validation": 1, "site-data": 1}  # rewritten whole
    assert not [p for p in third.folder.rglob("*") if p.name.startswith(".")]  # no temp files


def test_the_code_version_covers_every_file_of_the_package(tmp_path: Path) -> None:
    package = Path(__file__).resolve().parents[1] / "generator"
    copy = tmp_path / "generator"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = source_hash(copy)
    assert source_hash(package) == before
    schema = next(copy.glob("contract/schemas/*.json"))
    schema.write_bytes(schema.read_bytes() + b" ")
    after_schema = source_hash(copy)
    write(copy / "compute" / "engine.py", (copy / "compute" / "engine.py").read_text() + "#\n")
    assert len({before, after_schema, source_hash(copy)}) == 3


def test_a_serving_process_gets_the_very_object_back_only_for_equal_carried_objects(
        tmp_path: Path) -> None:
    site_repo(tmp_path)
    cache = Cache(tmp_path / "cache", memory=True)
    first = load_inputs(tmp_path, None, K, cache=cache).live
    cache.finish_build()
    assert load_inputs(tmp_path, None, K, cache=cache).live is first
    set_cell(tmp_path / INSTROOM, 2, "aantal", "13")
    changed = load_inputs(tmp_path, None, K, cache=cache).live
    assert changed is not first and changed.get(NOORD).value == 33


def used(cache: Cache, names: list[str]) -> None:
    """One build that used these entries (made with `through`)."""
    for name in names:
        cache.through("probe", {"name": name}, lambda: name)
    cache.finish_build(prune=False)


def test_pruning_keeps_what_the_last_builds_used_and_what_is_in_use(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    used(cache, ["old"])
    for _ in range(3):
        used(cache, ["kept"])
    names = {p.name: p for p in entries(cache)}
    assert len(names) == 2
    now = time.time()
    assert cache.prune(keep_builds=3, now=now) == []  # "old" was used within the grace
    assert cache.prune(keep_builds=3, now=now + GRACE + 1) == [
        entries_name(cache, "old")]
    assert cache.prune(keep_builds=3, keep_days=1, now=now + 2 * 86400) == [
        entries_name(cache, "kept")]
    assert entries(cache) == []
    # Only the last three builds' records are left.
    assert len(list((cache.folder / "builds").glob("*.txt"))) == 3


def entries_name(cache: Cache, name: str) -> str:
    from generator.cache import cache_key

    key = cache_key("probe", {"name": name})
    return f"probe/{key[:2]}/{key}.pickle"


def test_a_build_prunes_its_cache_and_a_pruned_entry_is_computed_again(tmp_path: Path) -> None:
    site_repo(tmp_path)
    cache = Cache(tmp_path / "cache")
    load_inputs(tmp_path, None, K, cache=cache)
    cache.finish_build()
    for entry in entries(cache):  # unused for longer than anything is kept
        os.utime(entry, (0, 0))
    assert len(cache.prune(keep_builds=0)) == 2 + REGIONS and entries(cache) == []
    again = Cache(tmp_path / "cache")
    assert load_inputs(tmp_path, None, K, cache=again).live.get(NOORD).value == 30
    assert dict(again.misses) == {"validation": 1, "validation-region": REGIONS,
                                  "site-data": 1}


def test_a_region_is_validated_again_only_when_its_files_or_register_entry_change(
        tmp_path: Path) -> None:
    from generator.compute.pipeline import validate_snapshot
    from generator.sources import open_snapshot

    site_repo(tmp_path)
    set_cell(tmp_path / "data/zuid/instroom.csv", 2, "aantal", "twaalf")  # zuid is invalid
    cache = Cache(tmp_path / "cache")

    def problems() -> list[tuple[str, int | None, str | None, str]]:
        with pytest.raises(InvalidData) as invalid:
            validate_snapshot(open_snapshot(tmp_path, None), cache)
        return invalid.value.report.flatten()

    first = problems()
    assert ("data/zuid/instroom.csv", 2, "aantal") in [p[:3] for p in first]
    set_cell(tmp_path / INSTROOM, 2, "aantal", "13")  # noord changes: zuid's problem is reused
    assert problems() == first
    assert cache.hits["validation-region"] == 1 and cache.misses["validation-region"] == 3
    set_cell(tmp_path / "data/regios.csv", 3, "naam", "Testregio Zuid hernoemd")  # zuid's entry
    assert problems() == first
    assert cache.hits["validation-region"] == 2 and cache.misses["validation-region"] == 4
    set_cell(tmp_path / "data/zuid/instroom.csv", 2, "aantal", "12")  # zuid mended
    validate_snapshot(open_snapshot(tmp_path, None), cache)
    assert cache.hits["validation-region"] == 3 and cache.misses["validation-region"] == 5


def test_a_serving_process_writes_its_entries_after_the_build_and_a_new_one_reads_them(
        tmp_path: Path) -> None:
    site_repo(tmp_path)
    serving = Cache(tmp_path / "cache", memory=True)
    first = load_inputs(tmp_path, None, K, cache=serving).live
    assert entries(serving) == []  # nothing pickled while the build runs
    serving.finish_build()
    serving.wait()
    assert len(entries(serving)) == 2 + REGIONS
    fresh = Cache(tmp_path / "cache")
    again = load_inputs(tmp_path, None, K, cache=fresh).live
    assert dict(fresh.hits) == {"validation": 1, "site-data": 1} and not fresh.misses
    assert [(f.figure_id, f.value) for f in again.figures] == [
        (f.figure_id, f.value) for f in first.figures]


def test_kept_drops_the_least_recently_used_entry_first() -> None:
    kept = Kept(2)
    kept["a"], kept["b"] = 1, 2
    assert kept["a"] == 1  # "a" is now the most recent
    kept["c"] = 3
    assert list(kept) == ["a", "c"] and "b" not in kept and len(kept) == 2


def test_a_serving_process_pickles_only_in_a_pause_and_never_holds_many_states(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without fork, entries wait for `IDLE_WRITE` seconds without a rebuild (here: for
    ever), unless more than `MAX_WAITING` rebuilds' entries wait: then the oldest are
    written."""
    monkeypatch.setattr(cache_module, "FORK", False)
    monkeypatch.setattr(cache_module, "IDLE_WRITE", 3600.0)
    serving = Cache(tmp_path / "cache", memory=True)
    writers = []
    for n in range(cache_module.MAX_WAITING + 1):
        serving.through("proef", {"n": n}, lambda n=n: n)
        serving.finish_build(prune=False)
        writers.append(serving._writer)
        if n == 0:
            assert writers[0] is not None and writers[0].is_alive() and entries(serving) == []
    writers[0].join(timeout=60)  # the oldest no longer waits for a pause
    assert not writers[0].is_alive() and len(entries(serving)) == 1
    assert all(w is not None and w.is_alive() for w in writers[1:])
    serving.wait()  # a process that ends writes the rest without a pause
    assert len(entries(serving)) == cache_module.MAX_WAITING + 1


def test_entries_wait_from_the_start_of_a_build_not_from_its_first_entry(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without fork, a rebuild reads the working tree before its first entry: from
    `begin_build` on, the last rebuild's entries wait, however long the pause before it
    was."""
    monkeypatch.setattr(cache_module, "FORK", False)
    now = [0.0]
    serving = Cache(tmp_path / "cache", memory=True, clock=lambda: now[0])
    serving.begin_build()
    serving.through("proef", {"n": 1}, lambda: 1)
    serving.finish_build(prune=False)
    writer = serving._writer
    assert writer is not None
    serving.begin_build()
    now[0] += 10 * cache_module.IDLE_WRITE  # long after the last build ended, but in one
    writer.join(timeout=0.5)
    assert writer.is_alive() and entries(serving) == []
    serving.finish_build(prune=False)
    now[0] += 10 * cache_module.IDLE_WRITE
    writer.join(timeout=60)
    assert not writer.is_alive() and len(entries(serving)) == 1


def until(condition: Callable[[], Any], limit: float = 60.0) -> Any:
    """`condition()` once it is true, polled; False after `limit` seconds."""
    deadline = time.monotonic() + limit
    while not (found := condition()) and time.monotonic() < deadline:
        time.sleep(0.01)
    return found


class PickledWhere:
    """Pickles as "x", once `go` exists (or after 60 s); `where` then names the process
    that pickled it. `started`, if given, is touched when the pickling begins."""

    def __init__(self, go: Path, where: Path, started: Path | None = None) -> None:
        self.go, self.where, self.started = go, where, started

    def __reduce__(self) -> tuple[type, tuple[str]]:
        if self.started is not None:
            self.started.touch()
        deadline = time.monotonic() + 60
        while not self.go.exists() and time.monotonic() < deadline:
            time.sleep(0.01)  # the writer waits for the test, never the test for a time
        self.where.write_text(str(os.getpid()))
        return (str, ("x",))


@pytest.mark.skipif(not cache_module.FORK, reason="fork is used on Linux only")
def test_a_serving_process_pickles_in_a_forked_child_and_goes_on_at_once(
        tmp_path: Path) -> None:
    go, where = tmp_path / "go", tmp_path / "where"
    serving = Cache(tmp_path / "cache", memory=True)
    serving.begin_build()
    serving.through("proef", {"n": 1}, lambda: PickledWhere(go, where))
    serving.finish_build(prune=False)
    # The build is over while its entry is not pickled yet, and no thread of ours waits.
    assert entries(serving) == [] and not where.exists() and serving._writer is None
    go.touch()
    child = until(lambda: where.exists() and where.read_text() and int(where.read_text()))
    assert child != os.getpid()  # pickled by another process
    # Once done it is reaped without anyone calling `wait` (no zombie in `ps`).
    assert until(lambda: not Path(f"/proc/{child}").exists())
    serving.wait()
    fresh = Cache(tmp_path / "cache")
    assert fresh.through("proef", {"n": 1}, lambda: pytest.fail("not written")) == "x"
    assert serving._children == []


@pytest.mark.skipif(not cache_module.FORK, reason="fork is used on Linux only")
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGHUP], ids=["SIGINT", "SIGHUP"])
def test_a_ctrl_c_at_the_terminal_does_not_stop_a_forked_writer(
        tmp_path: Path, stop: signal.Signals) -> None:
    """Ctrl-C (or a closed terminal) reaches the whole process group: the writer goes on
    and its entry is there for the next start (the stopping process waits for it)."""
    go, started = tmp_path / "go", tmp_path / "started"
    serving = Cache(tmp_path / "cache", memory=True)
    serving.through("proef", {"n": 1}, lambda: PickledWhere(go, tmp_path / "where", started))
    serving.finish_build(prune=False)
    assert until(started.exists)
    os.kill(serving._children[0].pid, stop)
    go.touch()
    assert serving.wait(cache_module.SHUTDOWN_WAIT)
    assert Cache(tmp_path / "cache").through("proef", {"n": 1},
                                             lambda: pytest.fail("not written")) == "x"


@pytest.mark.skipif(not cache_module.FORK, reason="fork is used on Linux only")
def test_a_writer_still_at_work_after_the_wait_is_stopped_and_leaves_no_entry(
        tmp_path: Path) -> None:
    """A stopping `serve` does not hang on a writer that does not end (`SHUTDOWN_WAIT`)."""
    go, started = tmp_path / "go", tmp_path / "started"  # `go` never comes
    serving = Cache(tmp_path / "cache", memory=True)
    serving.through("proef", {"n": 1}, lambda: PickledWhere(go, tmp_path / "where", started))
    serving.finish_build(prune=False)
    assert until(started.exists) and serving.writing()
    pid = serving._children[0].pid
    begun = time.monotonic()
    assert serving.wait(0.2) is False
    assert time.monotonic() - begun < 30  # not the child's 60 s
    assert not Path(f"/proc/{pid}").exists()  # stopped and reaped
    assert not serving.writing() and serving._children == []
    assert entries(serving) == [] and not list((tmp_path / "cache").glob("*/*/.*"))


@pytest.mark.skipif(not cache_module.FORK, reason="fork is used on Linux only")
def test_forked_writers_are_never_more_than_max_children(tmp_path: Path) -> None:
    """With `MAX_CHILDREN` writers still pickling, the next build waits for the oldest."""
    go, where = tmp_path / "go", tmp_path / "where"  # `go` absent: the children wait
    serving = Cache(tmp_path / "cache", memory=True)
    for n in range(cache_module.MAX_CHILDREN):
        serving.through("proef", {"n": n}, lambda: PickledWhere(go, where))
        serving.finish_build(prune=False)
    assert len(serving._children) == cache_module.MAX_CHILDREN
    oldest, joined = serving._children[0], []
    join = oldest.join

    def waited(*args: object) -> None:  # the test lets the children finish once asked
        joined.append(True)
        go.touch()
        join(*args)  # type: ignore[arg-type]

    oldest.join = waited  # type: ignore[method-assign]
    serving.through("proef", {"n": "more"}, lambda: PickledWhere(go, where))
    serving.finish_build(prune=False)
    assert joined and len(serving._children) <= cache_module.MAX_CHILDREN
    serving.wait()
    assert len(entries(serving)) == cache_module.MAX_CHILDREN + 1


@pytest.fixture
def named(monkeypatch: pytest.MonkeyPatch) -> Iterator[Kept]:
    """A store kept by content, and a process that has not read any folder's stores yet."""
    monkeypatch.setattr(cache_module, "_saved", cache_module._Saved())
    store = Kept(10, name="proef-store")
    yield store
    del cache_module._NAMED["proef-store"]


def test_a_new_serving_process_reads_the_named_stores_the_last_one_left(
        tmp_path: Path, named: Kept) -> None:
    last = Cache(tmp_path / "cache", memory=True)
    named["model"] = "result"
    last.through("proef", {"n": 1}, lambda: 1)
    last.finish_build(prune=False)
    last.wait()
    assert (tmp_path / "cache" / cache_module.KEPT_FILE).is_file()

    named._items.clear()  # a new process: nothing kept, nothing read yet
    cache_module._saved = cache_module._Saved()
    Cache(tmp_path / "cache", memory=True)
    assert not named._items  # read on first use, not before
    assert "model" in named and named["model"] == "result"


def test_named_stores_of_other_code_are_not_read(tmp_path: Path, named: Kept,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    last = Cache(tmp_path / "cache", memory=True)
    named["model"] = "result"
    last.through("proef", {"n": 1}, lambda: 1)
    last.finish_build(prune=False)
    last.wait()
    named._items.clear()
    cache_module._saved = cache_module._Saved()
    monkeypatch.setattr(cache_module, "code_version", lambda: "other code")
    Cache(tmp_path / "cache", memory=True)
    assert "model" not in named


def test_a_build_writes_the_named_stores_when_it_computed_something(
        tmp_path: Path, named: Kept) -> None:
    """At once (no fork, no thread: a build ends with it), and a build that only read
    entries leaves the last file alone."""
    folder = tmp_path / "cache"
    built = Cache(folder)
    named["model"] = "result"
    built.through("proef", {"n": 1}, lambda: 1)
    built.finish_build(prune=False)
    written = (folder / cache_module.KEPT_FILE).read_bytes()
    named["later"] = "not written"
    again = Cache(folder)
    assert again.through("proef", {"n": 1}, lambda: pytest.fail("not reused")) == 1
    again.finish_build(prune=False)
    assert (folder / cache_module.KEPT_FILE).read_bytes() == written

    named._items.clear()  # the next build, in a new process, reads it on first use
    cache_module._saved = cache_module._Saved()
    Cache(folder)
    assert named.get("model") == "result" and "later" not in named


def test_an_entry_found_whole_but_unreadable_is_made_when_first_read(tmp_path: Path) -> None:
    """`later` checks the checksum at once and unpickles only when asked; an entry that
    then cannot be unpickled (a pickle of another shape) is made and written again."""
    import hashlib
    import zlib

    cache = Cache(tmp_path / "cache")
    assert cache.later("probe", {"n": 1}, lambda: "made") is None  # not there
    cache.through("probe", {"n": 1}, lambda: "stored")
    entry, = entries(cache)
    packed = zlib.compress(b"not a pickle")
    entry.write_bytes(cache_module._MAGIC + hashlib.sha256(packed).digest() + packed)
    again = Cache(tmp_path / "cache")
    read = again.later("probe", {"n": 1}, lambda: "made")
    assert read is not None and dict(again.hits) == {"probe": 1}
    assert read() == "made" and dict(again.misses) == {"probe": 1} and not +again.hits
    third = Cache(tmp_path / "cache")
    read = third.later("probe", {"n": 1}, lambda: "made again")
    assert read is not None and read() == "made"  # written again, read from the folder
    assert third.later("probe", {"n": 2}, lambda: "other") is None
