"""The narrative's template functions, the sandbox and autoescaping (no MkDocs needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.compute.pipeline import compute_snapshot
from generator.site.blocks import PageState
from generator.site.narrative import Narrative, NarrativeError
from generator.publish.sitedata import SiteData, load_site_data
from generator.site.urls import rendering
from generator.sources import open_snapshot
from tests.fixtures.handmade_repo import make_repo
from tests.site.conftest import write

PAGE = "onderzoeksvragen/5.md"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    root = tmp_path_factory.mktemp("repo")
    make_repo(root)
    return load_site_data(compute_snapshot(open_snapshot(root)), k=5)


def render(tmp_path: Path, data: SiteData, source: str) -> str:
    write(tmp_path / PAGE, source)
    with rendering(PAGE):
        return Narrative(tmp_path).render(PAGE, PageState(data, PAGE))


def problem(tmp_path: Path, data: SiteData, source: str) -> NarrativeError:
    with pytest.raises(NarrativeError) as caught:
        render(tmp_path, data, source)
    return caught.value


def test_kpi_is_the_value_of_totaal_at_the_latest_quarter(tmp_path: Path, data: SiteData) -> None:
    html = render(tmp_path, data, 'Bereikt: {{ kpi("deelnemers_bereikt") }}.\n')
    assert html == (
        'Bereikt: <a class="im-figure" href="../../audit/deelnemers_bereikt/totaal/'
        '#deelnemers_bereikt.totaal.2023-Q4" data-figure-id="deelnemers_bereikt.totaal.2023-Q4" '
        'title="Herkomst van dit getal">50</a>.\n')


def test_kpi_of_a_region_period_and_cell(tmp_path: Path, data: SiteData) -> None:
    html = render(tmp_path, data, '{{ kpi("deelnemers_bereikt", regio="noord", periode="2023-Q1") }} '
                                  '{{ kpi("uitstroom_bestemming", bestemming="werk") }} '
                                  '{{ kpi("deelnemers_bereikt", fase="pilot") }}')
    assert 'data-figure-id="deelnemers_bereikt.noord.2023-Q1"' in html
    assert 'data-figure-id="uitstroom_bestemming.totaal.2023-Q4.bestemming=werk"' in html
    assert 'data-figure-id="deelnemers_bereikt.totaal.2023-Q4.fase=pilot"' in html


def test_chart_table_and_words(tmp_path: Path, data: SiteData) -> None:
    html = render(tmp_path, data, '{{ chart("deelnemers_bereikt") }}\n{{ table("uitstroom_bestemming") }}\n'
                                  '{{ doel("deelnemers_bereikt") }} {{ titel("deelnemers_bereikt") }} '
                                  '{{ regio("noord") }} {{ periode() }}')
    assert 'class="im-chart"' in html and 'id="im-deelnemers_bereikt-verloop"' in html
    assert 'data-figure-id="uitstroom_bestemming.noord.2023-Q4.bestemming=werk"' in html
    assert 'data-definition-id="deelnemers_bereikt@1"' in html and ">400</a>" in html
    assert '<a href="../../indicatoren/deelnemers_bereikt/">Deelnemers bereikt</a>' in html
    assert '<a href="../../regios/noord/">Testregio Noord (fictief)</a>' in html
    assert "het vierde kwartaal van 2023" in html


@pytest.mark.parametrize(("source", "line", "words"), [
    ('tekst\n\n{{ kpi("deelnemers") }}\n', 3, "onbekende indicator 'deelnemers'"),
    ('{{ kpi("deelnemers_bereikt", regio="west") }}', 1, "onbekende regio 'west'"),
    ('a\n{{ kpi("deelnemers_bereikt", periode="2030-Q1") }}', 2, "onbekend kwartaal '2030-Q1'"),
    ('{{ kpi("uitstroom_bestemming", bestemming="maan") }}', 1, "geen waarde van 'uitstroom_bestemming'"),
    ('{{ kpi("deelnemers_bereikt", kleur="rood") }}', 1, "niet uit te splitsen naar kleur"),
    ('{{ table("deelnemers_bereikt", uitsplitsing="kleur") }}', 1, "geen uitsplitsing 'kleur'"),
    ('{{ doel("matches_werkgevers", fase="opschaling") }}', 1, "heeft geen doel"),
    ('{{ cijfer("x") }}', 1, "onbekende naam"),
    ('x\n{{ kpi( }}', 2, "fout in de opmaak"),
])
def test_a_wrong_call_names_file_and_line(tmp_path: Path, data: SiteData, source: str,
                                          line: int, words: str) -> None:
    error = problem(tmp_path, data, source)
    assert (error.file, error.line) == (f"site_src/{PAGE}", line)
    assert words in error.problem
    assert error.message.startswith(f"site_src/{PAGE}, regel {line}: ")


@pytest.mark.parametrize("source", [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ kpi.__globals__ }}",
    "{{ kpi.__self__.site.computation }}",
    "{{ cycler.__init__.__globals__.os }}",
])
def test_the_sandbox_refuses_escapes(tmp_path: Path, data: SiteData, source: str) -> None:
    error = problem(tmp_path, data, "ok\n" + source)
    assert error.line == 2


def test_values_from_the_template_are_escaped(tmp_path: Path, data: SiteData) -> None:
    html = render(tmp_path, data, '{{ "<script>alert(1)</script>" }} {{ "<b>" ~ kpi("deelnemers_bereikt") }}')
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;" in html
