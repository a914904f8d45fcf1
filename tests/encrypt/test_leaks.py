"""What a visitor without a password can read: every file, every file name.

Canaries planted in a copy of the example (a region name, a narrative sentence, a question
title, a figure value) appear in the plaintext preview of the same commit, so each check
could fail; in the encrypted site they appear nowhere, in no form, in no compressed stream.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from generator.build import site_root
from generator.encrypt.container import MAGIC
from generator.encrypt.plainfiles import shipped_digests
from generator.encrypt.site import OBJECT_DIR, SERVICE_WORKER, SHELL_DIR, shell_page
from tests.encrypt import scan
from tests.encrypt.conftest import OTHER, QUESTION_TITLE, REGION_NAME, SENTENCE, Built

OBJECT_NAME = re.compile(r"[A-Za-z0-9_-]{22}")
SITE_NAME = "Impactmonitor LLO Collectief"


def files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def figure_value(plain: Path) -> str:
    """The most distinctive figure text of the plaintext site: the longest value shown."""
    home = (plain / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'data-figure-id="[^"]+"[^>]*>([^<]{6,})<', home)
    assert shown, "no figure on the plaintext home page"
    return max(shown, key=lambda text: (sum(c.isdigit() for c in text), text))


@pytest.fixture(scope="module")
def needles(built: Built) -> dict[str, set[bytes]]:
    canaries = {"region name": REGION_NAME, "sentence": SENTENCE, "question": QUESTION_TITLE,
                "figure value": figure_value(built.plain), "region id": OTHER}
    return {name: scan.forms(text) for name, text in canaries.items()}


def test_the_canaries_are_live_in_the_plaintext_preview(built: Built, needles) -> None:
    found = set()
    for path in files(built.plain):
        found |= set(scan.leaks(path.read_bytes(), needles))
    assert found == set(needles)


def test_no_file_of_the_encrypted_site_holds_a_canary(built: Built, needles) -> None:
    leaking = {}
    for path in files(built.encrypted):
        found = scan.leaks(path.read_bytes(), needles)
        if found:
            leaking[path.relative_to(built.encrypted).as_posix()] = found
    assert leaking == {}


def test_every_plain_file_is_shell_or_a_shipped_asset(built: Built) -> None:
    shell = shell_page(SITE_NAME, site_root(None))
    for path in files(built.encrypted):
        relative = path.relative_to(built.encrypted).as_posix()
        content = path.read_bytes()
        if relative.startswith(f"{OBJECT_DIR}/"):
            assert OBJECT_NAME.fullmatch(relative[len(OBJECT_DIR) + 1:]), relative
            assert content.startswith(MAGIC), relative
        elif relative in ("index.html", "404.html"):
            assert content == shell, relative
        elif relative == SERVICE_WORKER:
            assert content == (SHELL_DIR / "sw.js").read_bytes()
        elif relative == "keys.json":
            document = json.loads(content)
            assert set(document) == {"format", "version", "build", "cipher", "kdf", "audiences"}
            assert all(set(a) == {"iv", "key", "routes"} for a in document["audiences"])
        else:
            assert relative.startswith("assets/"), relative
            assert hashlib.sha256(content).digest() in shipped_digests(), relative
            assert not relative.endswith(".map")


def test_the_shell_is_the_same_for_any_data(built: Built) -> None:
    """Made from the package's template, the site name and the root only."""
    shell = (built.encrypted / "index.html").read_bytes()
    assert shell == shell_page(SITE_NAME, "/") == (built.encrypted / "404.html").read_bytes()
    template = (SHELL_DIR / "index.html").read_text(encoding="utf-8")
    assert "__SITE_NAME__" in template and "__ROOT__" in template
    assert b"__ROOT__" not in shell and b"__SITE_NAME__" not in shell


def test_no_file_name_names_a_page_and_no_sitemap(built: Built) -> None:
    names = [p.relative_to(built.encrypted).as_posix() for p in files(built.encrypted)]
    assert not [n for n in names if "sitemap" in n or n.endswith(".map")]
    for word in ("regios", "indicatoren", "audit", "edities", "onderzoeksvragen", "voorbeeld",
                 "bouwinformatie", "search_index", ".csv", ".pdf"):
        assert not [n for n in names if word in n], word
    unused = [n for n in names if "/lunr/" in n and "lunr.nl." not in n
              and "stemmer.support" not in n and "multi" not in n]
    assert unused == []


def test_the_encrypted_site_is_smaller_than_the_plaintext_one(built: Built) -> None:
    plain = sum(p.stat().st_size for p in files(built.plain))
    encrypted = sum(p.stat().st_size for p in files(built.encrypted))
    assert encrypted < plain / 2
