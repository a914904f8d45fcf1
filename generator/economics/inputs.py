"""The model's inputs: the sums of `arbeid`, `instroom` and `kosten` for one region or `totaal`."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

COHORT_PATTERN = re.compile(r"^([0-9]{4})-Q[1-4]$")


@dataclass(frozen=True)
class CohortWork:
    """One cohort's row of `arbeid`: sums over its measured participants, as delivered."""

    cohort: str
    aantal_gemeten: int
    uren_t0: float
    """Σ paid hours per week at the 0-meting (`uren_per_week_t0`)."""
    uren_t1: float
    inkomen_t0: float
    """Σ gross monthly income from work at the 0-meting, euro (`bruto_maandinkomen_t0`)."""
    inkomen_t1: float
    uitkering_t0: int
    """How many received a benefit at the 0-meting (`met_uitkering_t0`)."""
    uitkering_t1: int

    def __post_init__(self) -> None:
        if not COHORT_PATTERN.match(self.cohort):
            raise ValueError(f"cohort {self.cohort!r} is not a quarter YYYY-Qn")
        if self.aantal_gemeten < 0 or min(self.uren_t0, self.uren_t1, self.inkomen_t0,
                                          self.inkomen_t1) < 0:
            raise ValueError(f"cohort {self.cohort}: negative count or sum")
        if not 0 <= self.uitkering_t0 <= self.aantal_gemeten or \
                not 0 <= self.uitkering_t1 <= self.aantal_gemeten:
            raise ValueError(f"cohort {self.cohort}: met_uitkering outside 0..aantal_gemeten")

    @property
    def year(self) -> int:
        return int(self.cohort[:4])


@dataclass(frozen=True)
class CostItem:
    """Σ kosten.bedrag_eur of one calendar year, kostensoort and financier."""

    jaar: int
    kostensoort: str
    financier: str
    bedrag: float


@dataclass(frozen=True)
class FollowUp:
    """The measured follow-up of those who left for work or mbo (`uitstroom`).

    Only rows whose 12-month follow-up is known count, so both numbers describe the same
    people: of those still active 6 months after leaving, how many are still active at 12.
    """

    actief_6: int
    """Σ actief_na_6_maanden over those rows."""
    actief_12: int
    """Σ actief_na_12_maanden over the same rows."""

    def __post_init__(self) -> None:
        if not 0 <= self.actief_12 <= self.actief_6:
            raise ValueError(f"follow-up: actief_na_12_maanden ({self.actief_12}) must lie in "
                             f"0..actief_na_6_maanden ({self.actief_6})")

    @property
    def half_year_retention(self) -> float | None:
        """Share of the active at 6 months still active at 12; None when nobody was active."""
        return self.actief_12 / self.actief_6 if self.actief_6 else None


@dataclass(frozen=True)
class EconomicInputs:
    """What the model needs from the data of one region (or `totaal`) up to one period."""

    cohorts: tuple[CohortWork, ...]
    """Rows of `arbeid` with cohort ≤ the period. The same cohort may occur once per region."""
    deelnemers: int
    """Participants reached: Σ instroom.aantal up to the period."""
    kosten_eur: float
    """Σ kosten.bedrag_eur up to the period, nominal."""
    kosten_per_jaar: Mapping[int, float] | None = None
    """The same costs by calendar year; when given, each year is brought to the meetjaar."""
    meetjaar: int | None = None
    """Year the benefits start and GDP is taken from: the calendar year of the reporting
    period. None → the year of the latest cohort."""
    kosten_posten: tuple[CostItem, ...] = ()
    """The same costs by year, kostensoort and financier; when given they sum to kosten_eur
    (development costs are spread, and the distribution table shows who pays)."""
    mbo_instroom: int = 0
    """Σ uitstroom.aantal that left for mbo (bestemming `mbo` or `werk_en_mbo`): the route to
    a startkwalificatie."""
    opvolging: FollowUp | None = None
    """The follow-up after 6 and 12 months; when it has anyone active at 6 months, the yearly
    decay of the effect is taken from it instead of the parameter `jaarlijkse_afname`."""

    def __post_init__(self) -> None:
        if self.deelnemers < self.aantal_gemeten:
            raise ValueError(f"deelnemers ({self.deelnemers}) < aantal_gemeten "
                             f"({self.aantal_gemeten}): the measured are among those reached")
        if self.kosten_eur < 0:
            raise ValueError("kosten_eur is negative")
        if self.kosten_per_jaar is not None and \
                not math.isclose(sum(self.kosten_per_jaar.values()), self.kosten_eur, abs_tol=0.5):
            raise ValueError(f"kosten_per_jaar sums to {sum(self.kosten_per_jaar.values())}, "
                             f"not kosten_eur {self.kosten_eur}")
        if self.kosten_posten and not math.isclose(
                sum(item.bedrag for item in self.kosten_posten), self.kosten_eur, abs_tol=0.5):
            raise ValueError(f"kosten_posten sum to "
                             f"{sum(item.bedrag for item in self.kosten_posten)}, "
                             f"not kosten_eur {self.kosten_eur}")
        if self.meetjaar is None and not self.cohorts:
            raise ValueError("meetjaar is needed when there are no cohorts")

    @property
    def year(self) -> int:
        """The meetjaar: as given, else the year of the latest cohort."""
        if self.meetjaar is not None:
            return self.meetjaar
        return max(cohort.year for cohort in self.cohorts)

    @property
    def cost_items(self) -> tuple[CostItem, ...]:
        """`kosten_posten`, or the costs by year (else all in the meetjaar) as kostensoort
        and financier `overig`."""
        if self.kosten_posten:
            return self.kosten_posten
        by_year = self.kosten_per_jaar or ({self.year: self.kosten_eur} if self.kosten_eur else {})
        return tuple(CostItem(year, "overig", "overig", amount)
                     for year, amount in sorted(by_year.items()))

    @property
    def aantal_gemeten(self) -> int:
        return sum(cohort.aantal_gemeten for cohort in self.cohorts)

    @property
    def extra_uren(self) -> float:
        """Σ over measured participants of the change in paid hours per week."""
        return sum(cohort.uren_t1 - cohort.uren_t0 for cohort in self.cohorts)

    @property
    def extra_maandinkomen(self) -> float:
        return sum(cohort.inkomen_t1 - cohort.inkomen_t0 for cohort in self.cohorts)

    @property
    def uitkeringen_minder(self) -> int:
        """How many fewer measured participants received a benefit at the 1-meting."""
        return sum(cohort.uitkering_t0 - cohort.uitkering_t1 for cohort in self.cohorts)
