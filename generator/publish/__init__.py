"""The published figures: what the site shows of a computation, between compute and render.

Pure functions of the computed figures: disclosure control (`disclosure.py`), the derived
figures (context rows, Monte Carlo intervals, tornado outcomes: `derived.py`, `economy.py`)
and the index the pages read (`sitedata.py`, `SiteData`). The render stage (`generator/site/`)
only formats and lays these out; `generator/provenance/` (trace, verify) recomputes them
through the same functions, so a check cannot drift from what it checks.
"""
