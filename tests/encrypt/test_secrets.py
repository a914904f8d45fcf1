"""No password or key derived from one is written: not in the site, the work tree or TMPDIR;
and the build prints none."""

from __future__ import annotations

import base64
from pathlib import Path

from generator.encrypt import keyfile
from generator.encrypt.container import b64encode
from tests.encrypt.conftest import Built


def encodings(raw: bytes) -> set[bytes]:
    return {raw, raw.hex().encode(), raw.hex().upper().encode(), base64.b64encode(raw),
            base64.b64encode(raw).rstrip(b"="), b64encode(raw).encode()}


def secrets_of(built: Built) -> dict[str, set[bytes]]:
    key_file = keyfile.parse_key_file((built.encrypted / keyfile.KEY_FILE).read_text())
    found: dict[str, set[bytes]] = {}
    for name, password in built.passwords.items():
        kek = keyfile.derive_kek(password, key_file.salt, key_file.iterations)
        _, audience_key = key_file.unlock(password)
        found[f"{name}: password"] = encodings(password.encode())
        found[f"{name}: derived key"] = encodings(kek)
        found[f"{name}: audience key"] = encodings(audience_key)
    return found


def scan_folder(folder: Path, secrets: dict[str, set[bytes]]) -> list[tuple[str, str]]:
    hits = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            content = path.read_bytes()
            hits += [(str(path), name) for name, forms in secrets.items()
                     if any(form in content for form in forms)]
    return hits


def test_no_secret_in_the_site_the_work_tree_or_the_temp_dir(built: Built) -> None:
    secrets = secrets_of(built)
    for folder in (built.encrypted, built.root, built.tmpdir):
        assert scan_folder(folder, secrets) == [], folder


def test_the_build_prints_no_secret_and_leaves_no_temporary_folder(built: Built) -> None:
    for name, forms in secrets_of(built).items():
        assert not any(form.decode("latin-1") in built.output for form in forms), name
    assert list(built.tmpdir.iterdir()) == []
    assert not [p for p in built.encrypted.parent.iterdir() if ".bouw-" in p.name]
