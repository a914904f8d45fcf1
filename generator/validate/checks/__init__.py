"""Domain and privacy checks of the data contract, one small module per rule family.

A check is a function `Region -> Iterable[Problem]` registered with `@region_check`. It
reads only the region's typed tables (cells that failed their type are None and are
reported elsewhere), declares its codes with `problems.declare`, and never raises on bad
data: whatever it cannot check, it skips.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.validate.rows import Region
from generator.problems import Problem

RegionCheck = Callable[[Region], Iterable[Problem]]
REGION_CHECKS: list[RegionCheck] = []


def region_check(check: RegionCheck) -> RegionCheck:
    REGION_CHECKS.append(check)
    return check


def run_region_checks(region: Region) -> list[Problem]:
    _load_check_modules()
    found: list[Problem] = []
    for check in REGION_CHECKS:
        found.extend(check(region))
    return found


def _load_check_modules() -> None:
    # Imported for their registrations; kept here so the registry fills in one place.
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
