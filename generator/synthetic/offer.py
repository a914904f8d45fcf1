"""The training offer of a region (`trajecten`) and when each trajectory opened."""

from __future__ import annotations

import random
from dataclasses import dataclass

from generator.contract import Quarter
from generator.synthetic.catalogue import CORE_TEMPLATE, TEMPLATES, TrajectTemplate
from generator.synthetic.randomness import stream, weighted_sample
from generator.synthetic.regions import RegionSpec
from generator.synthetic.row_types import Row
from generator.synthetic.timeline import distance, shift

OPEN_AT_START = 3
"""A pilot opens with a handful of trajectories and adds the rest as they are built."""
LATEST_OPENING = 8
"""Quarters after the start by which every finished trajectory has opened."""
EARLY_OPENING = 2
"""Only a trajectory opened in the first quarters has run long enough to be ended."""
MIN_QUARTERS_FOR_ENDING = 6
"""Too short a range leaves no room for a trajectory to run and be ended."""


@dataclass(frozen=True)
class Traject:
    template: TrajectTemplate
    beschikbaar_vanaf: Quarter | None
    status: str
    last_intake: Quarter | None = None
    """Last quarter it took starters; only set for an ended trajectory."""

    @property
    def traject_id(self) -> str:
        return self.template.slug

    def open_in(self, quarter: Quarter) -> bool:
        """Whether it takes starters in `quarter`."""
        if self.beschikbaar_vanaf is None or quarter < self.beschikbaar_vanaf:
            return False
        return self.last_intake is None or quarter <= self.last_intake


def build_offer(spec: RegionSpec, last: Quarter, seed: int) -> list[Traject]:
    """The region's trajectories, in the order they opened (those in development last)."""
    rng = stream(seed, spec.regio_id, "trajecten")
    rollout = _rollout_order(spec, rng)
    span = distance(spec.pilot_start, last) + 1
    in_development = min(spec.in_development, len(rollout) - OPEN_AT_START)
    opened = rollout[: len(rollout) - in_development]
    max_offset = max(0, min(span - 1, LATEST_OPENING))
    later = sorted(rng.randint(1, max_offset) if max_offset else 0
                   for _ in opened[OPEN_AT_START:])
    offsets = [0] * min(OPEN_AT_START, len(opened)) + later
    offer = [Traject(template, shift(spec.pilot_start, offset), "beschikbaar")
             for template, offset in zip(opened, offsets)]
    if span >= MIN_QUARTERS_FOR_ENDING and len(offer) > 1:
        # The least wanted of the early trajectories is the one a region stops again.
        early = [i for i, t in enumerate(offer[1:], start=1)
                 if distance(spec.pilot_start, t.beschikbaar_vanaf) <= EARLY_OPENING]
        if early:
            ended = min(early, key=lambda i: _pull(spec, offer[i].template))
            last_intake = shift(spec.pilot_start, rng.randint(3, min(5, span - 3)))
            offer[ended] = Traject(offer[ended].template, offer[ended].beschikbaar_vanaf,
                                   "beeindigd", last_intake)
    offer += [Traject(template, None, "in_ontwikkeling")
              for template in rollout[len(opened):]]
    return offer


def _rollout_order(spec: RegionSpec, rng: random.Random) -> list[TrajectTemplate]:
    """The core basic-skills trajectory first, then the others the region wants most."""
    core = next(t for t in TEMPLATES if t.slug == CORE_TEMPLATE)
    others = [t for t in TEMPLATES if t.slug != CORE_TEMPLATE]
    chosen = weighted_sample(rng, others, [_pull(spec, t) for t in others],
                             spec.traject_count - 1)
    priority = [_pull(spec, t) * rng.uniform(0.6, 1.4) for t in chosen]
    ranked = [t for _, t in sorted(zip(priority, chosen), key=lambda pair: -pair[0])]
    return [core, *ranked]


def _pull(spec: RegionSpec, template: TrajectTemplate) -> float:
    return template.popularity * spec.affinity(template.sector)


def trajecten_rows(offer: list[Traject]) -> list[Row]:
    return [
        {
            "traject_id": t.traject_id,
            "naam": t.template.naam,
            "vorm": t.template.vorm,
            "sector": t.template.sector,
            "aanbieder": t.template.aanbieder,
            "civiel_effect": t.template.civiel_effect,
            "beschikbaar_vanaf": t.beschikbaar_vanaf,
            "status": t.status,
        }
        for t in offer
    ]
