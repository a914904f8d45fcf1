"""Fixtures of the site tests: the example site built once, and small real Git repositories.

Builds are real: the render stage, MkDocs with the repository's mkdocs.yml, the atomic
swap. The example site is built once per session from the repository itself (its
working tree, as `impactmonitor build` would), the small repositories from the hand-made
package in `tests/fixtures/handmade/`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_site
from tests.fixtures.handmade_repo import commit_all, make_repo

REPO_ROOT = Path(__file__).resolve().parents[2]


_BUILT: dict[str, Path] = {}


def build_example_site(factory: pytest.TempPathFactory) -> Path:
    """The site of the repository's example data, built once per session whichever suite
    (tests/site, tests/provenance) asks first."""
    if "example" not in _BUILT:
        out = factory.mktemp("example") / "site"
        build_site(REPO_ROOT, out, encrypt=False)
        _BUILT["example"] = out
    return _BUILT["example"]


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the repository's example data (built once; ~15 s)."""
    return build_example_site(tmp_path_factory)


def site_repo(root: Path) -> str:
    """The hand-made package as a Git repository with the project's mkdocs.yml; the sha."""
    make_repo(root)
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "site_src").mkdir()
    return commit_all(root, "Add the site configuration")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def page(site: Path, url: str) -> str:
    """The HTML of a built page by its URL (`regios/noord/`, `` for home)."""
    return (site / url / "index.html").read_text(encoding="utf-8")
