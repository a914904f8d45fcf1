"""One page per research question (1-6): the researchers' narrative, then its indicators.

The narrative is `site_src/onderzoeksvragen/<n>.md`; its first heading is the question as
the page shows it. Without a narrative the page still lists the indicators.
"""

from __future__ import annotations

from generator.compute.formatting import format_period
from generator.compute.lineage import TOTAL
from generator.indicators.definition import AttainmentRule, Definition
from generator.site import blocks
from generator.site.blocks import PageState
from generator.site.markup import indicator_source, link, question_source, text
from generator.site.outputs import Output, Page, SiteInputs, page_state

QUESTIONS = range(1, 7)
SECTION = "Onderzoeksvragen"
NARRATIVE = "onderzoeksvragen/{n}.md"


def build(site: SiteInputs) -> list[Output]:
    pages = [question_page(site, n) for n in QUESTIONS]
    listing = ["# Onderzoeksvragen", "",
               "De monitor beantwoordt zes onderzoeksvragen. Elke pagina geeft het verhaal "
               "van de onderzoekers en de indicatoren die de vraag beantwoorden.", ""]
    listing += [f"{n}. [{page.title}]({n}.md)" for n, page in zip(QUESTIONS, pages)]
    index = Page("onderzoeksvragen/index.md", "Overzicht", "\n".join(listing) + "\n", SECTION)
    return [index, *pages]


def question_page(site: SiteInputs, n: int) -> Page:
    source = question_source(n)
    with page_state(site.live, source) as state:
        title, body = f"Onderzoeksvraag {n}", ""
        if site.narrative.exists(NARRATIVE.format(n=n)):
            title, body = split_title(site.narrative.render(NARRATIVE.format(n=n), state), title)
        parts = [f"# {title}", "", body.strip(), ""]
        answering = [d for d in site.live.definitions
                     if d.question == n and not isinstance(d.rule, AttainmentRule)]
        if answering:
            parts += ["## Indicatoren bij deze vraag", ""]
            parts += [indicator_section(state, d) for d in answering]
        if n == 6:
            parts += ["Zie ook de pagina [Economisch effect](../economisch-effect/index.md) "
                      "met de gevoeligheid en de onzekerheid van de uitkomsten.", ""]
        return Page(source, short_title(title, n), "\n".join(parts) + "\n", SECTION, state.shown)


def split_title(markdown: str, default: str) -> tuple[str, str]:
    """The first `# ` heading as the title, and the rest."""
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return line[2:].strip(), "\n".join(lines[:i] + lines[i + 1:])
        if line.strip():
            break
    return default, markdown


def short_title(title: str, n: int) -> str:
    """For the navigation: `Vraag 5` and the question's first words."""
    question = title.split(":", 1)[1].strip() if ":" in title else title
    return f"{n}. {question}"


def indicator_section(state: PageState, definition: Definition) -> str:
    data = state.site
    parts = [f"### {text(definition.title)}", "", f"{text(definition.description)}", ""]
    headline = data.figure(definition.id, TOTAL, data.latest or "")
    if headline is not None:
        parts += [f"Alle regio's samen, tot en met {format_period(data.latest or '')}: "
                  f"**{blocks.value(state, headline)}**. "
                  f"Definitie, doelen en kanttekeningen: "
                  f"{link(definition.title, indicator_source(definition.id))}.", ""]
    parts += blocks.overview_trend(state, definition)
    breakdowns = data.breakdowns(definition)
    if breakdowns and data.latest:
        parts += [blocks.breakdown_table(state, definition, breakdowns[0], data.latest), ""]
    return "\n".join(parts)
