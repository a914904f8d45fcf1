"""Byte-identical output with a cold and with a warm cache (issue 10, item 5), on the
example with its report edition: the plaintext preview, and the encrypted build's plaintext
HTML stage (each audience's folder as MkDocs left it, just before encryption, whose random
keys make the published bytes differ on every build by design).

Real builds (`build_site`: validation, computation, MkDocs), a real Git repository and a
real cache folder; that the warm build reused the cache is read from its counters.
"""

from __future__ import annotations

import secrets
import shutil
from collections import Counter
from pathlib import Path

import pytest

import generator.build
from generator.build import build_site
from generator.cache import Cache
from generator.encrypt.passwords import NATIONAL_ENV, env_name
from generator.site.pdf import ENV as CHROMIUM_ENV
from tests.fixtures.handmade_repo import example_repo
from tests.provenance.conftest import REPO_ROOT

REGION = "voorbeeld-noord"
NO_CHROMIUM = {CHROMIUM_ENV: "/nonexistent/chromium"}  # the PDFs have their own tests


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("warm") / "repo"
    example_repo(root, REPO_ROOT)
    return root


def reused_everything(cold: Cache, warm: Cache) -> bool:
    """The cold build computed (the edition may reuse the live figures: at the first commit
    the data are the same) and rendered, the warm one found every lookup of the cold one."""
    return (set(cold.misses) == {"validation", "validation-region", "site-data", "render",
                                    "page-html"}
            and not warm.misses
            # a warm build finds the whole data set's report, so looks up no region's
            and warm.hits == Counter({kind: count for kind, count in (cold.hits + cold.misses)
                                      .items() if kind != "validation-region"}))


def test_the_preview_is_the_same_bytes_cold_and_warm(repo: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in NO_CHROMIUM.items():
        monkeypatch.setenv(name, value)
    cold, warm = Cache(tmp_path / "cache"), Cache(tmp_path / "cache")
    build_site(repo, tmp_path / "cold", encrypt=False, cache=cold)
    build_site(repo, tmp_path / "warm", encrypt=False, cache=warm)
    assert reused_everything(cold, warm)
    first, second = tree(tmp_path / "cold"), tree(tmp_path / "warm")
    assert any(path.startswith("edities/") for path in first) and len(first) > 100
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_the_encrypted_builds_html_stage_is_the_same_bytes_cold_and_warm(
        repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    environ = {NATIONAL_ENV: secrets.token_urlsafe(16),
               env_name(REGION): secrets.token_urlsafe(16), **NO_CHROMIUM}
    for name, value in NO_CHROMIUM.items():
        monkeypatch.setenv(name, value)
    kept: dict[str, dict[str, dict[str, bytes]]] = {}
    encrypt_site = generator.build.encrypt_site

    def keeping_the_plaintext(trees, *args, **kwargs):
        kept[run] = {t.audience.label: tree(t.folder) for t in trees}
        return encrypt_site(trees, *args, **kwargs)

    monkeypatch.setattr(generator.build, "encrypt_site", keeping_the_plaintext)
    caches = {}
    for run in ("cold", "warm"):
        caches[run] = Cache(tmp_path / "cache")
        build_site(repo, tmp_path / run, environ=environ, cache=caches[run])
        shutil.rmtree(tmp_path / run)  # only the plaintext stage is compared
    assert reused_everything(caches["cold"], caches["warm"])
    assert len(kept["cold"]) == 2 and kept["cold"].keys() == kept["warm"].keys()
    for audience, files in kept["cold"].items():
        again = kept["warm"][audience]
        assert len(files) > 50 and files.keys() == again.keys(), audience
        assert [path for path in files if files[path] != again[path]] == [], audience
