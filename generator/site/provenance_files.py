"""The machine-readable provenance of a build as files of the site: manifest and PROV-JSON.

Per data state (the live monitor and each report edition, in its own tree, since its
figures come from its pinned commit) an index and a PROV-JSON document of the build as a
whole, and per indicator and scope a part with its figures and one with their PROV-JSON
(layout in `generator.provenance.published`). They list the figures the site shows, after
disclosure control and with the derived figures, so a suppressed cell has no value there
either. Parts are named by their content: a part two data states share is one file. They
are content, written into the docs folder like the CSV downloads and published in the site
folder, where the encryption stage finds them with every other content file;
`provenance_files` is the only writer of them, and a
`generator.provenance.published.PublishedReader` the only reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.cache import Kept
from generator.compute.pipeline import Computation
from generator.provenance.manifest import build_manifest, manifest_json
from generator.provenance.prov import Part, build_document, part_document, prov_json
from generator.provenance.published import manifest_path, part_path, prov_path, sha256, split
from generator.site.outputs import Download, SiteInputs
from generator.publish.sitedata import SiteData
from generator.site.urls import edition_root


@dataclass(frozen=True)
class PublishedTree:
    """What the build information page says about one published manifest."""

    label: str
    data_commit: str | None
    manifest: str
    """Site-relative path of the manifest."""
    prov: str
    sha256: str
    """SHA-256 of the index's bytes, which lists every part's: one line that pins every
    figure of the tree."""
    figures: int
    parts: int
    """Parts (files of figures) the index lists; each has its PROV document beside it."""


@dataclass(frozen=True)
class ProvenanceFiles:
    downloads: list[Download]
    trees: list[PublishedTree]


def provenance_files(site: SiteInputs) -> ProvenanceFiles:
    """The manifests and PROV documents of the live monitor and every edition."""
    editions = {e.meta.slug: {"title": e.meta.title, "data_commit": e.commit,
                              "data_ref": e.meta.data_ref,
                              "manifest": manifest_path(edition_root(e.meta.slug))}
                for e in site.editions}
    downloads: list[Download] = []
    trees = [_tree(site, site.live, "", "Monitor", downloads, editions=editions)]
    for edition in site.editions:
        slug = edition.meta.slug
        trees.append(_tree(site, edition.data, edition_root(slug), edition.meta.title,
                           downloads, edition={"slug": slug, **editions[slug]}))
    return ProvenanceFiles(downloads, trees)


def _tree(site: SiteInputs, data: SiteData, root: str, label: str, downloads: list[Download],
          *, editions: dict[str, Any] | None = None,
          edition: dict[str, Any] | None = None) -> PublishedTree:
    # Only the live data were validated by this build; an edition's pinned data were
    # checked when they were merged, and its documents say no more than that.
    validated = edition is None
    manifest = build_manifest(data.computation, site.facts, figures=(), k_anonymity=data.k,
                              validated=validated, editions=editions, edition=edition)
    del manifest["figures"]  # in the parts
    manifest["figure_count"] = len(data.figures)
    written = {download.path for download in downloads}
    lines, parts = [], []
    for part, content in split(data.figures):
        prov = _part_prov(data.computation, part)
        prov_at = part_path(part.indicator, part.scope, prov, prov=True)
        for path, bytes_ in ((part.path, content), (prov_at, prov)):
            if path not in written:  # the same bytes as another data state's: one file
                downloads.append(Download(path, bytes_))
                written.add(path)
        parts.append(part)
        lines.append({"indicator": part.indicator, "region": part.scope,
                      "figures": len(part.figures),
                      "manifest": part.path, "manifest_sha256": part.sha256,
                      "prov": prov_at, "prov_sha256": sha256(prov)})
    prov = prov_json(build_document(data.computation, site.facts, parts,
                                    validated=validated)).encode("utf-8")
    manifest["prov"] = {"path": prov_path(root), "sha256": sha256(prov)}
    manifest["parts"] = lines
    text = manifest_json(manifest).encode("utf-8")
    downloads += [Download(manifest_path(root), text), Download(prov_path(root), prov)]
    return PublishedTree(label, data.commit, manifest_path(root), prov_path(root),
                         sha256(text), manifest["figure_count"], len(lines))



_PART_PROV = Kept(20_000)
"""A part's PROV document, made once per process for the same part: a serving process
makes it again only for the parts a save changed (and an edition shares the live ones)."""


def _part_prov(computation: Computation, part: Part) -> bytes:
    """`part_document` as bytes. It reads the part (its path, SHA-256, indicator, scope and
    size; the files of its figures, which its bytes hold, so its SHA-256 pins them) and the
    file and blob of the part's definition: the key is those, nothing else."""
    definitions = tuple(sorted((d.file, d.blob) for d in computation.definitions
                               if d.id == part.indicator))
    key = (part.path, part.sha256, part.indicator, part.scope, len(part.figures), definitions)
    found = _PART_PROV.get(key)
    if found is None:
        found = _PART_PROV[key] = prov_json(part_document(computation, part)).encode("utf-8")
    return found  # type: ignore[no-any-return]
