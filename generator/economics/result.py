"""What the model returns: every figure of the economic effect for one scenario."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Transfers:
    """Benefit payments saved: money moves from participant to government, society is no richer.

    Shown for the measured participants, with the same deadweight, duration, decay and
    discounting as the benefits, and never added to them.
    """

    uitkeringen_minder: int
    per_jaar: float
    """Yearly amount after deadweight, euro."""
    overheid: float
    """Present value for the government: positive = it pays less."""
    deelnemer: float
    """Present value for the participants: the same amount, negative."""

    @property
    def saldo(self) -> float:
        """Effect on society: zero by construction."""
        return self.overheid + self.deelnemer


PARTIES: tuple[str, ...] = ("deelnemer", "overheid", "werkgevers", "overig")
"""The parties of the distribution table; `overig` is the rest of society."""
ITEMS: tuple[str, ...] = ("productie", "belastingen", "uitkeringen", "vrije_tijd", "kosten")
"""The columns of the distribution table, present values in the meetjaar."""
TRANSFER_ITEMS: tuple[str, ...] = ("belastingen", "uitkeringen")
"""Columns that only move money between parties: each sums to zero over the parties."""
COST_PAYER: dict[str, str] = {"groeifonds": "overheid", "regio": "overheid",
                              "werkgevers": "werkgevers", "overig": "overig"}
"""`kosten.financier` -> the party that bears the cost (the Groeifonds and the regions'
public partners are government)."""


@dataclass(frozen=True)
class Distribution:
    """Who gains and who pays: per party and item, for all participants reached.

    Production goes to the participant as labour cost (the employer pays what the hour
    yields); taxes and premiums and saved benefits are transfers to the government; lost
    leisure is the participant's; each financier bears its costs. The parties' balances
    add up to the welfare balance (the NPV): the transfers cancel.
    """

    cells: tuple[tuple[str, str, float], ...]
    """(party, item, euro) for every party × item."""

    def cell(self, party: str, item: str) -> float:
        return next(v for p, i, v in self.cells if p == party and i == item)

    def saldo(self, party: str) -> float:
        return sum(v for p, _, v in self.cells if p == party)

    def item_total(self, item: str) -> float:
        return sum(v for _, i, v in self.cells if i == item)

    @property
    def total(self) -> float:
        return sum(v for _, _, v in self.cells)


@dataclass(frozen=True)
class EconomicResult:
    """Every figure of the economic effect for one scenario.

    Euro amounts are in prices of the base year `prijspeil` and present values in the
    meetjaar, except the yearly ones (`jaarwaarde_*`,
    `*_per_jaar`, `toegevoegde_waarde_meetjaar`) and `kosten_nominaal`; undefined ratios
    (nobody measured, no costs) are None.
    """

    scenario: str
    versie: str
    """Version of the parameter file."""
    parameter_values: tuple[tuple[str, float], ...]
    meetjaar: int
    aantal_gemeten: int
    deelnemers: int
    extra_uren_per_week: float | None
    """Extra paid hours per week per measured participant."""
    bruto_uurloon_gemeten: float | None
    """Gross hourly wage implied by the data (Δ income / Δ hours): a check on productivity."""
    bruto_inkomensstijging_per_jaar: float
    """Σ change in gross yearly income from work of the measured (distribution, not a benefit)."""
    jaarwaarde_bruto: float
    """Yearly value of the measured extra hours before deadweight."""
    jaarwaarde_netto: float
    """The same after deadweight: the measured participants' added value in year 1."""
    contantewaardefactor: float
    """Σ over the regions' factors weighted by their yearly value (each with its own decay)."""
    opvolging_actief_6: int
    """Follow-up behind the decay: Σ actief_na_6_maanden (outflow to work or mbo, 12-month
    follow-up known), over the regions."""
    opvolging_actief_12: int
    jaarlijkse_afname_opvolging: float | None
    """The yearly decay from the pooled follow-up, 1 − (a12 / a6)²; None without follow-up
    (then the parameter `jaarlijkse_afname` is used)."""
    opschalingsfactor: float
    """Baten of all reached / baten of the measured: (n + e·(N − n)) / n."""
    baten_gemeten: float
    baten_mbo: float
    """Present value of the mbo route (startkwalificatie) after the lock-in, all who left
    for mbo; part of `baten_totaal`."""
    mbo_instroom: int
    """Σ uitstroom.aantal with bestemming mbo or werk_en_mbo."""
    baten_totaal: float
    """Benefits of the extra hours of all reached plus the mbo route."""
    baten_per_gemeten_deelnemer: float | None
    baten_per_bereikte_deelnemer: float | None
    """Present value over the horizon (effectduur) per participant REACHED."""
    baten_per_deelnemer_per_jaar: float | None
    """Yearly benefit (year 1, the meetjaar) per participant REACHED: the KPI."""
    per_jaar_nonrespons_nul: float | None
    """Bound: the same with the non-measured at zero effect (jaarwaarde_netto / N)."""
    per_jaar_nonrespons_gelijk: float | None
    """Bound: the non-measured with the measured effect (jaarwaarde_netto / n)."""
    transfers: Transfers
    kosten_nominaal: float
    prijspeil: int | None
    """Price base year of every euro amount (None: a parameter file without one)."""
    kosten_prijspeil: float
    """Σ costs in prices of the base year, before they are brought to the meetjaar."""
    bbp_prijspeil_eur: float
    """GDP of `bbp_jaar` in prices of the base year: the denominator of the GDP effect."""
    kosten: float
    """The programme's costs in the meetjaar (development costs spread, see the model)."""
    kosten_per_financier: tuple[tuple[str, float], ...]
    """`kosten` split by `kosten.financier`."""
    kosten_vrije_tijd: float
    """Lost leisure and household production of the extra hours, present value: a cost."""
    netto_contante_waarde: float
    """baten_totaal − kosten − kosten_vrije_tijd."""
    verdeling: Distribution
    """The distribution table per party, with the transfers shown and cancelling."""
    baten_kostenratio: float | None
    """baten_totaal / (kosten + kosten_vrije_tijd)."""
    toegevoegde_waarde_meetjaar: float
    """Added value in the meetjaar of all participants reached (jaarwaarde_netto × opschaling)."""
    bbp_jaar: int
    """Year of the GDP figure used: the meetjaar, or the latest earlier year CBS has published."""
    bbp_eur: float
    bbp_bron: str
    bbp_effect_pct: float
    """toegevoegde_waarde_meetjaar / GDP × 100."""
    bbp_effect_pct_gemeten: float
    """jaarwaarde_netto / GDP × 100: the measured participants only."""
    bbp_effect_opgeschaald_pct: float | None
    """Projection at scale: yearly benefit per participant reached × planned participants
    per year / GDP × 100. A programme-level figure, only for `totaal`."""

    @property
    def baten_per_deelnemer(self) -> float | None:
        """The KPI `maatschappelijke_baten_per_deelnemer`: per participant REACHED, per year."""
        return self.baten_per_deelnemer_per_jaar

    def parameter(self, name: str) -> float:
        return dict(self.parameter_values)[name]
