"""The build manifest: every figure, no value for a suppressed one, canonical bytes."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from generator.compute.pipeline import Computation
from generator.provenance.manifest import (
    build_manifest, figure_entry, manifest_json, manifest_sha256,
)
from generator.provenance.ranges import parse_ranges
from tests.provenance.conftest import facts

TOOLS = {"impactmonitor": "0.1.0", "python": "3.11.7"}
VALID = {"valid": True, "errors": 0, "warnings": 2, "files_checked": 25}


@pytest.fixture(scope="module")
def manifest(handmade: Computation) -> dict:
    return build_manifest(handmade, facts(tool_versions=TOOLS, validation=VALID), k_anonymity=5)


def test_build_level_facts(handmade: Computation, manifest: dict) -> None:
    commit = handmade.snapshot.commit
    # The build's facts, never the clock: 1_700_000_000 is 2023-11-14 22:13:20 UTC.
    assert {k: v for k, v in manifest.items() if k not in ("figures", "definitions")} == {
        "manifest_version": 3, "data_commit": commit, "data_ref": commit,
        "code_commit": "c0de" * 10, "site_commit": None,
        "build_date": "2023-11-14T22:13:20+00:00", "tool_versions": TOOLS,
        "validation": VALID, "k_anonymity": 5,
        "periods": ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"],
        "figure_count": len(handmade.figures)}
    assert manifest["definitions"]["deelnemers_bereikt"] == {
        "version": "1", "file": "indicators/deelnemers_bereikt.yml", "title": "Deelnemers bereikt",
        "blob": handmade.definition("deelnemers_bereikt").blob}


def test_every_figure_with_its_value_and_inputs(handmade: Computation, manifest: dict) -> None:
    assert list(manifest["figures"]) == [f.figure_id for f in handmade.figures]
    for figure in handmade.figures:
        entry = manifest["figures"][figure.figure_id]
        assert (entry["value"], entry["onderdrukt"], entry["version"]) == (
            figure.value, False, figure.version)
        assert [(i["file"], i["blob"], parse_ranges(i["rows"])) for i in entry["inputs"]] == [
            (s.file, s.blob, list(s.rows)) for s in figure.sources]
    pilots = manifest["figures"]["deelnemers_bereikt.totaal.2023-Q4.fase=pilot"]
    assert {k: pilots[k] for k in ("indicator", "region", "period", "breakdown", "unit", "value")} == {
        "indicator": "deelnemers_bereikt", "region": "totaal", "period": "2023-Q4",
        "breakdown": {"fase": "pilot"}, "unit": "aantal", "value": 50}
    assert [i["file"] for i in pilots["inputs"]] == [
        "data/noord/instroom.csv", "data/regios.csv", "data/zuid/instroom.csv"]


def test_a_suppressed_cell_has_no_value_rows_or_numbers(handmade: Computation) -> None:
    figure = next(f for f in handmade.figures if f.breakdown and f.value and f.sources
                  and f.unit == "aantal" and f.breakdown[0][0] != "fase")
    hidden = replace(figure, suppressed=True,
                     extra=(("onderdrukking", "klein aantal"), ("onderdrukking_k", 5),
                            ("hoog", figure.value)))
    entry = figure_entry(hidden)
    assert (entry["value"], entry["onderdrukt"]) == (None, True)
    assert entry["details"] == {"onderdrukking": "klein aantal"}
    assert [i["rows"] for i in entry["inputs"]] == [None] * len(figure.sources)
    assert [(i["file"], i["blob"]) for i in entry["inputs"]] == [
        (s.file, s.blob) for s in figure.sources]
    manifest = build_manifest(Computation(**{**handmade.__dict__, "figures": [hidden]}),
                              facts(code_commit=None, tool_versions={}, validation={}))
    assert manifest["figures"] == {figure.figure_id: entry}


def test_details_are_plain_json(manifest: dict) -> None:
    model = manifest["figures"]["maatschappelijke_baten_per_deelnemer.totaal.2023-Q4"]
    assert {"nonrespons_nul", "nonrespons_gelijk", "parameters", "meetjaar", "aantal_gemeten",
            "deelnemers", "horizon_jaren"} <= set(model["details"])
    goal = manifest["figures"]["doelbereik.totaal.2023-Q4.doel=deelnemers_bereikt.fase=pilot"]
    assert goal["details"]["gemeten"] == "deelnemers_bereikt.totaal.2023-Q4.fase=pilot"
    assert goal["details"]["waarde_gemeten"] == 50 and goal["details"]["doel"] == 400


def test_the_text_is_canonical_and_hashed(handmade: Computation, manifest: dict) -> None:
    text = manifest_json(manifest)
    again = manifest_json(build_manifest(
        handmade, facts(tool_versions=dict(reversed(TOOLS.items())), validation=VALID),
        k_anonymity=5))
    assert text == again
    assert text == json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False,
                              separators=(",", ":")) + "\n"
    assert "\n" not in text[:-1]  # one line: no indentation
    # Pinned by hand (`printf '{"figures":{},"k_anonymity":5}\n' | sha256sum`): the hash
    # of the canonical text, compact and keys sorted, so it cannot agree with itself by accident.
    assert manifest_sha256({"k_anonymity": 5, "figures": {}}) == (
        "028f4cd21f6f7f40d2bbe2190a31094f5e30860346842553591a351c7ac777ff")
