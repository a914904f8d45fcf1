"""Less HTML for Material's search plugin to read, and the same search index from it.

Material's search plugin indexes a page by running an `HTMLParser` over all of its HTML
(`material/plugins/search/plugin.py`, `Parser`). On our pages most of that HTML is tables
of figures and, on the region pages, the chart sections the search leaves out (their
headings carry `data-search-exclude`): parsing them was most of the MkDocs stage of a
serve rebuild. `searched_part` hands the parser a page from which two kinds of part are
cut, each only when a fast scan of its tags proves that the parser's result stays the same:

- the content of a section under a heading marked `data-search-exclude`: the parser puts
  everything up to the next heading into that section and drops the section. Cut when the
  heading has an `id` (so it starts a section) and the part is balanced (every tag closed
  in order, every `<` a tag: nothing in it can change what the parser does after it).
- a `<table>`: only the text between its tags counts, so it becomes that text, in as few
  pieces as give the same result (`_joined`; an empty comment ends a piece as a tag would).
  Only a balanced table outside a heading and a `<pre>`, without headings, the tags whose
  markup the index keeps (`p`, `li`, `code`, ...), scripts, or attributes the parser looks
  at (`data-search-exclude`, the classes `linenodiv` and `headerlink`).

Anything else stays as it is. `as_search_leaves_it` is the real page as Material's plugin
would have left it after indexing (it strips the `data-search-*="..."` attributes), which
the plugin puts back before the theme renders the page: a reader sees the same page.
`tests/mkdocs_plugin/test_searchcut.py` builds a site with and without the cut and asserts
that every file, the search index included, is the same.
"""

from __future__ import annotations

import bisect
import re

_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>")
_HEADING = re.compile(r"<(h[1-6])\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.I)
_HEADING_START = re.compile(r"<h[1-6][\s/>]", re.I)
_HEADING_END = re.compile(r"</h[1-6]\s*>", re.I)
_EXCLUDE = re.compile(r"(?:^|\s)data-search-exclude(?=[\s=/]|$)", re.I)
_ID = re.compile(r"(?:^|\s)id\s*=", re.I)
_PRE_START = re.compile(r"<pre[\s/>]")
_PRE_END = re.compile(r"</pre\s*>")
_TABLE_START = re.compile(r"<table[\s/>]")
_TAG_END = re.compile(r"</table\s*>", re.I)
_LOOKED_AT = ("data-search-exclude", "linenodiv", "headerlink")
_MATERIAL_STRIPS = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
"""What Material's `on_page_context` removes from a page after indexing it."""
_VALUED = re.compile(r"data-search-\w+=\"[^\"]+\"")
"""The same without its leading `\\s?`: found fast (a literal start), in every match of it."""

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
"""Material's parser's self-closing tags: it does not push them on its context."""
_NOT_PLAIN = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup",  # kept as markup
                        "script", "style", "object",  # skipped by tag name
                        "h1", "h2", "h3", "h4", "h5", "h6"})  # start sections
SEPARATOR = "<!---->"
"""Ends a piece of text for the parser (as a tag would) and adds nothing to the index."""


def searched_part(html: str) -> str:
    """The page as Material's search parser may read it: the same sections and text."""
    return _plain_tables(_without_excluded_sections(html))


def as_search_leaves_it(html: str) -> str:
    """The page after Material's `on_page_context` (it strips `data-search-*="..."`)."""
    return _MATERIAL_STRIPS.sub("", html) if _VALUED.search(html) else html


def _without_excluded_sections(html: str) -> str:
    if "data-search-exclude" not in html:
        return html
    kept: list[str] = []
    pos = 0
    for heading in _HEADING.finditer(html):
        if heading.start() < pos:
            continue
        attrs = heading.group(2)
        if not (_EXCLUDE.search(attrs) and _ID.search(attrs)):
            continue
        end = re.compile(rf"</{heading.group(1)}\s*>", re.I).search(html, heading.end())
        if end is None:
            break
        following = _HEADING_START.search(html, end.end())
        stop = following.start() if following else len(html)
        if _text_pieces(html, end.end(), stop, frozenset()) is None:
            continue  # not provably neutral: leave it to the parser
        kept.append(html[pos:end.end()])
        pos = stop
    kept.append(html[pos:])
    return "".join(kept)


def _plain_tables(html: str) -> str:
    lower = html.lower()
    if "<table" not in lower or len(lower) != len(html):  # lower() kept every offset
        return html
    opens = [m.start() for m in _HEADING_START.finditer(html)]
    closes = [m.start() for m in _HEADING_END.finditer(html)]
    pre_opens = [m.start() for m in _PRE_START.finditer(lower)]
    pre_closes = [m.start() for m in _PRE_END.finditer(lower)]
    kept: list[str] = []
    pos = 0
    start = lower.find("<table", pos)
    while start >= 0:
        end = lower.find("</table", start)
        close = _TAG_END.match(html, end) if end >= 0 else None
        if close is None:
            break
        stop = close.end()
        if (_TABLE_START.match(lower, start) and not _inside(start, opens, closes)
                and not _inside(start, pre_opens, pre_closes)
                and not any(lower.find(word, start, stop) >= 0 for word in _LOOKED_AT)):
            pieces = _text_pieces(html, start, stop, _NOT_PLAIN)
            if pieces is not None:
                kept += [html[pos:start], _joined(pieces)]
                pos = stop
        start = lower.find("<table", stop)
    kept.append(html[pos:])
    return "".join(kept)


def _inside(pos: int, opens: list[int], closes: list[int]) -> bool:
    """Whether the last element (a heading, a `<pre>`) opened before `pos` is not closed
    before it."""
    last_open = bisect.bisect_left(opens, pos)
    if last_open == 0:
        return False
    last_close = bisect.bisect_left(closes, pos)
    return last_close == 0 or closes[last_close - 1] < opens[last_open - 1]


def _text_pieces(html: str, start: int, stop: int, refused: frozenset[str]) -> list[str] | None:
    """The text between the tags of `html[start:stop]`, each piece as it stands; None
    unless every `<` in it starts a tag, no tag name is `refused` and the tags are
    balanced as the parser sees them (an end tag closes the last open one)."""
    part = html[start:stop]
    split = _TAG.split(part)
    closing, names, rest = split[1::4], [n.lower() for n in split[2::4]], split[3::4]
    if part.count("<") != len(names) or not refused.isdisjoint(names):
        return None
    open_tags: list[str] = []
    for is_end, name, attrs in zip(closing, names, rest):
        if is_end:
            if attrs.strip() or not open_tags or open_tags.pop() != name:
                return None
        elif name not in VOID and not attrs.endswith("/"):
            open_tags.append(name)
    if open_tags:
        return None
    return [piece for piece in split[0::4] if piece]


def _joined(pieces: list[str]) -> str:
    """The pieces as few pieces of text as the parser makes the same of. Outside `<pre>` it
    collapses white space: runs of one kind join, and white space between two texts is
    always one space, so it joins them. A separator stays wherever joining could change the
    result: around white space at either end (whether it counts depends on what comes
    before and after the table), and around a piece with a character reference (`&l` +
    `t;` would become `&lt;`, and `&#32;` is white space)."""
    runs: list[list[str]] = []  # [kind, text]
    for piece in pieces:
        kind = "&" if "&" in piece else ("space" if piece.isspace() else "text")
        if runs and kind == runs[-1][0] != "&":
            runs[-1][1] += piece
        else:
            runs.append([kind, piece])
    out: list[str] = []
    previous = ""
    for at, (kind, text) in enumerate(runs):
        if (kind == "space" and previous == "text" and at + 1 < len(runs)
                and runs[at + 1][0] == "text"):
            kind, text = "text", " "
        if out and (kind != previous or kind == "&"):
            out.append(SEPARATOR)
        out.append(text)
        previous = kind
    return "".join(out)
