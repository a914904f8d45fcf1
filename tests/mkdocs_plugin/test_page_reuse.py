"""A page's HTML reused by content across builds (`generator/mkdocs_plugin/page_reuse.py`).

Real builds (`build_site`, real MkDocs) of the hand-made package in a real Git repository,
with a real cache folder.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.build import _config, _plugin, build_site
from generator.cache import Cache
from generator.mkdocs_plugin.page_reuse import KIND
from tests.site.conftest import page, site_repo, write

QUESTION = "site_src/onderzoeksvragen/1.md"
BROKEN = "bestaat-niet.md"


def build(root: Path, out: str) -> Cache:
    cache = Cache(root / "cache")
    build_site(root, root / out, encrypt=False, cache=cache)
    return cache


def test_an_edited_page_alone_is_converted_again(tmp_path: Path) -> None:
    site_repo(tmp_path)
    write(tmp_path / QUESTION, "# Wie bereiken we?\n\nDe eerste zin.\n")
    first = build(tmp_path, "a")
    write(tmp_path / QUESTION, "# Wie bereiken we?\n\nDe *tweede* zin.\n")
    second = build(tmp_path, "b")
    pages = first.misses[KIND]
    assert pages > 10 and first.hits[KIND] == 0
    assert (second.misses[KIND], second.hits[KIND]) == (1, pages - 1)
    assert "De <em>tweede</em> zin." in page(tmp_path / "b", "onderzoeksvragen/1")


def test_what_the_conversion_logged_is_logged_again_on_reuse(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A broken link stays a warning in every build (and fails a strict one)."""
    site_repo(tmp_path)
    write(tmp_path / QUESTION, f"# Wie bereiken we?\n\nZie [dit]({BROKEN}).\n")
    said = []
    for out in ("a", "b"):
        caplog.clear()
        with caplog.at_level(logging.INFO):
            cache = build(tmp_path, out)
        said.append([(r.name, r.levelno, r.getMessage()) for r in caplog.records
                     if BROKEN in r.getMessage()])
    assert cache.hits[KIND] > 10 and not cache.misses[KIND]
    assert len(said[0]) == 1 and said[0][0][1] == logging.WARNING
    assert said[1] == said[0]


def test_an_extension_that_reads_other_files_turns_reuse_off(tmp_path: Path) -> None:
    """`pymdownx.snippets` includes files the key does not hold: no page is reused."""
    site_repo(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - pymdownx.superfences\n", "  - pymdownx.superfences\n  - pymdownx.snippets\n"),
        encoding="utf-8")
    assert "pymdownx.snippets" in config.read_text(encoding="utf-8")
    for out in ("a", "b"):
        cache = build(tmp_path, out)
        assert cache.hits[KIND] == cache.misses[KIND] == 0
    assert not (tmp_path / "cache" / KIND).exists()


def test_a_build_after_serve_in_one_process_reuses_by_content(tmp_path: Path) -> None:
    """MkDocs hands a later `load_config` of the same plugins the same plugin instance: a
    build after a serve session in one process must not keep serve's memo (and so convert
    every page itself, unseen by the cache)."""
    site_repo(tmp_path)
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"),
                         site_dir=str(tmp_path / "served"))
    plugin = config.plugins["impactmonitor"]
    config.plugins.on_startup(command="serve", dirty=True)
    mkdocs_build(config, dirty=True)
    config.plugins.on_shutdown()
    cache = Cache(tmp_path / "cache")
    build_site(tmp_path, tmp_path / "built", encrypt=False, cache=cache)
    assert _plugin(_config(tmp_path, tmp_path / "x")) is plugin  # the same instance
    assert cache.misses["render"] == 1 and cache.misses[KIND] > 10
