"""The economic model of research question 6: MKBA of the extra hours worked, and the GDP effect.

Pure functions: the engine hands in the sums of `arbeid`, `instroom` and `kosten` with the
parameters of `indicators/economie/parameters.yml`, and wraps the results in Figures.
"""

from __future__ import annotations

from generator.economics.inputs import CohortWork, EconomicInputs, FollowUp
from generator.economics.model import (
    evaluate,
    evaluate_values,
    present_value_factor,
)
from generator.economics.params import (
    PARAMETERS_FILE,
    EconomicParameters,
    GdpFigure,
    Parameter,
    ParameterFileError,
    load_parameters,
    parse_parameters,
)
from generator.economics.result import EconomicResult, Transfers
from generator.economics.schema import PARAMETER_NAMES, ParameterProblem, check_parameters
from generator.economics.sensitivity import (
    Interval,
    MonteCarloResult,
    Tornado,
    TornadoBar,
    monte_carlo,
    tornado,
)



def __getattr__(name: str) -> object:
    # pandas is only needed to turn frames into inputs; `validate` reads the parameter
    # schema from this package and should not pay for importing pandas.
    if name == "inputs_from_frames":
        from generator.economics.frames import inputs_from_frames

        return inputs_from_frames
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "PARAMETERS_FILE", "PARAMETER_NAMES", "CohortWork", "EconomicInputs", "EconomicParameters", "FollowUp",
    "EconomicResult", "GdpFigure", "Interval", "MonteCarloResult", "Parameter",
    "ParameterFileError", "ParameterProblem", "Tornado", "TornadoBar", "Transfers",
    "check_parameters", "evaluate", "evaluate_values", "inputs_from_frames", "load_parameters",
    "monte_carlo", "parse_parameters", "present_value_factor", "tornado",
]
