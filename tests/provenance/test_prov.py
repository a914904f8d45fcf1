"""The PROV-JSON export: the spec's structure, every relation between declared records,
every figure derived from the files its lineage names; read back by the `prov` package."""

from __future__ import annotations

import json
import warnings
from dataclasses import replace

import pytest

from generator.compute.pipeline import Computation
from generator.provenance.environment import Author
from generator.provenance.prov import (
    ENDPOINTS, build_prov, figure_entity_id, file_entity_id, prov_json,
)
from tests.provenance.conftest import facts

PROV_SECTIONS = {
    "prefix", "entity", "activity", "agent", "wasGeneratedBy", "used", "wasInformedBy",
    "wasStartedBy", "wasEndedBy", "wasInvalidatedBy", "wasDerivedFrom", "wasAttributedTo",
    "wasAssociatedWith", "actedOnBehalfOf", "wasInfluencedBy", "alternateOf",
    "specializationOf", "hadMember", "mentionOf", "bundle",
}
"""Top-level names of a PROV-JSON document (PROV-JSON submission, §2 and §3)."""
KINDS = {
    "prov:activity": "activity", "prov:entity": "entity", "prov:agent": "agent",
    "prov:generatedEntity": "entity", "prov:usedEntity": "entity",
    "prov:informed": "activity", "prov:informant": "activity",
}
"""Which section the record an endpoint attribute names must be declared in."""


@pytest.fixture(scope="module")
def hidden_id(handmade: Computation) -> str:
    figure = next(f for f in handmade.figures if f.breakdown and f.sources and f.value)
    return figure.figure_id


@pytest.fixture(scope="module")
def doc(handmade: Computation, hidden_id: str) -> dict:
    figures = [replace(f, suppressed=True) if f.figure_id == hidden_id else f
               for f in handmade.figures]
    return build_prov(handmade, facts(tool_versions={"python": "3.11.7"},
                                      validation={"valid": True, "errors": 0}), figures=figures)


def test_sections_are_those_of_the_spec(doc: dict) -> None:
    assert set(doc) <= PROV_SECTIONS
    assert {"prefix", "entity", "activity", "agent"} <= set(doc)
    assert all(isinstance(records, dict) for records in doc.values())
    for name in doc:
        if name == "prefix":
            continue
        for record_id in doc[name]:
            prefix = record_id.split(":", 1)[0]
            assert prefix == "_" or prefix in doc["prefix"] or prefix == "prov", record_id


def test_every_relation_names_declared_records(doc: dict) -> None:
    checked = 0
    for relation, (first, second) in ENDPOINTS.items():
        for record_id, record in doc[relation].items():
            for attribute in (first, second):
                target = record[attribute]
                assert target in doc[KINDS[attribute]], (relation, record_id, attribute, target)
                checked += 1
    assert checked > 2 * len(doc["entity"])


def test_every_figure_derives_from_the_files_of_its_sources(handmade: Computation,
                                                            doc: dict) -> None:
    derived: dict[str, set[tuple[str, str]]] = {}
    for record in doc["wasDerivedFrom"].values():
        derived.setdefault(record["prov:generatedEntity"], set()).add(
            (record["prov:usedEntity"], record["im:path"]))
    generated = {r["prov:entity"] for r in doc["wasGeneratedBy"].values()}
    for figure in handmade.figures:
        entity = figure_entity_id(figure.figure_id)
        assert entity in doc["entity"] and entity in generated
        assert derived.get(entity, set()) == {(file_entity_id(s.blob), s.file)
                                              for s in figure.sources}, figure.figure_id
        for source in figure.sources:
            location = doc["entity"][file_entity_id(source.blob)]["prov:location"]
            assert source.file in ([location] if isinstance(location, str) else location)


def test_values_and_rows_but_not_for_a_suppressed_figure(handmade: Computation, doc: dict,
                                                         hidden_id: str) -> None:
    shown = next(f for f in handmade.figures if f.value is not None and f.figure_id != hidden_id)
    assert doc["entity"][figure_entity_id(shown.figure_id)]["prov:value"] == shown.value
    hidden = doc["entity"][figure_entity_id(hidden_id)]
    assert "prov:value" not in hidden and hidden["im:suppressed"] is True
    rows = [r for r in doc["wasDerivedFrom"].values()
            if r["prov:generatedEntity"] == figure_entity_id(hidden_id)]
    assert rows and all("im:rows" not in r for r in rows)


def test_the_commit_author_is_the_agent_of_the_data(handmade: Computation, doc: dict) -> None:
    author = "im:author/test@example.org"  # tests/fixtures/handmade_repo.py commits as Test
    assert doc["agent"][author]["prov:label"] == "Test"
    attributed = {r["prov:entity"] for r in doc["wasAttributedTo"].values()
                  if r["prov:agent"] == author}
    data_blobs = {file_entity_id(s.blob) for f in handmade.figures for s in f.sources
                  if s.file.startswith("data/")}
    assert data_blobs <= attributed
    computing = f"im:computation/{handmade.snapshot.commit}"
    assert doc["activity"][computing]["im:dataCommit"] == handmade.snapshot.commit
    assert doc["activity"][computing]["im:codeCommit"] == "c0de" * 10


def test_authors_can_be_given(handmade: Computation) -> None:
    doc = build_prov(handmade, facts(code_commit=None, tool_versions={}, validation={}),
                     authors=[Author("A. Steward", "a@regio.example")])
    assert set(doc["agent"]) == {"im:author/a@regio.example", "im:software/impactmonitor-0.1.0"}


def test_data_the_build_did_not_validate_get_no_validation_activity(handmade: Computation) -> None:
    """A report edition's pinned data are not validated again by the build."""
    doc = build_prov(handmade, facts(), validated=False)
    assert [a for a in doc["activity"] if a.startswith("im:validation/")] == []
    assert doc["wasInformedBy"] == {}
    for relation, (first, second) in ENDPOINTS.items():
        for record in doc[relation].values():
            assert record[first] in doc[KINDS[first]] and record[second] in doc[KINDS[second]]
    computing = doc["activity"][f"im:computation/{handmade.snapshot.commit}"]
    assert computing["im:buildDate"] == "2023-11-14T22:13:20+00:00"


def test_the_prov_package_reads_it(handmade: Computation, doc: dict) -> None:
    model = pytest.importorskip("prov.model")
    rejection = pytest.importorskip("prov._warnings").ProvFutureRejectionWarning
    text = prov_json(doc)
    assert text == json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False,
                              separators=(",", ":")) + "\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error", rejection)  # a name the reader would refuse later
        read = model.ProvDocument.deserialize(content=text, format="json")
    records = read.get_records()
    assert len([r for r in records if r.get_type().localpart == "Entity"]) == len(doc["entity"])
    derivations = [r for r in records if r.get_type().localpart == "Derivation"]
    assert len(derivations) == len(doc["wasDerivedFrom"])
    assert "wasDerivedFrom(figure:" in read.get_provn()
