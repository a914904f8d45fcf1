"""The key file: KDF parameters read from it, one entry per audience, wrong passwords."""

from __future__ import annotations

import json

import pytest

from generator.encrypt import container, keyfile

BUILD = bytes(16)


def make(passwords: list[str], iterations: int, salt: bytes) -> tuple[keyfile.KeyFile, list[bytes]]:
    keys = [container.new_key() for _ in passwords]
    entries = tuple(keyfile.wrap_entry(keyfile.derive_kek(p, salt, iterations), k, BUILD,
                                       f"routes{i}") for i, (p, k) in enumerate(zip(passwords, keys)))
    return keyfile.KeyFile(BUILD, salt, iterations, entries), keys


def test_each_password_opens_its_own_entry() -> None:
    made, keys = make(["eerste-wachtwoord", "tweede-wachtwoord"], 1000, keyfile.new_salt())
    parsed = keyfile.parse_key_file(made.to_json())
    assert parsed.unlock("eerste-wachtwoord") == (0, keys[0])
    assert parsed.unlock("tweede-wachtwoord") == (1, keys[1])
    with pytest.raises(keyfile.WrongPassword):
        parsed.unlock("derde-wachtwoord")


def test_the_iterations_and_salt_are_read_from_the_file() -> None:
    salt = keyfile.new_salt()
    made, keys = make(["een-wachtwoord"], 1234, salt)
    document = json.loads(made.to_json())
    assert document["kdf"] == {"name": "PBKDF2-HMAC-SHA256", "hash": "SHA-256",
                               "iterations": 1234, "salt": container.b64encode(salt)}
    assert keyfile.parse_key_file(made.to_json()).unlock("een-wachtwoord") == (0, keys[0])
    document["kdf"]["iterations"] = 1235  # the same password, another count: another key
    with pytest.raises(keyfile.WrongPassword):
        keyfile.parse_key_file(json.dumps(document)).unlock("een-wachtwoord")


def test_an_entry_is_bound_to_its_route_map() -> None:
    made, _ = make(["een-wachtwoord"], 1000, keyfile.new_salt())
    document = json.loads(made.to_json())
    document["audiences"][0]["routes"] = "another-object-name-xx"
    with pytest.raises(keyfile.WrongPassword):
        keyfile.parse_key_file(json.dumps(document)).unlock("een-wachtwoord")


@pytest.mark.parametrize("change", [{"version": 2}, {"format": "iets"}, {"cipher": "AES-128-CBC"}])
def test_a_key_file_of_another_format_is_refused(change) -> None:
    made, _ = make(["een-wachtwoord"], 1000, keyfile.new_salt())
    document = {**json.loads(made.to_json()), **change}
    with pytest.raises(keyfile.KeyFileError):
        keyfile.parse_key_file(json.dumps(document))
