"""Safe HTML for pages: every piece of data becomes text, every number an audited element.

Pages are Markdown with raw HTML in it, so a value must be harmless in both languages:
`text()` escapes HTML and also the characters Markdown would act on (`*`, `_`, `[`, a
backtick...), so a region called `[x](javascript:...)` or `<script>` stays a string of
characters. Everything here returns `markupsafe.Markup`, which the narrative's
autoescaping Jinja leaves alone and escapes nothing twice.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.compute.formatting import MISSING, format_value
from generator.compute.lineage import Figure
from generator.indicators.definition import Definition
from generator.publish import disclosure
from generator.site.urls import audit_url, page_url

_MARKDOWN_ACTIVE = {c: f"&#{ord(c)};" for c in "\\`*_{}[]~|"}
"""Characters Markdown and its extensions act on anywhere in a line (emphasis, links, code,
`attr_list`'s `{: onclick=...}`, tables). As numeric entities they show as themselves and
mean nothing to the parser. Line-start syntax (`#`, `-`, `1.`, `>`) cannot occur: text
never contains a line break."""


def text(value: object) -> Markup:
    """Any value as inert text, for HTML and for Markdown alike, on one line."""
    escaped = str(escape(" ".join(str(value).split())))
    return Markup("".join(_MARKDOWN_ACTIVE.get(c, c) for c in escaped))


def attribute(value: object) -> Markup:
    """A value for inside a double-quoted HTML attribute."""
    return escape(str(value))


def formatted(figure: Figure, definition: Definition | None) -> str:
    """The figure's value in Dutch notation, as a reader sees it (plain string)."""
    if figure.suppressed:
        return disclosure.label(figure)
    decimals = definition.decimals if definition else None
    return format_value(figure.value, figure.unit, decimals)


def number(figure: Figure, definition: Definition | None, value: float | None = None) -> Markup:
    """A number linked to its audit entry and marked with its figure id.

    `value` shows another number the audit entry also gives (a low or high scenario) under
    the same id; by default the figure's own value.
    """
    if value is None:
        shown = formatted(figure, definition)
    else:
        shown = format_value(value, figure.unit, definition.decimals if definition else None)
    label = disclosure.note(figure) if figure.suppressed else "Herkomst van dit getal"
    return Markup('<a class="im-figure" href="{href}" data-figure-id="{id}" title="{label}">'
                  '{shown}</a>').format(href=audit_url(figure), id=figure.figure_id,
                                        label=label, shown=text(shown))


def declared(value: float | None, definition: Definition, what: str) -> Markup:
    """A number from a definition (a target, an expectation), not computed from data.

    Marked with the definition it comes from (`id@versie`) instead of a figure id, and
    linked to the indicator's page, where the definition is shown.
    """
    shown = MISSING if value is None else format_value(value, definition.unit, definition.decimals)
    return Markup('<a class="im-declared" href="{href}" data-definition-id="{ref}" '
                  'title="{what} volgens de definitie">{shown}</a>').format(
        href=page_url(indicator_source(definition.id)), ref=f"{definition.id}@{definition.version}",
        what=what, shown=text(shown))


def link(label: object, source: str) -> Markup:
    """A link to another page, by its Markdown source path."""
    return Markup('<a href="{href}">{label}</a>').format(href=page_url(source), label=text(label))


def indicator_source(indicator: str) -> str:
    return f"indicatoren/{indicator}.md"


def region_source(region: str) -> str:
    return f"regios/{region}.md"


def question_source(question: int) -> str:
    return f"onderzoeksvragen/{question}.md"
