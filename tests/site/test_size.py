"""No file of the built example site over 1 MB (issue 10: small sites; the 20-region
figures are in tests/benchmarks/bench_site.py)."""

from __future__ import annotations

from pathlib import Path

LIMIT = 1_000_000
VENDORED = {"assets/impactmonitor/plotly-basic.min.js"}
"""Plotly's own minified bundle, shipped byte for byte as its authors release it (only the
pages with a chart load it); not ours to split."""


def test_no_file_of_the_example_site_is_over_a_megabyte(example_site: Path) -> None:
    sizes = {p.relative_to(example_site).as_posix(): p.stat().st_size
             for p in example_site.rglob("*") if p.is_file()}
    assert VENDORED <= sizes.keys() and len(sizes) > 100
    assert {path: size for path, size in sizes.items()
            if size > LIMIT and path not in VENDORED} == {}


def test_audit_pages_carry_no_site_navigation(example_site: Path) -> None:
    """Hundreds of audit pages each held the whole navigation; they link home instead."""
    audit = (example_site / "audit" / "deelnemers_bereikt" / "totaal" / "index.html").read_text(
        encoding="utf-8")
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../indicatoren/deelnemers_bereikt/"' not in audit.split("md-content")[0]
    assert "Naar de startpagina" in audit and 'data-md-type="toc"' in audit
    assert "Naar de startpagina" not in home and 'href="indicatoren/' in home
