"""Data tables and CSV downloads: exact HTML, Dutch formats, escaping, hidden values."""

from __future__ import annotations

import pytest

from generator.compute.lineage import Figure
from generator.publish import disclosure
from generator.site.data_tables import figure_table, figure_text, figures_csv
from generator.site.urls import audit_url

PERIOD = "2026-Q2"


def fig(value: float | None, unit: str = "aantal", indicator: str = "deelnemers_bereikt",
        region: str = "totaal", breakdown: tuple[tuple[str, str], ...] = (),
        suppressed: bool = False) -> Figure:
    return Figure(indicator, "1", region, PERIOD, value, unit, breakdown, suppressed=suppressed)


def test_a_small_table_exactly() -> None:
    count = fig(1234)
    hidden = disclosure.apply([fig(20), fig(17, breakdown=(("doelgroep", "a"),)),
                               fig(3, breakdown=(("doelgroep", "b"),))])[2]
    html = figure_table([["Noord", count], ["Zuid", hidden]], ["Regio", "Aantal"],
                        caption="Deelnemers")
    assert html == "\n".join([
        '<div class="im-table-wrap" role="region" tabindex="0" aria-label="Deelnemers">',
        '<table class="im-table">',
        "<caption>Deelnemers</caption>",
        '<thead><tr><th scope="col">Regio</th> <th scope="col">Aantal</th></tr></thead>',
        "<tbody>",
        '<tr><th scope="row">Noord</th> <td class="im-figure" '
        'data-figure-id="deelnemers_bereikt.totaal.2026-Q2">'
        f'<a href="{audit_url(count)}">1.234</a></td></tr>',
        '<tr><th scope="row">Zuid</th> <td class="im-figure im-suppressed" '
        'data-figure-id="deelnemers_bereikt.totaal.2026-Q2.doelgroep=b">'
        f'<a href="{audit_url(hidden)}" title="Niet getoond: een klein aantal (minder dan 5) '
        'kan naar personen herleidbaar zijn.">&lt;5</a></td></tr>',
        "</tbody>",
        "</table>",
        "</div>",
    ])


@pytest.mark.parametrize(("value", "unit", "text"), [
    (1234, "aantal", "1.234"), (12.5, "procent", "12,5%"), (1234, "euro", "€ 1.234"),
    (None, "aantal", "–"),
])
def test_cells_show_dutch_formats(value: float | None, unit: str, text: str) -> None:
    html = figure_table([["x", fig(value, unit)]], ["", "Waarde"], caption="c")
    assert f">{text}</a></td>" in html


def test_a_hidden_value_appears_nowhere() -> None:
    # Even a figure marked hidden without going through disclosure.apply keeps its value in.
    hidden = fig(1234, breakdown=(("doelgroep", "a"),), suppressed=True)
    html = figure_table([["a", hidden]], ["Doelgroep", "Aantal"], caption="c")
    assert "1234" not in html and "1.234" not in html
    assert ">&lt;5</a>" in html and figure_text(hidden) == "<5"


def test_text_is_escaped_everywhere() -> None:
    evil = '<script>alert("x")</script>'
    html = figure_table([[evil, evil, fig(1)]], [evil, evil, evil], caption=evil)
    assert "<script" not in html
    assert 'aria-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' in html
    assert '<th scope="row">&lt;script&gt;alert("x")&lt;/script&gt;</th>' in html
    assert '<td>&lt;script&gt;alert("x")&lt;/script&gt;</td>' in html


def test_a_row_of_the_wrong_width_is_refused() -> None:
    with pytest.raises(ValueError, match="row 2 has 1 cells, the header 2"):
        figure_table([["a", "b"], ["c"]], ["x", "y"], caption="c")


def test_csv_download_is_sorted_machine_readable_and_hides_values() -> None:
    figures = [
        fig(12.5, "procent", indicator="actief", region="noord"),
        fig(None, breakdown=(("bestemming", "mbo"),), suppressed=True),
        fig(1234.0, breakdown=(("bestemming", "werk, fulltime"),)),
        fig(1240),
        fig(3, region="noord", suppressed=True),
    ]
    assert figures_csv(figures) == (
        "indicator,regio,periode,uitsplitsing,waarde,eenheid,figure_id,onderdrukt\n"
        "actief,noord,2026-K2,,12.5,procent,actief.noord.2026-Q2,nee\n"
        "deelnemers_bereikt,totaal,2026-K2,,1240,aantal,deelnemers_bereikt.totaal.2026-Q2,nee\n"
        "deelnemers_bereikt,totaal,2026-K2,bestemming=mbo,,aantal,"
        "deelnemers_bereikt.totaal.2026-Q2.bestemming=mbo,ja\n"
        'deelnemers_bereikt,totaal,2026-K2,"bestemming=werk, fulltime",1234,aantal,'
        '"deelnemers_bereikt.totaal.2026-Q2.bestemming=werk, fulltime",nee\n'
        "deelnemers_bereikt,noord,2026-K2,,,aantal,deelnemers_bereikt.noord.2026-Q2,ja\n"
    )
    assert figures_csv(list(reversed(figures))) == figures_csv(figures)


@pytest.mark.parametrize(("value", "written"), [
    (4.966118102613746e-06, "0.000004966118102613746"), (1.5e-7, "0.00000015"),
    (1e22, "10000000000000000000000"), (0.1, "0.1"), (-2.5, "-2.5")])
def test_csv_numbers_never_use_e_notation(value: float, written: str) -> None:
    row = figures_csv([fig(value, "procent")]).splitlines()[1].split(",")
    assert row[4] == written and float(row[4]) == value
