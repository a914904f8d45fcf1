"""Files the theme writes that no reader of this site needs: source maps and the search
stemmers of languages the site does not use (30 of Material's 32 `lunr` files).

The encrypted build drops the same files (`generator/encrypt/plainfiles.py`); removing them
here makes the unencrypted preview and plain `mkdocs build` as light.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

LUNR = Path("assets/javascripts/lunr")
LUNR_ALWAYS = frozenset({"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"})


def kept_stemmers(languages: Sequence[str]) -> frozenset[str]:
    return LUNR_ALWAYS | {f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"}


def prune(site_dir: Path, languages: Sequence[str]) -> list[str]:
    """Remove the unneeded theme files under `site_dir/assets`; return them (site paths)."""
    removed = []
    assets = site_dir / "assets"
    for path in sorted(assets.rglob("*.map")) if assets.is_dir() else []:
        removed.append(path.relative_to(site_dir).as_posix())
        path.unlink()
    lunr = site_dir / LUNR
    keep = kept_stemmers(languages)
    for path in sorted(lunr.rglob("*.js")) if lunr.is_dir() else []:
        if path.relative_to(lunr).as_posix() not in keep:
            removed.append(path.relative_to(site_dir).as_posix())
            path.unlink()
    return removed
