"""Where a built site keeps its machine-readable provenance, and how it is read back.

Each data state of a build (the live monitor, each report edition) publishes its manifest
and its PROV-JSON beside its build information, inside the site:

    bouwinformatie/manifest.json                 the live monitor
    bouwinformatie/prov.json
    edities/<slug>/bouwinformatie/manifest.json  a report edition, in its own tree
    edities/<slug>/bouwinformatie/prov.json

They carry every figure, so they are content: they sit in the site folder with the pages
and are encrypted with them. `generator.site.provenance_files` is the one writer; a
`PublishedReader` the one way to read them back (plain, or decrypting).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.errors import UserError

BUILDINFO_DIR = "bouwinformatie"
MANIFEST_FILE = "manifest.json"
PROV_FILE = "prov.json"


def manifest_path(tree_root: str = "") -> str:
    """Site-relative path of a tree's manifest; `tree_root` is `edities/<slug>/` or ``."""
    return f"{tree_root}{BUILDINFO_DIR}/{MANIFEST_FILE}"


def prov_path(tree_root: str = "") -> str:
    return f"{tree_root}{BUILDINFO_DIR}/{PROV_FILE}"


class NotPublished(UserError):
    """A file a built site should hold is not there (not a site, or built before it was)."""


PublishedReader = Callable[[str], bytes]
"""Reads a site-relative path of a built site and returns the bytes the build wrote."""


def plain_reader(site_dir: Path) -> PublishedReader:
    """The reader of a site built without encryption (`--unencrypted-preview`).

    An encrypted site is read through `generator.encrypt.reader.open_published`, which
    decrypts with the password; callers receive a reader and never open a published file
    themselves, so both kinds of site are read the same way.
    """
    def read(relative_path: str) -> bytes:
        path = site_dir / relative_path
        if not path.is_file():
            raise not_published(site_dir, relative_path)
        return path.read_bytes()

    return read


def not_published(site_dir: Path, relative_path: str) -> NotPublished:
    return NotPublished(f"{site_dir} is geen gebouwde site van de impactmonitor: "
                        f"{relative_path} ontbreekt. Bouw de site met 'impactmonitor "
                        f"build --out {site_dir}' of geef de map van een gebouwde site.")
