"""A region password opens the national totals and its own region, nothing of another."""

from __future__ import annotations

import json
import re

import pytest

from generator.encrypt.container import ObjectError
from generator.encrypt.passwords import NATIONAL_ENV, env_name
from generator.encrypt.reader import EncryptedSite
from generator.encrypt.site import OBJECT_DIR
from generator.provenance.published import manifest_path, read_manifest
from tests.encrypt.conftest import OTHER, REGION, REGION_NAME, Built

FIGURE_ID = re.compile(rb"\b[a-z][a-z0-9_]*\.([a-z0-9][a-z0-9-]*)\.\d{4}-Q[1-4]\b")


def readable(site: EncryptedSite) -> dict[str, bytes]:
    return {path: site.read(path) for path in site.routes}


@pytest.fixture(scope="module")
def national(built: Built) -> EncryptedSite:
    return EncryptedSite(built.encrypted, built.passwords[NATIONAL_ENV])


@pytest.fixture(scope="module")
def regional(built: Built) -> EncryptedSite:
    return EncryptedSite(built.encrypted, built.passwords[env_name(REGION)])


def test_the_national_password_opens_every_page_of_the_plaintext_build(built: Built,
                                                                        national) -> None:
    plain = {p.relative_to(built.plain).as_posix() for p in built.plain.rglob("*")
             if p.is_file() and p.suffix in (".html", ".json", ".csv", ".pdf")}
    plain -= {"sitemap.xml"}
    assert plain - set(national.routes) == set()
    home = national.read("index.html")
    assert f"regios/{OTHER}/".encode() in home and f"regios/{REGION}/".encode() in home


def test_every_figure_a_region_can_read_is_the_total_or_its_own(regional) -> None:
    scopes: dict[str, set[str]] = {}
    for path, content in readable(regional).items():
        for match in FIGURE_ID.finditer(content):
            scopes.setdefault(match.group(1).decode(), set()).add(path)
    assert set(scopes) == {REGION, "totaal"}, {k: sorted(v)[:3] for k, v in scopes.items()}


def whole_manifest(site) -> dict:
    """The live index with the figures of its parts, as `verify` reads them."""
    return read_manifest(site.site_dir, manifest_path(), site.read)


def test_the_national_figures_include_the_other_region(national) -> None:
    """The same scan finds the other region's figures with the national password."""
    manifest = json.dumps(whole_manifest(national)).encode()
    found = {m.group(1).decode() for m in FIGURE_ID.finditer(manifest)}
    assert {REGION, OTHER, "totaal"} <= found


def test_a_region_has_its_pages_and_not_the_others(regional) -> None:
    assert f"regios/{REGION}/index.html" in regional.routes
    assert not [p for p in regional.routes if OTHER in p]
    assert "index.html" in regional.routes and "bouwinformatie/manifest.json" in regional.routes


def test_no_search_entry_of_another_region(regional) -> None:
    index = json.loads(regional.read("search/search_index.json"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(REGION in loc for loc in locations)
    assert not [loc for loc in locations if OTHER in loc]
    assert not [doc for doc in index["docs"] if REGION_NAME in doc.get("text", "")]


def test_the_other_regions_objects_do_not_open_with_a_region_key(built: Built, national,
                                                                 regional) -> None:
    name = national.routes[f"regios/{OTHER}/index.html"][0]
    data = (built.encrypted / OBJECT_DIR / name).read_bytes()
    with pytest.raises(ObjectError):
        regional._open(name)
    assert national._open(name) and data


def test_the_region_sees_the_same_totals_as_the_nation(national, regional) -> None:
    national_manifest = whole_manifest(national)["figures"]
    regional_manifest = whole_manifest(regional)["figures"]
    totals = {k: v["value"] for k, v in national_manifest.items() if ".totaal." in k}
    assert totals and {k: regional_manifest[k]["value"] for k in totals} == totals
