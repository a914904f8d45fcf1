"""Where a built site keeps its machine-readable provenance, and how it is read back.

Each data state of a build (the live monitor, each report edition) publishes an index
beside its build information, inside the site, and the parts it lists in one folder that
every data state shares:

    bouwinformatie/manifest.json                 the live monitor's index
    bouwinformatie/prov.json                     its PROV-JSON of the build as a whole
    edities/<slug>/bouwinformatie/manifest.json  a report edition's index, in its own tree
    edities/<slug>/bouwinformatie/prov.json
    bouwinformatie/delen/<indicator>/<scope>-<sha>.json       figures of one indicator
    bouwinformatie/delen/<indicator>/<scope>-<sha>.prov.json  and scope, and their PROV

An index names the data commit and the build's facts and lists every part with its
SHA-256; `<sha>` is the start of the part's own SHA-256, so a part whose bytes two data
states share (an edition whose figures did not change since) is stored once. Each file is
compact JSON of at most a few hundred kilobytes.

They carry every figure, so they are content: they sit in the site folder with the pages
and are encrypted with them. `generator.site.provenance_files` is the one writer; a
`PublishedReader` the one way to read them back (plain, or decrypting), and
`read_manifest` the one way to put a data state's figures together from its parts, each
checked against the SHA-256 its index gives.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from typing import Any

from generator.cache import Kept
from generator.compute.lineage import Figure
from generator.errors import UserError
from generator.provenance.manifest import expand_part, manifest_json, manifest_part
from generator.provenance.prov import Part

BUILDINFO_DIR = "bouwinformatie"
MANIFEST_FILE = "manifest.json"
PROV_FILE = "prov.json"
PARTS_DIR = f"{BUILDINFO_DIR}/delen"
HASH_IN_NAME = 16
"""Hex digits of a part's SHA-256 in its name: enough to tell parts apart, short to read."""


def manifest_path(tree_root: str = "") -> str:
    """Site-relative path of a tree's index; `tree_root` is `edities/<slug>/` or ``."""
    return f"{tree_root}{BUILDINFO_DIR}/{MANIFEST_FILE}"


def prov_path(tree_root: str = "") -> str:
    return f"{tree_root}{BUILDINFO_DIR}/{PROV_FILE}"


def part_path(indicator: str, scope: str, content: bytes, *, prov: bool = False) -> str:
    """Site-relative path of a part, named by its indicator, scope and content."""
    digest = sha256(content)[:HASH_IN_NAME]
    return f"{PARTS_DIR}/{indicator}/{scope}-{digest}{'.prov' if prov else ''}.json"


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def split(figures: Sequence[Figure]) -> list[tuple[Part, bytes]]:
    """The figures as published parts, one per indicator and scope (as the audit pages
    group them), each with its bytes and the path its content names."""
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[(figure.indicator, figure.region)].append(figure)
    found = []
    for (indicator, scope), members in sorted(groups.items()):
        content = _part_bytes(indicator, scope, members)
        found.append((Part(indicator, scope, members, part_path(indicator, scope, content),
                           sha256(content)), content))
    return found


KEEP_PARTS = 20_000
_PARTS = Kept(KEEP_PARTS)
"""Parts whose bytes a process keeps (a 20-region data state has ~600): enough for the
live monitor and a few editions of `impactmonitor serve`."""


SAME_STATES = 4
_SAME = Kept(KEEP_PARTS)
"""(indicator, scope) -> the figures of its last few parts (live monitor, editions) and
their bytes. Looking a part up by value hashes every field of every figure (seconds at 20
regions); a serving process reuses each unchanged region's figures as the very objects
(`engine.compute(kept=...)`), so the same objects are found here first. The figures are
held, so their ids cannot be reused by other objects."""


_BUT_COMMIT = attrgetter(*(f.name for f in fields(Figure) if f.name not in ("commit", "extra")))


def _part_bytes(indicator: str, scope: str, members: list[Figure]) -> bytes:
    """A part's bytes, made once per process for the same figures.

    A part reads every field of its figures but the commit (the index names it) and nothing
    else; the key holds those fields, compared by value, and beside them what their
    equality leaves out: the details (`Figure.extra`, as text) and the type of the value
    (`1 == 1.0`, but JSON writes them apart). So the first save after a commit, which
    names no commit any more, finds every part again. After one region's CSV changes, the parts of the other regions
    and of an edition are not written again (most of a rebuild at 20 regions). The very
    figure objects of a recent part are found before that (`_SAME`).
    """
    recent = _SAME.get((indicator, scope), [])
    for then, content in recent:
        if len(then) == len(members) and all(a is b for a, b in zip(then, members)):
            return content  # type: ignore[no-any-return]
    key = (indicator, scope, tuple(map(_BUT_COMMIT, members)),
           tuple((type(f.value), repr(f.extra)) for f in members))
    try:
        content = _PARTS[key]  # one lookup: hashing the key is what costs
    except KeyError:
        content = _PARTS[key] = manifest_json(manifest_part(indicator, scope, members)).encode(
            "utf-8")
    _SAME[(indicator, scope)] = [(tuple(members), content), *recent[:SAME_STATES - 1]]
    return content  # type: ignore[no-any-return]


class NotPublished(UserError):
    """A file a built site should hold is not there (not a site, or built before it was)."""


class AlteredFile(UserError):
    """A published part does not have the SHA-256 its index lists."""


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


def listed_files(index: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(site-relative path, SHA-256) of every file an index lists: its PROV document and
    each part's figures and PROV."""
    yield index["prov"]["path"], index["prov"]["sha256"]
    for part in index["parts"]:
        yield part["manifest"], part["manifest_sha256"]
        yield part["prov"], part["prov_sha256"]


def read_manifest(site_dir: Path, relative_path: str, read: PublishedReader) -> dict[str, Any]:
    """A data state's whole manifest: its index with `figures` put together from its
    parts (each entry as `figure_entry` gives it). Every file the index lists is read and
    checked against its SHA-256 first: raises AlteredFile when one differs."""
    index = read_json(site_dir, relative_path, read)
    if not isinstance(index, dict) or not isinstance(index.get("parts"), list):
        raise UserError(f"{site_dir / relative_path} is geen manifest van de impactmonitor "
                        "(het veld 'parts' ontbreekt).")
    contents = {}
    for path, expected in listed_files(index):
        content = read(path)
        if sha256(content) != expected:
            raise AlteredFile(f"{site_dir / path} is veranderd: de SHA-256 is niet die welke "
                              f"{relative_path} noemt. Bouw de site opnieuw; vertrouw de "
                              "gepubliceerde cijfers niet.")
        contents[path] = content
    figures: dict[str, Any] = {}
    for part in index["parts"]:
        figures.update(expand_part(_parse(site_dir, part["manifest"], contents[part["manifest"]]),
                                   index.get("data_commit")))
    return {**index, "figures": figures}


def read_json(site_dir: Path, relative_path: str, read: PublishedReader) -> Any:
    return _parse(site_dir, relative_path, read(relative_path))


def _parse(site_dir: Path, relative_path: str, content: bytes) -> Any:
    try:
        return json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UserError(f"{site_dir / relative_path} is geen leesbaar manifest: {error}.") from None
