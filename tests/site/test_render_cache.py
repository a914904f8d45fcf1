"""The render stage reused by content (issue 10, item 1): the pages of a build whose
figures, editions, build facts and narrative are those of an earlier build come from the
cache, equal to pages made afresh; any changed input makes them again.

Real Git repositories (the hand-made package), a real cache folder, the real render stage.
"""

from __future__ import annotations

from pathlib import Path

from generator.cache import Cache
from generator.site.audience import for_region
from generator.site.inputs import load_inputs
from generator.site.render import render, render_parts
from tests.fixtures.handmade_repo import commit_all, set_cell
from tests.site.conftest import site_repo, write

K = 5
INSTROOM = "data/noord/instroom.csv"
QUESTION = "site_src/onderzoeksvragen/1.md"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def rendered(root: Path, docs: Path, cached: bool = True) -> tuple[dict[str, bytes], Cache]:
    """Load and render as a build does, in a new process's cache (nothing kept in memory)."""
    cache = Cache(root / "cache")
    inputs = load_inputs(root, None, K, cache=cache if cached else None)
    render(inputs, docs, cache=cache if cached else None)
    return tree(docs), cache


def test_unchanged_inputs_reuse_the_pages_which_equal_fresh_ones(tmp_path: Path) -> None:
    site_repo(tmp_path)
    first, cold = rendered(tmp_path, tmp_path / "a")
    second, warm = rendered(tmp_path, tmp_path / "b")
    fresh, _ = rendered(tmp_path, tmp_path / "c", cached=False)
    assert (cold.misses["render"], cold.hits["render"]) == (1, 0)
    assert (warm.misses["render"], warm.hits["render"]) == (0, 1)
    assert len(first) > 20 and first == second == fresh


def test_a_changed_cell_makes_the_pages_again(tmp_path: Path) -> None:
    site_repo(tmp_path)
    before, _ = rendered(tmp_path, tmp_path / "a")
    set_cell(tmp_path / INSTROOM, 2, "aantal", "13")
    after, cache = rendered(tmp_path, tmp_path / "b")
    fresh, _ = rendered(tmp_path, tmp_path / "c", cached=False)
    assert (cache.misses["render"], cache.hits["render"]) == (1, 0)
    assert after == fresh and after != before


def test_a_narrative_edit_makes_the_pages_again(tmp_path: Path) -> None:
    site_repo(tmp_path)
    rendered(tmp_path, tmp_path / "a")
    write(tmp_path / QUESTION, "# Wie bereiken we?\n\nEen zin die er eerst niet stond.\n")
    after, cache = rendered(tmp_path, tmp_path / "b")
    assert (cache.misses["render"], cache.hits["render"]) == (1, 0)
    assert any(b"Een zin die er eerst niet stond." in content for content in after.values())


def test_a_commit_of_narrative_only_makes_the_pages_again(tmp_path: Path) -> None:
    """The figures are reused, but every page names the commit it was built from."""
    site_repo(tmp_path)
    write(tmp_path / QUESTION, "# Wie bereiken we?\n")
    rendered(tmp_path, tmp_path / "a")
    second = commit_all(tmp_path, "Write the first question")
    after, cache = rendered(tmp_path, tmp_path / "b")
    assert cache.hits["site-data"] == 1
    assert (cache.misses["render"], cache.hits["render"]) == (1, 0)
    assert any(second.encode() in content for content in after.values())


def test_figures_without_a_content_key_are_never_looked_up(tmp_path: Path) -> None:
    """`verify`'s figures (no cache) have no content key; a region's view has its own."""
    site_repo(tmp_path)
    assert render_parts(load_inputs(tmp_path, None, K), audit=True) is None
    inputs = load_inputs(tmp_path, None, K, cache=Cache(tmp_path / "cache"))
    national = render_parts(inputs, audit=True)
    noord, zuid = (render_parts(for_region(inputs, r), audit=True) for r in ("noord", "zuid"))
    assert national is not None and noord is not None and zuid is not None
    assert len({repr(national["figures"]), repr(noord["figures"]), repr(zuid["figures"])}) == 3
    assert render_parts(inputs, audit=False) != national
