"""The machine-readable manifest of a build: every figure with its value and inputs.

Published inside the protected site; `verify` rebuilds from the commit it names and
compares (`compare.py`). Serialised with sorted keys so that two builds of the same
commit give the same bytes.

A whole build's manifest is tens of megabytes at 20 regions, so it is published in parts
(`published.py` says where): an index with the build's facts that lists every part with
its SHA-256, and one part per indicator and scope. A part holds no commit (the index names
it), lists each source file once and refers to it by position, so a part whose figures did
not change since a report edition's commit is the same bytes in both and stored once.
`expand_part` turns a part back into the entries `figure_entry` gives.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from generator.compute.lineage import Figure, SourceRows
from generator.compute.pipeline import Computation
from generator.provenance.facts import BuildFacts
from generator.provenance.figure_ids import FigureKey, parse_figure_id
from generator.provenance.ranges import compact_ranges

MANIFEST_VERSION = 3
"""Raised when the shape changes in a way a reader of an older manifest would misread
(2: the figures in parts, listed by the index; 3: a part's `defaults`, entries keyed
without the part's indicator and scope, period and breakdown left to the key)."""
SUPPRESSED_KEY = "onderdrukt"
"""Named as the site names it: the entry of a suppressed cell carries this, not its value."""


def build_manifest(computation: Computation, facts: BuildFacts, *,
                   figures: Sequence[Figure] | None = None, k_anonymity: int | None = None,
                   validated: bool = True,
                   editions: Mapping[str, Mapping[str, Any]] | None = None,
                   edition: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """All figures of a build with its commits, date, tools and validation result.

    `figures` are those the site shows (after disclosure control with `k_anonymity`, with
    derived figures); by default the computation's own. The data commit is the
    computation's (a report edition's is its pinned one); everything else about the
    build comes from `facts`. `validated=False` for data the build did not validate (an
    edition's). `editions` (the live monitor's manifest) names each edition's manifest;
    `edition` describes the edition a manifest is of.
    """
    snapshot = computation.snapshot
    chosen = computation.figures if figures is None else figures
    entries = {figure.figure_id: figure_entry(figure) for figure in chosen}
    manifest: dict[str, Any] = {
        "manifest_version": MANIFEST_VERSION,
        "data_commit": snapshot.commit,
        "data_ref": snapshot.ref,
        "code_commit": facts.code_commit,
        "site_commit": facts.site_commit,
        "build_date": facts.build_date,
        "tool_versions": dict(facts.tool_versions),
        "validation": dict(facts.validation) if validated else None,
        "k_anonymity": k_anonymity,
        "periods": list(computation.periods),
        "definitions": {d.id: {"version": d.version, "file": d.file, "blob": d.blob,
                               "title": d.title}
                        for d in computation.definitions},
        "figure_count": len(entries),
        "figures": entries,
    }
    if editions is not None:
        manifest["editions"] = {slug: dict(about) for slug, about in editions.items()}
    if edition is not None:
        manifest["edition"] = dict(edition)
    return manifest


def figure_entry(figure: Figure) -> dict[str, Any]:
    """One figure as the manifest (and `trace --format json`) shows it.

    A suppressed cell keeps its id, files and blob ids and its text details (why it is
    hidden, free-text labels), but not its value, its numeric details or its rows:
    counting rows can give a small count away.
    """
    hidden = figure.suppressed
    return {
        "id": figure.figure_id,
        "indicator": figure.indicator,
        "version": figure.version,
        "region": figure.region,
        "period": figure.period,
        "breakdown": dict(figure.breakdown),
        "unit": figure.unit,
        "value": None if hidden else figure.value,
        SUPPRESSED_KEY: hidden,
        "data_commit": figure.commit,
        "inputs": [input_entry(source, with_rows=not hidden) for source in figure.sources],
        "details": {key: _plain(value) for key, value in figure.extra
                    if not hidden or is_text_detail(value)},
    }


def input_entry(source: SourceRows, *, with_rows: bool = True) -> dict[str, Any]:
    """A source file: path, Git blob id and its rows as `2-14,20` (or null).

    Runs as text rather than a list of numbers: a build's rows are ~200,000 numbers and
    the manifest is published encrypted, where nothing compresses it.
    """
    rows = compact_ranges(source.rows) if with_rows else None
    return {"file": source.file, "blob": source.blob, "rows": rows}


def manifest_json(manifest: Mapping[str, Any]) -> str:
    """Canonical text: sorted keys, UTF-8 as is, no whitespace, no NaN, final newline.

    Compact: it is published encrypted, where nothing compresses it, and indentation was a
    third of its bytes; `python -m json.tool` shows it indented.
    """
    return json.dumps(manifest, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False) + "\n"


def manifest_sha256(manifest: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical text: one line that pins a whole build's figures."""
    return hashlib.sha256(manifest_json(manifest).encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    """Details as JSON: pairs become objects (free-text labels), other tuples lists."""
    if isinstance(value, tuple):
        if value and all(isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str)
                         for v in value):
            return {k: _plain(v) for k, v in value}
        return [_plain(v) for v in value]
    return value


def is_text_detail(value: Any) -> bool:
    """Text, or pairs of text (labels): what a suppressed cell's details may keep."""
    if isinstance(value, tuple):
        return all(is_text_detail(v) for v in value)
    return isinstance(value, str)


def manifest_part(indicator: str, region: str, figures: Sequence[Figure]) -> dict[str, Any]:
    """The figures of one indicator and scope, without commit; each source file once.

    An input is `[position in "files", rows]`: a file's path and blob id were most of a
    figure's bytes, repeated in every quarter and cell that read it. What most entries
    say alike (the unit, the version, no details, not suppressed) is said once, in
    `defaults`, and left out of each entry that says the same; and an entry's period and
    breakdown, when its id says them: together that was two fifths of a part. An entry is
    keyed by its id without the `<indicator>.<scope>.` every id of the part starts with.
    """
    start = f"{indicator}.{region}."
    files: dict[tuple[str, str], int] = {}
    for figure in figures:
        for source in figure.sources:
            files.setdefault((source.file, source.blob), 0)
    for position, key in enumerate(sorted(files)):
        files[key] = position
    entries = {}
    for figure in figures:
        entry = figure_entry(figure)
        for key in ("id", "indicator", "region", "data_commit"):
            del entry[key]
        entry["inputs"] = [[files[(source.file, source.blob)], given["rows"]]
                           for source, given in zip(figure.sources, entry["inputs"])]
        if parse_figure_id(figure.figure_id) == FigureKey(
                figure.indicator, figure.region, figure.period, figure.breakdown):
            del entry["period"], entry["breakdown"]  # the id says them
        if not figure.figure_id.startswith(start):
            raise ValueError(f"{figure.figure_id} is not a figure of {start[:-1]}")
        entries[figure.figure_id.removeprefix(start)] = entry
    # Each value's canonical text once: a 20-region build has ~1,3 million of them.
    texts = [{key: _canonical(value) for key, value in entry.items() if key not in FROM_ID}
             for entry in entries.values()]
    defaults = _defaults(texts)
    default_texts = {key: _canonical(value) for key, value in defaults.items()}
    for entry, text in zip(entries.values(), texts):
        for key, default in default_texts.items():
            if text.get(key) == default:  # equal as JSON (`1` and `1.0` are not)
                del entry[key]
    return {"indicator": indicator, "region": region, "defaults": defaults,
            "files": [[path, blob] for path, blob in sorted(files)], "figures": entries}


def _defaults(texts: Iterable[Mapping[str, str]]) -> dict[str, Any]:
    """Per key, the value most entries have (the first in text order among equals), when
    more than one entry has it: leaving it out of them saves bytes. `texts`: each entry's
    values as canonical text (`_canonical`), without the keys the id says."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for key, value in text.items():
            counts[key][value] += 1
    found = {}
    for key, seen in sorted(counts.items()):
        text, count = min(seen.items(), key=lambda item: (-item[1], item[0]))
        if count > 1:
            found[key] = json.loads(text)
    return found


FROM_ID = ("period", "breakdown")
"""Entry keys a part leaves to the figure id, never to `defaults`."""


_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
"""One encoder for every value (`json.dumps` with options makes a new one per call)."""


def _canonical(value: Any) -> str:
    return _CANONICAL.encode(value)


def expand_part(part: Mapping[str, Any], data_commit: str | None) -> dict[str, dict[str, Any]]:
    """Figure id -> the entry `figure_entry` gives, from a part and its index's commit."""
    files = part["files"]
    defaults = _canonical(part.get("defaults", {}))
    found = {}
    start = f"{part['indicator']}.{part['region']}."
    for key, given in part["figures"].items():
        figure_id = start + key
        entry = {**json.loads(defaults), **given}  # a copy of the defaults for each entry
        if "period" not in entry:
            parsed = parse_figure_id(figure_id)  # manifest_part left them out: the id says them
            if parsed is None:
                raise ValueError(f"{figure_id}: no period in the entry nor in the id")
            entry["period"], entry["breakdown"] = parsed.period, dict(parsed.breakdown)
        found[figure_id] = {
            **entry, "id": figure_id, "indicator": part["indicator"], "region": part["region"],
            "data_commit": data_commit,
            "inputs": [{"file": files[position][0], "blob": files[position][1], "rows": rows}
                       for position, rows in entry["inputs"]]}
    return found
