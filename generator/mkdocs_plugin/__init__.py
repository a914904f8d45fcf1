"""The MkDocs plugin: runs the site's render stage so `mkdocs build` and `mkdocs serve` work.

Registered as the entry point `mkdocs.plugins: impactmonitor`; `impactmonitor build` and
`impactmonitor serve` drive MkDocs with the same plugin (`generator.build`).
"""

from __future__ import annotations

from generator.mkdocs_plugin.config import ImpactmonitorConfig
from generator.mkdocs_plugin.plugin import ImpactmonitorPlugin

__all__ = ["ImpactmonitorConfig", "ImpactmonitorPlugin"]
