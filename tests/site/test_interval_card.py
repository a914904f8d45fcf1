"""A share with a Wilson interval shows it under its value, linked to the same audit entry."""

from __future__ import annotations

import re
from pathlib import Path

from tests.site.conftest import page

SHARE = "verbetering_sociale_inclusie_aandeel"


def dutch(number: str) -> float:
    return float(number.replace("%", "").replace(".", "").replace(",", ".").strip())


def test_the_share_card_gives_its_95_interval_around_its_value(example_site: Path) -> None:
    html = page(example_site, f"indicatoren/{SHARE}/")
    value = re.search(r'<p class="im-kpi-value[^"]*"><a class="im-figure" href="[^"]*" '
                      r'data-figure-id="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert value is not None
    figure_id, shown = value.groups()
    line = re.search(r'<p class="im-kpi-interval">(.*?)</p>', html, re.S)
    assert line is not None and "95%-betrouwbaarheidsinterval" in line.group(1)
    bounds = re.findall(r'data-figure-id="([^"]+)"[^>]*>([^<]+)</a>', line.group(1))
    assert [found for found, _ in bounds] == [figure_id, figure_id]
    low, high = (dutch(number) for _, number in bounds)
    assert 0 <= low < dutch(shown) < high <= 100


def test_a_count_has_no_interval_line(example_site: Path) -> None:
    assert "im-kpi-interval" not in page(example_site, "indicatoren/deelnemers_bereikt/")
