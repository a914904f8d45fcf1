"""Large blocks of raw HTML in a page, marked so that a Markdown engine may pass them by.

The audit pages hold thousands of entries, each a finished block of HTML. Any Markdown
engine renders such a block as it stands, but Python-Markdown (and MkDocs after it) still
run an HTML parser over every tag of it, which was most of a site build. So the render
stage puts these blocks between two comment lines; the MkDocs plugin lifts each marked
block out before Markdown runs (`lift`, leaving a placeholder comment) and puts it back
into the HTML afterwards (`restore`). A folder rendered for another engine stays valid:
the markers are comments, the blocks plain HTML.

Only HTML made and escaped by the generator goes in a block: nothing in it is Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

START = "<!-- im:raw -->"
END = "<!-- /im:raw -->"
_BLOCK = re.compile(rf"^{re.escape(START)}\n(.*?)\n{re.escape(END)}$", re.DOTALL | re.MULTILINE)
_PLACEHOLDER = "<!-- im:raw:{} -->"
_SLOT = re.compile(r"<!-- im:raw:(\d+) -->")


def raw_block(lines: Iterable[str]) -> str:
    """HTML lines as one marked block, with the blank lines around it that Markdown needs."""
    return "\n".join(["", START, *lines, END, ""])


def lift(markdown: str) -> tuple[str, list[str]]:
    """The page with each marked block replaced by a placeholder comment, and the blocks."""
    blocks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        blocks.append(match.group(1))
        return _PLACEHOLDER.format(len(blocks) - 1)

    return _BLOCK.sub(keep, markdown), blocks


def restore(html: str, blocks: list[str]) -> str:
    """Put the lifted blocks back where their placeholders came out of Markdown."""
    if not blocks:
        return html
    return _SLOT.sub(lambda m: blocks[int(m.group(1))], html)
