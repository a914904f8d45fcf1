"""Which files of a built site stay plain, which are dropped and which are encrypted.

A file stays plain only if it lies under `assets/` and its bytes are those of a file
shipped in the theme (mkdocs-material's `templates/`) or in this package (chart assets,
stylesheets, the shell): such a file cannot depend on the data or the narrative. Dropped:
the sitemap (it lists every page), source maps and the search languages the site does not
use. Everything else is content and is encrypted.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from enum import Enum
from pathlib import Path

ASSETS = "assets/"
DROPPED = frozenset({"sitemap.xml", "sitemap.xml.gz"})
LUNR = "assets/javascripts/lunr/"
LUNR_ALWAYS = frozenset({"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"})


class Kind(Enum):
    PLAIN = "plain"
    DROPPED = "dropped"
    CONTENT = "content"


def classify(path: str, content: bytes, search_languages: Sequence[str]) -> Kind:
    """`path` is site-relative with `/`."""
    if path in DROPPED or path.endswith(".map"):
        return Kind.DROPPED
    if path.startswith(LUNR) and path[len(LUNR):] not in _lunr_kept(tuple(search_languages)):
        return Kind.DROPPED
    if path.startswith(ASSETS) and hashlib.sha256(content).digest() in shipped_digests():
        return Kind.PLAIN
    return Kind.CONTENT


@functools.cache
def _lunr_kept(languages: tuple[str, ...]) -> frozenset[str]:
    return LUNR_ALWAYS | {f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"}


@functools.cache
def shipped_digests() -> frozenset[bytes]:
    """SHA-256 of every file the theme and this package ship as static files."""
    import material

    from generator.site import assets
    from generator.site.render import STYLE_DIR

    roots = [Path(material.__file__).parent / "templates" / "assets", assets.HERE, STYLE_DIR,
             Path(__file__).parent / "shell"]
    return frozenset(hashlib.sha256(path.read_bytes()).digest() for path in _files(roots))


def _files(roots: Iterable[Path]) -> Iterable[Path]:
    for root in roots:
        yield from (p for p in sorted(root.rglob("*")) if p.is_file() and p.suffix != ".py")
