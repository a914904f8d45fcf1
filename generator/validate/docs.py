"""The reference of every problem code, in Dutch, for the data stewards' guide.

Everything on the page comes from `CATALOGUE`: codes, titles, severities, and what each
code means and what to do about it, which the declaring module writes beside the code's
message for people who fill in spreadsheets rather than read code. The sections and their
order come from `generator.validate.stages`. The committed page is regenerated with

    python -m generator.validate.docs > site_src/gegevenslevering/foutcodes.md

and `tests/test_docs.py` fails when it is out of date, or when a code lacks an
explanation or a known stage.
"""

from __future__ import annotations

import importlib
import sys

from generator.problems import CATALOGUE, Code
from generator.validate.checks import _load_check_modules
from generator.validate.stages import MODULES, STAGES, Stage

COMMAND = "python -m generator.validate.docs > site_src/gegevenslevering/foutcodes.md"
SEVERITY_LABELS = {"error": "fout", "warning": "waarschuwing"}


def catalogue() -> dict[str, Code]:
    """Every declared code. Modules declare theirs when first imported, and some are
    imported only when a check runs, so import them all here."""
    for name in MODULES:
        importlib.import_module(name)
    _load_check_modules()
    return CATALOGUE


def sections(codes: dict[str, Code]) -> list[tuple[Stage, list[Code]]]:
    """Each stage with its codes, ordered by the declaring module's place in `MODULES`
    and then as declared. The catalogue's own order depends on which module a process
    happened to import first, so it is used only within one module."""
    known = {stage.key for stage in STAGES}
    unknown = sorted(code.code for code in codes.values() if code.stage not in known)
    if unknown:
        raise ValueError(f"codes with a stage not in generator/validate/stages.py: {unknown}")
    declared = {name: i for i, name in enumerate(codes)}
    ordered = sorted(codes.values(),
                     key=lambda code: (_rank(code.module), code.module, declared[code.code]))
    return [(stage, [code for code in ordered if code.stage == stage.key]) for stage in STAGES]


def _rank(module: str) -> int:
    for rank, name in enumerate(MODULES):
        if module == name or module.startswith(name + "."):
            return rank
    raise ValueError(f"{module} declares problem codes but is not in MODULES "
                     "(generator/validate/stages.py)")


def error_reference_markdown() -> str:
    """`site_src/gegevenslevering/foutcodes.md`: every code, grouped by validation stage."""
    codes = catalogue()
    grouped = sections(codes)
    lines = [*_head(len(codes)), *_overview(grouped)]
    for stage, members in grouped:
        lines += [f"## {stage.title}", "", stage.intro, ""]
        for code in members:
            lines += _entry(code)
    return "\n".join(lines).rstrip("\n") + "\n"


def _head(count: int) -> list[str]:
    return [
        f"<!-- Gemaakt met `{COMMAND}`. Pas dit bestand niet met de hand aan: wijzig de "
        "uitleg bij de declaratie van de code (declare) of de onderdelen in "
        "generator/validate/stages.py. -->",
        "",
        "# Foutcodes van de controle",
        "",
        "Elke melding van `impactmonitor validate` en van de controle op GitHub heeft een "
        "code tussen vierkante haken, zoals `[wrong-delimiter]`. Op deze pagina zoekt u die "
        "code op: wat de melding betekent en wat u eraan doet. De melding zelf noemt het "
        "bestand, en waar het kan de rij en de kolom. Rij 1 is de kopregel, net als in een "
        "spreadsheet.",
        "",
        "- Een **fout** moet u oplossen. Zolang er een fout is, wordt de levering niet "
        "geaccepteerd.",
        "- Een **waarschuwing** hoeft u niet op te lossen. De levering wordt geaccepteerd, "
        "maar kijk wel of de waarde klopt.",
        "",
        f"De controle kent {count} codes. Hij werkt in stappen, in de volgorde van deze "
        "pagina. Kan hij een bestand in een vroege stap niet lezen, dan slaat hij de "
        "latere stappen voor dat bestand over. Na het oplossen kunnen er dus nieuwe "
        "meldingen bijkomen. Start de controle daarom na elke verbetering opnieuw.",
        "",
        "Terug naar de [handleiding voor de gegevenslevering](index.md).",
        "",
    ]


def _overview(grouped: list[tuple[Stage, list[Code]]]) -> list[str]:
    lines = ["## Overzicht", "", "| code | titel | soort | onderdeel |", "|---|---|---|---|"]
    for stage, members in grouped:
        for code in members:
            cells = [f"[`{code.code}`](#{code.code})", code.title,
                     SEVERITY_LABELS[code.severity], stage.title]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines + [""]


def _entry(code: Code) -> list[str]:
    meaning, _, remedy = code.explanation.partition("\n\n")
    severity = ("**Soort:** fout — los dit op; anders wordt de levering niet geaccepteerd."
                if code.severity == "error" else
                "**Soort:** waarschuwing — de levering wordt geaccepteerd.")
    lines = [f'<a id="{code.code}"></a>', "", f"### `{code.code}` — {code.title}", "",
             severity, "", f"**Wat betekent het?** {meaning}", ""]
    if remedy:
        lines += [f"**Wat doet u?** {remedy}", ""]
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main() -> None:
    # Bytes, so that the page is UTF-8 whatever the console's encoding is.
    sys.stdout.buffer.write(error_reference_markdown().encode("utf-8"))


if __name__ == "__main__":
    main()
