"""Encrypt built sites, one folder per audience, into one publishable folder.

    national/  (the whole site)      ─┐
    <region>/  (totals + one region) ─┼─► out/: shell, keys.json, plain assets, c/<objects>
    ...                               ─┘

Each distinct file content becomes one object, whose slots open for every audience whose
folder holds those bytes (a page that is the same for two audiences is stored once). Each
audience gets a route map (site path -> object, content type) that only it can read.
"""

from __future__ import annotations

import hashlib
import html
import json
import mimetypes
import os
import random
import secrets
import shutil
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.encrypt import container, keyfile
from generator.encrypt.passwords import Audience
from generator.encrypt.plainfiles import Kind, classify

SHELL_DIR = Path(__file__).parent / "shell"
OBJECT_DIR = "c"
SERVICE_WORKER = "impactmonitor-sw.js"
SHELL_PAGES = ("index.html", "404.html")
SHELL_ASSETS = ("shell.js", "shell.css", "session.js")
SHELL_ASSET_DIR = "assets/impactmonitor"
SESSION_SCRIPT = f"{SHELL_ASSET_DIR}/session.js"
"""Loaded by every page of an encrypted build (the "Afmelden" button)."""
ROUTES_VERSION = 1
TYPES = {".html": "text/html; charset=utf-8", ".json": "application/json",
         ".csv": "text/csv; charset=utf-8", ".txt": "text/plain; charset=utf-8",
         ".xml": "application/xml", ".js": "text/javascript", ".css": "text/css",
         ".svg": "image/svg+xml", ".pdf": "application/pdf", ".png": "image/png"}


@dataclass(frozen=True)
class Tree:
    audience: Audience
    folder: Path
    """A finished MkDocs build for this audience."""


@dataclass
class EncryptionReport:
    objects: int = 0
    plain_files: int = 0
    dropped: list[str] = field(default_factory=list)
    plaintext_bytes: int = 0
    published_bytes: int = 0


def encrypt_site(trees: Sequence[Tree], out: Path, *, site_name: str, root: str = "/",
                 iterations: int = keyfile.MIN_ITERATIONS,
                 search_languages: Sequence[str] = ()) -> EncryptionReport:
    """Write the encrypted site for `trees` (the national audience first) into `out`, a new
    folder. Passwords are read from the audiences and never written."""
    if not trees or trees[0].audience.region is not None:
        raise ValueError("the national audience comes first")
    if iterations < keyfile.MIN_ITERATIONS:
        raise ValueError(f"PBKDF2 needs at least {keyfile.MIN_ITERATIONS} iterations")
    report = EncryptionReport()
    out.mkdir(parents=True)
    build, salt = secrets.token_bytes(container.ID_BYTES), keyfile.new_salt()
    slots = list(range(len(trees)))
    random.SystemRandom().shuffle(slots)  # the key file does not say which entry is national
    audience_keys = [container.new_key() for _ in trees]

    contents, plain = _inventory(trees, search_languages, report)
    for path, content in plain.items():
        _write(out / path, content)
    report.plain_files = len(plain)

    routes: list[dict[str, list[str]]] = [{} for _ in trees]
    (out / OBJECT_DIR).mkdir()

    def seal_file(source: Path, readers: dict[int, list[str]]) -> tuple[str, int]:
        content = source.read_bytes()
        readers_by_slot: list[bytes | None] = [None] * len(trees)
        for tree_index in readers:
            readers_by_slot[slots[tree_index]] = audience_keys[tree_index]
        sealed = container.seal(content, build=build, readers=readers_by_slot)
        _write(out / OBJECT_DIR / sealed.name, sealed.data)
        return sealed.name, len(content)

    # zlib, AES-GCM and PBKDF2 release the GIL: threads use every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        keks = [pool.submit(keyfile.derive_kek, tree.audience.password, salt, iterations)
                for tree in trees]
        sealed_files = [(pool.submit(seal_file, source, readers), readers)
                        for source, readers in contents.values()]
        for future, readers in sealed_files:
            name, length = future.result()
            for tree_index, paths in readers.items():
                for path in paths:
                    routes[tree_index][path] = [name, content_type(path)]
            report.objects += 1
            report.plaintext_bytes += length
        entries: list[keyfile.Entry | None] = [None] * len(trees)
        for tree_index, tree in enumerate(trees):
            document = json.dumps({"version": ROUTES_VERSION, "files": dict(sorted(
                routes[tree_index].items()))}, ensure_ascii=False, separators=(",", ":"))
            only_this: list[bytes | None] = [None] * len(trees)
            only_this[slots[tree_index]] = audience_keys[tree_index]
            sealed = container.seal(document.encode("utf-8"), build=build, readers=only_this)
            _write(out / OBJECT_DIR / sealed.name, sealed.data)
            report.objects += 1
            entries[slots[tree_index]] = keyfile.wrap_entry(keks[tree_index].result(),
                                                            audience_keys[tree_index], build,
                                                            sealed.name)
        del keks
    key_file = keyfile.KeyFile(build, salt, iterations, tuple(e for e in entries if e))
    (out / keyfile.KEY_FILE).write_text(key_file.to_json(), encoding="utf-8")
    _install_shell(out, site_name, root)
    report.published_bytes = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return report


def content_type(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


def shell_page(site_name: str, root: str) -> bytes:
    template = (SHELL_DIR / "index.html").read_text(encoding="utf-8")
    return (template.replace("__SITE_NAME__", html.escape(site_name))
            .replace("__ROOT__", html.escape(root))).encode("utf-8")


def _inventory(trees: Sequence[Tree], search_languages: Sequence[str], report: EncryptionReport
               ) -> tuple[dict[bytes, tuple[Path, dict[int, list[str]]]], dict[str, bytes]]:
    """Content by digest (a file holding it, and per tree the paths it has), and the plain
    files, which must be the same in every tree."""
    contents: dict[bytes, tuple[Path, dict[int, list[str]]]] = {}
    plain: dict[str, bytes] = {}
    dropped: set[str] = set()
    for tree_index, tree in enumerate(trees):
        for file in sorted(p for p in tree.folder.rglob("*") if p.is_file()):
            path = file.relative_to(tree.folder).as_posix()
            content = file.read_bytes()
            kind = classify(path, content, search_languages)
            if kind is Kind.DROPPED:
                dropped.add(path)
            elif kind is Kind.PLAIN:
                if plain.setdefault(path, content) != content:
                    raise ValueError(f"{path} differs between audiences")  # a bug upstream
            else:
                digest = hashlib.sha256(content).digest()
                _, readers = contents.setdefault(digest, (file, {}))
                readers.setdefault(tree_index, []).append(path)
    report.dropped = sorted(dropped)
    return contents, plain


def _install_shell(out: Path, site_name: str, root: str) -> None:
    page = shell_page(site_name, root)
    for name in SHELL_PAGES:
        (out / name).write_bytes(page)  # the content's index.html and 404.html are objects
    shutil.copyfile(SHELL_DIR / "sw.js", out / SERVICE_WORKER)
    for name in SHELL_ASSETS:
        _write(out / SHELL_ASSET_DIR / name, (SHELL_DIR / name).read_bytes())


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
