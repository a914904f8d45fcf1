"""Whether a site is built from the synthetic example data, so every page can say so.

Two signs, either one enough, both read from the data snapshot (so they hold at any ref):

- a region in `data/regios.csv` whose name contains "(fictief)": the synthetic generator
  marks every region so, and a real region is never named that way;
- `data/README.md` whose first heading says the data are synthetic ("Synthetische
  gegevens"), as the generator writes it.

Real deliveries carry neither. A false alarm costs a banner; a miss could present
made-up numbers as results, so the test is deliberately broad.
"""

from __future__ import annotations

from generator.paths import DATA
from generator.publish.sitedata import SiteData

FICTITIOUS_MARK = "(fictief)"
README = f"{DATA}/README.md"
BANNER = ("Voorbeeldgegevens: deze site is gebouwd met verzonnen gegevens van fictieve "
          "regio's. De cijfers zijn geen resultaten van het LLO Collectief.")


def is_example(site: SiteData) -> bool:
    if any(FICTITIOUS_MARK in region.name.lower() for region in site.regions):
        return True
    readme = site.computation.snapshot.files.get(README, b"").decode("utf-8", "replace")
    heading = next((line for line in readme.splitlines() if line.startswith("#")), "")
    return "synthetisch" in heading.lower()
