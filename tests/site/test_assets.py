"""The vendored plotly.js bundle and the chart assets the site installs."""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from pathlib import Path

import plotly.offline

from generator.site import assets

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "generator" / "site" / "assets"
BUNDLE = ASSETS / "vendor" / "plotly-basic.min.js"
VENDOR = (ASSETS / "vendor" / "VENDOR.md").read_text(encoding="utf-8")


def vendor_field(name: str) -> str:
    return re.search(rf"^\| {name} \| `([^`]+)` \|$", VENDOR, re.M).group(1)


def test_the_bundle_is_the_file_vendor_md_describes() -> None:
    content = BUNDLE.read_bytes()
    assert hashlib.sha256(content).hexdigest() == vendor_field("sha256")
    assert f"{len(content):,} bytes" in VENDOR


def test_the_bundle_header_names_the_basic_bundle_and_the_version() -> None:
    version = vendor_field("version")
    header = BUNDLE.read_bytes()[:200].decode("ascii")
    assert f"* plotly.js (basic - minified) v{version}\n" in header
    assert "Licensed under the MIT license" in header
    assert (ASSETS / "vendor" / "LICENSE").read_text().startswith("MIT License")


def test_the_bundle_matches_the_plotly_js_major_of_plotly_py() -> None:
    # The figure JSON is checked against plotly.py's schema; that schema is plotly.js's.
    assert vendor_field("version").split(".")[0] == plotly.offline.get_plotlyjs_version().split(".")[0]


def test_install_copies_the_assets_and_returns_their_paths(tmp_path: Path) -> None:
    paths = assets.install(tmp_path)
    assert paths == ["assets/impactmonitor/plotly-basic.min.js", "assets/impactmonitor/charts.js",
                     "assets/impactmonitor/charts.css", assets.SEARCH_SCRIPT]
    folder = tmp_path / "assets" / "impactmonitor"
    assert sorted(p.name for p in folder.iterdir()) == [
        "charts.css", "charts.js", "plotly-LICENSE.txt", "plotly-basic.min.js", "search.js"]
    assert (folder / "plotly-basic.min.js").read_bytes() == BUNDLE.read_bytes()


def test_install_leaves_unchanged_files_alone(tmp_path: Path) -> None:
    # mkdocs serve watches the docs folder: rewriting identical files would rebuild forever.
    assets.install(tmp_path)
    charts_js = tmp_path / "assets" / "impactmonitor" / "charts.js"
    os.utime(charts_js, ns=(1_000_000_000, 1_000_000_000))
    assets.install(tmp_path)
    assert charts_js.stat().st_mtime_ns == 1_000_000_000
    charts_js.write_text("stale")
    assets.install(tmp_path)
    assert charts_js.read_bytes() == (ASSETS / "charts.js").read_bytes()


def test_charts_js_reads_what_charts_py_writes() -> None:
    script = (ASSETS / "charts.js").read_text(encoding="utf-8")
    assert 'querySelectorAll("script.im-chart-data[data-for]")' in script
    assert "Plotly.newPlot(target, figure.data, figure.layout, CONFIG)" in script
    assert "displaylogo: false" in script and "responsive: true" in script
    assert "@media print" in (ASSETS / "charts.css").read_text(encoding="utf-8")


def test_every_asset_file_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["generator.site"]
    files = {p.relative_to(ASSETS.parent).as_posix() for p in ASSETS.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"}
    packaged = {p.relative_to(ASSETS.parent).as_posix() for pattern in patterns
                for p in ASSETS.parent.glob(pattern) if p.is_file()}
    assert "assets/vendor/plotly-basic.min.js" in files and files <= packaged
