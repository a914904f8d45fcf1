"""The data delivery guide for data stewards: `site_src/gegevenslevering/`, as written.

Copied without templating: it documents the contract and may show `{{ }}` literally.
"""

from __future__ import annotations

from generator.site.outputs import Download, Output, Page, SiteInputs

FOLDER = "gegevenslevering"
SECTION = "Gegevenslevering"


def build(site: SiteInputs) -> list[Output]:
    folder = site.narrative.root / FOLDER
    if not folder.is_dir():
        return []
    outputs: list[Output] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(site.narrative.root).as_posix()
        if path.suffix == ".md":
            markdown = path.read_text(encoding="utf-8")
            outputs.append(Page(relative, title_of(markdown, path.stem), markdown, SECTION))
        else:
            outputs.append(Download(relative, path.read_bytes()))
    return _index_first(outputs)


def title_of(markdown: str, default: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return default


def _index_first(outputs: list[Output]) -> list[Output]:
    """The folder's index first: it is the section's landing page."""
    def key(output: Output) -> tuple[bool, str]:
        name = output.source if isinstance(output, Page) else output.path
        return (not name.endswith("/index.md"), name)
    return sorted(outputs, key=key)
