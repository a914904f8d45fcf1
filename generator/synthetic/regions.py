"""Which regions a run makes: the two example pilots or a numbered benchmark set."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.contract import SCALES, REQUIRED_DIMENSIONS, Quarter
from generator.synthetic.catalogue import VOCATIONAL_SECTORS
from generator.synthetic.randomness import stream
from generator.synthetic.timeline import distance, shift

OPTIONAL_DIMENSIONS: tuple[str, ...] = tuple(d for d in SCALES if d not in REQUIRED_DIMENSIONS)

NATIONAL_CHANNELS: dict[str, float] = {
    "uwv": 3.0, "gemeente": 3.0, "werkgever": 1.5, "taalhuis": 1.5, "welzijn": 1.0,
    "zelfmelder": 1.0, "overig": 0.5,
}
"""Typical mix of recruitment channels; a region's own mix leans away from it."""


@dataclass(frozen=True)
class RegionSpec:
    regio_id: str
    naam: str
    arbeidsmarktregio: str
    pilot_start: Quarter
    fase: str
    participants: int
    """Starters over the whole range, split exactly over the quarters."""
    traject_count: int
    in_development: int
    """How many of the trajectories are still being developed at the last quarter."""
    sector_affinity: dict[str, float] = field(default_factory=dict)
    """Weight of a sector in this region's offer and matches (1.0 when absent)."""
    channels: dict[str, float] = field(default_factory=lambda: dict(NATIONAL_CHANNELS))
    optional_dimensions: tuple[str, ...] = ()

    def affinity(self, sector: str) -> float:
        return self.sector_affinity.get(sector, 1.0)


def example_regions(first: Quarter) -> list[RegionSpec]:
    """The committed example: noord leans on zorg via UWV, zuid on techniek and logistiek
    via employers, and zuid starts a quarter later."""
    noord = RegionSpec(
        regio_id="voorbeeld-noord",
        naam="Voorbeeldregio Noord (fictief)",
        arbeidsmarktregio="AM98",
        pilot_start=first,
        fase="pilot",
        participants=224,
        traject_count=12,
        in_development=2,
        sector_affinity={"zorg_welzijn": 4.0, "schoonmaak": 1.5, "overheid": 1.3},
        channels={"uwv": 5.0, "gemeente": 2.5, "werkgever": 1.0, "taalhuis": 2.0,
                  "welzijn": 1.5, "zelfmelder": 1.0, "overig": 0.5},
        optional_dimensions=("financien", "sociaal_netwerk"),
    )
    zuid = RegionSpec(
        regio_id="voorbeeld-zuid",
        naam="Voorbeeldregio Zuid (fictief)",
        arbeidsmarktregio="AM99",
        pilot_start=shift(first, 1),
        fase="pilot",
        participants=208,
        traject_count=10,
        in_development=1,
        sector_affinity={"techniek": 3.5, "logistiek": 3.5, "zorg_welzijn": 0.6},
        channels={"uwv": 2.0, "gemeente": 2.0, "werkgever": 4.5, "taalhuis": 1.0,
                  "welzijn": 0.5, "zelfmelder": 1.0, "overig": 0.5},
    )
    return [noord, zuid]


def benchmark_regions(count: int, first: Quarter, last: Quarter, seed: int) -> list[RegionSpec]:
    """`synthetisch-01`…: the first two pilots, the rest opschaling, all over the full range."""
    rng = stream(seed, "register")
    quarters = distance(first, last) + 1
    regions = []
    for number in range(1, count + 1):
        favourites = rng.sample(VOCATIONAL_SECTORS, 2)
        regions.append(RegionSpec(
            regio_id=f"synthetisch-{number:02d}",
            naam=f"Synthetische regio {number:02d} (fictief)",
            # AM60-AM99 pass the pattern but are no CBS labour-market region (those end at AM35).
            arbeidsmarktregio=f"AM{60 + (number - 1) % 40}",
            pilot_start=first,
            fase="pilot" if number <= 2 else "opschaling",
            participants=round(rng.uniform(11.0, 20.0) * quarters),
            traject_count=rng.randint(8, 14),
            in_development=rng.randint(1, 2),
            sector_affinity={sector: 3.0 for sector in favourites},
            channels={name: round(weight * rng.uniform(0.6, 1.6), 3)
                      for name, weight in NATIONAL_CHANNELS.items()},
            optional_dimensions=tuple(sorted(rng.sample(OPTIONAL_DIMENSIONS, rng.randint(0, 3)),
                                             key=OPTIONAL_DIMENSIONS.index)),
        ))
    return regions
