"""The researchers' narrative: Markdown files in `site_src/` with live figures.

A narrative file is a Jinja2 template, rendered in a sandbox with autoescaping, before
MkDocs turns it into HTML. Researchers never type a number; they write

    {{ kpi("deelnemers_bereikt") }}                                  the latest value of totaal
    {{ kpi("deelnemers_bereikt", regio="voorbeeld-noord", periode="2025-Q4") }}
    {{ kpi("uitstroom_bestemming", bestemming="werk") }}             one breakdown cell
    {{ chart("deelnemers_bereikt") }}                                 every region over time
    {{ chart("uitstroom_bestemming", uitsplitsing="bestemming") }}    cells at the latest quarter
    {{ table("uitstroom_bestemming") }}                               first breakdown x regions
    {{ doel("deelnemers_bereikt") }}   {{ titel("deelnemers_bereikt") }}
    {{ regio("voorbeeld-noord") }}     {{ periode() }}

The functions are `TemplateFunctions` below. Anything unknown (indicator, region, period,
cell) stops the build with the file and line. The sandbox refuses attribute tricks such
as `{{ ''.__class__ }}`, and with autoescaping no value can add HTML: only the functions'
own output (Markup) is HTML.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from generator.errors import UserError
from generator.paths import SITE_SRC
from generator.site.blocks import PageState
from generator.site.functions import NarrativeProblem, TemplateFunctions


class NarrativeError(UserError):
    """A narrative file cannot be rendered; the message names the file and line."""

    def __init__(self, file: str, line: int | None, problem: str) -> None:
        where = f"{file}, regel {line}" if line else file
        super().__init__(f"{where}: {problem}")
        self.file, self.line, self.problem = file, line, problem


class Narrative:
    """Renders files under `root` (the repository's `site_src/`)."""

    def __init__(self, root: Path, shown_root: str = SITE_SRC) -> None:
        self.root = root
        self.shown_root = shown_root
        """How files are named in error messages (repo-relative)."""
        self.env = ImmutableSandboxedEnvironment(
            loader=jinja2.FileSystemLoader(str(root)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            auto_reload=False,
        )

    def exists(self, name: str) -> bool:
        return (self.root / name).is_file()

    def render(self, name: str, state: PageState) -> str:
        """The Markdown of `name` (a path under the root) with every function call filled in."""
        shown = f"{self.shown_root}/{name}"
        try:
            template = self.env.get_template(name)
        except jinja2.TemplateSyntaxError as error:
            raise NarrativeError(shown, error.lineno, f"fout in de opmaak: {error.message}") from None
        functions = TemplateFunctions(state)
        try:
            return template.render(functions.namespace())
        except NarrativeProblem as problem:
            raise NarrativeError(shown, _line(problem, template), problem.message) from None
        except SecurityError as error:
            raise NarrativeError(shown, _line(error, template),
                                 f"niet toegestaan in een tekst: {error}") from None
        except jinja2.UndefinedError as error:
            raise NarrativeError(shown, _line(error, template),
                                 f"onbekende naam: {error.message}. Gebruik alleen de "
                                 f"functies {', '.join(functions.names())}.") from None
        except jinja2.TemplateError as error:
            raise NarrativeError(shown, _line(error, template), str(error)) from None
        except TypeError as error:  # wrong arguments to a function
            raise NarrativeError(shown, _line(error, template),
                                 f"verkeerde argumenten: {error}") from None


def _line(error: BaseException, template: jinja2.Template) -> int | None:
    """The template line the error happened on: Jinja rewrites tracebacks so that frames of
    template code carry the template's file name and line."""
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == template.filename:
            line = frame.lineno
    return line
