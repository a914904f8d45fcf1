"""Where a built site keeps its machine-readable provenance, and how it is read back.

Each data state of a build (the live monitor, each report edition) publishes its manifest
and its PROV-JSON beside its build information, inside the site:

    bouwinformatie/manifest.json                 the live monitor
    bouwinformatie/prov.json
    edities/<slug>/bouwinformatie/manifest.json  a report edition, in its own tree
    edities/<slug>/bouwinformatie/prov.json

They carry every figure, so they are content: they sit in the site folder with the pages
and are encrypted with them. `generator.site.provenance_files` is the one writer and
`read_published` the one reader, so encryption changes exactly these two places.
"""

from __future__ import annotations

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


def read_published(site_dir: Path, relative_path: str) -> bytes:
    """The content of a file the build published in `site_dir`, as the build wrote it.

    Today the published files are plain, so this reads the file. When the site is
    encrypted (the encryption stage of `impactmonitor build`), this is the one place that
    decrypts: it derives the key from the password in the environment
    (`IMPACTMONITOR_PASSWORD`, or a region's `IMPACTMONITOR_PASSWORD_<REGIO_ID>`) and
    returns the decrypted bytes, raising a UserError when the password is missing or
    wrong. Callers never open a published file themselves.
    """
    path = site_dir / relative_path
    if not path.is_file():
        raise NotPublished(f"{site_dir} is geen gebouwde site van de impactmonitor: "
                           f"{relative_path} ontbreekt. Bouw de site met 'impactmonitor "
                           f"build --out {site_dir}' of geef de map van een gebouwde site.")
    return path.read_bytes()
