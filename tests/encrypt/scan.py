"""Search bytes for a text in every form it could leak in, and inside compressed streams."""

from __future__ import annotations

import html
import json
import re
import zlib
from collections.abc import Iterator
from urllib.parse import quote, quote_plus


def forms(text: str) -> set[bytes]:
    """UTF-8, HTML entities (named, decimal, hex), JSON escapes, URL-encoded, slug."""
    found = {text, html.escape(text), json.dumps(text)[1:-1], json.dumps(text, ensure_ascii=False)[1:-1],
             quote(text), quote_plus(text), quote(text, safe=""), slug(text),
             "".join(f"&#{ord(c)};" for c in text), "".join(f"&#x{ord(c):x};" for c in text),
             html.escape(text).encode("ascii", "xmlcharrefreplace").decode("ascii")}
    return {form.encode("utf-8") for form in found if form}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def streams(content: bytes) -> Iterator[bytes]:
    """The file itself and whatever gzip, zlib or raw deflate stream decompresses in it."""
    yield content
    starts = {0} | {m.start() for m in re.finditer(rb"\x1f\x8b\x08", content)}
    for start in sorted(starts):
        for wbits in (47, -15):  # 47: gzip or zlib header; -15: raw deflate
            try:
                inflated = zlib.decompressobj(wbits).decompress(content[start:], 50_000_000)
            except zlib.error:
                continue
            if inflated:
                yield inflated


def leaks(content: bytes, needles: dict[str, set[bytes]]) -> list[str]:
    """The names of the needles found in `content` or in a stream inside it."""
    found = []
    for stream in streams(content):
        lowered = stream.lower()
        for name, variants in needles.items():
            if any(v.lower() in lowered for v in variants):
                found.append(name)
    return sorted(set(found))
