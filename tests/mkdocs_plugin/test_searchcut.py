"""`searchcut`: Material's search parser reads less, and the site and its index stay the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from material.plugins.search.plugin import Parser

from generator.build import build_site
from generator.mkdocs_plugin import searchcut
from tests.mkdocs_plugin.test_build import same_tree
from tests.site.conftest import example_site, site_repo  # noqa: F401 (a fixture)


def sections(html: str) -> list[tuple[str | None, str, str]]:
    """What Material's search index takes from a page: each section it keeps (id, title,
    text as `create_entry_for_section` joins them), and the ids of the ones it drops."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip()) if not s.is_excluded()
            else (s.id, "excluded", "") for s in parser.data]


def test_a_site_built_with_the_cut_is_byte_identical_to_one_built_without_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "repo"
    site_repo(root)
    cut: list[tuple[int, int]] = []
    real = searchcut.searched_part

    def measured(html: str) -> str:
        part = real(html)
        cut.append((len(html), len(part)))
        return part

    monkeypatch.setattr(searchcut, "searched_part", measured)
    build_site(root, tmp_path / "cut", encrypt=False)
    monkeypatch.setattr(searchcut, "searched_part", lambda html: html)
    build_site(root, tmp_path / "whole", encrypt=False)
    assert same_tree(tmp_path / "cut", tmp_path / "whole") == []
    index = (tmp_path / "cut" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"regios/noord/"' in index
    # The cut did take parts away (region chart sections, tables), so the equality says something.
    assert sum(before for before, _ in cut) > 1.5 * sum(after for _, after in cut)


def test_the_example_pages_give_the_same_sections_from_far_less_html(example_site: Path) -> None:
    whole = cut = 0
    for path in sorted(example_site.rglob("index.html")):
        html = path.read_text(encoding="utf-8")
        content = html[html.index("<article"):html.index("</article>")]
        part = searchcut.searched_part(content)
        assert sections(part) == sections(content), path
        whole, cut = whole + len(content), cut + len(part)
    assert cut < 0.75 * whole  # the audit pages, most of the example, keep their lists


PAGE = """<h1 id="titel">Titel</h1>
<p>Inleiding &amp; meer.</p>
{body}
<h2 id="daarna">Daarna</h2>
<p>Slot</p>
"""

CASES = {
    "plain table": '<table class="t">\n<thead><tr><th>Regio</th><th>Aantal</th></tr></thead>\n'
                   '<tbody>\n<tr><td><a href="x/">Noord</a></td><td>1.234</td></tr>\n'
                   '<tr><td>Zuid\nWest</td><td><span title="a &gt; b">5</span></td></tr>\n'
                   '</tbody>\n</table>',
    "references split by tags": "<table><tr><td>&amp</td><td>lt;</td><td>&l</td><td>t;&amp;</td>"
                                "<td>&#32;</td><td> </td><td>  x</td></tr></table>",
    "white space between texts": "<table>\n<tr><td>a</td>\n  \n<td>b</td></tr>\n<tr><td>c</td>  "
                                 "<td>&#32;</td></tr>\n<tr><td>d\ne</td>\t<td>&amp;</td> "
                                 "<td>f</td></tr>\n</table>",
    "markup the index keeps": "<table><tr><td><p>a</p></td><td><code>b</code></td></tr></table>",
    "a heading in a table": '<table><tr><td><h3 id="binnen">Binnen</h3></td></tr></table>',
    "an excluded cell": "<table><tr><td data-search-exclude>weg</td><td>blijft</td></tr></table>",
    "an unclosed cell": "<table><tr><td>a<td>b</tr></table>",
    "a stray <": "<table><tr><td>a < b</td></tr></table>",
    "excluded section": '<h3 id="grafiek" data-search-exclude>Grafiek</h3>\n<figure><div>x</div>'
                        '<script type="application/json">{"a": 1}</script>'
                        '<p data-search-exclude>knoppen</p><table><tr><td>9</td></tr></table>'
                        "</figure>\n",
    "excluded heading without id": "<h3 data-search-exclude>Geen id</h3>\n<p>telt mee</p>",
    "unbalanced excluded section": '<h3 id="g" data-search-exclude>G</h3>\n<div><p>open</p>',
    "a table in a heading": '<h3 id="kop">Kop <table><tr><td>in kop</td></tr></table></h3>',
    "pre around a table": "<pre>\n<table><tr><td> a\n</td><td>\n\n</td></tr></table>\n</pre>",
}


@pytest.mark.parametrize("body", CASES.values(), ids=CASES.keys())
def test_the_parser_finds_the_same_sections_in_the_cut_page(body: str) -> None:
    html = PAGE.format(body=body)
    assert sections(searchcut.searched_part(html)) == sections(html)


def test_an_excluded_section_that_leaves_a_tag_open_is_not_cut() -> None:
    # The open <div> makes the parser put "Na" back into the excluded section, at </div>.
    html = ('<h1 id="t">T</h1><h3 id="g" data-search-exclude>G</h3><div><p>x</p>'
            '<h2 id="d">D</h2><p>Slot</p></div><p>Na</p>')
    assert searchcut.searched_part(html) == html
    assert "Na" not in str(sections(html))


def test_plain_tables_and_excluded_sections_are_cut_and_the_rest_left() -> None:
    def cut(name: str) -> str:
        return searchcut.searched_part(PAGE.format(body=CASES[name]))

    assert "<td" not in cut("plain table") and "Noord" in cut("plain table")
    assert "<td" not in cut("references split by tags")
    # White space between two texts joins them; before a reference it stays apart.
    assert "<!---->a b c<!---->  <!---->&#32;<!---->" in cut("white space between texts")
    assert cut("pre around a table") == PAGE.format(body=CASES["pre around a table"])
    assert "knoppen" not in cut("excluded section") and 'id="grafiek"' in cut("excluded section")
    for name in ("markup the index keeps", "a heading in a table", "an excluded cell",
                 "an unclosed cell", "a stray <", "excluded heading without id",
                 "unbalanced excluded section", "a table in a heading"):
        assert cut(name) == PAGE.format(body=CASES[name]), name


def test_the_page_after_search_is_the_page_as_material_leaves_it() -> None:
    html = '<p data-search-boost="2">a</p><h3 id="x" data-search-exclude>b</h3>'
    material = re.sub(r"\s?data-search-\w+=\"[^\"]+\"", "", html)
    assert material == '<p>a</p><h3 id="x" data-search-exclude>b</h3>'
    assert searchcut.as_search_leaves_it(html) == material
