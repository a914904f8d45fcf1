"""Reading data/ and indicators/ from the working tree or at a ref, in a real Git repository."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.sources import git_blob_id
from generator.errors import UserError
from generator.sources import DIRTY_WORKTREE, open_snapshot, read_ref, read_worktree, resolve_ref
from tests.fixtures.handmade_repo import commit_all, git, make_repo, set_cell, write_package

INSTROOM = "data/noord/instroom.csv"


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str, str]:
    """Two commits: the package, then one cell of noord's instroom changed (10 -> 11)."""
    first = make_repo(tmp_path)
    set_cell(tmp_path / INSTROOM, 2, "aantal", "11")
    second = commit_all(tmp_path, "Correct the first instroom row")
    git(tmp_path, "tag", "v1", first)
    return tmp_path, first, second


def test_a_ref_reads_the_files_as_they_were(repo: tuple[Path, str, str]) -> None:
    root, first, second = repo
    old, new = read_ref(root, first), read_ref(root, "HEAD")
    assert (old.commit, new.commit) == (first, second)
    assert b"n-zorg,laaggeletterd,uwv,10" in old.files[INSTROOM]
    assert b"n-zorg,laaggeletterd,uwv,11" in new.files[INSTROOM]
    assert git(root, "rev-parse", f"{first}:{INSTROOM}") == git_blob_id(old.files[INSTROOM])


def test_a_snapshot_holds_data_and_indicators_only(repo: tuple[Path, str, str]) -> None:
    root, first, _ = repo
    paths = set(read_ref(root, first).files)
    assert "data/regios.csv" in paths and "indicators/deelnemers_bereikt.yml" in paths
    assert "indicators/economie/parameters.yml" in paths
    assert "pyproject.toml" not in paths
    assert paths == set(read_worktree(root).files)


def test_reading_a_ref_leaves_the_working_tree_alone(repo: tuple[Path, str, str]) -> None:
    root, first, second = repo
    set_cell(root / INSTROOM, 3, "aantal", "6")  # an uncommitted edit
    before = (git(root, "status", "--porcelain"), git(root, "rev-parse", "HEAD"))
    read_ref(root, first)
    assert (git(root, "status", "--porcelain"), git(root, "rev-parse", "HEAD")) == before
    assert b"laagopgeleid,gemeente,6" in (root / INSTROOM).read_bytes()


@pytest.mark.parametrize("name", ["v1", "HEAD~1", "main~1"])
def test_tags_and_relative_refs_resolve_to_the_full_sha(repo: tuple[Path, str, str], name: str) -> None:
    root, first, _ = repo
    assert resolve_ref(root, name) == first
    assert resolve_ref(root, first[:8]) == first


@pytest.mark.parametrize("name", ["nope", "v2", "--output=x", "HEAD~5"])
def test_an_unknown_ref_is_a_clear_error(repo: tuple[Path, str, str], name: str) -> None:
    with pytest.raises(UserError, match=f"Onbekende ref '{name}'"):
        open_snapshot(repo[0], name)


def test_a_clean_working_tree_names_head(repo: tuple[Path, str, str]) -> None:
    root, _, second = repo
    snapshot = read_worktree(root)
    assert (snapshot.commit, snapshot.label, snapshot.ref) == (second, second, None)


@pytest.mark.parametrize("change", ["edit", "new file", "outside"])
def test_a_changed_working_tree_has_no_commit(repo: tuple[Path, str, str], change: str) -> None:
    root = repo[0]
    if change == "edit":
        set_cell(root / INSTROOM, 2, "aantal", "12")
    elif change == "new file":
        (root / "indicators" / "nieuw.yml").write_text("id: nieuw\n")
    else:
        (root / "README.md").write_text("changes outside data/ and indicators/ do not count\n")
    snapshot = read_worktree(root)
    if change == "outside":
        assert snapshot.commit == repo[2]
    else:
        assert (snapshot.commit, snapshot.label) == (None, DIRTY_WORKTREE)


def test_a_folder_without_git_reads_the_files(tmp_path: Path) -> None:
    write_package(tmp_path)
    snapshot = open_snapshot(tmp_path)
    assert snapshot.commit is None and INSTROOM in snapshot.files
    with pytest.raises(UserError, match="geen Git-repository"):
        open_snapshot(tmp_path, "HEAD")


def test_a_ref_is_materialised_in_a_temporary_folder(repo: tuple[Path, str, str]) -> None:
    root, first, _ = repo
    snapshot = read_ref(root, first)
    with snapshot.materialised() as folder:
        assert folder != root
        assert (folder / INSTROOM).read_bytes() == snapshot.files[INSTROOM]
    assert not folder.exists()
    with read_worktree(root).materialised() as folder:
        assert folder == root
