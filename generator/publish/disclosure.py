"""Disclosure control: small breakdown cells are hidden before anything is published.

Rules (PRODUCT.md, "Disclosure control"):

- **Which figures.** Breakdown cells (`Figure.breakdown` non-empty) of indicators counted in
  people or items (`COUNT_UNITS`, i.e. unit `aantal`). Euro amounts, percentages and scores
  are left alone: they are not head counts, and the counts behind them are published (and
  protected) as counts of their own. Splits of `totaal` by `fase` are left alone too: each
  is a sum of whole regions whose totals are shown anyway.
- **Primary suppression.** A cell with 0 < value < k (for counts: 1 to k−1). Zero is shown:
  "nobody" names no one.
- **Secondary suppression.** A cell hidden alone in a group whose sum is known would be
  given away by subtraction, so the smallest other non-zero cell of that group is hidden too
  (ties: lowest figure id). Groups whose sum is known:
  1. all cells of one indicator, region and period with the same breakdown columns; their
     sum is the headline figure, which is always shown (also when it is not passed in);
  2. in a cross-table, the cells under one published marginal cell (e.g. the cells
     `richting=x, factor=*` when `richting=x` is itself a figure);
  3. the same cell across all regions, whose sum is the `totaal` cell: every region page
     can be read by a national reader, so the pages together are a region×category table.
  The groups are revisited until none has exactly one hidden cell, so a cell hidden for one
  group is protected in the others as well.
- **Totals** (figures without a breakdown) are never touched.

Not covered: differences between periods (values are cumulative, so a cell that grows
from 12 to 14 tells that two people joined), and linear combinations spanning several
groups beyond the "never one hidden cell per group" rule. `apply` must see every figure
that is published together (all regions, `totaal`, all breakdowns of a period); run it
once on the whole set, not per page.

Hidden figures come back with `suppressed=True` and `value=None`, so no later stage can
leak the number; their lineage stays, and `extra` says why (for the audit entry and the
label), never how much.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import yaml

from generator.compute.lineage import TOTAL, Figure

DEFAULT_K = 5
COUNT_UNITS = frozenset({"aantal"})
PHASE_KEY = "fase"
REASON_KEY = "onderdrukking"
K_KEY = "onderdrukking_k"
PRIMARY = "klein aantal"
SECONDARY = "afleidbaar"
SECONDARY_LABEL = "x"
"""Shown for a cell hidden only to protect another: it is never small, so "<5" would be false."""


def configured_k(root: Path) -> int:
    """The site's k: `k_anonymity` of the impactmonitor plugin in `root`/mkdocs.yml, so that
    `impactmonitor kpi` hides what the site hides; DEFAULT_K when it is not set."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return DEFAULT_K

    class _AnyTag(yaml.SafeLoader):  # mkdocs.yml may hold !!python/name or !ENV tags
        pass

    _AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_AnyTag) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("impactmonitor"), dict):
            k = plugin["impactmonitor"].get("k_anonymity", DEFAULT_K)
            return int(k) if isinstance(k, int) and k >= 1 else DEFAULT_K
    return DEFAULT_K


def apply(figures: Sequence[Figure], k: int = DEFAULT_K) -> list[Figure]:
    """The figures in the same order, with small breakdown cells and their give-aways hidden."""
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    reasons: dict[int, str] = {}
    protected = [_protected(figure) for figure in figures]
    for i, figure in enumerate(figures):
        if figure.suppressed:  # hidden by an earlier pass: keep its reason, so apply is idempotent
            reasons[i] = dict(figure.extra).get(REASON_KEY, PRIMARY)
        elif protected[i] and figure.value is not None and 0 < figure.value < k:
            reasons[i] = PRIMARY
    groups = _groups(figures, protected)
    changed = True
    while changed:
        changed = False
        for members in groups:
            hidden = [i for i in members if i in reasons]
            if len(hidden) != 1:
                continue
            candidates = [i for i in members if i not in reasons
                          and figures[i].value is not None and figures[i].value > 0]
            if not candidates:
                continue  # the one non-zero cell is the total itself, which is shown anyway
            pick = min(candidates, key=lambda i: (figures[i].value, figures[i].figure_id))
            reasons[pick] = SECONDARY
            changed = True
    return [_hide(figure, reasons[i], k) if i in reasons else figure
            for i, figure in enumerate(figures)]


def label(figure: Figure) -> str:
    """What a table cell or chart shows instead of a hidden value: `<5` or `x`."""
    details = dict(figure.extra)
    if details.get(REASON_KEY) == SECONDARY:
        return SECONDARY_LABEL
    return f"<{details.get(K_KEY, DEFAULT_K)}"


def note(figure: Figure) -> str:
    """One Dutch sentence on why a value is hidden (for a title attribute or a footnote)."""
    details = dict(figure.extra)
    k = details.get(K_KEY, DEFAULT_K)
    if details.get(REASON_KEY) == SECONDARY:
        return ("Niet getoond: met dit getal en het totaal zou een klein aantal "
                f"(minder dan {k}) terug te rekenen zijn.")
    return f"Niet getoond: een klein aantal (minder dan {k}) kan naar personen herleidbaar zijn."


def _protected(figure: Figure) -> bool:
    return (bool(figure.breakdown) and figure.unit in COUNT_UNITS
            and all(key != PHASE_KEY for key, _ in figure.breakdown))


KEEP_HIDDEN = 200_000
_HIDDEN: dict[tuple[int, str, int], tuple[Figure, Figure]] = {}
"""(id of a figure, reason, k) -> the figure and its hidden copy, emptied when it holds
`KEEP_HIDDEN` (a plain dict: a rebuild looks up some 10.000): a serving process hands
the very figure objects of unchanged regions to every rebuild, and hiding one again gives
the very copy of the last rebuild, so that what later stages keep by identity (the
published parts, `generator.provenance.published`) is found again. The figure is held, so
its id cannot be another object's. (Figures are frozen: the copy is what `replace` makes.)"""


def _hide(figure: Figure, reason: str, k: int) -> Figure:
    key = (id(figure), reason, k)
    found = _HIDDEN.get(key)
    if found is not None and found[0] is figure:
        return found[1]  # type: ignore[no-any-return]
    if figure.suppressed:
        k = dict(figure.extra).get(K_KEY, k)
    extra = tuple(item for item in figure.extra if item[0] not in (REASON_KEY, K_KEY))
    hidden = replace(figure, value=None, suppressed=True,
                     extra=extra + ((REASON_KEY, reason), (K_KEY, k)))
    if len(_HIDDEN) >= KEEP_HIDDEN:
        _HIDDEN.clear()
    _HIDDEN[key] = (figure, hidden)
    return hidden


def _groups(figures: Sequence[Figure], protected: Sequence[bool]) -> list[tuple[int, ...]]:
    """Index groups whose sum is published, smallest first, ties by key (reproducible picks).

    Small groups first: a cell picked in a marginal row also lies in the larger groups, so
    it often settles them too, where a pick made in the large group first would not.
    """
    published = {(f.indicator, f.region, f.period, f.breakdown) for f in figures}
    groups: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, figure in enumerate(figures):
        if not protected[i]:
            continue
        indicator, region, period, breakdown = (figure.indicator, figure.region,
                                                figure.period, figure.breakdown)
        columns = tuple(key for key, _ in breakdown)
        groups[("headline", indicator, region, period, columns)].append(i)
        if len(breakdown) > 1:  # one column has no proper sub-breakdown
            for marginal in _proper_subsets(breakdown):
                if (indicator, region, period, marginal) in published:
                    groups[("marginal", indicator, region, period, columns, marginal)].append(i)
        if region != TOTAL:
            groups[("regions", indicator, period, breakdown)].append(i)
    ordered = sorted(groups.items(), key=lambda item: (len(item[1]), repr(item[0])))
    return [tuple(members) for _, members in ordered]


def _proper_subsets(breakdown: tuple[tuple[str, str], ...]) -> Iterable[tuple[tuple[str, str], ...]]:
    """Non-empty proper sub-breakdowns, in the cell's own column order (as the engine keys them)."""
    n = len(breakdown)
    for mask in range(1, (1 << n) - 1):
        yield tuple(pair for bit, pair in enumerate(breakdown) if mask & (1 << bit))
