"""The validation report and its three renderings: text, JSON and GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.problems import CATALOGUE, Problem

GITHUB_ANNOTATION_CAP = 10
"""GitHub shows at most 10 error annotations per step; the rest go to the step summary."""


def _sort_key(p: Problem) -> tuple[str, int, str, str]:
    return (p.file, p.row or 0, p.field or "", p.code)


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return sorted((p for p in self.problems if p.severity == "error"), key=_sort_key)

    @property
    def warnings(self) -> list[Problem]:
        return sorted((p for p in self.problems if p.severity == "warning"), key=_sort_key)

    @property
    def valid(self) -> bool:
        return not self.errors

    def flatten(self) -> list[tuple[str, int | None, str | None, str]]:
        """`(file, row, field, code)` of every error, for tests and quick reading."""
        return [(p.file, p.row, p.field, p.code) for p in self.errors]

    def to_json(self) -> str:
        return json.dumps(
            {
                "valid": self.valid,
                "errors": [p.as_dict() for p in self.errors],
                "warnings": [p.as_dict() for p in self.warnings],
            },
            ensure_ascii=False,
            indent=2,
        )

    def to_text(self) -> str:
        """For a person at a terminal: the same problem in many rows of one column is
        written out once, followed by the other rows (JSON and GitHub keep every one)."""
        lines = []
        for group in _groups(self.errors + self.warnings):
            first = group[0]
            where = first.file
            if first.row is not None:
                where += f", rij {first.row}"
            if first.field:
                where += f", kolom {first.field}"
            label = "FOUT" if first.severity == "error" else "WAARSCHUWING"
            lines.append(f"{label} [{first.code}] {where}\n    {first.message}")
            if len(group) > 1:
                rows = ", ".join(str(p.row) for p in group[1:])
                lines.append(f"    Hetzelfde in nog {len(group) - 1} rijen: {rows}.")
        lines.append(self.summary())
        return "\n".join(lines)

    def summary(self) -> str:
        n_err, n_warn = len(self.errors), len(self.warnings)
        files = f"{self.files_checked} {'bestand' if self.files_checked == 1 else 'bestanden'}"
        if self.valid:
            head = f"Geldig: {files} gecontroleerd, geen fouten"
        else:
            head = f"Ongeldig: {n_err} {'fout' if n_err == 1 else 'fouten'} in {files} gecontroleerd"
        return f"{head}, {n_warn} {'waarschuwing' if n_warn == 1 else 'waarschuwingen'}."

    def to_github(self) -> str:
        """Workflow commands: one annotation per problem, then the summary line."""
        lines = []
        for p in self.errors + self.warnings:
            props = [f"file={_escape_property(p.file)}"]
            if p.row is not None:
                props.append(f"line={p.row}")
            title = CATALOGUE[p.code].title + (f" ({p.field})" if p.field else "")
            props.append(f"title={_escape_property(title)}")
            lines.append(f"::{p.severity} {','.join(props)}::{_escape_data(p.message)} [{p.code}]")
        lines.append(self.summary())
        if len(self.errors) > GITHUB_ANNOTATION_CAP:
            lines.append(
                f"GitHub toont hier maar {GITHUB_ANNOTATION_CAP} fouten per stap; "
                "de volledige lijst staat in de samenvatting van deze run."
            )
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """The full list as a Markdown table, for `$GITHUB_STEP_SUMMARY`."""
        lines = ["## Validatie van de gegevenslevering", "", self.summary(), ""]
        problems = self.errors + self.warnings
        if problems:
            lines += ["| soort | bestand | rij | kolom | code | melding |",
                      "|---|---|---|---|---|---|"]
            for p in problems:
                cells = ["fout" if p.severity == "error" else "waarschuwing", f"`{p.file}`",
                         "" if p.row is None else str(p.row), p.field or "", f"`{p.code}`", p.message]
                lines.append("| " + " | ".join(_escape_cell(c) for c in cells) + " |")
        return "\n".join(lines) + "\n"


def _groups(problems: list[Problem]) -> list[list[Problem]]:
    """Consecutive problems of one code in one column of one file, each with a row."""
    groups: list[list[Problem]] = []
    for p in problems:
        last = groups[-1][-1] if groups else None
        if (last is not None and p.row is not None and last.row is not None
                and (p.file, p.field, p.code) == (last.file, last.field, last.code)):
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _escape_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
