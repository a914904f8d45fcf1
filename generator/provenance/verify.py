"""`verify`: check every figure a built site published against a rebuild from Git.

Reads the site's manifest (through a `PublishedReader`, so an encrypted site is read
the same way as a plain one; every part checked against the SHA-256 its index lists),
takes the data commit it names (or another `ref`),
computes the site's figures again exactly as the build does (`compute_site_data`: same
quarters, same k, same derived figures) and compares every figure (`compare_manifests`).
Each report edition published in the site is checked too, always at its own pinned
commit: `ref` is about the live monitor.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.compute.pipeline import validate_snapshot
from generator.errors import UserError
from generator.provenance.compare import Difference, compare_manifests
from generator.provenance.manifest import figure_entry
from generator.provenance.published import (
    PublishedReader, manifest_path, plain_reader, read_manifest,
)
from generator.publish.sitedata import PeriodNotInData, SiteData, compute_site_data
from generator.sources import Snapshot, open_snapshot

MONITOR = "monitor"
"""The name of the live monitor's tree (editions are named by their slug)."""


@dataclass(frozen=True)
class TreeCheck:
    name: str
    """`monitor` or an edition's slug."""
    manifest: str
    """Site-relative path of the manifest checked."""
    named_commit: str | None
    """The data commit the manifest names."""
    checked_commit: str
    """The commit the figures were computed again from."""
    compared: int
    """Figures in the published manifest and the rebuild together."""
    differences: list[Difference]
    units: dict[str, str]
    """Figure id -> unit of each differing figure, to write its values in Dutch notation."""

    @property
    def ok(self) -> bool:
        return not self.differences


@dataclass(frozen=True)
class VerifyReport:
    site_dir: Path
    trees: list[TreeCheck]

    @property
    def ok(self) -> bool:
        return all(tree.ok for tree in self.trees)

    @property
    def differences(self) -> list[Difference]:
        return [d for tree in self.trees for d in tree.differences]


def verify_site(root: Path, site_dir: Path, ref: str | None = None,
                read: PublishedReader | None = None) -> VerifyReport:
    """Check the live monitor's figures at `ref` (default: the commit its manifest names)
    and each edition's at its own commit, with the data and Git history of `root`.

    Raises NotPublished when `site_dir` is not a built site, AlteredFile when a published
    part is not the one its index lists (its SHA-256 differs), UserError for a manifest
    without a commit (built from uncommitted data) when no `ref` is given, and
    InvalidData when the data at the live commit do not validate (a build would refuse).
    `read` reads the site's files (default: a plain site; see `PublishedReader`).
    """
    read = read or plain_reader(site_dir)
    live = read_manifest(site_dir, manifest_path(), read)
    trees = [check_tree(root, MONITOR, manifest_path(), live, ref, validate=True)]
    for slug, about in sorted(live.get("editions", {}).items()):
        published = read_manifest(site_dir, about["manifest"], read)
        trees.append(check_tree(root, slug, about["manifest"], published, None, validate=False))
    return VerifyReport(site_dir, trees)


def check_tree(root: Path, name: str, path: str, published: dict[str, Any], ref: str | None,
               *, validate: bool) -> TreeCheck:
    named = published.get("data_commit")
    chosen = ref or named
    if chosen is None:
        raise UserError(f"{path} noemt geen commit: de site is gebouwd uit gegevens die niet "
                        "waren vastgelegd. Geef met --ref de commit om tegen te controleren.")
    snapshot = open_snapshot(root, chosen)
    if validate:
        validate_snapshot(snapshot)  # a build refuses invalid data, so a check does too
    site = rebuild(snapshot, published)
    rebuilt = {"figures": {f.figure_id: figure_entry(f) for f in site.figures}}
    differences = compare_manifests(published, rebuilt)
    units = {d.figure_id: _unit(d.figure_id, published, site) for d in differences}
    compared = len(published["figures"].keys() | rebuilt["figures"].keys())
    assert snapshot.commit is not None  # read at a ref, so always a commit
    return TreeCheck(name, path, named, snapshot.commit, compared, differences, units)


def rebuild(snapshot: Snapshot, published: dict[str, Any]) -> SiteData:
    """The site's figures at `snapshot`, for the quarters the manifest covers.

    An edition published only up to its quarter; the live site up to the latest one of its
    data. Checked at a later commit, the same quarters are compared (a quarter delivered
    since is not something the site published). When the data at the ref do not reach the
    manifest's last quarter, the rebuild stops where they do and the rest shows as missing.
    """
    k = int(published["k_anonymity"])  # every manifest states the k it was built with
    periods = published.get("periods") or []
    try:
        return compute_site_data(snapshot, k, periods[-1] if periods else None)
    except PeriodNotInData:
        return compute_site_data(snapshot, k)


def _unit(figure_id: str, published: dict[str, Any], site: SiteData) -> str:
    entry = published["figures"].get(figure_id)
    figure = site.get(figure_id)
    return str(entry["unit"]) if entry else figure.unit if figure else "getal"
