"""Repositories for the provenance tests: the example data and the hand-made package in Git."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.compute.pipeline import Computation, compute_snapshot
from generator.provenance.facts import BuildFacts
from generator.provenance.published import plain_reader, read_manifest
from generator.sources import open_snapshot
from tests.fixtures.handmade_repo import commit_all, git, make_repo, set_cell

REPO_ROOT = Path(__file__).resolve().parents[2]
CHANGED_FILE = "data/voorbeeld-noord/instroom.csv"
CHANGED_ROW = 2
"""The cell the second commit changes: `aantal` of the first instroom row of noord."""


def facts(**given: object) -> BuildFacts:
    """Build facts as a test states them (no Git, no installation is asked)."""
    values: dict = {"data": None, "code_commit": "c0de" * 10, "epoch": 1_700_000_000,
                    "tool_versions": {"impactmonitor": "0.1.0", "python": "3.11.7"},
                    "validation": {"valid": True, "errors": 0, "warnings": 2,
                                   "files_checked": 25}}
    return BuildFacts(**{**values, **given})


@dataclass(frozen=True)
class ExampleRepo:
    root: Path
    first: str
    """The example data as committed in this repository."""
    second: str
    """The same with one `aantal` cell one higher."""
    old: int
    new: int


@pytest.fixture(scope="session")
def example_repo(tmp_path_factory: pytest.TempPathFactory) -> ExampleRepo:
    root = tmp_path_factory.mktemp("example")
    for folder in ("data", "indicators"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    (root / "pyproject.toml").write_text("# marks the repository root for find_root\n")
    git(root, "init", "--quiet")
    first = commit_all(root, "Example data")
    path = root / CHANGED_FILE
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    old = int(lines[CHANGED_ROW - 2].split(",")[header.split(",").index("aantal")])
    set_cell(path, CHANGED_ROW, "aantal", str(old + 1))
    second = commit_all(root, "Correct one instroom cell")
    return ExampleRepo(root, first, second, old, old + 1)


@pytest.fixture(scope="session")
def example_build(example_repo: ExampleRepo) -> Computation:
    """Every figure of the first commit, as a build computes them (all quarters, all cells)."""
    return compute_snapshot(open_snapshot(example_repo.root, example_repo.first))


@pytest.fixture(scope="session")
def handmade(tmp_path_factory: pytest.TempPathFactory) -> Computation:
    """The small hand-made package, committed, computed at its commit."""
    root = tmp_path_factory.mktemp("handmade")
    commit = make_repo(root)
    return compute_snapshot(open_snapshot(root, commit))


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the repository's working tree, shared with tests/site (one build)."""
    from tests.site.conftest import build_example_site

    return build_example_site(tmp_path_factory)


def published_manifest(site: Path, relative_path: str) -> dict:
    """A manifest as the built site publishes it: the index at `relative_path` with the
    figures of its parts (read as `verify` reads it)."""
    return read_manifest(site, relative_path, plain_reader(site))
