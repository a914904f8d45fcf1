"""The lineage of a build as W3C PROV-JSON (https://www.w3.org/submissions/prov-json/).

Entities are the files read (named by their Git blob id) and the figures made; the
activities are validation and computation; the agents are the author of the data commit
and the software. Auditors load this in their own PROV tools, so identifiers are stable
across rebuilds and relation ids are numbered in a fixed order.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import generator
from generator.compute.lineage import Figure
from generator.compute.pipeline import Computation
from generator.paths import DATA
from generator.provenance.environment import Author, commit_authors
from generator.provenance.facts import BuildFacts
from generator.provenance.ranges import compact_ranges
from generator.sources import git_blob_id

NAMESPACES = {
    "im": "urn:impactmonitor:",
    "figure": "urn:impactmonitor:figure:",
    # A Git blob id is the Software Heritage id of the same content (SWHID, ISO/IEC 18670),
    # so a file entity names exactly the bytes that were read, wherever they are stored.
    "blob": "swh:1:cnt:",
}
RELATIONS = ("used", "wasGeneratedBy", "wasDerivedFrom", "wasAssociatedWith",
             "wasAttributedTo", "wasInformedBy")
"""The relation sections this export writes (always present, possibly empty)."""
ENDPOINTS = {
    "used": ("prov:activity", "prov:entity"),
    "wasGeneratedBy": ("prov:entity", "prov:activity"),
    "wasDerivedFrom": ("prov:generatedEntity", "prov:usedEntity"),
    "wasAssociatedWith": ("prov:activity", "prov:agent"),
    "wasAttributedTo": ("prov:entity", "prov:agent"),
    "wasInformedBy": ("prov:informed", "prov:informant"),
}
"""The attributes of each relation that name declared records (PROV-JSON §3.3)."""


def qname(name: str) -> dict[str, str]:
    """A typed literal holding a qualified name (for `prov:type`), as PROV-JSON writes it."""
    return {"$": name, "type": "prov:QUALIFIED_NAME"}


def figure_entity_id(figure_id: str) -> str:
    return f"figure:{figure_id}"


def file_entity_id(blob: str) -> str:
    return f"blob:{blob}"


def build_prov(computation: Computation, facts: BuildFacts, *,
               figures: Sequence[Figure] | None = None,
               authors: Sequence[Author] | None = None, validated: bool = True) -> dict[str, Any]:
    """The PROV-JSON document of a build: `figures` and `validated` as in `build_manifest`
    (default the computation's figures), `authors` default to the data commit's
    (`git log -1`). Data the build did not validate (an edition's) get no validation
    activity: the document claims only what this build did."""
    snapshot = computation.snapshot
    figures = computation.figures if figures is None else figures
    if authors is None:
        authors = commit_authors(snapshot.root, snapshot.commit)
    doc: dict[str, Any] = {"prefix": dict(NAMESPACES), "entity": {}, "activity": {},
                           "agent": {}, **{relation: {} for relation in RELATIONS}}
    state = snapshot.commit or "worktree"
    validating = f"im:validation/{state}" if validated else None
    computing = f"im:computation/{state}"
    software = f"im:software/impactmonitor-{generator.__version__}"
    commits = {"im:dataCommit": snapshot.commit or "uncommitted",
               "im:codeCommit": facts.code_commit or "unknown"}
    if validating:
        doc["activity"][validating] = {
            "prov:type": qname("im:Validation"), **commits,
            **{f"im:{key}": value for key, value in facts.validation.items()}}
    doc["activity"][computing] = {"prov:type": qname("im:Computation"), **commits,
                                  "im:buildDate": facts.build_date}
    doc["agent"][software] = {"prov:type": qname("prov:SoftwareAgent"),
                              "prov:label": "impactmonitor", "im:codeCommit": commits["im:codeCommit"],
                              "im:tool": [f"{name} {v}" for name, v
                                          in sorted(facts.tool_versions.items())]}
    people = [f"im:author/{a.email}" for a in authors]
    for author, agent in zip(authors, people):
        doc["agent"][agent] = {"prov:type": qname("prov:Person"), "prov:label": author.name,
                               "im:email": author.email}

    add = _Relations(doc)
    data_files = {path: git_blob_id(content) for path, content in snapshot.files.items()
                  if path.startswith(f"{DATA}/")}
    for path, blob in data_files.items():
        _declare_file(doc, blob, path, "im:DataFile")
        if validating:
            add("used", validating, file_entity_id(blob))
    read = {(s.file, s.blob) for figure in figures for s in figure.sources}
    read |= {(d.file, d.blob) for d in computation.definitions}
    for path, blob in sorted(read):
        kind = "im:DataFile" if path.startswith(f"{DATA}/") else "im:Definition"
        _declare_file(doc, blob, path, kind)
        add("used", computing, file_entity_id(blob))
    for blob in sorted(set(data_files.values())):
        for agent in people:
            add("wasAttributedTo", file_entity_id(blob), agent)
    if validating:
        add("wasInformedBy", computing, validating)
        add("wasAssociatedWith", validating, software)
    add("wasAssociatedWith", computing, software)
    for figure in figures:
        entity = figure_entity_id(figure.figure_id)
        doc["entity"][entity] = _figure_attributes(figure)
        add("wasGeneratedBy", entity, computing)
        for source in figure.sources:
            rows = {} if figure.suppressed else {"im:rows": compact_ranges(source.rows)}
            add("wasDerivedFrom", entity, file_entity_id(source.blob),
                {"im:path": source.file, **rows})
    return doc


def prov_json(doc: Mapping[str, Any]) -> str:
    """Canonical text: sorted keys, no indent (it is read by tools, and published
    encrypted, where nothing compresses it), final newline."""
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False) + "\n"


def _declare_file(doc: dict[str, Any], blob: str, path: str, kind: str) -> None:
    """One entity per blob; identical content at several paths lists every location."""
    entity = doc["entity"].setdefault(file_entity_id(blob), {
        "prov:type": qname(kind), "prov:location": path, "im:blob": blob})
    locations = entity["prov:location"]
    locations = [locations] if isinstance(locations, str) else locations
    if path not in locations:
        entity["prov:location"] = sorted([*locations, path])


def _figure_attributes(figure: Figure) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "prov:type": qname("im:Figure"), "prov:label": figure.figure_id,
        "im:indicator": figure.indicator, "im:version": figure.version,
        "im:region": figure.region, "im:period": figure.period, "im:unit": figure.unit,
        "im:suppressed": figure.suppressed,
    }
    if figure.breakdown:
        attributes["im:breakdown"] = [f"{key}={value}" for key, value in figure.breakdown]
    if figure.value is not None and not figure.suppressed:
        attributes["prov:value"] = figure.value
    return attributes


class _Relations:
    """Adds relation records with blank-node ids numbered per section, in call order."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc

    def __call__(self, relation: str, subject: str, obj: str,
                 attributes: Mapping[str, Any] | None = None) -> None:
        section = self.doc[relation]
        first, second = ENDPOINTS[relation]
        section[f"_:{relation}{len(section) + 1}"] = {first: subject, second: obj,
                                                      **(attributes or {})}
