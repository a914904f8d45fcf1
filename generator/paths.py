"""Where the repository is: the folder that holds `data/` and `indicators/`."""

from __future__ import annotations

from pathlib import Path

DATA = "data"
"""The deliveries: `regios.csv` and one data package per region."""
INDICATORS = "indicators"
"""The indicator definitions, their targets and the economic model's parameters."""
SITE_SRC = "site_src"
"""The site's narrative: report editions, the guide, templates."""
SITE = "site"
"""Where `impactmonitor build` writes the site unless told otherwise."""
CACHE = ".cache/impactmonitor"
"""Validation reports and computed figures by content (`generator.cache`); safe to delete."""


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` with a `data/` folder and `mkdocs.yml` or
    `pyproject.toml`; `start` itself when there is none (the validator then says so)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / DATA).is_dir() and any(
            (folder / marker).is_file() for marker in ("mkdocs.yml", "pyproject.toml")
        ):
            return folder
    return start
