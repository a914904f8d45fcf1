"""`impactmonitor serve`'s rebuilds: MkDocs' dirty reload with the plugin kept between them.

`Serving` is the loop of `mkdocs serve --dirty` without its HTTP server (the benchmark
`tests/benchmarks/bench_site.py` runs the real `impactmonitor serve`): the configuration
loaded again for every rebuild (MkDocs hands back the same plugin instance), one startup,
dirty builds into one site folder. Builds are real: Git repository, validator, engine,
render stage, MkDocs with Material.
"""

from __future__ import annotations

import gc
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from generator.mkdocs_plugin.plugin import SERVE_GC, ImpactmonitorPlugin
from tests.fixtures.handmade_repo import set_cell
from tests.site.conftest import site_repo, write

INSTROOM = "data/noord/instroom.csv"
NOORD = "deelnemers_bereikt.noord.2023-Q4"
QUESTION = "site_src/onderzoeksvragen/1.md"
NARRATIVE = "# Wie bereiken we?\n\nWe bereikten {{ kpi('deelnemers_bereikt') }} deelnemers.\n"
SERVE_URL = "http://127.0.0.1:8000/"


class Serving:
    def __init__(self, root: Path, site_dir: Path) -> None:
        self.root, self.site_dir = root, site_dir
        self.config: MkDocsConfig | None = None

    def rebuild(self) -> ImpactmonitorPlugin:
        first = self.config is None
        self.config = load_config(config_file=str(self.root / "mkdocs.yml"),
                                  site_dir=str(self.site_dir))
        if first:
            self.config.plugins.on_startup(command="serve", dirty=True)
        self.config.site_url = SERVE_URL
        build(self.config, serve_url=SERVE_URL, dirty=True)
        plugin = self.config.plugins["impactmonitor"]
        assert isinstance(plugin, ImpactmonitorPlugin)
        return plugin

    def close(self) -> None:
        if self.config is not None:
            self.config.plugins.on_shutdown()

    def page(self, url: str) -> str:
        return (self.site_dir / url / "index.html").read_text(encoding="utf-8")

    def written(self) -> dict[str, int]:
        return {p.relative_to(self.site_dir).as_posix(): p.stat().st_mtime_ns
                for p in self.site_dir.rglob("*.html")}


@pytest.fixture
def serving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("IMPACTMONITOR_CHROMIUM", str(tmp_path / "no-chromium"))
    site_repo(tmp_path / "repo")
    serving = Serving(tmp_path / "repo", tmp_path / "site")
    yield serving
    serving.close()


def shown(html: str, figure_id: str) -> list[str]:
    """The values a page shows for one figure (cards, tables)."""
    return re.findall(rf'data-figure-id="{re.escape(figure_id)}"><a href="[^"]*">([^<]+)<', html)


def builders(plugin: ImpactmonitorPlugin) -> list[str]:
    assert plugin._memo is not None
    return [name.rsplit(".", 2)[-2] for name in plugin._memo.ran]


def test_a_changed_cell_shows_its_new_value_after_the_rebuild(serving: Serving) -> None:
    serving.rebuild()
    assert set(shown(serving.page("regios/noord"), NOORD)) == {"30"}
    set_cell(serving.root / INSTROOM, 2, "aantal", "13")
    plugin = serving.rebuild()
    assert set(shown(serving.page("regios/noord"), NOORD)) == {"33"}
    assert "home" in builders(plugin) and "regions" in builders(plugin)
    set_cell(serving.root / INSTROOM, 2, "aantal", "10")  # back: the kept figures again
    serving.rebuild()
    assert set(shown(serving.page("regios/noord"), NOORD)) == {"30"}


def test_a_saved_narrative_rebuilds_its_page_and_no_other(serving: Serving) -> None:
    write(serving.root / QUESTION, NARRATIVE)
    first = serving.rebuild()
    assert first._cache is not None
    misses = dict(first._cache.misses)
    before = serving.written()
    write(serving.root / QUESTION, NARRATIVE + "\nEen zin die er net bij kwam.\n")
    plugin = serving.rebuild()
    assert "Een zin die er net bij kwam." in serving.page("onderzoeksvragen/1")
    after = serving.written()
    changed = sorted(page for page, written in after.items() if before.get(page) != written)
    # 404.html is a theme template, which MkDocs writes on every build.
    assert changed == ["404.html", "onderzoeksvragen/1/index.html"]
    # Only the builders that read site_src/ ran; the figures were not read again.
    assert builders(plugin) == ["questions", "guide"]
    assert plugin._cache is first._cache and dict(plugin._cache.misses) == misses


def test_a_changed_title_reaches_the_navigation_of_every_page(serving: Serving) -> None:
    write(serving.root / QUESTION, NARRATIVE)
    serving.rebuild()
    assert "Wie bereiken we?" in serving.page("")
    write(serving.root / QUESTION, NARRATIVE.replace("Wie bereiken we?",
                                                     "Een nieuwe vraag voor de test"))
    serving.rebuild()
    pages = sorted(serving.site_dir.rglob("*.html"))
    assert len(pages) > 20
    assert [p for p in pages if "Een nieuwe vraag voor de test" not in p.read_text("utf-8")] == []


def test_serving_collects_garbage_less_often_and_puts_the_thresholds_back() -> None:
    before = gc.get_threshold()
    building = ImpactmonitorPlugin()
    building.on_startup(command="build", dirty=False)
    assert gc.get_threshold() == before  # a build leaves the process as it was
    serving = ImpactmonitorPlugin()
    serving.on_startup(command="serve", dirty=True)
    try:
        assert gc.get_threshold() == SERVE_GC != before
        serving.on_startup(command="serve", dirty=True)  # a second start keeps the first's
    finally:
        serving.on_shutdown()
    assert gc.get_threshold() == before


def test_a_serving_process_has_the_validator_before_the_first_save(tmp_path: Path) -> None:
    """A start on a warm cache reads the validation reports, so nothing imported the
    validator (Frictionless); `on_serve` does, so that the first save does not."""
    site_repo(tmp_path / "repo")
    script = (
        "import sys\n"
        "from mkdocs.config import load_config\n"
        "from mkdocs.livereload import LiveReloadServer\n"
        "from generator.mkdocs_plugin.plugin import ImpactmonitorPlugin\n"
        f"config = load_config(config_file={str(tmp_path / 'repo/mkdocs.yml')!r})\n"
        "before = 'generator.validate' in sys.modules\n"
        "server = LiveReloadServer(builder=lambda: None, host='127.0.0.1', port=0,\n"
        f"                          root={str(tmp_path)!r})\n"
        "ImpactmonitorPlugin().on_serve(server, config=config, builder=None)\n"
        "print(before, 'generator.validate' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=tmp_path, check=True)
    assert done.stdout.split() == ["False", "True"]
