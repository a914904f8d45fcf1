"""`impactmonitor build` and `serve`: the whole pipeline, stage by stage.

    inputs (validate, compute)  ->  HTML (render + MkDocs)  ->  [encrypt]  ->  publish

Each stage takes the previous one's result. The HTML is built into a fresh folder beside
the output (same file system, so the final rename is atomic); only when every stage has
succeeded does it replace the output. A failure leaves the previous output as it was and
removes the half-built folder. Encryption (a later issue) is one more stage before
`publish`, working on the built folder.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.errors import UserError
from generator.mkdocs_plugin.plugin import ImpactmonitorPlugin
from generator.site.inputs import load_inputs

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "impactmonitor"


@dataclass(frozen=True)
class BuildResult:
    out: Path
    pages: int
    seconds: float


def build_site(root: Path, out: Path, ref: str | None = None) -> BuildResult:
    """Validate, compute, render and build the site at `ref` into `out`, atomically.

    Raises InvalidData (the validator's report in it) or UserError; `out` is then untouched.
    """
    start = time.monotonic()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.bouw-", dir=out.parent))
    try:
        config = _config(root, staging)
        plugin = _plugin(config)
        inputs = load_inputs(root, ref if ref is not None else plugin.config.ref,
                             plugin.config.k_anonymity, plugin.config.repo_url)
        plugin.preload(inputs)
        _html(config, plugin)
        publish(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    pages = sum(1 for _ in out.rglob("*.html"))
    return BuildResult(out, pages, time.monotonic() - start)


def serve_site(root: Path, dev_addr: str | None = None) -> None:
    """`mkdocs serve` with the repository's configuration (live reload included)."""
    from mkdocs.commands.serve import serve

    options = {"dev_addr": dev_addr} if dev_addr else {}
    try:
        serve(config_file=str(_config_file(root)), livereload=True, **options)
    except MkDocsException as error:
        raise UserError(f"De site kon niet worden gebouwd: {error}") from None


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


def _config(root: Path, staging: Path) -> MkDocsConfig:
    try:
        return load_config(config_file=str(_config_file(root)), site_dir=str(staging / "site"))
    except MkDocsException as error:
        raise UserError(f"{CONFIG_FILE} is ongeldig: {error}") from None


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

