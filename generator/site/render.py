"""The render stage: from the site's inputs to a complete MkDocs docs folder.

Independent of MkDocs: it writes Markdown pages, downloads, stylesheets and the chart
assets into a folder and says what the navigation is. Any static-site engine that reads
Markdown with raw HTML could take the folder; `generator.mkdocs_plugin` hands it to MkDocs.

Files are written only when their bytes change, and files no page produced any more are
removed, so `mkdocs serve` sees exactly what changed and the folder never holds stale pages.
With a `RenderMemo` (`generator.site.memo`, kept by a serving process) a page builder whose
inputs did not change is not run again.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from generator.cache import Cache, folder_blobs
from generator.publish.sitedata import content_key
from generator.site import assets
from generator.site.chart_downloads import chart_downloads, page_downloads
from generator.site.example import BANNER
from generator.site.memo import RenderMemo
from generator.site.outputs import Output, Page, SiteInputs
from generator.site.pages import audit as audit_pages
from generator.site.pages import builders
from generator.site.shown_on import shown_on

STYLE_DIR = Path(__file__).parent / "style"
STYLESHEETS = ("impactmonitor.css", "print.css")
STYLE_TARGET = "assets/stijl"


@dataclass(frozen=True)
class Listed:
    """A page as the navigation lists it; its Markdown is in the docs folder."""
    source: str
    title: str
    section: str | None


@dataclass(frozen=True)
class RenderResult:
    docs_dir: Path
    pages: list[Listed]
    """Every page, in site order."""
    nav: list[Any]
    """MkDocs `nav`: `{title: source}` entries and `{section: [...]}` lists, in site order."""
    extra_css: list[str]
    extra_javascript: list[str]
    """Scripts every page loads (none of ours at present)."""
    chart_javascript: list[str]
    """Plotly and charts.js, in load order: only pages with a chart load them (1,1 MB)."""
    search_javascript: str
    """Pages with a search form load it before Material's bundle: the index waits for the search."""
    banner: str | None
    """The notice every page shows (synthetic example data), or None."""
    edition_pages: list[str]
    """Sources of the report editions' pages (the PDF stage prints these)."""


def render(site: SiteInputs, docs_dir: Path, *, audit: bool = True,
           memo: RenderMemo | None = None, cache: Cache | None = None) -> RenderResult:
    """Write the site into `docs_dir`; `audit=False` skips the audit pages (they are most
    of the Markdown, so a preview without them rebuilds several times faster). With a
    `memo` of the last render into the same folder, unchanged builders are not run.

    With a `cache` (and no memo), the pages are reused by content (`render_parts`): a
    build whose figures, editions, build facts and narrative are those of an earlier one
    writes that build's pages without running a builder.
    """
    parts = render_parts(site, audit) if cache is not None and memo is None else None
    if cache is not None and parts is not None:
        files, pages = cache.through("render", parts, lambda: _pages(site, audit, None))
        files = dict(files)  # the cached value stays as it was stored
    else:
        files, pages = _pages(site, audit, memo)
    installed, order = _assets()
    files.update(installed)
    for name in STYLESHEETS:
        files[f"{STYLE_TARGET}/{name}"] = (STYLE_DIR / name).read_bytes()
    sync(files, docs_dir, memo.files if memo is not None else None)
    if memo is not None:
        memo.files = files
    javascript = [p for p in order if p.endswith(".js") and p != assets.SEARCH_SCRIPT]
    css = [p for p in order if p.endswith(".css")] + [f"{STYLE_TARGET}/{n}" for n in STYLESHEETS]
    return RenderResult(docs_dir, pages, navigation(pages), css, [], javascript,
                        assets.SEARCH_SCRIPT, BANNER if site.example else None,
                        [p.source for p in pages if _is_edition(p.source)])


def render_parts(site: SiteInputs, audit: bool) -> dict[str, Any] | None:
    """Everything the page builders read, by content: the figures' and each edition's
    `content_key`, the edition and build facts by value, every file under the narrative
    folder by blob id, and the library that renders the narrative's templates (the code
    version is in every key). None when a figure set has no content key (it did not come
    through the cache): then the pages are made afresh."""
    figures = [content_key(site.live), *(content_key(e.data) for e in site.editions)]
    if any(key is None for key in figures):
        return None
    narrative = site.narrative.root
    return {"figures": figures, "editions": [repr(e.meta) for e in site.editions],
            "facts": repr(site.facts), "example": site.example, "repo_url": site.repo_url,
            "audit": audit, "shown_root": site.narrative.shown_root,
            "narrative": folder_blobs(narrative.parent, (narrative.name,)),
            "jinja2": jinja2.__version__}


def _pages(site: SiteInputs, audit: bool,
           memo: RenderMemo | None) -> tuple[dict[str, bytes], list[Listed]]:
    """The builders' files (pages as Markdown, downloads) and the pages, in site order."""
    if memo is None:
        outputs = [output for build in builders() for output in build(site)]
    else:
        memo.start()
        outputs = [output for build in builders() for output in memo.build(build, site)]
    shown = [o for o in outputs if isinstance(o, Page)]
    outputs += (chart_downloads(shown) if memo is None
                else memo.per_page(page_downloads, shown))
    if audit:  # last: an entry links back to the pages that show its figure
        outputs += audit_pages.build(site, shown_on([o for o in outputs if isinstance(o, Page)]))
    pages = [Listed(o.source, o.title, o.section) for o in outputs if isinstance(o, Page)]
    return collect(outputs), pages


def collect(outputs: list[Output]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for output in outputs:
        path, content = ((output.source, titled(output).encode("utf-8"))
                         if isinstance(output, Page) else (output.path, output.content))
        if path in files:
            raise ValueError(f"two outputs for {path}")  # a bug in a page builder
        files[path] = content
    return files


def navigation(pages: list[Listed]) -> list[Any]:
    """Top-level pages and sections in the order the builders made them."""
    nav: list[Any] = []
    sections: dict[str, list[Any]] = {}
    for page in pages:
        if page.section is None:
            continue
        entry = {nav_title(page.title): page.source}
        if page.section == "":
            nav.append(entry)
        elif page.section in sections:
            sections[page.section].append(entry)
        else:
            sections[page.section] = [entry]
            nav.append({page.section: sections[page.section]})
    return nav


def nav_title(title: str) -> str:
    """A title as the theme prints it: unescaped (MkDocs does not escape navigation titles
    or `page.meta.title`, and Material's `striptags` on a heading's title would undo our
    escaping). So without `<`, `>`, `&` and `"`. Titles hold region names from the data;
    the page's own heading shows them exactly, escaped."""
    return " ".join(title.translate({ord(c): " " for c in '<>&"'}).split())


def titled(page: Page) -> str:
    """The page's Markdown with its safe title in the front matter, so that no theme ever
    takes the title from the (data-bearing) first heading."""
    line = f"title: {json.dumps(nav_title(page.title), ensure_ascii=False)}\n"
    if page.markdown.startswith("---\n"):
        return "---\n" + line + page.markdown[4:]
    return f"---\n{line}---\n\n{page.markdown}"


def sync(files: dict[str, bytes], folder: Path,
         known: dict[str, bytes] | None = None) -> None:
    """Make `folder` hold exactly `files`, touching only what differs. `known`: what the
    last sync wrote into it (a file equal to it is not read back)."""
    known = known or {}
    folder.mkdir(parents=True, exist_ok=True)
    for existing in sorted(folder.rglob("*"), reverse=True):
        relative = existing.relative_to(folder).as_posix()
        if existing.is_file() and relative not in files:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            existing.rmdir()
    for path, content in sorted(files.items()):
        target = folder / path
        if target.is_file() and (known.get(path) == content or target.read_bytes() == content):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def _assets() -> tuple[dict[str, bytes], list[str]]:
    """The chart assets as files, and their load order (Plotly before charts.js).

    `assets.install` writes into a folder; a scratch one, so that `sync` stays the only
    writer of the docs folder.
    """
    with tempfile.TemporaryDirectory(prefix="impactmonitor-assets-") as scratch:
        order = assets.install(Path(scratch))
        files = {p.relative_to(scratch).as_posix(): p.read_bytes()
                 for p in sorted(Path(scratch).rglob("*")) if p.is_file()}
    return files, order


def _is_edition(source: str) -> bool:
    parts = source.split("/")
    return len(parts) == 3 and parts[0] == "edities" and parts[2] == "index.md"
