"""What `impactmonitor trace` prints: the lineage and the checks, as Dutch text or JSON."""

from __future__ import annotations

import json
from typing import Any

from generator.compute.lineage import TOTAL
from generator.provenance.manifest import figure_entry
from generator.provenance.ranges import format_ranges
from generator.provenance.resolve import CONTEXT
from generator.provenance.trace import Trace, Unknown
from generator.sources import DIRTY_WORKTREE


def to_text(result: Trace | Unknown) -> str:
    if isinstance(result, Unknown):
        return unknown_text(result)
    figure, snapshot = result.figure, result.snapshot
    definition = result.definition
    scope = " · ".join([figure.region, *(f"{k} {v}" for k, v in figure.breakdown)])
    lines = [
        f"Figuur      {figure.figure_id}",
        f"Waarde      {result.shown(figure.value)}  (machinewaarde {_raw(figure.value)})",
        f"Indicator   {figure.indicator}"
        + (f" ({definition.title})" if definition else "")
        + f", definitie versie {figure.version}",
    ]
    if definition and definition.file:
        lines.append(f"Definitie   {definition.file}  blob {definition.blob}")
    lines += [
        f"Scope       {scope}, {_period(result)}",
        f"Gegevens    {_data_state(result)}",
        f"Code        {result.code_commit or 'onbekend (niet uit een Git-werkmap)'}",
        f"Validatie   {_validation(result.validation)}",
        "Tools       " + ", ".join(f"{k} {v}" for k, v in result.tool_versions.items()),
        "",
        "Bronnen (bestand, Git-blob, rijen zoals een spreadsheet ze telt):",
    ]
    width = max((len(s.file) for s in figure.sources), default=0)
    for source in figure.sources:
        rows = f"rijen {format_ranges(source.rows)}" if source.rows else "het hele bestand"
        lines.append(f"  {source.file.ljust(width)}  {source.blob}  {rows}")
    if not figure.sources:
        lines.append("  (geen: er waren nog geen rijen die meetellen)")
    if figure.extra:
        lines += ["", "Details: " + "; ".join(f"{k} {_raw(v)}" for k, v in figure.extra)]
    lines += ["", "Herberekend",
              f"  uit de gegevens op {_short(result)}: {result.shown(figure.value)}",
              f"  uit alleen de rijen hierboven: {result.shown(result.rows_only_value)}  "
              + ("komt overeen" if result.rows_only_matches else "WIJKT AF: de herkomst is onvolledig")]
    if result.expected is not None:
        verdict = {True: "komt overeen", False: "WIJKT AF",
                   None: "niet te vergelijken: de site toont deze cel niet (onderdrukt)"}
        lines.append(f"  verwachte waarde {result.expected}: {verdict[result.expected_matches]}")
    lines += ["", f"Opnieuw berekenen: {result.command}"]
    if snapshot.commit is None:
        lines.append("Let op: de werkmap heeft wijzigingen die niet zijn vastgelegd; leg ze vast "
                     "(commit) om dit getal reproduceerbaar te maken.")
    return "\n".join(lines)


def unknown_text(result: Unknown) -> str:
    lines = [f"Onbekende figuur '{result.figure_id}' in de gegevens van {result.snapshot.label}."]
    if result.suggestions:
        lines.append("Bedoelt u:")
        lines += [f"  {suggestion}" for suggestion in result.suggestions]
    lines.append("Een figuur-id is indicator.regio.kwartaal[.kolom=waarde...], bijvoorbeeld "
                 f"deelnemers_bereikt.{TOTAL}.2026-Q2; 'impactmonitor kpi --format json' "
                 "toont ze.")
    return "\n".join(lines)


def to_json(result: Trace | Unknown) -> str:
    return json.dumps(as_dict(result), ensure_ascii=False, indent=2, allow_nan=False)


def as_dict(result: Trace | Unknown) -> dict[str, Any]:
    snapshot = result.snapshot
    base = {"figure_id": result.figure_id if isinstance(result, Unknown) else result.figure.figure_id,
            "data_commit": snapshot.commit, "data_ref": snapshot.ref}
    if isinstance(result, Unknown):
        return {**base, "found": False, "suggestions": result.suggestions}
    definition = result.definition
    return {
        **base, "found": True, "ok": result.ok,
        "figure": figure_entry(result.figure),
        "shown": result.shown(result.figure.value),
        "definition": ({"id": definition.id, "title": definition.title, "file": definition.file,
                        "blob": definition.blob, "version": definition.version}
                       if definition else None),
        "code_commit": result.code_commit,
        "tool_versions": result.tool_versions,
        "validation": result.validation,
        "recomputed": {"value": result.figure.value,
                       "rows_only_value": result.rows_only_value,
                       "rows_only_matches": result.rows_only_matches},
        "expected": (None if result.expected is None else
                     {"text": result.expected, "matches": result.expected_matches}),
        "command": result.command,
    }


def _data_state(result: Trace) -> str:
    snapshot = result.snapshot
    if snapshot.commit is None:
        return f"{DIRTY_WORKTREE} (niet vastgelegd)"
    ref = f" (ref {snapshot.ref})" if snapshot.ref and snapshot.ref != snapshot.commit else ""
    where = "" if snapshot.ref else " (werkmap, gelijk aan HEAD)"
    return f"commit {snapshot.commit}{ref}{where}"


def _period(result: Trace) -> str:
    """Indicators add up from the start; a context row is one quarter as delivered."""
    if result.figure.indicator == CONTEXT:
        return f"kwartaal {result.figure.period} (zoals geleverd)"
    return f"stand tot en met {result.figure.period}"


def _short(result: Trace) -> str:
    commit = result.snapshot.commit
    return f"commit {commit[:12]}" if commit else "de werkmap"


def _validation(summary: dict[str, Any] | None) -> str:
    if summary is None:
        return "overgeslagen (--no-validate)"
    state = "geldig" if summary.get("valid") else "ongeldig"
    warnings = summary.get("warnings", 0)
    return f"{state}, {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"


def _raw(value: object) -> str:
    return "–" if value is None else repr(value) if isinstance(value, (int, float)) else str(value)
