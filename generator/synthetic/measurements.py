"""Baseline and follow-up measurements (`metingen`) and work and income (`arbeid`)."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from generator.contract import REQUIRED_DIMENSIONS, SCALES, Quarter
from generator.synthetic.participants import Participant
from generator.synthetic.randomness import chance, pick, stream
from generator.synthetic.regions import RegionSpec
from generator.synthetic.row_types import Money, Row, Tenths
from generator.synthetic.timeline import distance

BASELINE_MEASURED = 0.9
"""Share of starters with a 0-meting; intake sometimes skips it."""
FOLLOW_UP_BY_AGE = {0: 0.0, 1: 0.0, 2: 0.45}
FOLLOW_UP_LATER = 0.9
"""Share with a 1-meting by quarters since the cohort started: none yet for the last two."""
WORK_DATA_MIN_AGE = 3
WORK_DATA_SHARE = 0.9
"""Income data lag the 1-meting, and a few people do not report them."""

POSITION_T0 = {1: 6.0, 2: 17.0, 3: 27.0, 4: 17.0, 5: 17.0, 6: 16.0}
INCLUSION_T0 = {1: 5.0, 2: 25.0, 3: 40.0, 4: 22.0, 5: 8.0}
LIFE_DOMAIN_T0 = {1: 6.0, 2: 24.0, 3: 38.0, 4: 24.0, 5: 8.0}
SKILLS_T0_LOW_LITERATE = {
    "taal": {0: 45.0, 1: 42.0, 2: 13.0, 3: 0.0},
    "rekenen": {0: 35.0, 1: 45.0, 2: 18.0, 3: 2.0},
    "digitaal": {0: 30.0, 1: 45.0, 2: 22.0, 3: 3.0},
}
SKILLS_T0_LOW_EDUCATED = {
    "taal": {0: 10.0, 1: 40.0, 2: 40.0, 3: 10.0},
    "rekenen": {0: 12.0, 1: 43.0, 2: 37.0, 3: 8.0},
    "digitaal": {0: 15.0, 1: 45.0, 2: 33.0, 3: 7.0},
}
IMPROVES = {"sociale_inclusie": 0.6, "taal": 0.45, "rekenen": 0.35, "digitaal": 0.5}
IMPROVES_OPTIONAL = 0.3
COMPLETION_BONUS = 0.15
"""Finishing a trajectory adds to the chance of progress on social inclusion."""
POSITION_AFTER_WORK = 0.9
POSITION_OTHERWISE = 0.33
DECLINE = 0.05

HOURS_BY_POSITION = {5: (10, 14), 6: (20, 16)}
"""Paid hours per week on rungs 5 and 6 of the ladder: lowest, plus up to the spread."""
NEW_JOB_SPREAD = 0.5
"""A first job after the trajectory is mostly a small part-time one."""
WAGE_CENTS = (1450, 500)
WAGE_RISE = 1.04
BENEFIT_BY_POSITION = {1: 0.9, 2: 0.9, 3: 0.88, 4: 0.85, 5: 0.55, 6: 0.2}
WEEKS_PER_MONTH = 52 / 12


@dataclass(frozen=True)
class Measurement:
    person: Participant
    t0: dict[str, int]
    t1: dict[str, int] | None


def measure(spec: RegionSpec, people: list[Participant], last: Quarter,
            seed: int) -> list[Measurement]:
    rng = stream(seed, spec.regio_id, "metingen")
    dimensions = REQUIRED_DIMENSIONS + spec.optional_dimensions
    found = []
    for p in people:
        measured = chance(rng, BASELINE_MEASURED)
        follow_up = chance(rng, FOLLOW_UP_BY_AGE.get(distance(p.cohort, last), FOLLOW_UP_LATER))
        t0 = {d: _baseline(d, p, rng) for d in dimensions}
        t1 = {d: _follow_up(d, t0[d], p, rng) for d in dimensions}
        if measured:
            found.append(Measurement(p, t0, t1 if follow_up else None))
    return found


def _baseline(dimension: str, p: Participant, rng: random.Random) -> int:
    if dimension == "arbeidsmarktpositie":
        return pick(rng, POSITION_T0)
    if dimension == "sociale_inclusie":
        return pick(rng, INCLUSION_T0)
    if dimension in SKILLS_T0_LOW_LITERATE:
        low_literate = p.doelgroep in ("laaggeletterd", "beide")
        table = SKILLS_T0_LOW_LITERATE if low_literate else SKILLS_T0_LOW_EDUCATED
        return pick(rng, table[dimension])
    return pick(rng, LIFE_DOMAIN_T0)


def _follow_up(dimension: str, t0: int, p: Participant, rng: random.Random) -> int:
    low, high = SCALES[dimension]
    if dimension == "arbeidsmarktpositie" and p.found_work and chance(rng, POSITION_AFTER_WORK):
        return max(t0 + 1, 5 if chance(rng, 0.6) else 6) if t0 < high else t0
    if dimension == "arbeidsmarktpositie":
        improves = POSITION_OTHERWISE
    else:
        improves = IMPROVES.get(dimension, IMPROVES_OPTIONAL)
        if dimension == "sociale_inclusie" and p.completed:
            improves += COMPLETION_BONUS
    draw = rng.random()
    if draw < improves:
        return min(high, t0 + (1 if chance(rng, 0.8) else 2))
    if draw > 1 - DECLINE:
        return max(low, t0 - 1)
    return t0


def metingen_rows(measurements: list[Measurement]) -> list[Row]:
    counts: Counter[tuple[Quarter, str, int, int | None]] = Counter()
    for m in measurements:
        for dimension, score_t0 in m.t0.items():
            score_t1 = m.t1[dimension] if m.t1 is not None else None
            counts[(m.person.cohort, dimension, score_t0, score_t1)] += 1
    order = {d: i for i, d in enumerate(SCALES)}
    keys = sorted(counts, key=lambda k: (k[0], order[k[1]], k[2], k[3] is None, k[3] or 0))
    return [{"cohort": k[0], "dimensie": k[1], "score_t0": k[2], "score_t1": k[3],
             "aantal": counts[k]} for k in keys]


@dataclass
class WorkSums:
    aantal_gemeten: int = 0
    hours_t0: int = 0
    hours_t1: int = 0
    income_t0: int = 0
    income_t1: int = 0
    benefit_t0: int = 0
    benefit_t1: int = 0


def arbeid_rows(spec: RegionSpec, measurements: list[Measurement], last: Quarter,
                seed: int) -> list[Row]:
    """One row per cohort old enough for income data, summed over people with a follow-up."""
    rng = stream(seed, spec.regio_id, "arbeid")
    sums: dict[Quarter, WorkSums] = {}
    for m in measurements:
        hours_draw, wage_draw, benefit_draw, reports = (rng.random(), rng.random(),
                                                       rng.random(), rng.random())
        if m.t1 is None or distance(m.person.cohort, last) < WORK_DATA_MIN_AGE:
            continue
        if reports >= WORK_DATA_SHARE:
            continue
        wage = WAGE_CENTS[0] + round(wage_draw * WAGE_CENTS[1])
        before, after = m.t0["arbeidsmarktpositie"], m.t1["arbeidsmarktpositie"]
        s = sums.setdefault(m.person.cohort, WorkSums())
        s.aantal_gemeten += 1
        hours_t0 = _hours(before, hours_draw)
        hours_t1 = _hours(after, hours_draw if hours_t0 else hours_draw * NEW_JOB_SPREAD)
        s.hours_t0 += hours_t0
        s.hours_t1 += hours_t1
        s.income_t0 += round(hours_t0 * WEEKS_PER_MONTH * wage)
        s.income_t1 += round(hours_t1 * WEEKS_PER_MONTH * wage * WAGE_RISE)
        s.benefit_t0 += benefit_draw < BENEFIT_BY_POSITION[before]
        s.benefit_t1 += benefit_draw < BENEFIT_BY_POSITION[after]
    return [
        {
            "cohort": cohort,
            "aantal_gemeten": s.aantal_gemeten,
            "uren_per_week_t0": Tenths(s.hours_t0 * 10),
            "uren_per_week_t1": Tenths(s.hours_t1 * 10),
            "bruto_maandinkomen_t0": Money(s.income_t0),
            "bruto_maandinkomen_t1": Money(s.income_t1),
            "met_uitkering_t0": s.benefit_t0,
            "met_uitkering_t1": s.benefit_t1,
        }
        for cohort, s in sorted(sums.items())
    ]


def _hours(position: int, draw: float) -> int:
    """Paid hours per week; one draw for both measurements keeps a person's job steady."""
    if position not in HOURS_BY_POSITION:
        return 0
    lowest, spread = HOURS_BY_POSITION[position]
    return lowest + round(draw * spread)
