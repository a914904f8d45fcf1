"""Dutch wording of the site's recurring phrases: quarters, scopes, commits, categories."""

from __future__ import annotations

import datetime as dt
import re

from generator.compute.attainment import TARGET_KEY
from generator.compute.lineage import TOTAL, Figure
from generator.contract import Quarter
from generator.indicators.definition import PHASE
from generator.publish.sitedata import SiteData

QUARTER_NAMES = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde"}
PHASE_WORDS = {"pilot": "de pilotregio's samen", "opschaling": "de opschalingsregio's samen"}
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
UNIT_WORDS = {"aantal": "aantal", "procent": "procent", "euro": "euro", "score": "score",
              "getal": "getal"}


def quarter_words(period: str | None) -> str:
    """`2026-Q2` -> `het tweede kwartaal van 2026`."""
    if not period:
        return "–"
    quarter = Quarter.parse(period)
    return f"het {QUARTER_NAMES[quarter.q]} kwartaal van {quarter.year}"


_QUARTER = re.compile(r"\b(\d{4})-Q([1-4])\b")


def reader_quarters(words: str) -> str:
    """Free text (a definition's note) with its quarters as the site writes them: `2026-K4`."""
    return _QUARTER.sub(r"\1-K\2", words)


def dutch_date(moment: dt.date | dt.datetime) -> str:
    """`2026-11-23` -> `23 november 2026`."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def short_sha(sha: str) -> str:
    return sha[:12]


def scope_words(site: SiteData, figure: Figure) -> str:
    """Whom a value is about: `Voorbeeldregio Noord`, `alle regio's samen`, `de pilotregio's samen`."""
    cells = dict(figure.breakdown)
    if figure.region != TOTAL:
        return site.region_name(figure.region)
    phase = cells.get(PHASE)
    if phase:
        return PHASE_WORDS.get(phase, f"de regio's in fase {phase} samen")
    return "alle regio's samen"


def cell_words(figure: Figure) -> str:
    """The breakdown of a figure as a reader names it (without fase and target keys)."""
    labels = dict(dict(figure.extra).get("labels", ()))
    return " · ".join(labels.get(key, value.replace("_", " "))
                      for key, value in figure.breakdown if key not in (PHASE, TARGET_KEY))


def category(value: str) -> str:
    """A contract category (`zorg_welzijn`) as text (`zorg welzijn`)."""
    return value.replace("_", " ")
