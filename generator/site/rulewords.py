"""An indicator's rule in Dutch words, for its page: what is counted, from which rows."""

from __future__ import annotations

from generator.indicators.definition import (
    AttainmentRule, Condition, Definition, Difference, ModelRule, Ratio, Tally,
)

OPERATORS = {
    "is": "is {}", "is_niet": "is niet {}", "in": "is een van {}", "niet_in": "is geen van {}",
    "groter_dan": "is groter dan {}", "kleiner_dan": "is kleiner dan {}",
    "minstens": "is minstens {}", "hoogstens": "is hoogstens {}",
    "groter_dan_kolom": "is groter dan `{}`", "kleiner_dan_kolom": "is kleiner dan `{}`",
    "gelijk_aan_kolom": "is gelijk aan `{}`",
}
OUTCOMES = {
    "baten_per_deelnemer": "de maatschappelijke baten per gemeten deelnemer (contante waarde)",
    "baten_per_deelnemer_per_jaar": "de maatschappelijke baten per bereikte deelnemer per jaar",
    "baten_per_deelnemer_contant": "de contante waarde van de maatschappelijke baten per "
                                   "bereikte deelnemer over de effectduur",
    "netto_contante_waarde": "de netto contante waarde (baten min kosten)",
    "baten_kostenverhouding": "de verhouding tussen baten en kosten",
    "bbp_effect_pct": "het gemeten effect op het bbp tot nu toe, in procenten",
    "bbp_effect_opgeschaald_pct": "het bbp-effect van het programma op schaal (projectie), "
                                  "in procenten",
}


def rule_words(definition: Definition) -> str:
    rule = definition.rule
    if isinstance(rule, Tally):
        return tally_words(rule) + "."
    if isinstance(rule, Ratio):
        factor = f"{rule.factor:g} × " if rule.factor != 1 else ""
        return (f"{factor}teller / noemer. Teller: {tally_words(rule.numerator)}. "
                f"Noemer: {tally_words(rule.denominator)}. Voor het totaal en elke "
                "uitsplitsing worden teller en noemer eerst opgeteld over de regio's en dan "
                "gedeeld." + (" Met het 95%-betrouwbaarheidsinterval volgens Wilson."
                              if rule.interval == "wilson" else ""))
    if isinstance(rule, Difference):
        return (f"plus − min. Plus: {tally_words(rule.plus)}. Min: {tally_words(rule.minus)}.")
    if isinstance(rule, ModelRule):
        return (f"Uitkomst van het economisch model: {OUTCOMES.get(rule.outcome, rule.outcome)}, "
                "centrale schatting (de lage en hoge schatting staan erbij). Zie de methode "
                "van het economisch effect.")
    if isinstance(rule, AttainmentRule):
        return "Voor elk doel van de andere indicatoren: de gemeten waarde als percentage van het doel."
    return "–"


def tally_words(tally: Tally) -> str:
    if tally.aggregation == "som":
        what = f"de som van `{tally.column}` in `{tally.resource}`"
    elif tally.aggregation == "aantal_rijen":
        what = f"het aantal rijen van `{tally.resource}`"
    else:
        scores = ", ".join(f"{k} = {v:g}" for k, v in tally.scores)
        what = f"de som van de scores van `{tally.column}` in `{tally.resource}` ({scores})"
    if tally.conditions:
        what += ", waarbij " + " en ".join(condition_words(c) for c in tally.conditions)
    if tally.time == "laatste_stand":
        key = ", ".join(f"`{k}`" for k in tally.key) or "regio"
        what += f"; per {key} alleen de laatst gemelde rij"
    what += f"; tijdkolom `{tally.time_column}`, opgeteld tot en met het kwartaal"
    return what


def condition_words(condition: Condition) -> str:
    column = f"`{condition.column}`"
    if condition.operator == "leeg":
        return f"{column} {'leeg' if condition.operand else 'niet leeg'} is"
    operand = condition.operand
    if isinstance(operand, tuple):
        operand = ", ".join(str(o) for o in operand)
    template = OPERATORS.get(condition.operator, condition.operator + " {}")
    return f"{column} {template.format(operand)}"
