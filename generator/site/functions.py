"""The functions a narrative may call, bound to one page's data.

Argument names are Dutch, as researchers write them (`regio`, `periode`, `uitsplitsing`);
any other keyword of `kpi` names a breakdown column (`bestemming="werk"`). Every check
raises NarrativeProblem with a message that says what exists instead, in Dutch.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from generator.compute.formatting import format_value
from generator.compute.lineage import TOTAL
from generator.indicators.definition import PHASE, Definition
from generator.site import blocks
from generator.site.blocks import PageState
from generator.site.markup import declared, indicator_source, link, region_source, text
from generator.site.words import quarter_words


WITHHELD = "[alleen zichtbaar met het landelijke wachtwoord]"
"""What a narrative's call shows for a region this audience may not read."""


class NarrativeProblem(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TemplateFunctions:
    def __init__(self, state: PageState) -> None:
        self.state = state
        self.site = state.site

    def namespace(self) -> dict[str, Callable[..., Markup]]:
        return {name: getattr(self, name) for name in self.names()}

    @staticmethod
    def names() -> list[str]:
        return ["kpi", "chart", "table", "doel", "titel", "regio", "periode", "rekenvoorbeeld"]

    # -- the functions -------------------------------------------------------------------

    def rekenvoorbeeld(self, naam: str, decimalen: int = 2, eenheid: str = "euro") -> Markup:
        """An outcome of the method page's worked example, computed by the economic model
        (`generator.economics.example`): `€ 41.600,00`, `2,3945` (getal), `0,00078000%`."""
        from generator.economics.example import worked_example

        found = worked_example()
        if naam not in found:
            raise NarrativeProblem(f"het rekenvoorbeeld kent '{naam}' niet; wel: "
                                   f"{', '.join(sorted(found))}.")
        if eenheid not in ("euro", "getal", "procent"):
            raise NarrativeProblem(f"eenheid '{eenheid}' bestaat niet: euro, getal of procent.")
        unit = {"euro": "euro", "getal": "score", "procent": "procent"}[eenheid]
        return text(format_value(found[naam], unit, decimalen))

    def kpi(self, indicator: str, regio: str = TOTAL, periode: str | None = None,
            **cellen: str) -> Markup:
        """One value: latest quarter and `totaal` unless told otherwise."""
        if self._withheld(regio):
            return text(WITHHELD)
        definition = self._definition(indicator)
        region, period = self._region(regio), self._period(periode)
        breakdown = self._breakdown(definition, cellen)
        figure = self.site.figure(definition.id, region, period, breakdown)
        if figure is None:
            cells = ", ".join(f"{k}={v}" for k, v in breakdown) or "zonder uitsplitsing"
            raise NarrativeProblem(
                f"geen waarde van '{indicator}' voor regio '{region}', {period}, {cells}. "
                f"Bestaat de categorie, en levert de regio al in {period}?")
        return blocks.value(self.state, figure)

    def chart(self, indicator: str, regio: str | None = None, uitsplitsing: str | None = None,
              periode: str | None = None) -> Markup:
        """Over time (every region and totaal, or one region), or one breakdown at a quarter."""
        if self._withheld(regio):
            return text(WITHHELD)
        definition = self._definition(indicator)
        if uitsplitsing is None:
            scopes = self.site.scopes() if regio is None else [self._region(regio)]
            return blocks.trend_chart(self.state, definition, scopes)
        columns = self._columns(definition, uitsplitsing)
        return blocks.breakdown_chart(self.state, definition, columns,
                                      self._region(regio or TOTAL), self._period(periode))

    def table(self, indicator: str, uitsplitsing: str | None = None,
              periode: str | None = None) -> Markup:
        """A breakdown by the regions (first breakdown by default), or the values per region."""
        definition = self._definition(indicator)
        period = self._period(periode)
        available = self.site.breakdowns(definition)
        if uitsplitsing is None and not available:
            return blocks.scope_table(self.state, definition, [period])
        columns = self._columns(definition, uitsplitsing) if uitsplitsing else available[0]
        return blocks.breakdown_table(self.state, definition, columns, period)

    def doel(self, indicator: str, fase: str | None = None) -> Markup:
        """The target value as the definition states it (the first, or the one of `fase`)."""
        definition = self._definition(indicator)
        target = next((t for t in definition.targets if fase is None or t.phase == fase), None)
        if target is None:
            raise NarrativeProblem(f"'{indicator}' heeft geen doel"
                                   + (f" voor fase '{fase}'" if fase else "") + ".")
        return declared(target.value, definition, "doel")

    def titel(self, indicator: str) -> Markup:
        """The indicator's title, linked to its page."""
        definition = self._definition(indicator)
        return link(definition.title, indicator_source(definition.id))

    def regio(self, regio: str) -> Markup:
        """A region's name, linked to its page."""
        if self._withheld(regio):
            return text(WITHHELD)
        region = self._region(regio)
        if region == TOTAL:
            return text("alle regio's samen")
        return link(self.site.region_name(region), region_source(region))

    def periode(self, periode: str | None = None) -> Markup:
        """A quarter in words: `het tweede kwartaal van 2026`."""
        return text(quarter_words(self._period(periode)))

    # -- checks --------------------------------------------------------------------------

    def _definition(self, indicator: Any) -> Definition:
        definition = self.site.definition(str(indicator))
        if definition is None:
            known = ", ".join(d.id for d in self.site.definitions)
            raise NarrativeProblem(f"onbekende indicator '{indicator}'. Kies uit: {known}.")
        return definition

    def _withheld(self, region: Any) -> bool:
        return str(region) in self.site.withheld

    def _region(self, region: Any) -> str:
        if str(region) not in self.site.scopes():
            known = ", ".join(self.site.scopes())
            raise NarrativeProblem(f"onbekende regio '{region}'. Kies uit: {known}.")
        return str(region)

    def _period(self, period: Any) -> str:
        if period is None:
            if self.site.latest is None:
                raise NarrativeProblem("er zijn nog geen gegevens, dus geen kwartaal om te tonen.")
            return self.site.latest
        if str(period) not in self.site.periods:
            span = (f"{self.site.periods[0]} tot en met {self.site.periods[-1]}"
                    if self.site.periods else "geen")
            raise NarrativeProblem(f"onbekend kwartaal '{period}'. Er zijn gegevens van {span}.")
        return str(period)

    def _columns(self, definition: Definition, breakdown: Any) -> tuple[str, ...]:
        wanted = tuple(str(breakdown).replace(" ", "").split(","))
        available = self.site.breakdowns(definition)
        if wanted not in available:
            known = "; ".join(",".join(b) for b in available) or "geen"
            raise NarrativeProblem(f"'{definition.id}' heeft geen uitsplitsing '{breakdown}'. "
                                   f"Kies uit: {known}.")
        return wanted

    def _breakdown(self, definition: Definition, cells: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        if not cells:
            return ()
        # The columns in the order the definition declares them, whatever order was written.
        options = [(PHASE,), *self.site.breakdowns(definition)]
        columns = next((b for b in options if set(b) == set(cells)), None)
        if columns is None:
            known = "; ".join(",".join(b) for b in self.site.breakdowns(definition)) or "geen"
            raise NarrativeProblem(f"'{definition.id}' is niet uit te splitsen naar "
                                   f"{', '.join(cells)}. Kies uit: {known}.")
        return tuple((column, str(cells[column])) for column in columns)
