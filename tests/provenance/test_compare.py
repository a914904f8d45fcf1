"""A published manifest against a rebuilt one, on hand-made cases."""

from __future__ import annotations

from typing import Any

from generator.provenance.compare import Difference, compare_manifests


def manifest(**values: Any) -> dict[str, Any]:
    """`a=1` is figure `a` with value 1; `a=("onderdrukt",)` a suppressed figure."""
    figures = {}
    for figure_id, value in values.items():
        hidden = value == ("onderdrukt",)
        figures[figure_id] = {"id": figure_id, "value": None if hidden else value,
                              "onderdrukt": hidden}
    return {"figures": figures}


def test_identical_manifests_have_no_differences() -> None:
    same = manifest(a=1, b=2.5, c=None, d=("onderdrukt",))
    assert compare_manifests(same, manifest(a=1, b=2.5, c=None, d=("onderdrukt",))) == []


def test_changed_missing_and_new_are_told_apart_and_sorted() -> None:
    published = manifest(b=2, a=1, gone=7, same=3)
    rebuilt = manifest(a=1, b=3, same=3, added=4)
    assert compare_manifests(published, rebuilt) == [
        Difference("added", None, 4, "new"),
        Difference("b", 2, 3, "changed"),
        Difference("gone", 7, None, "missing"),
    ]


def test_floats_agree_within_rounding_noise_but_not_beyond() -> None:
    assert compare_manifests(manifest(a=0.1 + 0.2), manifest(a=0.3)) == []
    assert compare_manifests(manifest(a=12.5), manifest(a=12.500001)) == [
        Difference("a", 12.5, 12.500001, "changed")]


def test_a_value_that_appears_or_disappears_is_a_change() -> None:
    assert compare_manifests(manifest(a=None), manifest(a=0)) == [
        Difference("a", None, 0, "changed")]
    assert compare_manifests(manifest(a=5), manifest(a=None)) == [
        Difference("a", 5, None, "changed")]


def test_suppressed_cells_compare_on_being_suppressed_only() -> None:
    hidden = ("onderdrukt",)
    assert compare_manifests(manifest(a=hidden), manifest(a=hidden)) == []
    assert compare_manifests(manifest(a=hidden), manifest(a=7)) == [
        Difference("a", None, 7, "changed", published_suppressed=True)]
    assert compare_manifests(manifest(a=7), manifest(a=hidden)) == [
        Difference("a", 7, None, "changed", rebuilt_suppressed=True)]
    assert compare_manifests(manifest(a=hidden), manifest()) == [
        Difference("a", None, None, "missing", published_suppressed=True)]


def test_differences_serialise_for_verify_json() -> None:
    assert Difference("a", 1, 2, "changed").as_dict() == {
        "figure_id": "a", "published": 1, "rebuilt": 2, "kind": "changed",
        "published_suppressed": False, "rebuilt_suppressed": False}
