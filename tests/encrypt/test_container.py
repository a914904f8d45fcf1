"""The object format: round trip, slots, and every altered byte refused."""

from __future__ import annotations

import os

import pytest

from generator.encrypt import container
from generator.encrypt.container import HEADER_BYTES, SLOT_BYTES, ObjectError, open_sealed, seal

BUILD = bytes(range(16))
PLAINTEXT = "Deelnemers bereikt: 432 — één tabel\n".encode() * 50


def keys(n: int) -> list[bytes]:
    return [container.new_key() for _ in range(n)]


def test_each_reader_opens_and_gets_the_plaintext() -> None:
    audience = keys(3)
    sealed = seal(PLAINTEXT, build=BUILD, readers=[audience[0], None, audience[2]])
    for slot in (0, 2):
        assert open_sealed(sealed.data, name=sealed.name, build=BUILD, slot=slot,
                           audience_key=audience[slot]) == PLAINTEXT
    with pytest.raises(ObjectError):  # slot 1 holds random bytes
        open_sealed(sealed.data, name=sealed.name, build=BUILD, slot=1, audience_key=audience[1])


def test_the_body_is_compressed_before_encryption() -> None:
    sealed = seal(PLAINTEXT, build=BUILD, readers=keys(1))
    assert len(sealed.data) < len(PLAINTEXT) / 5
    assert PLAINTEXT[:20] not in sealed.data


def test_a_flipped_bit_anywhere_fails_to_decrypt() -> None:
    key = container.new_key()
    sealed = seal(PLAINTEXT, build=BUILD, readers=[key, None])
    for position in range(len(sealed.data)):
        altered = bytearray(sealed.data)
        altered[position] ^= 0x01
        with pytest.raises(ObjectError):
            open_sealed(bytes(altered), name=sealed.name, build=BUILD, slot=0, audience_key=key)


def test_an_object_cannot_be_swapped_or_replayed() -> None:
    key = container.new_key()
    one = seal(b"een", build=BUILD, readers=[key])
    other = seal(b"twee", build=BUILD, readers=[key])
    with pytest.raises(ObjectError, match="holds object"):
        open_sealed(other.data, name=one.name, build=BUILD, slot=0, audience_key=key)
    with pytest.raises(ObjectError, match="another build"):
        open_sealed(one.data, name=one.name, build=os.urandom(16), slot=0, audience_key=key)


def test_fresh_ids_ivs_and_keys_for_each_object() -> None:
    key = container.new_key()
    objects = [seal(PLAINTEXT, build=BUILD, readers=[key, key]) for _ in range(200)]
    ivs = []
    for sealed in objects:
        data = sealed.data
        ivs += [data[HEADER_BYTES + i * SLOT_BYTES:][:12] for i in range(2)]
        ivs.append(data[HEADER_BYTES + 2 * SLOT_BYTES:][:12])
    assert len(set(ivs)) == len(ivs)
    assert len({s.name for s in objects}) == len(objects)
    assert len({s.data[-40:] for s in objects}) == len(objects)  # same plaintext, other bytes


def test_base64url_without_padding() -> None:
    for raw in (b"", b"\xfb\xff", os.urandom(16)):
        text = container.b64encode(raw)
        assert "=" not in text and "+" not in text and "/" not in text
        assert container.b64decode(text) == raw
