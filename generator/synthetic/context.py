"""Regional context (`context`): labour market and background, five indicators a quarter."""

from __future__ import annotations

from dataclasses import dataclass

from generator.contract import Quarter, quarter_range
from generator.synthetic.randomness import stream
from generator.synthetic.regions import RegionSpec
from generator.synthetic.row_types import Row, Tenths


@dataclass(frozen=True)
class Indicator:
    name: str
    base: tuple[float, float]
    """Range the region's starting value is drawn from."""
    trend: float
    """Change per quarter (per year for the yearly figures)."""
    noise: float
    yearly: bool
    bron: str
    ceiling: float = 100.0


INDICATORS: tuple[Indicator, ...] = (
    Indicator("werkloosheid_pct", (3.2, 4.6), 0.04, 0.1, False,
              "CBS StatLine, werkloosheid per arbeidsmarktregio (synthetisch)"),
    Indicator("netto_arbeidsparticipatie_pct", (68.5, 72.0), -0.03, 0.2, False,
              "CBS StatLine, arbeidsdeelname per arbeidsmarktregio (synthetisch)"),
    Indicator("vacatures_per_100_werklozen", (95.0, 130.0), -1.5, 3.0, False,
              "UWV arbeidsmarktinformatie, spanningsindicator (synthetisch)", ceiling=1000.0),
    Indicator("aandeel_laagopgeleiden_pct", (17.0, 24.0), -0.3, 0.1, True,
              "CBS StatLine, onderwijsniveau van de bevolking (synthetisch)"),
    Indicator("aandeel_laaggeletterden_pct", (11.5, 16.5), -0.1, 0.1, True,
              "Stichting Lezen en Schrijven, regionale schatting (synthetisch)"),
)


def context_rows(spec: RegionSpec, last: Quarter, seed: int) -> list[Row]:
    rng = stream(seed, spec.regio_id, "context")
    bases = {ind.name: rng.uniform(*ind.base) for ind in INDICATORS}
    rows = []
    quarters = quarter_range(spec.pilot_start, last)
    yearly_noise: dict[tuple[str, int], float] = {}
    for i, quarter in enumerate(quarters):
        for ind in INDICATORS:
            if ind.yearly:
                # Published once a year: every quarter of a year shows the same figure.
                step = quarter.year - quarters[0].year
                noise = yearly_noise.setdefault((ind.name, quarter.year),
                                                rng.uniform(-ind.noise, ind.noise))
            else:
                step = i
                noise = rng.uniform(-ind.noise, ind.noise)
            value = min(ind.ceiling, max(0.0, bases[ind.name] + ind.trend * step + noise))
            rows.append({"periode": quarter, "indicator": ind.name,
                         "waarde": Tenths(round(value * 10)), "bron": ind.bron})
    return rows
