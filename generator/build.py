"""`impactmonitor build` and `serve`: the whole pipeline, stage by stage.

    passwords  ->  inputs (validate, compute)  ->  HTML (render + MkDocs + PDFs), once per
    audience  ->  encrypt  ->  publish

Each stage takes the previous one's result. The passwords are checked first, so a missing
or weak one stops the build before any long work. The HTML is built into a fresh folder
beside the output (same file system, so the final rename is atomic): the national site,
and for each region with a password its variant (`generator.site.audience`); encryption
turns them into one folder of shell, assets and objects. Only when every stage has
succeeded does it replace the output. A failure leaves the previous output as it was and
removes the half-built folders, plaintext ones included.

`encrypt=False` is the local preview (`--unencrypted-preview`): the national site in
plaintext, every page marked "niet versleuteld".
"""

from __future__ import annotations

import csv
import errno
import io
import logging
import os
import re
import shutil
import socket
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.cache import Cache
from generator.compute.data_frames import REGISTER_PATH
from generator.encrypt.passwords import Audience, read_audiences
from generator.encrypt.site import (
    SESSION_SCRIPT, SHELL_DIR, EncryptionReport, Tree, encrypt_site,
)
from generator.errors import UserError
from generator.mkdocs_plugin.plugin import ImpactmonitorPlugin
from generator.progress import ENCRYPT, HTML, Progress
from generator.site.audience import for_region
from generator.site.inputs import load_inputs
from generator.site.outputs import SiteInputs
from generator.sources import open_snapshot

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "impactmonitor"


@dataclass(frozen=True)
class BuildResult:
    out: Path
    pages: int
    """HTML pages of the national site."""
    seconds: float
    audiences: list[str] = field(default_factory=list)
    """`landelijk` and the regions with a password; empty for an unencrypted preview."""
    encryption: EncryptionReport | None = None
    cache: Cache | None = None
    """What was reused: `cache.hits` and `cache.misses` per kind."""
    progress: Progress = field(default_factory=Progress)
    """The seconds of each stage (`progress.summary()` is the closing line)."""


def build_site(root: Path, out: Path, ref: str | None = None, *, encrypt: bool = True,
               site_url: str | None = None,
               environ: Mapping[str, str] | None = None,
               cache: Cache | None = None,
               progress: Progress | None = None) -> BuildResult:
    """Validate, compute, render, build and encrypt the site at `ref` into `out`, atomically.

    The passwords come from `environ` (default: the process environment). Raises
    PasswordProblem, InvalidData (the validator's report in it) or UserError; `out` is
    then untouched. Validation and computation are reused by content from `cache`
    (default: `.cache/impactmonitor/` in `root`). `progress` is told each stage as it
    starts (default: a silent one); the result carries the seconds of each.
    """
    start = time.monotonic()
    environ = os.environ if environ is None else environ
    cache = Cache.at(root) if cache is None else cache
    progress = Progress() if progress is None else progress
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.bouw-", dir=out.parent))
    try:
        config = _config(root, staging / ("landelijk" if encrypt else "site"), site_url)
        plugin = _plugin(config)
        ref = ref if ref is not None else plugin.config.ref
        audiences = _audiences(root, ref, environ) if encrypt else []
        inputs = load_inputs(root, ref, plugin.config.k_anonymity, plugin.config.repo_url,
                             cache=cache, progress=progress)
        national = audiences[0].label if audiences else ""
        plugin.preload(inputs, encrypted=encrypt, scripts=_session_script(encrypt),
                       progress=progress, audience=national, cache=cache)
        with progress.stage(HTML, national):
            _html(config, plugin)
        pages = sum(1 for _ in Path(config.site_dir).rglob("*.html"))
        report = None
        if encrypt:
            trees = [Tree(audiences[0], Path(config.site_dir))]
            trees += [Tree(audience, _region_html(root, staging, inputs, audience, site_url,
                                                  progress, cache))
                      for audience in audiences[1:]]
            with progress.stage(ENCRYPT):
                report = encrypt_site(trees, staging / "site", site_name=config.site_name,
                                      root=site_root(config.site_url),
                                      iterations=plugin.config.pbkdf2_iterations,
                                      search_languages=_search_languages(config))
        publish(staging, out)
        cache.finish_build()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(out, pages, time.monotonic() - start,
                       [a.label for a in audiences], report, cache, progress)


def site_root(site_url: str | None) -> str:
    """The path the site is served under (`/` or `/<repository>/` on GitHub Pages)."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def _audiences(root: Path, ref: str | None, environ: Mapping[str, str]) -> list[Audience]:
    """Checked before any long work: the register is read, not validated, for its ids."""
    content = open_snapshot(root, ref).files.get(REGISTER_PATH, b"")
    rows = csv.DictReader(io.StringIO(content.decode("utf-8-sig", "replace")))
    ids = [str(row.get("regio_id") or "").strip() for row in rows]
    return read_audiences(environ, [i for i in ids if i])


def _region_html(root: Path, staging: Path, inputs: SiteInputs, audience: Audience,
                 site_url: str | None, progress: Progress, cache: Cache) -> Path:
    """The HTML of one region's variant of the site, in its own folder."""
    assert audience.region is not None
    config = _config(root, staging / f"regio-{audience.region}", site_url)
    plugin = _plugin(config)
    plugin.preload(for_region(inputs, audience.region), encrypted=True,
                   scripts=_session_script(True), progress=progress, audience=audience.label,
                   cache=cache)
    with progress.stage(HTML, audience.label):
        _html(config, plugin)
    return Path(config.site_dir)


def _session_script(encrypted: bool) -> dict[str, bytes]:
    """The "Afmelden" button's script, on every page of an encrypted site."""
    return {SESSION_SCRIPT: (SHELL_DIR / "session.js").read_bytes()} if encrypted else {}


def _search_languages(config: MkDocsConfig) -> list[str]:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    languages = getattr(getattr(search, "config", None), "lang", None) or []
    return [languages] if isinstance(languages, str) else list(languages)


DEFAULT_DEV_ADDR = "127.0.0.1:8000"
"""MkDocs' own default for `serve`, named in a message when it is taken."""


def serve_site(root: Path, dev_addr: str | None = None) -> None:
    """`mkdocs serve --dirty` with the repository's configuration (live reload included).

    Dirty: after a save MkDocs builds only the pages whose Markdown the render stage wrote
    again; the plugin keeps the figures and the unchanged pages' Markdown in memory, and
    marks every page changed when the navigation or the theme's settings change.
    """
    from mkdocs.commands.serve import serve

    config_file = _config_file(root)
    options = {"dev_addr": dev_addr} if dev_addr else {}
    address = dev_addr or DEFAULT_DEV_ADDR
    if dev_addr or not re.search(r"(?m)^dev_addr\s*:", config_file.read_text(encoding="utf-8")):
        _check_address(address)  # before the first build, which takes a while
    try:
        serve(config_file=str(config_file), livereload=True, build_type="dirty", **options)
    except MkDocsException as error:
        raise UserError(f"De site kon niet worden gebouwd: {error}") from None
    except OSError as error:  # taken during the first build
        if error.errno not in _ADDRESS_ERRORS:
            raise
        raise _address_error(address, error) from None


_ADDRESS_ERRORS = (errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES)


def _check_address(address: str) -> None:
    """Raise the message of `_address_error` when `address` (HOST:PORT) cannot be served
    on now. An address MkDocs would refuse as malformed is left to it."""
    host, _, port = address.rpartition(":")
    if not port.isdigit():
        return
    try:
        infos = socket.getaddrinfo(host or None, int(port), type=socket.SOCK_STREAM)
    except OSError:
        return
    family, kind, _, _, where = infos[0]
    with socket.socket(family, kind) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
        try:
            probe.bind(where)
        except OSError as error:
            if error.errno in _ADDRESS_ERRORS:
                raise _address_error(address, error) from None
            raise


def _address_error(address: str, error: OSError) -> UserError:
    reason = ("is al in gebruik (draait er al een 'impactmonitor serve'?)"
              if error.errno == errno.EADDRINUSE
              else f"kan niet worden gebruikt ({error.strerror})")
    return UserError(f"Het adres {address} {reason}. Stop dat proces, of kies een ander "
                     "adres, bijvoorbeeld: impactmonitor serve --dev-addr 127.0.0.1:8001")


def publish(built: Path, out: Path) -> None:
    """Put the built folder in place of `out` with renames only: `out` is always either the
    old site or the new one. The old one is removed after the swap."""
    previous = None
    if out.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{out.name}.oud-", dir=out.parent))
        out.rename(previous / "site")
    site = built / "site"
    try:
        site.rename(out)
    except OSError:
        if previous is not None:
            (previous / "site").rename(out)
        raise
    finally:
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)


def _config_file(root: Path) -> Path:
    path = root / CONFIG_FILE
    if not path.is_file():
        raise UserError(f"{CONFIG_FILE} ontbreekt in {root}: de site wordt gebouwd met de "
                        "MkDocs-instellingen van de repository.")
    return path


def _config(root: Path, site_dir: Path, site_url: str | None = None) -> MkDocsConfig:
    options = {"site_url": site_url} if site_url else {}
    # MkDocs logs what is wrong with the configuration and raises a bare Abort: keep the
    # log lines, so that the message says which option and why.
    found = _Collect()
    logger = logging.getLogger("mkdocs.config")
    logger.addHandler(found)
    try:
        return load_config(config_file=str(_config_file(root)), site_dir=str(site_dir),
                           **options)
    except MkDocsException as error:
        raise UserError(f"{CONFIG_FILE} is ongeldig: {'; '.join(found.lines) or error}") from None
    finally:
        logger.removeHandler(found)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _plugin(config: MkDocsConfig) -> ImpactmonitorPlugin:
    plugin = config.plugins.get(PLUGIN)
    if not isinstance(plugin, ImpactmonitorPlugin):
        raise UserError(f"{CONFIG_FILE} gebruikt de plugin '{PLUGIN}' niet; zet hem onder "
                        "'plugins:'.")
    return plugin


def _html(config: MkDocsConfig, plugin: ImpactmonitorPlugin) -> None:
    """Render and run MkDocs, with the start and shutdown events the `mkdocs` CLI sends."""
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except MkDocsException as error:
        raise UserError(plugin.failure or f"De site kon niet worden gebouwd: {error}") from None
    finally:
        config.plugins.on_shutdown()

