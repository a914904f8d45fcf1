"""What `impactmonitor verify` prints: per manifest, every figure that differs, in Dutch."""

from __future__ import annotations

import json
from typing import Any

from generator.compute.formatting import dutch, format_value
from generator.provenance.compare import Difference
from generator.provenance.verify import MONITOR, TreeCheck, VerifyReport

SHORT_SHA = 12
NOT_SHOWN = {"missing": ("", "ontbreekt"), "new": ("niet gepubliceerd", "")}
"""What stands in for the value a side does not have, by kind of difference."""


def to_text(report: VerifyReport) -> str:
    lines = [f"Site {report.site_dir}: {len(report.trees)} "
             f"{'manifest' if len(report.trees) == 1 else 'manifesten'} gecontroleerd."]
    for tree in report.trees:
        lines += ["", *_tree_text(tree)]
    total = sum(tree.compared for tree in report.trees)
    differing = len(report.differences)
    lines += ["", f"Resultaat: {_count(differing)} van de {_count(total)} figuren "
                  f"{'wijkt' if differing == 1 else 'wijken'} af." if differing else
              f"Resultaat: alle {_count(total)} figuren komen overeen."]
    return "\n".join(lines)


def _tree_text(tree: TreeCheck) -> list[str]:
    title = "Monitor" if tree.name == MONITOR else f"Editie {tree.name}"
    lines = [f"{title} ({tree.manifest})",
             f"  gegevens volgens het manifest: {_sha(tree.named_commit)}"]
    if tree.checked_commit != tree.named_commit:
        lines.append(f"  opnieuw berekend uit:          {_sha(tree.checked_commit)}")
    if tree.ok:
        return lines + [f"  {_count(tree.compared)} figuren vergeleken: alle gelijk."]
    lines.append(f"  {_count(tree.compared)} figuren vergeleken: {_count(len(tree.differences))} "
                 f"{'wijkt' if len(tree.differences) == 1 else 'wijken'} af.")
    rows = [("figuur", "gepubliceerd", "herberekend")]
    rows += [(d.figure_id, *_values(d, tree.units[d.figure_id])) for d in tree.differences]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines.append("")
    for figure_id, old, new in rows:
        lines.append(f"  {figure_id.ljust(widths[0])}  {old.rjust(widths[1])}  {new.rjust(widths[2])}")
    return lines


def _values(difference: Difference, unit: str) -> tuple[str, str]:
    """Both values in Dutch notation (with the digits a small value needs: the unit's
    usual decimals could show two different values as 0,00000%); with the machine values
    when they still read alike."""
    missing = NOT_SHOWN.get(difference.kind, ("", ""))
    old = missing[0] or _shown(difference.published, difference.published_suppressed, unit)
    new = missing[1] or _shown(difference.rebuilt, difference.rebuilt_suppressed, unit)
    if old == new:
        old, new = f"{old} ({difference.published!r})", f"{new} ({difference.rebuilt!r})"
    return old, new


def _shown(value: float | int | None, suppressed: bool, unit: str) -> str:
    return "onderdrukt" if suppressed else format_value(value, unit)


def _sha(commit: str | None) -> str:
    return f"commit {commit}" if commit else "geen (niet vastgelegde gegevens)"


def _count(number: int) -> str:
    return dutch(number, 0)


def to_json(report: VerifyReport) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2, allow_nan=False)


def as_dict(report: VerifyReport) -> dict[str, Any]:
    return {"site": str(report.site_dir), "ok": report.ok,
            "manifests": [{"name": t.name, "manifest": t.manifest,
                           "data_commit": t.named_commit, "checked_commit": t.checked_commit,
                           "compared": t.compared, "ok": t.ok,
                           "differences": [d.as_dict() for d in t.differences]}
                          for t in report.trees]}
