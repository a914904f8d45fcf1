"""Gather what the render stage needs: validated, computed data, editions, build facts.

This is the I/O edge of the site (Git, the validator, files under `site_src/`); the render
stage after it only reads the `SiteInputs` made here.
"""

from __future__ import annotations

from pathlib import Path

from generator.cache import Cache
from generator.compute.pipeline import validate_snapshot
from generator.progress import COMPUTE, VALIDATE, Progress
from generator.provenance.facts import gather_facts
from generator.site.editions import find_editions, load_edition
from generator.site.example import is_example
from generator.site.narrative import Narrative
from generator.site.outputs import SiteInputs
from generator.publish.sitedata import compute_site_data
from generator.paths import SITE_SRC
from generator.sources import open_snapshot


def load_inputs(root: Path, ref: str | None, k: int, repo_url: str | None = None, *,
                cache: Cache | None = None, progress: Progress | None = None) -> SiteInputs:
    """Validate the data at `ref` (working tree when None), compute, load the editions.

    Raises InvalidData (with the validator's report) when the data do not validate, and
    UserError for an unknown ref or a broken edition. With a `cache`, what was validated
    and computed for the same content before is reused (`generator.cache`).
    """
    progress = Progress() if progress is None else progress
    with progress.stage(VALIDATE):
        snapshot = open_snapshot(root, ref)
        report = validate_snapshot(snapshot, cache)
    with progress.stage(COMPUTE):
        facts = gather_facts(root, snapshot, report)
        live = compute_site_data(snapshot, k, cache=cache)
        editions = [load_edition(root, meta, k, cache)
                    for meta in find_editions(root / SITE_SRC)]
    example = is_example(live) or any(is_example(e.data) for e in editions)
    return SiteInputs(root, live, editions, facts, Narrative(root / SITE_SRC), example, repo_url)
