"""The published key file: KDF parameters, and each audience's key wrapped by its password.

One random salt per build for all audiences, so a browser derives a key once and then tries
each entry (a GCM tag that does not verify means "not this audience"). The format version,
KDF name, iterations and salt are read from the file, never assumed, so they can be raised
in a later build without breaking links. Nothing derived from a password is ever written.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from generator.encrypt.container import IV_BYTES, KEY_BYTES, b64decode, b64encode

KEY_FILE = "keys.json"
FORMAT = "impactmonitor-keys"
VERSION = 1
KDF = "PBKDF2-HMAC-SHA256"
CIPHER = "AES-256-GCM"
MIN_ITERATIONS = 600_000
"""OWASP's 2023 floor for PBKDF2-HMAC-SHA256; the browser does this in WebCrypto."""
SALT_BYTES = 16


class KeyFileError(ValueError):
    """The key file is not one this version reads."""


class WrongPassword(Exception):
    """No audience entry opens with the password."""


@dataclass(frozen=True)
class Entry:
    iv: bytes
    wrapped: bytes
    routes: str
    """Name of the audience's route map object."""


@dataclass(frozen=True)
class KeyFile:
    build: bytes
    salt: bytes
    iterations: int
    entries: tuple[Entry, ...]

    def to_json(self) -> str:
        document = {
            "format": FORMAT, "version": VERSION, "build": b64encode(self.build),
            "cipher": CIPHER,
            "kdf": {"name": KDF, "hash": "SHA-256", "iterations": self.iterations,
                    "salt": b64encode(self.salt)},
            "audiences": [{"iv": b64encode(e.iv), "key": b64encode(e.wrapped),
                           "routes": e.routes} for e in self.entries],
        }
        return json.dumps(document, indent=1, sort_keys=True) + "\n"

    def unlock(self, password: str) -> tuple[int, bytes]:
        """(slot, audience key) of the audience this password opens."""
        kek = AESGCM(derive_kek(password, self.salt, self.iterations))
        for slot, entry in enumerate(self.entries):
            try:
                return slot, kek.decrypt(entry.iv, entry.wrapped,
                                         entry_aad(self.build, entry.routes))
            except InvalidTag:
                continue
        raise WrongPassword


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_kek(password: str, salt: bytes, iterations: int) -> bytes:
    return PBKDF2HMAC(hashes.SHA256(), KEY_BYTES, salt, iterations).derive(
        password.encode("utf-8"))


def entry_aad(build: bytes, routes: str) -> bytes:
    return f"{b64encode(build)}.{routes}".encode("ascii")


def wrap_entry(kek: bytes, audience_key: bytes, build: bytes, routes: str) -> Entry:
    iv = os.urandom(IV_BYTES)
    return Entry(iv, AESGCM(kek).encrypt(iv, audience_key, entry_aad(build, routes)), routes)


def parse_key_file(text: str) -> KeyFile:
    try:
        document: Any = json.loads(text)
        if document.get("format") != FORMAT or document.get("version") != VERSION:
            raise KeyFileError(f"not a key file of format {FORMAT} version {VERSION}")
        kdf = document["kdf"]
        if kdf["name"] != KDF or document["cipher"] != CIPHER:
            raise KeyFileError(f"unknown KDF or cipher: {kdf['name']}, {document['cipher']}")
        return KeyFile(b64decode(document["build"]), b64decode(kdf["salt"]),
                       int(kdf["iterations"]),
                       tuple(Entry(b64decode(a["iv"]), b64decode(a["key"]), str(a["routes"]))
                             for a in document["audiences"]))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        if isinstance(error, KeyFileError):
            raise
        raise KeyFileError(f"malformed key file: {error}") from None
