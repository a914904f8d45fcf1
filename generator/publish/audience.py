"""Which figures a region's audience may read: the national totals and its own region.

A region password opens a variant of the site made from `region_data`: every figure of
another region is left out (so its region page, audit pages, series, table rows, manifest
entries and search entries are too), and the other regions are `withheld`. Totals stay the
national totals, computed from all regions, and `regions` still lists every region since a
total's target and status depend on all of them. With few regions "total minus own
region" still tells the rest: that inference is inherent in publishing totals.
"""

from __future__ import annotations

from generator.compute.lineage import TOTAL
from generator.publish.sitedata import SiteData, derived_key


def region_data(data: SiteData, region: str) -> SiteData:
    """`data` as the audience of `region` may read it."""
    keep = {region, TOTAL}
    return derived_key(SiteData(data.computation, [f for f in data.figures if f.region in keep],
                                data.regions, data.k, data.economy,
                                withheld=frozenset(r.id for r in data.regions if r.id != region)),
                       data, f"region_data(region={region!r})")
