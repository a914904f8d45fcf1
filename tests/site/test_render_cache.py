"""The render stage reused by content (issue 10, item 1): the pages of a build whose
figures, editions, build facts and narrative are those of an earlier build come from the
cache, equal to pages made afresh; any changed input makes them again. The figures
themselves are then never unpickled.

Real Git repositories (the hand-made package), a real cache folder, the real render stage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cache as cache_module
from generator.build import build_site
from generator.cache import Cache
from generator.publish.sitedata import SiteData, content_key
from generator.site.audience import for_region
from generator.site.inputs import load_inputs
from generator.site.render import render, render_parts
from tests.fixtures.handmade_repo import commit_all, set_cell
from tests.site.conftest import page, site_repo, write

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


def test_a_build_whose_pages_are_found_never_unpickles_the_figures(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The site data are read only when a page builder needs them: after a narrative edit,
    not in a build of the same inputs."""
    site_repo(tmp_path)
    build_site(tmp_path, tmp_path / "a", encrypt=False, cache=Cache(tmp_path / "cache"))
    unpickled: list[str] = []
    unpickle = cache_module._unpickle

    def noting(payload: bytes, carried: object, path: Path) -> object:
        unpickled.append(path.parent.parent.name)
        return unpickle(payload, carried, path)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_module, "_unpickle", noting)
    cache = Cache(tmp_path / "cache")
    build_site(tmp_path, tmp_path / "b", encrypt=False, cache=cache)
    assert cache.hits["site-data"] == 1 and "site-data" not in unpickled
    assert "render" in unpickled and tree(tmp_path / "a") == tree(tmp_path / "b")
    write(tmp_path / QUESTION, "# Wie bereiken we?\n\nEen nieuwe zin.\n")
    unpickled.clear()
    build_site(tmp_path, tmp_path / "c", encrypt=False, cache=Cache(tmp_path / "cache"))
    assert unpickled.count("site-data") == 1
    assert "Een nieuwe zin." in page(tmp_path / "c", "onderzoeksvragen/1")


def test_deferred_figures_become_the_site_data_read_and_keep_their_identity(
        tmp_path: Path) -> None:
    site_repo(tmp_path)
    fresh = load_inputs(tmp_path, None, K).live
    load_inputs(tmp_path, None, K, cache=Cache(tmp_path / "cache"))
    live = load_inputs(tmp_path, None, K, cache=Cache(tmp_path / "cache")).live
    before, key = id(live), content_key(live)
    assert type(live) is not SiteData and key is not None  # not read yet
    assert [(f.figure_id, f.value) for f in live.figures] == [
        (f.figure_id, f.value) for f in fresh.figures]
    assert type(live) is SiteData and id(live) == before and content_key(live) == key
