"""The reader's pages speak Dutch: no English word of a user interface in what they show
(text, and the titles and labels a screen reader or a tooltip gives)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ENGLISH = ("the", "and", "download", "downloads", "chart", "table", "page", "value", "values",
           "total", "region", "regions", "search", "show", "hide", "next", "previous",
           "loading", "error", "not found", "share", "image", "back", "open in", "target",
           "on track", "behind", "rank", "scale", "copy")
_WORD = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ENGLISH) + r")\b", re.I)
READER_PAGES = ("index.html", "indicatoren/**/index.html", "regios/**/index.html",
                "onderzoeksvragen/**/index.html", "edities/*/index.html", "404.html")
"""The pages of this suite's care; the economy page and the data stewards' guide have
their own checks."""


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        self.texts += [v for k, v in attrs if k in ("title", "aria-label", "alt") and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.texts.append(data)


def english_words(html: str) -> list[str]:
    parser = _Visible()
    parser.feed(html)
    return [f"{m.group(0)!r} in {' '.join(t.split())[:80]!r}"
            for t in parser.texts for m in _WORD.finditer(t)]


def test_the_check_finds_english() -> None:
    assert english_words('<p>Download the chart</p><a title="Open in new tab">x</a>') == [
        "'Download' in 'Download the chart'", "'the' in 'Download the chart'",
        "'chart' in 'Download the chart'", "'Open in' in 'Open in new tab'"]
    assert english_words("<p>Alle regio's samen: totaal</p><script>var the;</script>") == []


@pytest.mark.parametrize("pattern", READER_PAGES)
def test_reader_pages_have_no_english_words(example_site: Path, pattern: str) -> None:
    pages = sorted(p for p in example_site.glob(pattern) if "/audit/" not in p.as_posix())
    assert pages
    found = {p.relative_to(example_site).as_posix(): english_words(p.read_text("utf-8"))
             for p in pages}
    assert {page: words for page, words in found.items() if words} == {}
