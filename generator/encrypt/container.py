"""One encrypted object: a header, one wrapped content key per audience slot, the body.

The layout is in FORMAT.md. Each object has a fresh random content key and a fresh random
96-bit IV for its body and for each slot; the 38-byte header (magic, version, slot count,
build id, object id) is the associated data of each slot, and header plus all slots that of
the body, so an object cannot be moved to another name or replayed into another build, and
no byte of it can change unnoticed.
"""

from __future__ import annotations

import base64
import gzip
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"IMEN"
VERSION = 1
ID_BYTES = 16
KEY_BYTES = 32
IV_BYTES = 12
TAG_BYTES = 16
SLOT_BYTES = IV_BYTES + KEY_BYTES + TAG_BYTES
_HEADER = struct.Struct(">4sBB16s16s")
HEADER_BYTES = _HEADER.size
MAX_SLOTS = 255
GZIP_LEVEL = 6
"""Level 6: nearly level 9's size on JSON and HTML at a fraction of its time."""


class ObjectError(ValueError):
    """An object is malformed, not of this build or name, or does not decrypt."""


@dataclass(frozen=True)
class Sealed:
    name: str
    """base64url of the object id: its file name under `c/`."""
    data: bytes


def b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=8 * KEY_BYTES)


def seal(plaintext: bytes, *, build: bytes, readers: Sequence[bytes | None]) -> Sealed:
    """Compress and encrypt `plaintext`; slot i is wrapped with `readers[i]` (an audience
    key) or filled with random bytes when that audience may not read it (None)."""
    if not 0 < len(readers) <= MAX_SLOTS or all(key is None for key in readers):
        raise ValueError("an object needs 1 to 255 slots and at least one reader")
    object_id = os.urandom(ID_BYTES)
    header = _HEADER.pack(MAGIC, VERSION, len(readers), build, object_id)
    content_key = new_key()
    slots = b"".join(_wrap(key, content_key, header) if key is not None
                     else os.urandom(SLOT_BYTES) for key in readers)
    iv = os.urandom(IV_BYTES)
    # The body is bound to the header and every slot: no byte of the object can change.
    body = AESGCM(content_key).encrypt(iv, gzip.compress(plaintext, GZIP_LEVEL, mtime=0),
                                       header + slots)
    return Sealed(b64encode(object_id), header + slots + iv + body)


def open_sealed(data: bytes, *, name: str, build: bytes, slot: int, audience_key: bytes) -> bytes:
    """The plaintext of object `name`, read with the key of audience `slot`."""
    if len(data) < HEADER_BYTES:
        raise ObjectError(f"{name}: too short for an object")
    magic, version, count, object_build, object_id = _HEADER.unpack_from(data)
    if magic != MAGIC or version != VERSION:
        raise ObjectError(f"{name}: not an object of format {VERSION}")
    if object_build != build:
        raise ObjectError(f"{name}: belongs to another build")
    if b64encode(object_id) != name:
        raise ObjectError(f"{name}: holds object {b64encode(object_id)}")
    if not 0 <= slot < count or len(data) < HEADER_BYTES + count * SLOT_BYTES + IV_BYTES:
        raise ObjectError(f"{name}: has no slot {slot}")
    header = data[:HEADER_BYTES]
    start = HEADER_BYTES + slot * SLOT_BYTES
    entry = data[start:start + SLOT_BYTES]
    body_at = HEADER_BYTES + count * SLOT_BYTES
    try:
        content_key = AESGCM(audience_key).decrypt(entry[:IV_BYTES], entry[IV_BYTES:], header)
        iv, body = data[body_at:body_at + IV_BYTES], data[body_at + IV_BYTES:]
        return gzip.decompress(AESGCM(content_key).decrypt(iv, body, data[:body_at]))
    except InvalidTag:
        raise ObjectError(f"{name}: does not decrypt with this key (altered, or not "
                          "readable by this audience)") from None


def _wrap(audience_key: bytes, content_key: bytes, header: bytes) -> bytes:
    iv = os.urandom(IV_BYTES)
    return iv + AESGCM(audience_key).encrypt(iv, content_key, header)
