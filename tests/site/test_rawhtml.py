"""Marked blocks of finished HTML skip Markdown and come back unchanged (site/rawhtml.py)."""

from __future__ import annotations

from pathlib import Path

import markdown

from generator.site.inputs import load_inputs
from generator.site.rawhtml import lift, raw_block, restore
from generator.site.render import render
from tests.site.conftest import REPO_ROOT
from tests.site.test_audit_links import addresses

BLOCK = ['<p class="im-audit-entry" id="a.totaal.2026-Q2"><code>a_b</code> '
         '*not emphasis* [not](a-link)</p>', '<p class="im-audit-entry" id="b">2</p>']


def test_a_block_is_lifted_out_of_markdown_and_put_back() -> None:
    page = "# Titel\n\n## Stand\n" + raw_block(BLOCK) + "\n## Later\n" + raw_block(["<p>x</p>"])
    lifted, blocks = lift(page)
    assert blocks == ["\n".join(BLOCK), "<p>x</p>"]
    assert "im-audit-entry" not in lifted
    html = restore(markdown.markdown(lifted), blocks)
    assert "\n".join(BLOCK) in html and "<em>" not in html and "<p>x</p>" in html
    assert "im:raw" not in html and html.index("Stand") < html.index("a_b") < html.index("Later")


def test_without_lifting_the_blocks_are_plain_html_to_any_markdown_engine() -> None:
    html = markdown.markdown(raw_block(BLOCK))
    assert "\n".join(BLOCK) in html


def test_a_page_without_blocks_is_left_alone() -> None:
    assert lift("# Titel\n\ntekst <!-- im:raw:0 -->\n") == ("# Titel\n\ntekst <!-- im:raw:0 -->\n", [])
    assert restore("<p>tekst <!-- im:raw:0 --></p>", []) == "<p>tekst <!-- im:raw:0 --></p>"


def test_the_built_site_has_every_block_back(example_site: Path) -> None:
    audit = (example_site / "audit" / "deelnemers_bereikt" / "totaal" / "index.html").read_text(
        encoding="utf-8")
    linked = {i for url, i in addresses(example_site) if url == "audit/deelnemers_bereikt/totaal/"}
    assert audit.count('<p class="im-audit-entry" id="') == len(linked) > 10  # one per shown figure
    assert not any("im:raw" in p.read_text(encoding="utf-8") for p in example_site.rglob("*.html"))


def test_the_generated_charts_tables_and_cards_are_marked_blocks(tmp_path: Path) -> None:
    """Every chart, data table and KPI card a page builder makes is finished HTML in a
    marked block: the Markdown that remains after `lift` holds none of them, and the
    headings stay Markdown (the table of contents is made from them)."""
    inputs = load_inputs(REPO_ROOT, None, 5)
    result = render(inputs, tmp_path / "docs", audit=False)
    found = {"im-chart-figure": 0, "im-table-wrap": 0, "im-kpi-value": 0}
    for page in result.pages:
        markdown = (result.docs_dir / page.source).read_text(encoding="utf-8")
        lifted, blocks = lift(markdown)
        for marker in found:
            assert f'class="{marker}' not in lifted, (page.source, marker)
            found[marker] += sum(block.count(f'class="{marker}') for block in blocks)
        assert lifted.count("\n## ") == markdown.count("\n## "), page.source
    assert all(count > 5 for count in found.values()), found
