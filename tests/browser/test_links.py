"""No internal link of the example site is broken: every href and src of every crawled page
(as the browser resolved it) names a file of the build, and every #anchor an element of
the page it points to."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.browser.conftest import BuiltSite
from tests.browser.crawler import Crawl

ID = re.compile(r"""\s(?:id|name)=["']?([^"'\s>]+)""")


def target_file(site: Path, path: str) -> Path:
    """The file a static host serves for a URL path (`/a/` is `/a/index.html`)."""
    file = site / unquote(path).lstrip("/")
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


@cache
def anchors(file: Path) -> frozenset[str]:
    return frozenset(unquote(found) for found in ID.findall(file.read_text(encoding="utf-8")))


def broken_references(crawl: Crawl, site: Path) -> dict[str, list[str]]:
    broken: dict[str, list[str]] = {}
    for url, record in crawl.pages.items():
        for reference in sorted(set(record.references)):
            if not reference.startswith(crawl.base):
                continue  # another site (a forge, a standard): not ours to check here
            parts = urlsplit(reference)
            file = target_file(site, parts.path)
            if not file.is_file():
                broken.setdefault(url, []).append(f"{reference}: no file {file.relative_to(site)}")
            elif parts.fragment and file.suffix == ".html" and \
                    unquote(parts.fragment) not in anchors(file):
                broken.setdefault(url, []).append(f"{reference}: no element with that id")
    return broken


def test_every_internal_href_and_src_resolves(crawl: Crawl, built_site: BuiltSite) -> None:
    broken = broken_references(crawl, built_site.out)
    report = "\n".join(f"{url}\n    " + "\n    ".join(found) for url, found in broken.items())
    assert broken == {}, f"broken links on {len(broken)} page(s):\n{report}"


def test_the_check_sees_references_of_every_kind(crawl: Crawl) -> None:
    """The references are really collected: stylesheets, scripts, downloads and anchors."""
    every = {ref for record in crawl.pages.values() for ref in record.references}
    assert any(ref.endswith(".css") for ref in every)
    assert any(ref.endswith(".js") for ref in every)
    assert any(ref.endswith(".csv") for ref in every)
    assert any(ref.endswith(".pdf") for ref in every)
    assert any("#" in ref and "/audit/" in ref for ref in every)
