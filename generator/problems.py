"""Problems found in a delivery or a definition, and the catalogue of their codes.

Every problem has a stable kebab-case `code`. Codes are declared with `declare()` by the
module whose check emits them, so a check, the problems it can report and their
explanation for the data stewards' guide sit together (as frictionless-py keeps type,
title, description and template on one error class); `CATALOGUE` then lists them all for
the docs and the tests.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Code:
    code: str
    title: str
    """Short Dutch title, shown in annotations and the guide."""
    template: str
    """Dutch message with `{placeholders}`: what is wrong and how to fix it."""
    severity: Severity
    stage: str
    """Key of the section of the error reference the code belongs in
    (`generator.validate.stages`)."""
    explanation: str
    """Dutch Markdown for the error reference: what the code means, a blank line, then
    what the data steward does about it."""
    module: str
    """The declaring module; the reference orders codes by module, then declaration."""


@dataclass(frozen=True)
class Problem:
    file: str
    """Repo-relative POSIX path of the file (or folder) the problem is in."""
    row: int | None
    """Row as a spreadsheet numbers it (header = 1), or None."""
    field: str | None
    code: str
    message: str
    severity: Severity = "error"

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["title"] = CATALOGUE[self.code].title
        return data


CATALOGUE: dict[str, Code] = {}


def declare(code: str, title: str, template: str, severity: Severity = "error", *,
            stage: str, explanation: str) -> Code:
    """Register a problem code; each code is declared once, by the check that emits it."""
    if code in CATALOGUE:
        raise ValueError(f"problem code {code!r} declared twice")
    # The caller's module, so that declaring a code never needs to repeat `__name__`.
    module = sys._getframe(1).f_globals["__name__"]
    CATALOGUE[code] = Code(code, title, template, severity, stage, explanation, module)
    return CATALOGUE[code]


def enumeration(parts: Sequence[str]) -> str:
    """Parts as a Dutch enumeration, for explanations: a, b en c."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def problem(code: Code, file: str, row: int | None = None, field: str | None = None,
            **params: Any) -> Problem:
    """A problem of a declared code, its message filled in from `params` (and `file`, `field`)."""
    message = code.template.format(**{"file": file, "field": field, **params})
    return Problem(file=file, row=row, field=field, code=code.code,
                   message=message, severity=code.severity)
