"""The published provenance in parts: an index per data state that lists every part with
its SHA-256, parts that put back exactly the manifest's entries, a PROV-JSON document per
part that stands on its own, parts shared between data states, and `verify` refusing a
site one of whose parts was altered."""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest

from generator.cli import main
from generator.compute.lineage import Figure
from generator.compute.pipeline import Computation
from generator.provenance.manifest import expand_part, figure_entry, manifest_part
from generator.provenance.prov import (
    ENDPOINTS, build_document, build_prov, merge, part_document, part_entity_id, prov_json,
)
from generator.provenance.published import (
    PARTS_DIR, AlteredFile, listed_files, manifest_path, plain_reader, read_manifest, sha256, split,
)
from generator.provenance.verify import verify_site
from generator.site.provenance_files import _part_prov
from tests.fixtures.handmade_repo import example_repo
from tests.provenance.conftest import REPO_ROOT, facts
from tests.provenance.test_prov import KINDS

LIMIT = 1_000_000


def scopes(figures: list[Figure]) -> dict[tuple[str, str], list[Figure]]:
    found: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        found[(figure.indicator, figure.region)].append(figure)
    return found


def test_a_part_puts_back_every_entry_of_its_figures(handmade: Computation) -> None:
    commit = handmade.snapshot.commit
    for (indicator, region), figures in scopes(handmade.figures).items():
        part = manifest_part(indicator, region, figures)
        assert "data_commit" not in json.dumps(part)  # the index names it
        paths = [path for path, _ in part["files"]]
        assert paths == sorted(set(paths))  # each file once
        assert expand_part(part, commit) == {f.figure_id: figure_entry(f) for f in figures}


def test_a_part_says_once_what_most_of_its_entries_say(handmade: Computation) -> None:
    (indicator, region), figures = max(scopes(handmade.figures).items(),
                                       key=lambda item: len(item[1]))
    odd = replace(figures[0], unit="euro", version="9", suppressed=True)
    dotted = replace(figures[1], breakdown=(("factor", "v1.2"),))  # its id would misread
    given = [odd, dotted, *figures[2:]]
    part = manifest_part(indicator, region, given)
    assert part["defaults"]["unit"] == figures[2].unit and part["defaults"]["onderdrukt"] is False
    start = f"{indicator}.{region}."  # every key of the part is an id without it
    assert sorted(start + key for key in part["figures"]) == sorted(f.figure_id for f in given)
    assert part["figures"][odd.figure_id.removeprefix(start)]["unit"] == "euro"
    assert "unit" not in part["figures"][figures[2].figure_id.removeprefix(start)]
    # The id (the key) gives period and breakdown; an entry whose id would not keeps them.
    assert [e["breakdown"] for e in part["figures"].values() if "period" in e] == [
        {"factor": "v1.2"}]
    assert {"period", "breakdown"}.isdisjoint(part["defaults"])
    assert expand_part(part, "c" * 40) == {f.figure_id: {**figure_entry(f), "data_commit": "c" * 40}
                                          for f in given}


def test_a_parts_prov_is_kept_for_the_same_part_and_made_again_for_a_new_definition(
        handmade: Computation) -> None:
    part = split(handmade.figures)[0][0]
    first = _part_prov(handmade, part)
    assert first == prov_json(part_document(handmade, part)).encode("utf-8")
    assert _part_prov(handmade, part) is first
    new_blob = "f" * 40
    changed = replace(handmade, definitions=[replace(d, blob=new_blob) if d.id == part.indicator
                                             else d for d in handmade.definitions])
    again = _part_prov(changed, part)
    assert again == prov_json(part_document(changed, part)).encode("utf-8")
    assert new_blob in again.decode() and new_blob not in first.decode()


def test_the_prov_parts_stand_alone_and_add_up_to_the_whole(handmade: Computation) -> None:
    parts = [part for part, _ in split(handmade.figures)]
    documents = [build_document(handmade, facts(), parts),
                 *(part_document(handmade, part) for part in parts)]
    for doc in documents:
        for relation, (first, second) in ENDPOINTS.items():
            for record in doc[relation].values():
                assert record[first] in doc[KINDS[first]], (relation, record)
                assert record[second] in doc[KINDS[second]], (relation, record)
    assert all(handmade.snapshot.commit not in prov_json(doc) for doc in documents[1:])
    assert merge(*documents) == build_prov(handmade, facts(), parts)
    counted = [doc["entity"][part_entity_id(part)]["im:figures"]
               for doc, part in zip(documents[1:], parts)]
    assert sum(counted) == len(handmade.figures)


def indexes(site: Path) -> dict[str, dict]:
    """Site-relative path -> index, for the live monitor and every edition."""
    read = plain_reader(site)
    live = json.loads(read(manifest_path()))
    found = {manifest_path(): live}
    for about in live["editions"].values():
        found[about["manifest"]] = json.loads(read(about["manifest"]))
    return found


def test_every_index_lists_its_files_with_their_sha256(example_site: Path) -> None:
    listed: dict[str, str] = {}
    for index in indexes(example_site).values():
        assert index["manifest_version"] == 3 and "figures" not in index
        assert sum(part["figures"] for part in index["parts"]) == index["figure_count"] > 100
        for path, digest in listed_files(index):
            assert sha256((example_site / path).read_bytes()) == digest, path
            assert listed.setdefault(path, digest) == digest  # a path is one content
    parts = {p.relative_to(example_site).as_posix()
             for p in (example_site / PARTS_DIR).rglob("*") if p.is_file()}
    assert parts == {path for path in listed if path.startswith(f"{PARTS_DIR}/")}


def test_a_part_two_data_states_share_is_one_file(example_site: Path) -> None:
    by_digest: dict[str, set[str]] = defaultdict(set)
    for index in indexes(example_site).values():
        for path, digest in listed_files(index):
            by_digest[digest].add(path)
    assert all(len(paths) == 1 for paths in by_digest.values())


def test_the_index_and_every_part_are_compact_and_small(example_site: Path) -> None:
    for index_path, index in indexes(example_site).items():
        for path in [index_path, *(path for path, _ in listed_files(index))]:
            text = (example_site / path).read_text(encoding="utf-8")
            assert text.endswith("\n") and "\n" not in text[:-1] and ": " not in text[:200], path
            assert len(text.encode("utf-8")) <= LIMIT, path


def test_the_whole_manifest_is_read_back_from_the_parts(example_site: Path) -> None:
    whole = read_manifest(example_site, manifest_path(), plain_reader(example_site))
    index = indexes(example_site)[manifest_path()]
    assert len(whole["figures"]) == index["figure_count"]
    assert {entry["data_commit"] for entry in whole["figures"].values()} == {index["data_commit"]}


@pytest.fixture(scope="module")
def committed_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A repository of the example with a pinned edition, and its built site."""
    from generator.build import build_site

    root = tmp_path_factory.mktemp("layout") / "repo"
    example_repo(root, REPO_ROOT)
    build_site(root, root.parent / "site", encrypt=False)
    return root, root.parent / "site"


def altered_copy(site: Path, into: Path, pick: int) -> tuple[Path, str]:
    """A copy of `site` with one number in one listed part (figures, or PROV) changed."""
    copy = into / "site"
    shutil.copytree(site, copy)
    index = json.loads((copy / manifest_path()).read_text(encoding="utf-8"))
    path = [p for p, _ in listed_files(index) if p.startswith(f"{PARTS_DIR}/")][pick]
    text = (copy / path).read_text(encoding="utf-8")
    (copy / path).write_text(text.replace('"value":', '"value":1', 1)
                             if '"value":' in text else text.replace('"', "'", 1), encoding="utf-8")
    return copy, path


def test_verify_passes_on_the_parts(committed_site: tuple[Path, Path]) -> None:
    root, site = committed_site
    report = verify_site(root, site)
    assert report.ok and [t.compared for t in report.trees] == [
        t["figure_count"] for t in indexes(site).values()]


@pytest.mark.parametrize("pick", [0, 1])
def test_verify_fails_when_one_part_is_altered(committed_site: tuple[Path, Path], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str],
                                               pick: int) -> None:
    root, site = committed_site
    copy, path = altered_copy(site, tmp_path, pick)
    with pytest.raises(AlteredFile, match="de SHA-256 is niet die welke"):
        verify_site(root, copy)
    monkeypatch.chdir(root)
    assert main(["verify", str(copy)]) == 1
    err = capsys.readouterr().err
    assert path in err and "Traceback" not in err
