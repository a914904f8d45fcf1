"""The build information page: which commits, when, with which tools, and validation."""

from __future__ import annotations

from markupsafe import Markup

from generator.site.buildinfo import BuildInfo, Commit, dutch_date
from generator.site.markup import text
from generator.site.pages import Output, Page, SiteInputs

SOURCE = "bouwinformatie.md"


def build(site: SiteInputs) -> list[Output]:
    info = site.info
    parts = ["# Bouwinformatie", "",
             "Waarmee deze site is gemaakt. Twee bouwsels van dezelfde commit zijn byte voor "
             "byte gelijk: de bouwdatum is de datum van de commit, niet de klok.", "",
             "## Commits", "", commits_table(site), "",
             "## Validatie van de gegevens", "", f"{text(info.validation)}", ""]
    if info.warnings:
        parts += [f"- {text(w)}" for w in info.warnings] + [""]
    parts += ["## Instellingen", "",
              f"- Onthullingscontrole: cellen in uitsplitsingen met 1 tot en met "
              f"{site.live.k - 1} worden getoond als {text(f'<{site.live.k}')} "
              f"(k = {site.live.k}).",
              "",
              "## Versies", "", versions_table(info), ""]
    return [Page(SOURCE, "Bouwinformatie", "\n".join(parts) + "\n", "")]


def commits_table(site: SiteInputs) -> str:
    info = site.info
    rows = [("Gegevens en definities", _commit(info.data, "werkmap met niet-vastgelegde "
                                                            "wijzigingen")),
            ("Laatste wijziging in data/ of indicators/", _commit(info.data_changed, "–")),
            ("Code, teksten en instellingen (HEAD)",
             _commit(info.code, "geen commit") + (" met niet-vastgelegde wijzigingen"
                                                  if info.code_dirty else "")),
            ("Bouwdatum (datum van de commit)", dutch_date(info.built))]
    if info.ref:
        rows.insert(0, ("Gevraagde ref", info.ref))
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


def versions_table(info: BuildInfo) -> str:
    body = Markup("").join(Markup('<tr><th scope="row">{}</th><td>{}</td></tr>').format(n, v)
                           for n, v in info.versions)
    return str(Markup('<table class="im-table im-buildinfo"><caption>Gereedschap</caption>'
                      '<thead><tr><th scope="col">Pakket</th><th scope="col">Versie</th></tr>'
                      '</thead><tbody>{}</tbody></table>').format(body))
