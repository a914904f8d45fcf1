"""One quarter notation for readers (`2026-K2`) on every page and in every download; the
machine form `2026-Q2` only inside ids and commands (code) and in the chart data."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

QUARTER_Q = re.compile(r"\b\d{4}-Q[1-4]\b")


class _ReaderText(HTMLParser):
    """The text a reader sees: without scripts, styles, code and attribute values."""

    SKIP = {"script", "style", "code", "pre"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def reader_text(html: str) -> str:
    parser = _ReaderText()
    parser.feed(html)
    return " ".join(parser.parts)


GUIDE = "gegevenslevering/"
"""The data stewards' guide writes quarters as the data contract does (`2026-Q2`): that is
what they type into their files."""


def test_no_page_shows_a_quarter_as_q(example_site: Path) -> None:
    found = {}
    for file in sorted(example_site.rglob("*.html")):
        if file.relative_to(example_site).as_posix().startswith(GUIDE):
            continue
        hits = QUARTER_Q.findall(reader_text(file.read_text(encoding="utf-8")))
        if hits:
            found[file.relative_to(example_site).as_posix()] = sorted(set(hits))[:3]
    assert found == {}


def test_downloads_write_quarters_as_k_and_numbers_without_exponent(example_site: Path) -> None:
    files = sorted((example_site / "indicatoren").glob("*.csv"))
    assert files
    for file in files:
        for row in csv.DictReader(io.StringIO(file.read_text(encoding="utf-8"))):
            assert re.fullmatch(r"\d{4}-K[1-4]", row["periode"]), (file.name, row)
            assert not re.search(r"[eE]", row["waarde"]), (file.name, row)


def test_the_404_page_is_dutch(example_site: Path) -> None:
    html = (example_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Pagina niet gevonden</h1>" in html and "Not found" not in html
