"""A published build's manifest against a rebuild's: which figures differ, and how.

`verify` decrypts a built site, rebuilds from the data commit its manifest names and hands
both manifests here. Values compare as `trace` compares them (floats to 1e-9 relative).
A suppressed cell has no published value, so only its being suppressed can be compared:
a rebuild that suppresses it too agrees, whatever the hidden number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from generator.provenance.manifest import SUPPRESSED_KEY
from generator.provenance.trace import same_value

Kind = Literal["changed", "missing", "new"]
"""`changed`: in both, another value (or suppressed in one only); `missing`: published but
not rebuilt; `new`: rebuilt but never published."""
Value = float | int | None


@dataclass(frozen=True)
class Difference:
    figure_id: str
    published: Value
    rebuilt: Value
    kind: Kind
    published_suppressed: bool = False
    rebuilt_suppressed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def compare_manifests(published: Mapping[str, Any], rebuilt: Mapping[str, Any]) -> list[Difference]:
    """Every figure whose value differs between the two manifests, sorted by id."""
    old, new = published["figures"], rebuilt["figures"]
    found = []
    for figure_id in sorted(old.keys() | new.keys()):
        before, after = old.get(figure_id), new.get(figure_id)
        if after is None:
            found.append(Difference(figure_id, before["value"], None, "missing",
                                    published_suppressed=_hidden(before)))
        elif before is None:
            found.append(Difference(figure_id, None, after["value"], "new",
                                    rebuilt_suppressed=_hidden(after)))
        elif not _agree(before, after):
            found.append(Difference(figure_id, before["value"], after["value"], "changed",
                                    _hidden(before), _hidden(after)))
    return found


def _agree(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    if _hidden(before) or _hidden(after):
        return _hidden(before) == _hidden(after)
    return same_value(before["value"], after["value"])


def _hidden(entry: Mapping[str, Any]) -> bool:
    return bool(entry.get(SUPPRESSED_KEY, False))
