"""Invented participants, one record each, from which every aggregate is counted.

The records never leave the generator: only their counts are written. Counting from one
set of people is what keeps the tables consistent with each other (outflow never exceeds
inflow, measurements never exceed starters, work data only for people with a follow-up).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from generator.contract import Quarter, quarter_range
from generator.synthetic.offer import Traject
from generator.synthetic.randomness import apportion, chance, pick, stream
from generator.synthetic.regions import RegionSpec
from generator.synthetic.timeline import shift

DOELGROEP_BASIC = {"laaggeletterd": 5.0, "laagopgeleid": 2.0, "beide": 3.0}
DOELGROEP_VOCATIONAL = {"laaggeletterd": 2.0, "laagopgeleid": 5.0, "beide": 3.0}

CHANNEL_BOOST: dict[str, dict[str, float]] = {
    "werkgever": {"werkgever": 3.0},
    "taalaanbieder": {"taalhuis": 2.5, "welzijn": 1.5},
    "gemeente": {"gemeente": 2.0},
    "roc": {"zelfmelder": 1.5},
}
"""Who provides a trajectory shifts where its participants come from."""

DROPOUT = {"basisvaardigheden": 0.12, "beroepsopleiding": 0.16, "combinatie": 0.18}
DROPOUT_DESTINATIONS = {"geen": 6.0, "onbekend": 4.0}
DESTINATIONS_BASIC = {"werk": 22.0, "werk_en_mbo": 5.0, "mbo": 18.0, "vervolgtraject": 35.0,
                      "geen": 12.0, "onbekend": 8.0}
DESTINATIONS_VOCATIONAL = {"werk": 45.0, "werk_en_mbo": 14.0, "mbo": 14.0,
                           "vervolgtraject": 10.0, "geen": 11.0, "onbekend": 6.0}
ACTIVE_AFTER_6 = {"werk": 0.85, "werk_en_mbo": 0.9, "mbo": 0.8, "vervolgtraject": 0.85,
                  "geen": 0.12, "onbekend": 0.08}
STILL_ACTIVE_AFTER_12 = 0.85
SUMMER_DIP = 0.75
"""Fewer people start in the third quarter (summer holidays)."""
NEW_TRAJECT_DAMPING = 0.5
"""A trajectory fills slowly in the quarter it opens."""


@dataclass(frozen=True)
class Participant:
    cohort: Quarter
    traject: Traject
    doelgroep: str
    wervingskanaal: str
    leave: Quarter | None
    """Quarter of leaving; None while still in the trajectory at the last quarter."""
    bestemming: str | None
    completed: bool
    actief_na_6: bool
    actief_na_12: bool

    @property
    def found_work(self) -> bool:
        return self.bestemming in ("werk", "werk_en_mbo")


def intake_per_quarter(spec: RegionSpec, last: Quarter, rng: random.Random) -> list[int]:
    """Starters per quarter: a slow first year, then a plateau, summers lower."""
    quarters = quarter_range(spec.pilot_start, last)
    weights = []
    for i, quarter in enumerate(quarters):
        ramp = min(1.0, 0.2 + 0.12 * i)
        season = SUMMER_DIP if quarter.q == 3 else 1.0
        weights.append(ramp * season * rng.uniform(0.85, 1.15))
    return apportion(spec.participants, weights)


def simulate_participants(spec: RegionSpec, offer: list[Traject], last: Quarter,
                          seed: int) -> list[Participant]:
    rng = stream(seed, spec.regio_id, "deelnemers")
    quarters = quarter_range(spec.pilot_start, last)
    people = []
    for quarter, starters in zip(quarters, intake_per_quarter(spec, last, rng)):
        open_now = [t for t in offer if t.open_in(quarter)]
        wanted = {t: _pull(spec, t, quarter) for t in open_now}
        for _ in range(starters):
            people.append(_participant(spec, pick(rng, wanted), quarter, last, rng))
    return people


def _pull(spec: RegionSpec, traject: Traject, quarter: Quarter) -> float:
    pull = traject.template.popularity * spec.affinity(traject.template.sector)
    return pull * (NEW_TRAJECT_DAMPING if quarter == traject.beschikbaar_vanaf else 1.0)


def _participant(spec: RegionSpec, traject: Traject, cohort: Quarter, last: Quarter,
                 rng: random.Random) -> Participant:
    vorm = traject.template.vorm
    doelgroep = pick(rng, DOELGROEP_BASIC if vorm == "basisvaardigheden" else DOELGROEP_VOCATIONAL)
    boost = CHANNEL_BOOST.get(traject.template.aanbieder, {})
    channels = {name: weight * boost.get(name, 1.0) for name, weight in spec.channels.items()}
    kanaal = pick(rng, channels)
    shortest, longest = traject.template.duration
    completed = not chance(rng, DROPOUT[vorm])
    if completed:
        stay = rng.randint(shortest, longest)
        bestemming = pick(rng, DESTINATIONS_BASIC if vorm == "basisvaardigheden"
                          else DESTINATIONS_VOCATIONAL)
    else:
        stay = rng.randint(1, max(1, longest - 1))
        bestemming = pick(rng, DROPOUT_DESTINATIONS)
    actief_6 = chance(rng, ACTIVE_AFTER_6[bestemming])
    actief_12 = actief_6 and chance(rng, STILL_ACTIVE_AFTER_12)
    leave = shift(cohort, stay)
    if leave > last:
        return Participant(cohort, traject, doelgroep, kanaal, None, None, False, False, False)
    return Participant(cohort, traject, doelgroep, kanaal, leave, bestemming, completed,
                       actief_6, actief_12)


def active_in(people: list[Participant], quarter: Quarter) -> int:
    """How many are in a trajectory during `quarter` (started, not yet left)."""
    return sum(1 for p in people
               if p.cohort <= quarter and (p.leave is None or quarter < p.leave))
