"""Confidence intervals for shares of counts."""

from __future__ import annotations

import math

Z_95 = 1.959963984540054
"""The standard normal quantile of 97,5%: a two-sided 95% interval."""


def wilson_interval(successes: float, total: float, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval of the share successes / total (as fractions).

    (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Unlike p ± z·√(p(1−p)/n) it stays
    within 0..1 and does not collapse to a point at 0 or 1 with few people.
    """
    if total <= 0:
        raise ValueError("total must be positive")
    n, p = float(total), successes / total
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denominator = 1 + z * z / n
    return (centre - spread) / denominator, (centre + spread) / denominator
