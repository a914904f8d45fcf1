"""The build information page: commits, build date, tools, validation, and the manifests.

Everything it states comes from the build's one `BuildFacts`, the same record the
manifests and the audit pages read. The machine-readable provenance (manifest and
PROV-JSON per data state) is published beside it and linked from it. Its last section
explains the audit pages once (`pages.audit.ABOUT`), which every audit page links.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.compute.formatting import dutch
from generator.provenance.environment import Commit
from generator.provenance.facts import BuildFacts
from generator.site.markup import text
from generator.site.outputs import Output, Page, SiteInputs
from generator.site.pages import audit
from generator.site.provenance_files import PublishedTree, provenance_files
from generator.site.words import dutch_date

SOURCE = "bouwinformatie.md"


def build(site: SiteInputs) -> list[Output]:
    facts = site.facts
    published = provenance_files(site)
    parts = ["# Bouwinformatie", "",
             "Waarmee deze site is gemaakt. Twee bouwsels van dezelfde commit zijn byte voor "
             "byte gelijk: de bouwdatum is de datum van de commit, niet de klok.", "",
             "## Commits", "", commits_table(site), "",
             "## Validatie van de gegevens", "", f"{text(facts.validation_text)}", ""]
    if facts.warnings:
        parts += [f"- {text(w)}" for w in facts.warnings] + [""]
    parts += ["## Instellingen", "",
              f"- Onthullingscontrole: cellen in uitsplitsingen met 1 tot en met "
              f"{site.live.k - 1} worden getoond als {text(f'<{site.live.k}')} "
              f"(k = {site.live.k}).",
              "",
              "## Versies", "", versions_table(facts), "",
              *provenance_section(published.trees),
              "## Over de herkomstpagina's", "", *(f"{p}\n" for p in audit.ABOUT)]
    return [Page(SOURCE, "Bouwinformatie", "\n".join(parts) + "\n", ""), *published.downloads]


def commits_table(site: SiteInputs) -> str:
    facts = site.facts
    rows = [("Gegevens en definities", _commit(facts.data, "werkmap met niet-vastgelegde "
                                                             "wijzigingen")),
            ("Laatste wijziging in data/ of indicators/", _commit(facts.data_changed, "–")),
            ("Code (het pakket generator)", facts.code_commit or "onbekend (niet uit een Git-werkmap)"),
            ("Teksten en instellingen (HEAD)",
             _commit(facts.head, "geen commit") + (" met niet-vastgelegde wijzigingen"
                                                   if facts.head_dirty else "")),
            ("Bouwdatum (datum van de commit)", dutch_date(facts.built))]
    if facts.data_ref:
        rows.insert(0, ("Gevraagde ref", facts.data_ref))
    for edition in site.editions:
        rows.append((f"Editie: {edition.meta.title}",
                     f"{edition.commit} (data_ref {edition.meta.data_ref})"))
    body = Markup("").join(Markup('<tr><th scope="row">{}</th><td><code>{}</code></td></tr>')
                           .format(name, value) for name, value in rows)
    return str(Markup('<table class="im-table im-buildinfo"><caption>Commits en datum'
                      '</caption><tbody>{}</tbody></table>').format(body))


def _commit(commit: Commit | None, missing: str) -> str:
    if commit is None:
        return missing
    return f"{commit.sha} ({dutch_date(commit.date)})"


def versions_table(facts: BuildFacts) -> str:
    body = Markup("").join(Markup('<tr><th scope="row">{}</th><td>{}</td></tr>').format(n, v)
                           for n, v in facts.tool_versions.items())
    return str(Markup('<table class="im-table im-buildinfo"><caption>Gereedschap</caption>'
                      '<thead><tr><th scope="col">Pakket</th><th scope="col">Versie</th></tr>'
                      '</thead><tbody>{}</tbody></table>').format(body))


def provenance_section(trees: list[PublishedTree]) -> list[str]:
    """Links to each index and PROV document (Markdown links: MkDocs checks and rewrites
    them), with the index's SHA-256."""
    lines = ["## Herkomst voor auditors", "",
             "Elk getal van deze site staat met zijn herkomst in een manifest (JSON: waarde, "
             "bronbestanden met Git-blob-id en rijen, commits); W3C PROV-JSON zegt het voor "
             "eigen gereedschap per deelbestand: uit welke bestanden het is afgeleid en door "
             "welke berekening. Het manifest is een index met de commits en de bouwgegevens, die "
             "per indicator en regio een deelbestand met de getallen en een met zijn PROV-JSON "
             "noemt, elk met zijn SHA-256; een deelbestand dat ongewijzigd is sinds een editie, "
             "staat er één keer in. `impactmonitor verify` controleert die SHA-256's en rekent "
             "elk getal na vanuit de commit die het manifest noemt.", ""]
    for tree in trees:
        commit = f"commit `{tree.data_commit}`" if tree.data_commit else "de werkmap"
        lines.append(f"- {text(tree.label)} (gegevens van {commit}): "
                     f"[manifest]({tree.manifest}) met {dutch(tree.figures, 0)} figuren in "
                     f"{dutch(tree.parts, 0)} deelbestanden, SHA-256 `{tree.sha256}`; "
                     f"[PROV-JSON van de bouw]({tree.prov})")
    return lines + [""]
