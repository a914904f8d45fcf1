"""Counts of people moving: `instroom`, `uitstroom`, `bewijzen` and `matches`."""

from __future__ import annotations

import random
from collections import Counter

from generator.contract import Quarter
from generator.synthetic.catalogue import VOCATIONAL_SECTORS
from generator.synthetic.offer import Traject
from generator.synthetic.participants import Participant
from generator.synthetic.randomness import chance, pick, stream
from generator.synthetic.regions import RegionSpec
from generator.synthetic.row_types import Row, by_enum
from generator.synthetic.timeline import distance, shift

FOLLOW_UP_6_AFTER = 2
FOLLOW_UP_12_AFTER = 4
"""Quarters after leaving before the 6- and 12-month follow-up is known."""

CERTIFICATE_ON_COMPLETION = 0.57
"""Share of completers of a trajectory with civil effect who pass the exam."""
PARTIAL = "deelcertificaat_zonder_civiel_effect"
PARTIAL_CERTIFICATE_COMPLETER = 0.55
PARTIAL_CERTIFICATE_DROPOUT = 0.3
MATCH_JOB = 0.8
MATCH_BBL = 0.9
MATCH_PLACEMENT = 0.36
"""Chance of a work-experience place or internship while in a vocational trajectory."""


def instroom_rows(people: list[Participant], offer: list[Traject]) -> list[Row]:
    counts = Counter((p.cohort, p.traject.traject_id, p.doelgroep, p.wervingskanaal)
                     for p in people)
    order = _traject_order(offer)
    keys = sorted(counts, key=lambda k: (k[0], order[k[1]], by_enum("instroom", "doelgroep", k[2]),
                                         by_enum("instroom", "wervingskanaal", k[3])))
    return [{"periode": k[0], "traject_id": k[1], "doelgroep": k[2], "wervingskanaal": k[3],
             "aantal": counts[k]} for k in keys]


def uitstroom_rows(people: list[Participant], offer: list[Traject], last: Quarter) -> list[Row]:
    totals: dict[tuple[Quarter, str, str], list[int]] = {}
    for p in people:
        if p.leave is None or p.bestemming is None:
            continue
        counts = totals.setdefault((p.leave, p.traject.traject_id, p.bestemming), [0, 0, 0])
        counts[0] += 1
        counts[1] += p.actief_na_6
        counts[2] += p.actief_na_12
    order = _traject_order(offer)
    keys = sorted(totals, key=lambda k: (k[0], order[k[1]],
                                         by_enum("uitstroom", "bestemming", k[2])))
    rows = []
    for key in keys:
        aantal, active_6, active_12 = totals[key]
        waited = distance(key[0], last)
        rows.append({
            "periode": key[0], "traject_id": key[1], "bestemming": key[2], "aantal": aantal,
            "actief_na_6_maanden": active_6 if waited >= FOLLOW_UP_6_AFTER else None,
            "actief_na_12_maanden": active_12 if waited >= FOLLOW_UP_12_AFTER else None,
        })
    return rows


def bewijzen_rows(spec: RegionSpec, people: list[Participant], offer: list[Traject],
                  seed: int) -> list[Row]:
    rng = stream(seed, spec.regio_id, "bewijzen")
    counts: Counter[tuple[Quarter, str, str]] = Counter()
    for p in people:
        soort = _certificate(p, rng)
        if soort is not None and p.leave is not None:
            counts[(p.leave, p.traject.traject_id, soort)] += 1
    order = _traject_order(offer)
    keys = sorted(counts, key=lambda k: (k[0], order[k[1]], by_enum("bewijzen", "soort", k[2])))
    return [{"periode": k[0], "traject_id": k[1], "soort": k[2], "aantal": counts[k]}
            for k in keys]


def _certificate(p: Participant, rng: random.Random) -> str | None:
    """What someone obtains on leaving, if anything.

    The draw is made for everyone, so that one person's outcome never shifts the next one's.
    """
    draw = rng.random()
    template = p.traject.template
    if p.leave is None:
        return None
    if p.completed and template.civiel_effect != "geen":
        return template.bewijs if draw < CERTIFICATE_ON_COMPLETION else None
    if p.completed:
        return PARTIAL if draw < PARTIAL_CERTIFICATE_COMPLETER else None
    if template.vorm != "basisvaardigheden" and draw < PARTIAL_CERTIFICATE_DROPOUT:
        return PARTIAL
    return None


def matches_rows(spec: RegionSpec, people: list[Participant], last: Quarter,
                 seed: int) -> list[Row]:
    rng = stream(seed, spec.regio_id, "matches")
    counts: Counter[tuple[Quarter, str, str]] = Counter()
    for p in people:
        for quarter, soort in _matches_of(p, last, rng):
            counts[(quarter, soort, _match_sector(spec, p, rng))] += 1
    keys = sorted(counts, key=lambda k: (k[0], by_enum("matches", "soort", k[1]),
                                         by_enum("matches", "sector", k[2])))
    return [{"periode": k[0], "soort": k[1], "sector": k[2], "aantal": counts[k]} for k in keys]


def _matches_of(p: Participant, last: Quarter, rng: random.Random) -> list[tuple[Quarter, str]]:
    """A placement during a vocational trajectory, and a job or BBL place on leaving."""
    found = []
    if p.traject.template.vorm != "basisvaardigheden" and chance(rng, MATCH_PLACEMENT):
        stay_end = p.leave if p.leave is not None else shift(last, 1)
        quarter = shift(p.cohort, rng.randint(0, max(0, distance(p.cohort, stay_end) - 1)))
        found.append((quarter, _placement_kind(p, rng)))
    if p.bestemming == "werk" and chance(rng, MATCH_JOB):
        found.append((p.leave, "baan"))
    if p.bestemming == "werk_en_mbo" and chance(rng, MATCH_BBL):
        found.append((p.leave, "bbl_leerbaan"))
    return found


def _placement_kind(p: Participant, rng: random.Random) -> str:
    aanbieder = p.traject.template.aanbieder
    if aanbieder == "werkgever":
        return "werkervaringsplaats"
    if aanbieder == "roc":
        return "stage"
    return pick(rng, {"werkervaringsplaats": 1.0, "stage": 1.0})


def _match_sector(spec: RegionSpec, p: Participant, rng: random.Random) -> str:
    """The trajectory's sector; after basic skills only, a sector the region is strong in."""
    sector = p.traject.template.sector
    if sector != "overig":
        return sector
    return pick(rng, {s: spec.affinity(s) for s in VOCATIONAL_SECTORS})


def _traject_order(offer: list[Traject]) -> dict[str, int]:
    return {t.traject_id: i for i, t in enumerate(offer)}
