"""Seeded random streams and the few sampling helpers built on them."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def stream(seed: int, *names: str) -> random.Random:
    """An independent stream per region and per table.

    Separate streams keep a change in how one table is drawn from shifting every number
    in the others. A str seed is hashed with SHA-512 by `random`, so it does not depend on
    PYTHONHASHSEED or the platform.
    """
    return random.Random(":".join([str(seed), *names]))


def chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability


def pick(rng: random.Random, weights: Mapping[T, float]) -> T:
    """One key of `weights`, drawn in proportion to its weight (dict order is fixed)."""
    keys = list(weights)
    return rng.choices(keys, weights=[weights[key] for key in keys], k=1)[0]


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split `total` into whole parts proportional to `weights` (largest remainder).

    Ties go to the earlier position, so the split is exact and reproducible.
    """
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    shares = [total * weight / weight_sum for weight in weights]
    parts = [int(share) for share in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: (parts[i] - shares[i], i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def weighted_sample(rng: random.Random, items: Sequence[T], weights: Sequence[float],
                    count: int) -> list[T]:
    """`count` distinct items, likelier the heavier they are, in their original order.

    Efraimidis–Spirakis: each item gets the key u ** (1 / weight) and the largest keys win.
    """
    keys = [(rng.random() ** (1.0 / weight), i) for i, weight in enumerate(weights)]
    chosen = sorted(i for _, i in sorted(keys, reverse=True)[:count])
    return [items[i] for i in chosen]
