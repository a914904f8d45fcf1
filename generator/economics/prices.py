"""One price base year: every euro amount in prices of `basisjaar` before discounting.

Costs are delivered in euros of the year they were made, parameters are in euros of the
year of their `datum`, GDP in current prices of its year. A real discount rate only applies
to amounts in constant prices, so all are first brought to the base year with the yearly
inflation of one published series (the CPI of CBS).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PriceLevel:
    basisjaar: int | None
    """None: no price base year (a parameter file from before version 2.1); nothing changes."""
    reeks: str = ""
    inflatie: Mapping[int, float] = field(default_factory=dict)
    """Year -> price change against the year before, as a fraction (0,033 = 3,3%)."""
    bron: str = ""
    datum: str = ""
    toelichting: str = ""

    def index(self, year: int) -> float:
        """Price level of `year` with the base year at 1. A year without a published figure
        counts with no price change (the last known level carries on)."""
        if self.basisjaar is None:
            return 1.0
        level = 1.0
        for y in range(self.basisjaar + 1, year + 1):
            level *= 1 + self.inflatie.get(y, 0.0)
        for y in range(year + 1, self.basisjaar + 1):
            level /= 1 + self.inflatie.get(y, 0.0)
        return level

    def in_base_prices(self, amount: float, year: int) -> float:
        """An amount in prices of `year`, in prices of the base year."""
        return amount / self.index(year)

    def missing_years(self, years: set[int]) -> tuple[int, ...]:
        """Years between the base year and `years` without a published price change."""
        if self.basisjaar is None:
            return ()
        needed = {y for year in years for y in range(min(year, self.basisjaar) + 1,
                                                      max(year, self.basisjaar) + 1)}
        return tuple(sorted(needed - set(self.inflatie)))


NO_PRICE_LEVEL = PriceLevel(basisjaar=None)
