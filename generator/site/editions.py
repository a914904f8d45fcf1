"""Report editions: a tussenrapport or eindrapport frozen on the data of one commit.

Each edition is a folder `site_src/edities/<slug>/` with `editie.yml` and `index.md`:

    titel: Tussenrapport 2026
    soort: tussenrapport            # tussenrapport | eindrapport
    data_ref: 0e6be19e65bd318b...   # a full commit sha or a tag, never a branch
    datum: 2026-11-23               # the publication date
    periode: 2026-Q2                # optional: the last quarter it reports (default: latest)

Its figures are computed from `data/` and `indicators/` at `data_ref` (read with Git
plumbing, whatever is checked out), so the edition never changes when later data arrive.
A branch would move, so only a sha or a tag is accepted. The narrative itself is read
from the working tree: wording may be corrected, numbers cannot.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, fields
from operator import attrgetter
from pathlib import Path

import yaml

from generator.cache import Cache
from generator.compute.lineage import Figure
from generator.contract.quarters import QUARTER_PATTERN
from generator.errors import UserError
from generator.paths import SITE_SRC
from generator.publish.sitedata import PeriodNotInData, SiteData, compute_site_data
from generator.sources import open_snapshot, resolve_ref

EDITIONS_DIR = "edities"
META_FILE = "editie.yml"
KINDS = {"tussenrapport": "Tussenrapport", "eindrapport": "Eindrapport"}
FIELDS = {"titel", "soort", "data_ref", "datum", "periode"}
FULL_SHA = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class EditionMeta:
    slug: str
    title: str
    kind: str
    data_ref: str
    date: dt.date
    period: str | None
    file: str
    """Repo-relative path of `editie.yml`, for messages."""


@dataclass
class Edition:
    meta: EditionMeta
    data: SiteData

    @property
    def commit(self) -> str:
        assert self.data.commit is not None  # read at a ref, so always a commit
        return self.data.commit


@dataclass(frozen=True)
class Correction:
    edition: Figure
    current: Figure


def find_editions(site_src: Path) -> list[EditionMeta]:
    """Every edition, oldest publication first (then by slug)."""
    folder = site_src / EDITIONS_DIR
    if not folder.is_dir():
        return []
    found = [read_meta(path, f"{SITE_SRC}/{EDITIONS_DIR}/{path.parent.name}/{META_FILE}")
             for path in sorted(folder.glob(f"*/{META_FILE}"))]
    return sorted(found, key=lambda m: (m.date, m.slug))


def read_meta(path: Path, shown: str) -> EditionMeta:
    try:
        # Every value as text: a sha of digits only must not become a number.
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    except yaml.YAMLError as error:
        raise UserError(f"{shown} is geen geldige YAML: {error}") from None
    if not isinstance(raw, dict):
        raise UserError(f"{shown}: verwacht de velden {', '.join(sorted(FIELDS))}.")
    problems = [f"onbekend veld '{key}'" for key in raw if key not in FIELDS]
    problems += [f"veld '{key}' ontbreekt" for key in sorted(FIELDS - {"periode"}) if key not in raw]
    if raw.get("soort") is not None and raw.get("soort") not in KINDS:
        problems.append(f"soort moet {' of '.join(KINDS)} zijn, niet '{raw.get('soort')}'")
    date = raw.get("datum")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            pass
    if "datum" in raw and not isinstance(date, dt.date):
        problems.append("datum moet een datum zijn, bijvoorbeeld 2026-11-23")
    period = raw.get("periode")
    if period is not None and not QUARTER_PATTERN.match(str(period)):
        problems.append(f"periode moet een kwartaal zijn, bijvoorbeeld 2026-Q2, niet '{period}'")
    if problems:
        raise UserError(f"{shown}: " + "; ".join(problems) + ".")
    return EditionMeta(path.parent.name, str(raw["titel"]), str(raw["soort"]),
                       str(raw["data_ref"]), date, None if period is None else str(period), shown)


def load_edition(root: Path, meta: EditionMeta, k: int, cache: Cache | None = None) -> Edition:
    """The edition's figures, computed from the data at its `data_ref`."""
    _check_ref(root, meta)
    # Not validated again: the data at a fixed commit were checked when they were merged,
    # and a published edition must still build after the validator grows stricter.
    try:
        data = compute_site_data(open_snapshot(root, meta.data_ref), k, meta.period,
                                 cache=cache)
    except PeriodNotInData as outside:
        span = outside.periods[-1] if outside.periods else "geen kwartaal"
        raise UserError(f"{meta.file}: periode {meta.period} valt buiten de gegevens op "
                        f"{meta.data_ref} (tot en met {span}).") from None
    return Edition(meta, data)


def _check_ref(root: Path, meta: EditionMeta) -> None:
    """A full sha or a tag: refs that never move."""
    ref = meta.data_ref
    full = bool(FULL_SHA.match(ref))
    try:
        resolve_ref(root, ref if full else f"refs/tags/{ref}")
    except UserError:
        if full:
            raise UserError(f"{meta.file}: data_ref {ref} is geen commit in deze "
                            "repository.") from None
        raise UserError(f"{meta.file}: data_ref moet een volledige commit-sha (40 tekens) of "
                        f"een tag zijn, niet '{ref}' (een branch verschuift).") from None


def unchanged_in_live(edition: SiteData, live: SiteData) -> frozenset[str]:
    """Ids of the edition's figures that the live monitor has unchanged: the same value (or
    suppression), unit, version, details, files, blob ids and rows, from a definition with
    the same blob. Their audit entry is the live one; only the commit they name differs,
    and the same blobs are the same bytes at both commits."""
    same_definitions = {d.id for d in edition.computation.definitions
                        if _same_definition(d.id, d.blob, live)}
    found = set()
    for figure in edition.figures:
        now = live.get(figure.figure_id)
        if (now is not None and figure.indicator in same_definitions
                and _same_but_commit(figure, now)):
            found.add(figure.figure_id)
    return frozenset(found)


_BUT_COMMIT = attrgetter(*(f.name for f in fields(Figure) if f.name != "commit"))
"""Every field of a figure but the commit, `extra` included, as one tuple."""


def _same_but_commit(a: Figure, b: Figure) -> bool:
    return a is b or bool(_BUT_COMMIT(a) == _BUT_COMMIT(b))


def _same_definition(indicator: str, blob: str, live: SiteData) -> bool:
    definitions = [d for d in live.computation.definitions if d.id == indicator]
    return bool(definitions) and definitions[0].blob == blob


def corrections(shown: dict[str, Figure], current: SiteData) -> list[Correction]:
    """The edition's shown figures whose value the current data give differently.

    Only figures of the same definition version (for model figures also the same parameter
    file version) are compared: a figure whose definition changed since is a different
    measure under the same id, not a correction of the data."""
    found = []
    for figure_id, figure in sorted(shown.items()):
        now = current.get(figure_id)
        if now is not None and now.version == figure.version and not _same(figure, now):
            found.append(Correction(figure, now))
    return found


def _same(a: Figure, b: Figure) -> bool:
    if a.suppressed or b.suppressed:
        return a.suppressed == b.suppressed
    if a.value is None or b.value is None:
        return a.value is b.value
    return math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-12)
