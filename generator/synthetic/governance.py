"""How a region runs its pilot: `kosten`, `borging` and `factoren`."""

from __future__ import annotations

import random

from generator.contract import Quarter, quarter_range
from generator.synthetic.catalogue import (
    BORGING_PACE, BORGING_STANDS, BORGING_TEXTS, FACTORS, SOURCE_THEMES, Factor,
)
from generator.synthetic.participants import Participant, active_in
from generator.synthetic.randomness import stream
from generator.synthetic.regions import RegionSpec
from generator.synthetic.row_types import Money, Row, by_enum

DEVELOPMENT_PER_QUARTER = 55_000.0
COORDINATION_PER_QUARTER = 30_000.0
DELIVERY_PER_ACTIVE = 1_300.0
GUIDANCE_PER_ACTIVE = 550.0
RECRUITMENT_BASE = 6_000.0
RECRUITMENT_PER_STARTER = 250.0
OTHER_PER_QUARTER = (2_500.0, 6_000.0)

FUNDING: dict[str, dict[str, float]] = {
    "ontwikkeling": {"groeifonds": 0.8, "regio": 0.2},
    "uitvoering": {"groeifonds": 0.6, "regio": 0.15, "werkgevers": 0.2, "overig": 0.05},
    "begeleiding": {"groeifonds": 0.7, "regio": 0.3},
    "werving": {"groeifonds": 0.75, "regio": 0.25},
    "coordinatie": {"groeifonds": 0.8, "regio": 0.2},
    "overig": {"groeifonds": 0.5, "overig": 0.5},
}
"""Who pays which share of each kind of cost; employers pay a part of the delivery."""


def kosten_rows(spec: RegionSpec, people: list[Participant], last: Quarter,
                seed: int) -> list[Row]:
    rng = stream(seed, spec.regio_id, "kosten")
    rows = []
    for i, quarter in enumerate(quarter_range(spec.pilot_start, last)):
        active = active_in(people, quarter)
        starters = sum(1 for p in people if p.cohort == quarter)
        amounts = {
            # Building the offer costs most in the first year and tails off.
            "ontwikkeling": DEVELOPMENT_PER_QUARTER * max(0.2, 1.0 - 0.07 * i),
            "uitvoering": DELIVERY_PER_ACTIVE * active,
            "begeleiding": GUIDANCE_PER_ACTIVE * active,
            "werving": RECRUITMENT_BASE + RECRUITMENT_PER_STARTER * starters,
            "coordinatie": COORDINATION_PER_QUARTER,
            "overig": rng.uniform(*OTHER_PER_QUARTER),
        }
        for kostensoort, amount in amounts.items():
            for financier, share in FUNDING[kostensoort].items():
                euros = amount * share * rng.uniform(0.9, 1.1)
                if euros > 0:
                    rows.append({"periode": quarter, "kostensoort": kostensoort,
                                 "financier": financier, "bedrag_eur": Money(round(euros * 100))})
    return rows


def borging_rows(spec: RegionSpec, last: Quarter, seed: int) -> list[Row]:
    """Every aspect every quarter; a stand only ever moves up, each aspect at its own pace."""
    rng = stream(seed, spec.regio_id, "borging")
    quarters = quarter_range(spec.pilot_start, last)
    stands = {aspect: _stand_per_quarter(len(quarters), BORGING_PACE[aspect], rng)
              for aspect in BORGING_TEXTS}
    rows = []
    for i, quarter in enumerate(quarters):
        for aspect in sorted(BORGING_TEXTS, key=lambda a: by_enum("borging", "aspect", a)):
            stand = stands[aspect][i]
            rows.append({"periode": quarter, "aspect": aspect, "stand": stand,
                         "toelichting": BORGING_TEXTS[aspect][stand]})
    return rows


def _stand_per_quarter(count: int, pace: tuple[int, int], rng: random.Random) -> list[str]:
    level, next_step, stands = 0, rng.randint(*pace), []
    for i in range(count):
        if i == next_step and level < len(BORGING_STANDS) - 1:
            level += 1
            next_step = i + rng.randint(*pace)
        stands.append(BORGING_STANDS[level])
    return stands


def factoren_rows(spec: RegionSpec, last: Quarter, seed: int) -> list[Row]:
    """Coded factors from the conversations held in a quarter, with how often each came up."""
    rng = stream(seed, spec.regio_id, "factoren")
    known = rng.sample(FACTORS, rng.randint(18, 24))
    known.sort(key=FACTORS.index)
    rows = []
    for i, quarter in enumerate(quarter_range(spec.pilot_start, last)):
        for bron in _conversations(i, quarter):
            themes = SOURCE_THEMES[bron]
            fitting = [f for f in known if f.thema in themes]
            mentioned = rng.sample(fitting, min(len(fitting), rng.randint(3, 6)))
            rows += [_factor_row(quarter, bron, f, rng.randint(1, 5)) for f in mentioned]
    return sorted(rows, key=_factor_order)


def _conversations(index: int, quarter: Quarter) -> list[str]:
    """Group talks every half year, national interviews each autumn, participants every
    third quarter."""
    held = []
    if index % 2 == 1:
        held.append("groepsgesprek_regio")
    if quarter.q == 4 and index >= 2:
        held.append("interview_landelijk")
    if index % 3 == 2:
        held.append("deelnemersgesprek")
    return held


def _factor_row(quarter: Quarter, bron: str, factor: Factor, mentions: int) -> Row:
    return {"periode": quarter, "bron": bron, "thema": factor.thema, "factor": factor.factor,
            "richting": factor.richting, "vermeldingen": mentions}


def _factor_order(row: Row) -> tuple:
    return (row["periode"], by_enum("factoren", "bron", row["bron"]),
            by_enum("factoren", "thema", row["thema"]),
            by_enum("factoren", "richting", row["richting"]), row["factor"])
