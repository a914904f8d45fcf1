"""How much the economic effect depends on its parameters: tornado and Monte Carlo."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from collections.abc import Sequence

from generator.economics.inputs import EconomicInputs
from generator.economics.model import compute, evaluate_values, in_base_prices
from generator.economics.params import EconomicParameters
from generator.economics.schema import PARAMETER_NAMES

METRICS: tuple[str, ...] = (
    "baten_per_deelnemer_per_jaar",
    "baten_per_bereikte_deelnemer",
    "baten_per_gemeten_deelnemer",
    "baten_totaal",
    "netto_contante_waarde",
    "baten_kostenratio",
    "bbp_effect_pct",
    "bbp_effect_opgeschaald_pct",
)
"""Result fields the sensitivity analyses report on."""


@dataclass(frozen=True)
class TornadoBar:
    parameter: str
    laag: float
    """The parameter's low value."""
    hoog: float
    uitkomst_laag: float | None
    """The metric with this parameter low and all others central."""
    uitkomst_hoog: float | None

    @property
    def breedte(self) -> float:
        if self.uitkomst_laag is None or self.uitkomst_hoog is None:
            return 0.0
        return abs(self.uitkomst_hoog - self.uitkomst_laag)


@dataclass(frozen=True)
class Tornado:
    metric: str
    centraal: float | None
    bars: tuple[TornadoBar, ...]
    """Widest first; equal widths in the order of the parameter file's declaration."""


@dataclass(frozen=True)
class Interval:
    p5: float
    p50: float
    p95: float


@dataclass(frozen=True)
class MonteCarloResult:
    seed: int
    trekkingen: int
    intervals: tuple[tuple[str, Interval | None], ...]
    """Per metric; None when the metric is undefined (no one measured, no costs)."""

    def __getitem__(self, metric: str) -> Interval | None:
        return dict(self.intervals)[metric]


def tornado(inputs: EconomicInputs | Sequence[EconomicInputs], params: EconomicParameters,
            metric: str = "baten_per_deelnemer_per_jaar") -> Tornado:
    """Each parameter at its low and its high value with the rest central, widest bar first."""
    _check_metric(metric)
    central = params.values("central")
    bars = []
    for name in PARAMETER_NAMES:
        low, high = params[name].laag, params[name].hoog
        at_low = evaluate_values(inputs, params, {**central, name: low})
        at_high = evaluate_values(inputs, params, {**central, name: high})
        bars.append(TornadoBar(parameter=name, laag=low, hoog=high,
                               uitkomst_laag=getattr(at_low, metric),
                               uitkomst_hoog=getattr(at_high, metric)))
    # sorted() is stable, so ties keep the declared order: the same chart on every run.
    ordered = sorted(bars, key=lambda bar: -bar.breedte)
    centre = getattr(evaluate_values(inputs, params, central), metric)
    return Tornado(metric=metric, centraal=centre, bars=tuple(ordered))


def draw_parameters(params: EconomicParameters, trekkingen: int, seed: int,
                    rng: np.random.Generator | None = None) -> dict[str, np.ndarray]:
    """`trekkingen` independent draws of every parameter from triangular(laag, centraal, hoog).

    Parameters are drawn in the declared order from one generator, so a seed fixes every
    draw. A parameter with laag == hoog is a constant (numpy refuses a zero-width triangle).
    """
    rng = np.random.default_rng(seed) if rng is None else rng
    draws = {}
    for name in PARAMETER_NAMES:
        p = params[name]
        draws[name] = (np.full(trekkingen, p.centraal) if p.laag == p.hoog
                       else rng.triangular(p.laag, p.centraal, p.hoog, size=trekkingen))
    return draws


def draw_retentions(parts: Sequence[EconomicInputs], trekkingen: int,
                    rng: np.random.Generator) -> list[np.ndarray | None]:
    """Per region, draws of its half-year retention s from Beta(a12 + ½, a6 − a12 + ½)
    (Jeffreys): the sampling uncertainty of the measured follow-up. None without follow-up."""
    drawn: list[np.ndarray | None] = []
    for part in parts:
        follow = part.opvolging
        if follow is None or not follow.actief_6:
            drawn.append(None)
            continue
        drawn.append(rng.beta(follow.actief_12 + 0.5, follow.actief_6 - follow.actief_12 + 0.5,
                              size=trekkingen))
    return drawn


def monte_carlo(inputs: EconomicInputs | Sequence[EconomicInputs], params: EconomicParameters,
                trekkingen: int | None = None, seed: int | None = None) -> MonteCarloResult:
    """P5, P50 and P95 of each metric over seeded draws; defaults from the parameter file."""
    n = params.monte_carlo.trekkingen if trekkingen is None else trekkingen
    s = params.monte_carlo.seed if seed is None else seed
    parts = (inputs,) if isinstance(inputs, EconomicInputs) else tuple(inputs)
    rng = np.random.default_rng(s)
    # Parameters first, then the follow-up: adding follow-up leaves the parameters' draws as
    # they were.
    values = draw_parameters(params, n, s, rng)
    real_parts, real_values, gdp_base = in_base_prices(parts, params, values)
    figures = compute(real_parts, real_values, gdp_base, draw_retentions(parts, n, rng))
    intervals = []
    for metric in METRICS:
        values = np.broadcast_to(np.asarray(figures[metric], dtype=float), (n,))
        if np.isnan(values).any():
            intervals.append((metric, None))
            continue
        p5, p50, p95 = np.percentile(values, [5, 50, 95])
        intervals.append((metric, Interval(float(p5), float(p50), float(p95))))
    return MonteCarloResult(seed=s, trekkingen=n, intervals=tuple(intervals))


def _check_metric(metric: str) -> None:
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {', '.join(METRICS)}, not {metric!r}")
