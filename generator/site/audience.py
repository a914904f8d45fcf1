"""The site's inputs for a region's audience: every data state through `region_data`."""

from __future__ import annotations

from dataclasses import replace

from generator.publish.audience import region_data
from generator.site.outputs import SiteInputs


def for_region(site: SiteInputs, region: str) -> SiteInputs:
    """`site` as the audience of `region` may read it: the live monitor and each edition."""
    return replace(site, live=region_data(site.live, region),
                   editions=[replace(e, data=region_data(e.data, region))
                             for e in site.editions])
