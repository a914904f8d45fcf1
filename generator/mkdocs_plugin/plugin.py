"""`ImpactmonitorPlugin`: the render stage as MkDocs events.

- `on_config`: validate and compute (unless `impactmonitor build` already did, see
  `preload`), render the pages into a staging folder, point `docs_dir` at it, set the
  navigation, stylesheets, scripts and the example-data notice, and fix the build date.
- `on_serve`: watch data/, indicators/ and site_src/ instead of the staging folder, so
  `mkdocs serve` reloads when a data file or a narrative changes; the server's thread
  starts whole and never keeps the process alive (`_stoppable`); the validator is imported
  now, not at the first save (a warm start reads the reports and never needed it).
- `on_post_build`: the after-HTML steps (the editions' PDFs) get the edition pages that
  were written again; the theme's source maps and unused search languages are removed
  (`prune.py`); the cache records what it used and prunes itself.
- `on_page_markdown` / `on_page_content`: marked blocks of finished HTML (the audit
  entries) are lifted out before Markdown and put back after it (`site/rawhtml.py`). In a
  build (not `serve`) with a cache, a page's Markdown is converted to HTML only when no
  earlier build converted the same page in the same site (`page_reuse.py`).
- `on_page_context`: around Material's search plugin, which indexes the page then: it
  gets the page without the parts that cannot change its index (the region chart sections
  it leaves out, tables as their bare text), and the real page is put back before the
  theme renders it (`searchcut.py`; the same index and pages, a fraction of the parsing).
- `on_shutdown`: wait for the cache's writers (at most `SHUTDOWN_WAIT`), remove the
  staging folder.

A build that `impactmonitor build` does not encrypt afterwards (plain `mkdocs build` and
`mkdocs serve` included) marks every page "niet versleuteld — alleen voor lokaal
voorbeeld" and logs a warning (a serving process once, not at every rebuild): MkDocs alone
never makes a publishable site.

In `mkdocs serve` the audit pages are left out unless `serve_audit` is set: they are most
of the Markdown, and a researcher previewing a narrative wants a quick rebuild. A serving
process keeps its work between rebuilds: the cache in memory (validation and figures of
unchanged data are not read again), the render memo (a page builder whose inputs did not
change is not run again, `generator/site/memo.py`) and, with MkDocs' dirty reload
(`impactmonitor serve` always, `mkdocs serve --dirty`), MkDocs itself builds only the
pages whose Markdown the render stage rewrote (the cache entries a rebuild computed are
written after it, by a forked child, or a thread in a pause where fork is not safe,
`generator.cache`; the garbage collector runs less often,
`SERVE_GC`); when the navigation, the theme's settings or mkdocs.yml change, every page
counts as changed. A rebuild that takes a while shows its stages on a terminal
(`generator.progress`), with the seconds of each at the end.

Fatal problems (invalid data, a broken narrative or edition) are `PluginError`s.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from material.plugins.search.plugin import SearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from generator.cache import SHUTDOWN_WAIT, Cache
from generator.compute.pipeline import InvalidData
from generator.errors import UserError
from generator.mkdocs_plugin.config import ImpactmonitorConfig
from generator.mkdocs_plugin import searchcut
from generator.mkdocs_plugin.page_reuse import PageReuse
from generator.mkdocs_plugin.prune import prune
from generator.progress import HTML, PDF, RENDER, SERVE_QUIET, Progress
from generator.site import hooks, rawhtml
from generator.site.inputs import SITE_SRC, load_inputs
from generator.site.memo import RenderMemo
from generator.site.outputs import SiteInputs
from generator.site.render import RenderResult, render
from generator.sources import SNAPSHOT_DIRS
from generator.stopping import held

log = get_plugin_logger("impactmonitor")  # its lines read "impactmonitor: ..."
OVERRIDES = Path(__file__).parent / "overrides"
EPOCH = "SOURCE_DATE_EPOCH"
SERVE_GC = (50_000, 20, 10)
"""The cyclic garbage collector's thresholds while serving. A serving process holds
hundreds of thousands of figures and a rebuild allocates millions of objects: at Python's
default (700, 10, 10) the collector ran some 1.500 times per one-CSV save at 20 regions,
1 to 4 s of it. Fewer young collections, and the old generation still collected about
once per rebuild, so memory stays bounded."""
PREVIEW = "Niet versleuteld — alleen voor lokaal voorbeeld"
"""Every page of a build that is not encrypted says so (plain `mkdocs build`/`serve`,
`impactmonitor serve`, `impactmonitor build --unencrypted-preview`)."""


class ImpactmonitorPlugin(BasePlugin[ImpactmonitorConfig]):
    def __init__(self) -> None:
        self._preloaded: SiteInputs | None = None
        self._staging: Path | None = None
        self._result: RenderResult | None = None
        self._epoch_before: str | None = None
        self._epoch_set = False
        self._command = "build"
        self._raw: dict[str, list[str]] = {}
        self._unsearched: dict[str, str] = {}
        self._encrypted = False
        self._scripts: dict[str, bytes] = {}
        self._progress = Progress()
        self._audience = ""
        self._dirty = False
        self._cache: Cache | None = None
        self._caller_cache: Cache | None = None
        self._page_reuse: PageReuse | None = None
        self._pdf_cache: Cache | None = None
        self._memo: RenderMemo | None = None
        self._layout: str | None = None
        self._editions_before: dict[Path, int] = {}
        self._own_progress = False
        self._html_stage: Any = None
        self._gc_before: tuple[int, ...] | None = None
        self._warned = False
        self.failure: str | None = None
        """The message of the last fatal problem, for callers that drive MkDocs themselves
        (MkDocs logs a PluginError and raises a generic Abort)."""

    def preload(self, inputs: SiteInputs, *, encrypted: bool = False,
                scripts: Mapping[str, bytes] | None = None,
                progress: Progress | None = None, audience: str = "",
                cache: Cache | None = None) -> None:
        """Use inputs already validated and computed (by `impactmonitor build`) once.

        `encrypted`: the build encrypts what MkDocs writes, so the pages carry no
        "niet versleuteld" banner; `scripts` (site path -> bytes) go on every page
        (the encrypted site's "Afmelden" button). `progress` is told when the pages
        are rendered and the PDFs printed, for `audience`. The pages are reused by
        content from the caller's `cache` (which the caller records and prunes).
        """
        self._preloaded = inputs
        self._caller_cache = cache
        self._encrypted = encrypted
        self._scripts = dict(scripts or {})
        self._progress = Progress() if progress is None else progress
        self._audience = audience

    # -- events ----------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command
        self._dirty = dirty
        if command == "serve":  # one process, many builds: keep their work
            self._memo = RenderMemo()
            if self._gc_before is None:
                self._gc_before = gc.get_threshold()
                gc.set_threshold(*SERVE_GC)
        else:  # MkDocs hands the same instance to a later build of the same process
            self._memo, self._cache = None, None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.failure = None
        self._own_progress = self._preloaded is None
        if self._own_progress:  # `mkdocs build`/`serve`; `impactmonitor build` hands its own
            self._progress = Progress.for_terminal(
                after=SERVE_QUIET if self._command == "serve" else 0.0)
        inputs = self._inputs(config)
        cache, self._caller_cache = self._caller_cache or self._cache, None
        with self._progress.stage(RENDER, self._audience):
            self._result = result = self._render(inputs, cache)
        # A build's pages go through the cache; a serving process converts only the pages
        # the render stage wrote again (the dirty reload) and keeps nothing of them.
        self._page_reuse = (PageReuse(cache, config) if cache is not None and self._memo is None
                            and PageReuse.possible(config) else None)
        self._pdf_cache = cache  # an edition's PDF is reused by content (`site/pdf.py`)
        config.docs_dir = str(result.docs_dir)
        config.nav = result.nav
        for path, content in self._scripts.items():
            target = result.docs_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        config.extra_css = _merged(result.extra_css, config.extra_css)
        config.extra_javascript = _merged([*result.extra_javascript, *self._scripts],
                                          config.extra_javascript)
        if not self._encrypted and not self._warned:  # `serve`: once, not at every save
            log.warning("De site wordt niet versleuteld: elke pagina zegt 'niet versleuteld "
                        "— alleen voor lokaal voorbeeld'. Publiceer alleen wat "
                        "'impactmonitor build' met de wachtwoorden maakt.")
            self._warned = self._command == "serve"
        config.extra["impactmonitor"] = {"banner": result.banner,
                                         "preview": None if self._encrypted else PREVIEW,
                                         # overrides/main.html adds them to chart pages only
                                         "chart_scripts": result.chart_javascript,
                                         # only with a search to hold back
                                         "search_script": result.search_javascript
                                         if _has_search(config) else None}
        if str(OVERRIDES) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(OVERRIDES))
        self._fix_build_date(inputs.facts.epoch)
        if self._dirty:
            self._mark_all_changed_on_new_layout(config, result)
        self._editions_before = self._edition_html(config, result)
        if self._own_progress:
            self._html_stage = self._progress.stage(HTML, self._audience)
            self._html_stage.__enter__()
        return config

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Any) -> str:
        # Finished HTML blocks (the audit entries) skip Markdown: see site/rawhtml.py.
        lifted, self._raw[page.file.src_uri] = rawhtml.lift(markdown)
        if self._page_reuse is not None:
            self._page_reuse.wrap(page)
        return lifted

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Any) -> str:
        return rawhtml.restore(html, self._raw.pop(page.file.src_uri, []))

    # Material's search indexes a page in its `on_page_context` (priority 0): the first
    # handler gives it the page without what it would drop or only read the text of
    # (`searchcut.py`), the second puts the page back as Material would have left it.
    @event_priority(50)
    def _page_for_search(self, context: dict[str, Any], /, *, page: Page,
                         config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        if _material_search(config) and not (page.meta.get("search") or {}).get("exclude"):
            self._unsearched[page.file.src_uri] = page.content
            page.content = searchcut.searched_part(page.content)
        return context

    @event_priority(-50)
    def _page_after_search(self, context: dict[str, Any], /, *, page: Page,
                           config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        content = self._unsearched.pop(page.file.src_uri, None)
        if content is not None:
            page.content = searchcut.as_search_leaves_it(content)
        return context

    on_page_context = CombinedEvent(_page_for_search, _page_after_search)

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig,
               files: Any) -> jinja2.Environment:
        # MkDocs makes a new theme environment for every build; compiling the theme's
        # templates again is a quarter of a serve rebuild and repeats per audience.
        if env.bytecode_cache is None:
            env.bytecode_cache = _THEME_TEMPLATES
        return env

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        if self._staging is not None:
            server.unwatch(str(self._result.docs_dir if self._result else self._staging))
        root = _root(config)
        for name in (*SNAPSHOT_DIRS, SITE_SRC):
            if (root / name).is_dir():
                server.watch(str(root / name))
        _stoppable(server)
        # A build on a warm cache reads the validation reports and never imports the
        # validator (Frictionless: some 0,3 s); the first save would. Import it now.
        importlib.import_module("generator.validate")
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._end_html_stage()
        if self._result is not None:
            site_dir = Path(config.site_dir)
            # Only pages MkDocs wrote again (a dirty rebuild leaves the others and their PDFs)
            pages = [page for page, before in self._edition_html(config, self._result).items()
                     if before != self._editions_before.get(page)]
            with self._progress.stage(PDF, self._audience):
                hooks.after_html(site_dir, pages, self._pdf_cache)
        prune(Path(config.site_dir), _search_languages(config))
        if self._cache is not None:
            self._cache.finish_build()
        self._restore_build_date()
        if self._own_progress:
            self._progress.finish()

    def on_build_error(self, *, error: Exception) -> None:
        self._end_html_stage()
        self._restore_build_date()
        if self._own_progress:
            self._progress.finish(summary=False)

    def on_shutdown(self) -> None:
        if self._cache is not None:  # the last rebuild's entries, written after it
            if self._cache.writing():
                log.info("De cache voor de volgende start wordt nog weggeschreven (hooguit "
                         f"{SHUTDOWN_WAIT:.0f} s; nogmaals Ctrl-C stopt direct).")
            self._cache.wait(SHUTDOWN_WAIT)
        if self._gc_before is not None:
            gc.set_threshold(*self._gc_before)
            self._gc_before = None
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None

    # -- helpers ---------------------------------------------------------------------------

    def _inputs(self, config: MkDocsConfig) -> SiteInputs:
        if self._preloaded is not None:
            inputs, self._preloaded = self._preloaded, None
            self._cache = None  # the caller's: it records and prunes it
            return inputs
        try:
            root = _root(config)
            if self._cache is None or self._cache.folder != Cache.at(root).folder:
                self._cache = Cache.at(root, memory=self._command == "serve")
            self._cache.begin_build()  # from here the last rebuild's entries wait
            return load_inputs(root, self.config.ref, self.config.k_anonymity,
                               self.config.repo_url, cache=self._cache,
                               progress=self._progress)
        except InvalidData as invalid:
            raise self._fail(f"{invalid.report.to_text()}\n{invalid.message}") from None
        except UserError as error:
            raise self._fail(error.message) from None

    def _render(self, inputs: SiteInputs, cache: Cache | None) -> RenderResult:
        if self._staging is None:
            # Kept across rebuilds of `mkdocs serve`: only changed files are rewritten.
            self._staging = Path(tempfile.mkdtemp(prefix="impactmonitor-docs-"))
        try:
            audit = self._command != "serve" or self.config.serve_audit
            return render(inputs, self._staging / "docs", audit=audit, memo=self._memo,
                          cache=cache)
        except UserError as error:
            raise self._fail(error.message) from None

    def _mark_all_changed_on_new_layout(self, config: MkDocsConfig, result: RenderResult) -> None:
        """A dirty rebuild writes only pages whose source is newer than their HTML. Every
        page shows the navigation and the theme's settings: when those (or mkdocs.yml)
        changed, every source is made newer."""
        layout = hashlib.sha256(json.dumps(
            [result.nav, config.extra_css, [str(s) for s in config.extra_javascript],
             config.extra, config.site_name, config.theme.name, dict(config.theme),
             Path(config.config_file_path).read_bytes().hex() if config.config_file_path
             else None], sort_keys=True, default=str).encode()).hexdigest()
        if self._layout is not None and layout != self._layout:
            for path in result.docs_dir.rglob("*"):
                if path.is_file():
                    os.utime(path)
        self._layout = layout

    @staticmethod
    def _edition_html(config: MkDocsConfig, result: RenderResult) -> dict[Path, int]:
        """The edition pages' HTML and when each was written (0: not yet)."""
        found = {}
        for source in result.edition_pages:
            page = Path(File(source, config.docs_dir, config.site_dir,
                             config.use_directory_urls).abs_dest_path)
            found[page] = page.stat().st_mtime_ns if page.is_file() else 0
        return found

    def _end_html_stage(self) -> None:
        if self._html_stage is not None:
            stage, self._html_stage = self._html_stage, None
            stage.__exit__(None, None, None)

    def _fail(self, message: str) -> PluginError:
        self.failure = message
        return PluginError(message)

    def _fix_build_date(self, epoch: int) -> None:
        """MkDocs reads SOURCE_DATE_EPOCH for the sitemap and gzip headers: set it to the
        build date (the commit's, or the caller's own SOURCE_DATE_EPOCH, see
        `generator.provenance.facts`) for this build, and put the old value back after it."""
        if not self._epoch_set:
            self._epoch_before = os.environ.get(EPOCH)
            self._epoch_set = True
        os.environ[EPOCH] = str(epoch)

    def _restore_build_date(self) -> None:
        if not self._epoch_set:
            return
        if self._epoch_before is None:
            os.environ.pop(EPOCH, None)
        else:
            os.environ[EPOCH] = self._epoch_before
        self._epoch_set = False


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's compiled templates, kept by this process. Jinja checks each one
    against its template's source checksum, so an edited template compiles again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_THEME_TEMPLATES = _CompiledTemplates()


def _root(config: MkDocsConfig) -> Path:
    """The repository: the folder of mkdocs.yml."""
    return Path(config.config_file_path or "mkdocs.yml").resolve().parent


def _search_languages(config: MkDocsConfig) -> list[str]:
    search = config.plugins.get("search") or config.plugins.get("material/search")
    lang = search.config.get("lang") if search is not None else None
    return [lang] if isinstance(lang, str) else list(lang or [config.theme.get("language", "en")])


def _material_search(config: MkDocsConfig) -> bool:
    """Whether Material's search plugin indexes the pages (`searchcut.py` is made for its
    parser; MkDocs' own search plugin parses differently)."""
    search = config.plugins.get("material/search")
    return isinstance(search, SearchPlugin) and bool(search.config.enabled)


def _has_search(config: MkDocsConfig) -> bool:
    """Whether a search plugin is on (Material's registers as `material/search`)."""
    return any(name.split("/")[-1] == "search" for name in config.plugins)


def _merged(ours: list[str], theirs: list[Any]) -> list[Any]:
    """Our files first (Plotly before anything that uses it), then the configured ones."""
    mine = set(ours)
    return [*ours, *(item for item in theirs if str(item) not in mine)]


def _stoppable(server: LiveReloadServer) -> None:
    """A Ctrl-C right after "Serving on" left the process running for good: raised while
    MkDocs started the server's thread, its shutdown took the thread for never started.
    The thread's start is now one step for a stop (`generator.stopping.held`), and the
    thread is a daemon, so that whatever a stop interrupts, the process ends with its
    main thread. (MkDocs 1.6 names the thread `serve_thread`; without it, nothing is
    changed.)"""
    thread = getattr(server, "serve_thread", None)
    if not isinstance(thread, threading.Thread) or thread.ident is not None:
        return
    thread.daemon = True
    start = thread.start

    def start_whole() -> None:
        with held():
            start()

    thread.start = start_whole  # type: ignore[method-assign]
