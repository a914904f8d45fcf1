"""The report editions as PDF: made in the build with Chromium, linked from the edition page,
reproducible, and skipped with one clear line (never a failed build) without Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.cache import Cache
from generator.cli import main
from generator.site import pdf
from tests.browser.conftest import REPO_ROOT, BuiltSite
from tests.fixtures.handmade_repo import commit_all
from tests.site.conftest import site_repo, write

SKIPPED = "de PDF's van de edities worden overgeslagen."
PAGE = re.compile(rb"/Type\s*/Page\b")


def edition_titles() -> dict[str, str]:
    return {p.parent.name: yaml.safe_load(p.read_text(encoding="utf-8"))["titel"]
            for p in (REPO_ROOT / "site_src" / "edities").glob("*/editie.yml")}


def pdf_text(path: Path) -> str | None:
    """The PDF's text by pdftotext (poppler-utils), when it is installed."""
    if shutil.which("pdftotext") is None:
        return None
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True)
    return " ".join(run.stdout.split())


def test_the_build_prints_every_edition_to_a_linked_pdf(built_site: BuiltSite) -> None:
    titles = edition_titles()
    assert titles
    assert SKIPPED not in built_site.stderr and "kon niet worden gemaakt" not in built_site.stderr
    for slug, title in titles.items():
        file = built_site.out / "edities" / slug / pdf.pdf_name(slug)
        data = file.read_bytes()
        assert data.startswith(b"%PDF-") and len(data) > 10_000, (file, len(data))
        assert len(PAGE.findall(data)) >= 1
        text = pdf_text(file)
        if text is not None:
            assert title in text, text[:500]
            assert "Kernindicatoren in deze editie" in text
        else:  # no poppler-utils: the document title Chromium stores (parentheses escaped)
            escaped = title.replace("(", r"\(").replace(")", r"\)").encode()
            assert b"/Title (" + escaped in data
        page = (built_site.out / "edities" / slug / "index.html").read_text(encoding="utf-8")
        assert f'href="{pdf.pdf_name(slug)}"' in page and pdf.UNAVAILABLE not in page


def test_the_pdf_names_no_folder_of_the_build(built_site: BuiltSite) -> None:
    """Its links go to a fixed made-up host, not to file:// paths or a random port."""
    for file in built_site.out.glob("edities/*/*.pdf"):
        data = file.read_bytes()
        assert b"file://" not in data and str(built_site.out).encode() not in data
        assert b"127.0.0.1" not in data
        assert f"http://{pdf.HOST}/edities/".encode() in data


def test_printing_one_site_in_two_folders_gives_the_same_pdf(
        built_site: BuiltSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PDFs take part in byte-identical builds: the date is the build's, the links fixed."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    slug = sorted(edition_titles())[0]
    made: list[Path] = []
    for name in ("a", "b"):
        page = copied_site(built_site, tmp_path / name, slug)
        pdf.print_editions(page.parents[2], [page])
        made.append(page.parent / pdf.pdf_name(slug))
    first, second = (file.read_bytes() for file in made)
    if first != second:  # say how they differ rather than print two PDFs byte by byte
        texts = [pdf_text(file) for file in made]
        pytest.fail(f"the PDFs differ: {len(first)} against {len(second)} bytes, "
                    f"{'the same' if texts[0] == texts[1] else 'different'} text")
    assert b"/CreationDate (D:20231114221320" in first  # 1700000000 in UTC


def test_a_page_that_never_gets_ready_is_not_printed_and_says_why(
        chromium: str, tmp_path: Path) -> None:
    """Printing waits for every chart; one that is never drawn gives a reason, not a PDF of
    a half-drawn page."""
    site = tmp_path / "site"
    write(site / "index.html", '<!doctype html><html lang="nl"><title>t</title>'
                               '<div class="im-chart" id="nooit"></div></html>')
    target = tmp_path / "uit.pdf"
    with pdf.serving(site) as port:
        problem = pdf.print_page(chromium, f"http://{pdf.HOST}/", port, target, tmp_path,
                                 timeout=8)
    assert problem == "na 8 s: niet alle grafieken werden getekend"
    assert not target.exists()


@pytest.fixture()
def repo_with_edition(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    first = site_repo(root)
    write(root / "site_src/edities/tussenrapport-2023/editie.yml",
          f"titel: Tussenrapport 2023\nsoort: tussenrapport\ndata_ref: {first}\n"
          "datum: 2024-02-01\n")
    write(root / "site_src/edities/tussenrapport-2023/index.md", "# Tussenrapport 2023\n\nTekst.\n")
    commit_all(root, "Add an edition")
    return root


def test_without_chromium_the_build_succeeds_and_says_so(
        repo_with_edition: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "geen" / "chromium"
    monkeypatch.setenv(pdf.ENV, str(missing))
    monkeypatch.chdir(repo_with_edition)
    assert main(["build", "--unencrypted-preview", "--out", str(tmp_path / "site")]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [f"impactmonitor: {pdf.ENV} wijst naar '{missing}', geen "
                                f"uitvoerbaar programma; {SKIPPED}"]
    edition = tmp_path / "site" / "edities" / "tussenrapport-2023"
    assert list(edition.glob("*.pdf")) == []
    page = (edition / "index.html").read_text(encoding="utf-8")
    assert f'<dd class="im-edition-pdf">{pdf.UNAVAILABLE}</dd>' in page
    assert ".pdf" not in page


def test_without_chromium_on_path_the_step_skips_with_one_line(
        built_site: BuiltSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    slug = sorted(edition_titles())[0]
    shutil.copytree(built_site.out / "edities" / slug, site / "edities" / slug,
                    ignore=shutil.ignore_patterns("audit", "*.pdf"))
    monkeypatch.delenv(pdf.ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "leeg"))
    page = site / "edities" / slug / "index.html"
    pdf.print_editions(site, [page])
    assert capsys.readouterr().err.splitlines() == [
        "impactmonitor: Chromium niet gevonden (installeer het Debian-pakket chromium, of zet "
        f"{pdf.ENV}); {SKIPPED}"]
    assert not (page.parent / pdf.pdf_name(slug)).exists()
    assert pdf.UNAVAILABLE in page.read_text(encoding="utf-8")


def test_the_pdf_reads_as_a_report(built_site: BuiltSite) -> None:
    """A title page without a page number, then the contents, then the report with
    "Pagina n van N" on every page, the key figures the edition's page shows, and nothing of
    the site's navigation (pdftotext prints a form feed between pages)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is not installed: `bash .ci/setup` installs poppler-utils")
    for slug, title in edition_titles().items():
        folder = built_site.out / "edities" / slug
        run = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8",
                              str(folder / pdf.pdf_name(slug)), "-"],
                             capture_output=True, text=True, check=True)
        pages = [" ".join(p.split()) for p in run.stdout.split("\f") if p.strip()]
        count = len(pages)
        assert count >= 3
        assert title in pages[0] and "Pagina" not in pages[0]
        assert pages[1].startswith("Inhoud 1. ") and "Kernindicatoren in deze editie" in pages[1]
        for number, text in enumerate(pages[1:], start=2):
            assert f"Pagina {number} van {count}" in text, (number, text[-200:])
        html = (folder / "index.html").read_text(encoding="utf-8")
        key = html[html.index('id="kernindicatoren-in-deze-editie"'):]
        key = key[:key.index("</table>")]
        values = re.findall(r'data-figure-id="[^"]+"><a [^>]*>([^<]+)</a>', key)
        body = " ".join(pages)
        assert values and [v for v in values if v not in body] == []
        assert "Zoeken" not in body and "Inhoudsopgave" not in body
        # A chart's table, folded on screen, is printed, without its toggle.
        if 'class="im-chart-table"' in html:
            assert "Gegevens bij de grafiek:" in body and "Cijfers als tabel" not in body


def test_the_tagged_elements_ids_are_numbered_in_their_order(tmp_path: Path) -> None:
    """Two prints of one page whose DOM node counters differ by two (as a fresh clone's
    first run showed) give the same bytes; order and references are kept."""
    def tagged(offset: int) -> bytes:
        ids = [653 + offset, 654 + offset, 901 + offset]
        elements = b"".join(b"<</Type /StructElem /ID (node%08d)>>\n" % n for n in ids)
        tree = b"/Names [" + b" ".join(b"(node%08d) %d 0 R" % (n, i)
                                       for i, n in enumerate(ids)) + b"]"
        return b"%PDF-1.4\n" + elements + tree + b"\nxref 0 0\n%%EOF\n"

    made = []
    for offset in (0, 2):
        path = tmp_path / f"{offset}.pdf"
        path.write_bytes(tagged(offset))
        pdf.fix_node_ids(path)
        made.append(path.read_bytes())
    assert made[0] == made[1] and len(made[0]) == len(tagged(0))
    assert re.findall(rb"\(node(\d{8})\)", made[0]) == [b"00000001", b"00000002",
                                                           b"00000003"] * 2


def logging_browser(folder: Path, real: str, *, prints: bool = True) -> tuple[Path, Path]:
    """A Chromium that notes each start in a log; with `prints=False` a start to print
    fails at once (as a browser that crashes). `--version` answers either way."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "starts.log"
    script = folder / "chromium"
    run = f'exec "{real}" "$@"' if prints else "exit 1"
    script.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\n'
                      f'case "$*" in *--version*) exec "{real}" --version;; esac\n{run}\n')
    script.chmod(0o755)
    return script, log


def prints_started(log: Path) -> int:
    lines = log.read_text().splitlines() if log.exists() else []
    return sum("--version" not in line for line in lines)


def copied_site(built_site: BuiltSite, site: Path, slug: str) -> Path:
    for part in ("assets", "search", "edities"):
        shutil.copytree(built_site.out / part, site / part)
    (site / "edities" / slug / pdf.pdf_name(slug)).unlink()
    return site / "edities" / slug / "index.html"


def test_a_pdf_of_the_same_page_and_assets_is_reused_without_a_browser(
        built_site: BuiltSite, chromium: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    browser, log = logging_browser(tmp_path / "browser", chromium)
    monkeypatch.setenv(pdf.ENV, str(browser))
    slug = sorted(edition_titles())[0]
    cache = Cache(tmp_path / "cache")
    made = []
    for name in ("a", "b"):  # two builds of the same site, in two folders
        page = copied_site(built_site, tmp_path / name, slug)
        pdf.print_editions(page.parents[2], [page], cache)
        made.append((page.parent / pdf.pdf_name(slug)).read_bytes())
    assert prints_started(log) == 1 and cache.hits["pdf"] == 1
    assert made[0] == made[1] and made[0].startswith(b"%PDF-")

    stylesheet = sorted((tmp_path / "b" / "assets").rglob("*.css"))[0]
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* veranderd */\n",
                          encoding="utf-8")
    pdf.print_editions(tmp_path / "b", [tmp_path / "b" / "edities" / slug / "index.html"], cache)
    assert prints_started(log) == 2, "a changed stylesheet prints the page again"


def test_a_pdf_that_could_not_be_made_is_not_reused(
        built_site: BuiltSite, chromium: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    slug = sorted(edition_titles())[0]
    cache = Cache(tmp_path / "cache")
    broken, _ = logging_browser(tmp_path / "broken", chromium, prints=False)
    monkeypatch.setenv(pdf.ENV, str(broken))
    page = copied_site(built_site, tmp_path / "a", slug)
    pdf.print_editions(tmp_path / "a", [page], cache)
    assert "kon niet worden gemaakt" in capsys.readouterr().err
    assert pdf.UNAVAILABLE in page.read_text(encoding="utf-8")

    working, log = logging_browser(tmp_path / "working", chromium)
    monkeypatch.setenv(pdf.ENV, str(working))
    page = copied_site(built_site, tmp_path / "b", slug)
    pdf.print_editions(tmp_path / "b", [page], cache)
    assert prints_started(log) == 1 and cache.hits["pdf"] == 0
    assert (page.parent / pdf.pdf_name(slug)).read_bytes().startswith(b"%PDF-")
