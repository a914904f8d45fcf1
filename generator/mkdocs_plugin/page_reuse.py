"""A page's Markdown turned into HTML once per content, across builds (`impactmonitor build`).

MkDocs converts every page's Markdown on every build (`Page.render`): at 20 regions, 693
pages and half of the HTML stage, the same again in every audience's tree. The result
depends only on the page's Markdown (after the plugins' `on_page_markdown`), where the
page is, where every other file of the site is (relative links are rewritten and checked),
the Markdown settings of mkdocs.yml and the versions of the libraries that convert. Under
a key of all of these (`generator.cache`, entry `page-html`) a later build takes the HTML,
the table of contents, the title and the anchors from the cache, and logs again what the
conversion logged (a broken link stays a warning, and fails a `--strict` build).

Only Markdown extensions that read nothing but the page are allowed (`SAFE_EXTENSIONS`);
with any other (e.g. `pymdownx.snippets`, which includes files) pages are converted as
before. Anything in the key that is not plain data (a function in an extension's
settings) makes a key of its own every process: a miss, never a stale page.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from importlib import metadata
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.cache import Cache

KIND = "page-html"
SAFE_EXTENSIONS = frozenset({
    "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html",
    "meta", "nl2br", "tables",
    "toc", "sane_lists", "smarty", "pymdownx.superfences", "pymdownx.details",
    "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.caret", "pymdownx.mark",
    "pymdownx.tilde", "pymdownx.betterem",
})
"""Extensions whose output is a function of the page's Markdown and their settings."""
LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")


class PageReuse:
    """Converts pages through `cache`, for one build of one site (one audience)."""

    def __init__(self, cache: Cache, config: MkDocsConfig) -> None:
        self._cache = cache
        self._settings = _settings(config)
        self._files: tuple[int, str] | None = None

    @staticmethod
    def possible(config: MkDocsConfig) -> bool:
        return all(_name(extension) in SAFE_EXTENSIONS
                   for extension in config["markdown_extensions"])

    def wrap(self, page: Page) -> None:
        """Make `page.render` (MkDocs calls it after `on_page_markdown`) go through the
        cache."""
        convert = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            self._render(page, convert, config, files)

        page.render = render  # type: ignore[method-assign]

    def _render(self, page: Page, convert: Callable[[MkDocsConfig, Files], None],
                config: MkDocsConfig, files: Files) -> None:
        assert page.markdown is not None
        anchors = logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG
        parts = {"markdown": hashlib.sha256(page.markdown.encode("utf-8")).hexdigest(),
                 "page": [page.file.src_uri, page.file.dest_uri, page.file.url],
                 "files": self._files_digest(files), "settings": self._settings,
                 "anchor_links": anchors}
        fresh: list[bool] = []

        def make() -> dict[str, Any]:
            fresh.append(True)
            return _converted(page, convert, config, files)

        converted = self._cache.through(KIND, parts, make)
        page.content = converted["content"]
        page.toc = converted["toc"]
        page._title_from_render = converted["title"]
        page.present_anchor_ids = set(converted["anchors"])
        if anchors:
            page.links_to_anchors = {files.get_file_from_path(uri): dict(links)
                                     for uri, links in converted["links"].items()}
        if not fresh:  # what the conversion said, as it said it
            for name, level, message in converted["logged"]:
                logging.getLogger(name).log(level, message)

    def _files_digest(self, files: Files) -> str:
        if self._files is None or self._files[0] != id(files):
            listing = sorted((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files)
            digest = hashlib.sha256(json.dumps(listing).encode("utf-8")).hexdigest()
            self._files = (id(files), digest)
        return self._files[1]


def _converted(page: Page, convert: Callable[[MkDocsConfig, Files], None],
               config: MkDocsConfig, files: Files) -> dict[str, Any]:
    """MkDocs' own conversion, with what it set on the page and what it logged."""
    logged = _Logged()
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        logger.addHandler(logged)
    try:
        convert(config, files)
    finally:
        for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
            logger.removeHandler(logged)
    links = page.links_to_anchors or {}
    return {"content": page.content, "toc": page.toc, "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": {file.src_uri: dict(found) for file, found in links.items()},
            "logged": logged.records}


class _Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []
        self._seen: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if id(record) not in self._seen:  # the root and `mkdocs` may both see one
            self._seen.add(id(record))
            self.records.append((record.name, record.levelno, record.getMessage()))


def _name(extension: Any) -> str:
    return extension if isinstance(extension, str) else type(extension).__module__


def _settings(config: MkDocsConfig) -> str:
    versions = {name: _version(name) for name in LIBRARIES}
    return json.dumps({"extensions": [_name(e) for e in config["markdown_extensions"]],
                       "configs": config["mdx_configs"], "validation": config["validation"],
                       "directory_urls": config["use_directory_urls"], "versions": versions},
                      sort_keys=True, default=repr)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""
