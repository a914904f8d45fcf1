"""A built page as a small element tree, for the scans of tests/provenance/test_site_figures.py.

The standard library's HTMLParser is enough: MkDocs (Material) writes well-formed HTML5.
Void elements never get children; an end tag closes up to its matching start tag, as a
browser would for the few optional end tags.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
FIGURE_ID = "data-figure-id"


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def ancestors(self) -> Iterator[Element]:
        """This element and every element around it, innermost first."""
        node: Element | None = self
        while node is not None:
            yield node
            node = node.parent

    def text(self) -> str:
        return " ".join("".join(self._pieces()).split())

    def _pieces(self) -> Iterator[str]:
        for child in self.children:
            if isinstance(child, str):
                yield child
            else:
                yield from child._pieces()

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def texts(self) -> Iterator[tuple[str, Element]]:
        """Every text node under this element with the element holding it."""
        for child in self.children:
            if isinstance(child, str):
                yield child, self
            else:
                yield from child.texts()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.open[-1])
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def article(root: Element) -> Element | None:
    """The page's own content (Material's `article.md-content__inner`), without the theme's
    header, navigation, table of contents and footer."""
    return next((e for e in root.iter() if e.tag == "article"
                 and "md-content__inner" in e.classes), None)


def figure_elements(root: Element) -> list[Element]:
    return [e for e in root.iter() if FIGURE_ID in e.attrs]


def inside_figure(element: Element) -> bool:
    """Within a number marked with its figure id or a declared value (a target marked with
    the definition it comes from)."""
    return any(FIGURE_ID in e.attrs or "data-definition-id" in e.attrs
               for e in element.ancestors())


def chart_data(root: Element) -> list[tuple[Element, dict[str, Any]]]:
    """Every chart's Plotly JSON with the `<figure>` it belongs to."""
    found = []
    for script in root.iter():
        if script.tag == "script" and "im-chart-data" in script.classes:
            holder = next(e for e in script.ancestors() if e.tag == "figure")
            found.append((holder, json.loads(script.text())))
    return found


def enclosing(element: Element, tag: str, css_class: str | None = None) -> Element | None:
    return next((e for e in element.ancestors() if e.tag == tag
                 and (css_class is None or css_class in e.classes)), None)


def normalised(text: str) -> str:
    return " ".join(text.split())


def digits(text: str) -> list[str]:
    """The runs of digits in `text` (`1.234,5` is three runs; what counts is that any is left)."""
    return re.findall(r"\d+", text)
