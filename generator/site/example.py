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

import csv
import io

from generator.compute.data_frames import REGISTER_PATH
from generator.paths import DATA
from generator.publish.sitedata import SiteData, source_snapshot

FICTITIOUS_MARK = "(fictief)"
README = f"{DATA}/README.md"
BANNER = ("Voorbeeldgegevens: deze site is gebouwd met verzonnen gegevens van fictieve "
          "regio's. De cijfers zijn geen resultaten van het LLO Collectief.")


def is_example(site: SiteData) -> bool:
    """Read from the snapshot only (the register's names, the README), so that data the
    cache has not read yet stay unread."""
    snapshot = source_snapshot(site)
    register = snapshot.files.get(REGISTER_PATH, b"").decode("utf-8-sig", "replace")
    names = (row.get("naam") or "" for row in csv.DictReader(io.StringIO(register)))
    if any(FICTITIOUS_MARK in str(name).lower() for name in names):
        return True
    readme = snapshot.files.get(README, b"").decode("utf-8", "replace")
    heading = next((line for line in readme.splitlines() if line.startswith("#")), "")
    return "synthetisch" in heading.lower()
