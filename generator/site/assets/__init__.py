"""Static files of the site: the vendored plotly.js basic bundle, charts.js and charts.css for
the charts, and search.js, which holds the search index back until the search is used.

`install` copies them into the folder MkDocs builds from and returns their paths; the chart
scripts (in this order: Plotly before charts.js) go on pages with a chart, `SEARCH_SCRIPT` on
every page with a search form, before Material's bundle (the theme override `main.html`
places both).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
TARGET = "assets/impactmonitor"
"""Where the files land, relative to the docs folder."""
FILES = (
    ("vendor/plotly-basic.min.js", "plotly-basic.min.js"),
    ("vendor/LICENSE", "plotly-LICENSE.txt"),  # MIT asks the notice to travel with the copy
    ("charts.js", "charts.js"),
    ("charts.css", "charts.css"),
    ("search.js", "search.js"),
)
SEARCH_SCRIPT = f"{TARGET}/search.js"


def install(target_dir: Path) -> list[str]:
    """Copy the assets under `target_dir`; return the `.js` and `.css` paths relative to it.

    A file whose content is already there is left untouched, so `mkdocs serve` does not see
    a change and rebuild in a loop.
    """
    folder = Path(target_dir) / TARGET
    folder.mkdir(parents=True, exist_ok=True)
    installed = []
    for source, name in FILES:
        content = (HERE / source).read_bytes()
        destination = folder / name
        if not destination.is_file() or destination.read_bytes() != content:
            destination.write_bytes(content)
        if name.endswith((".js", ".css")):
            installed.append(f"{TARGET}/{name}")
    return installed
