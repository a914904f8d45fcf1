"""Crypto properties of a whole encrypted site: fresh IVs, fresh salts, bound objects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.encrypt import keyfile
from generator.encrypt.container import HEADER_BYTES, IV_BYTES, SLOT_BYTES, ObjectError
from generator.encrypt.passwords import Audience
from generator.encrypt.reader import EncryptedSite
from generator.encrypt.site import OBJECT_DIR, Tree, encrypt_site
from tests.encrypt.conftest import Built


def ivs(data: bytes) -> list[bytes]:
    count = data[5]
    found = [data[HEADER_BYTES + i * SLOT_BYTES:][:IV_BYTES] for i in range(count)]
    return found + [data[HEADER_BYTES + count * SLOT_BYTES:][:IV_BYTES]]


def test_no_iv_repeats_within_the_site(built: Built) -> None:
    objects = sorted((built.encrypted / OBJECT_DIR).iterdir())
    found = [iv for path in objects for iv in ivs(path.read_bytes())]
    document = json.loads((built.encrypted / keyfile.KEY_FILE).read_text())
    found += [keyfile.b64decode(entry["iv"]) for entry in document["audiences"]]
    assert len(objects) > 100 and len(found) == len(set(found))


def test_the_key_file_says_how_the_key_is_derived(built: Built) -> None:
    document = json.loads((built.encrypted / keyfile.KEY_FILE).read_text())
    assert document["kdf"]["name"] == "PBKDF2-HMAC-SHA256"
    assert document["kdf"]["iterations"] >= 600_000
    assert len(keyfile.b64decode(document["kdf"]["salt"])) == 16
    assert len(document["audiences"]) == 2  # national and one region


def small_tree(folder: Path) -> Path:
    (folder / "index.html").parent.mkdir(parents=True)
    (folder / "index.html").write_text("<h1>Startpagina</h1>", encoding="utf-8")
    (folder / "regios/noord").mkdir(parents=True)
    (folder / "regios/noord/index.html").write_text("<h1>Noord</h1>", encoding="utf-8")
    return folder


def test_two_builds_use_other_salts_keys_and_names(tmp_path: Path) -> None:
    tree = Tree(Audience(None, "oester-fluit-marmot-kaneel"), small_tree(tmp_path / "in"))
    for name in ("a", "b"):
        encrypt_site([tree], tmp_path / name, site_name="Test", iterations=600_000)
    first, second = (keyfile.parse_key_file((tmp_path / n / keyfile.KEY_FILE).read_text())
                     for n in "ab")
    assert first.salt != second.salt and first.build != second.build
    assert {p.name for p in (tmp_path / "a/c").iterdir()}.isdisjoint(
        p.name for p in (tmp_path / "b/c").iterdir())
    site = EncryptedSite(tmp_path / "a", tree.audience.password)
    assert site.read("regios/noord/index.html") == b"<h1>Noord</h1>"


def test_an_object_moved_to_another_name_does_not_open(tmp_path: Path) -> None:
    tree = Tree(Audience(None, "oester-fluit-marmot-kaneel"), small_tree(tmp_path / "in"))
    encrypt_site([tree], tmp_path / "out", site_name="Test")
    site = EncryptedSite(tmp_path / "out", tree.audience.password)
    home, region = (site.routes[p][0] for p in ("index.html", "regios/noord/index.html"))
    objects = tmp_path / "out" / OBJECT_DIR
    (objects / home).write_bytes((objects / region).read_bytes())  # the host swaps two files
    with pytest.raises(ObjectError, match="holds object"):
        site.read("index.html")


def test_fewer_iterations_than_the_floor_are_refused(tmp_path: Path) -> None:
    tree = Tree(Audience(None, "oester-fluit-marmot-kaneel"), small_tree(tmp_path / "in"))
    with pytest.raises(ValueError, match="600000"):
        encrypt_site([tree], tmp_path / "out", site_name="Test", iterations=100_000)

