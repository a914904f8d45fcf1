"""The researchers' side of a delivery: indicator definitions and the model's parameters.

Both live in `indicators/` and are checked by `validate`, so a pull request that breaks a
definition fails the same way one that breaks the data does.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.problems import Problem, declare, problem

PARAMETERS_UNREADABLE = declare(
    "model-parameters-unreadable", "Parameterbestand onleesbaar",
    "Dit bestand is geen leesbare YAML: {detail}. Controleer inspringing en dubbele punten.",
    stage="definitions",
    explanation=(
        "Het parameterbestand van het economisch model (`indicators/economie/"
        "parameters.yml`) is geen leesbare YAML. De melding noemt waar het lezen stopte."
        "\n\n"
        "Herstel de inspringing en de dubbele punten op of vlak voor die plek."
    ))
PARAMETERS_INVALID = declare(
    "model-parameters-invalid", "Parameter van het economisch model ongeldig",
    "{detail}",
    stage="definitions",
    explanation=(
        "Het parameterbestand is leesbaar, maar een veld ontbreekt, is onbekend of heeft "
        "een waarde die het model niet kan gebruiken. De melding zegt welk veld en wat er "
        "mis is."
        "\n\n"
        "Verbeter het genoemde veld. De betekenis van elke parameter staat op de pagina "
        "over de methode van het economisch effect."
    ))


def check_indicators(root: Path) -> list[Problem]:
    """Problems in `indicators/*.yml` and in the economic model's parameter file."""
    from generator.economics.params import PARAMETERS_FILE
    from generator.economics.schema import check_parameters
    from generator.indicators.check import check_definitions

    found = check_definitions(root)
    path = root / PARAMETERS_FILE
    if not path.is_file():
        return found
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        return found + [problem(PARAMETERS_UNREADABLE, PARAMETERS_FILE,
                                None if line is None else line + 1, detail=str(error).splitlines()[0])]
    for issue in check_parameters(raw):
        field = ".".join(part for part in (issue.parameter, issue.field) if part)
        found.append(problem(PARAMETERS_INVALID, PARAMETERS_FILE, None, field or None,
                             detail=issue.message))
    return found
