"""Problems found in a delivery or a definition, and the catalogue of their codes.

Every problem has a stable kebab-case `code`. Codes are declared with `declare()` by the
module whose check emits them, so a check and the problems it can report sit together;
`CATALOGUE` then lists them all for the docs and the tests.
"""

from __future__ import annotations

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
    severity: Severity = "error"


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


def declare(code: str, title: str, template: str, severity: Severity = "error") -> Code:
    """Register a problem code; each code is declared once, by the check that emits it."""
    if code in CATALOGUE:
        raise ValueError(f"problem code {code!r} declared twice")
    CATALOGUE[code] = Code(code, title, template, severity)
    return CATALOGUE[code]


def problem(code: Code, file: str, row: int | None = None, field: str | None = None,
            **params: Any) -> Problem:
    """A problem of a declared code, its message filled in from `params` (and `file`, `field`)."""
    message = code.template.format(**{"file": file, "field": field, **params})
    return Problem(file=file, row=row, field=field, code=code.code,
                   message=message, severity=code.severity)
