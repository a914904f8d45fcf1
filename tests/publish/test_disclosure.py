"""Disclosure control on groups worked out by hand."""

from __future__ import annotations

import pytest

from generator.compute.lineage import TOTAL, Figure, SourceRows
from generator.publish import disclosure

PERIOD = "2026-Q2"
SOURCE = (SourceRows("data/noord/uitstroom.csv", "ab" * 20, (2, 3)),)


def cell(value: float | None, category: str = "", region: str = TOTAL, unit: str = "aantal",
         key: str = "bestemming", indicator: str = "uitstroom_bestemming") -> Figure:
    breakdown = ((key, category),) if category else ()
    return Figure(indicator, "1", region, PERIOD, value, unit, breakdown, SOURCE, "c" * 40)


def shown(figures: list[Figure]) -> list[tuple[str, float | None, str]]:
    """(figure id without indicator and period, value, label) per figure."""
    return [(f.figure_id.replace("uitstroom_bestemming.", "").replace(f".{PERIOD}", ""),
             f.value, disclosure.label(f) if f.suppressed else "") for f in figures]


def test_one_small_cell_is_hidden_with_the_next_smallest() -> None:
    figures = [cell(73), cell(50, "werk"), cell(3, "mbo"), cell(20, "geen")]
    assert shown(disclosure.apply(figures)) == [
        ("totaal", 73, ""),
        ("totaal.bestemming=werk", 50, ""),
        ("totaal.bestemming=mbo", None, "<5"),
        ("totaal.bestemming=geen", None, "x"),   # 73 - 50 would give mbo away
    ]


def test_two_small_cells_protect_each_other() -> None:
    figures = [cell(73), cell(60, "werk"), cell(3, "mbo"), cell(2, "geen"), cell(8, "vervolg")]
    assert shown(disclosure.apply(figures)) == [
        ("totaal", 73, ""),
        ("totaal.bestemming=werk", 60, ""),
        ("totaal.bestemming=mbo", None, "<5"),
        ("totaal.bestemming=geen", None, "<5"),
        ("totaal.bestemming=vervolg", 8, ""),
    ]


def test_zeros_are_shown_and_never_chosen_as_the_second_cell() -> None:
    figures = [cell(83), cell(70, "werk"), cell(0, "mbo"), cell(3, "geen"), cell(0, "onbekend"),
               cell(10, "vervolg")]
    assert shown(disclosure.apply(figures)) == [
        ("totaal", 83, ""),
        ("totaal.bestemming=werk", 70, ""),
        ("totaal.bestemming=mbo", 0, ""),
        ("totaal.bestemming=geen", None, "<5"),
        ("totaal.bestemming=onbekend", 0, ""),
        ("totaal.bestemming=vervolg", None, "x"),
    ]


def test_a_small_cell_that_is_the_whole_total_gets_no_partner() -> None:
    # The total (3) is shown exactly anyway; hiding a zero beside it would protect nothing.
    figures = [cell(3), cell(0, "werk"), cell(3, "mbo")]
    assert shown(disclosure.apply(figures)) == [
        ("totaal", 3, ""), ("totaal.bestemming=werk", 0, ""), ("totaal.bestemming=mbo", None, "<5")]


@pytest.mark.parametrize(("k", "expected"), [
    (10, [("totaal", 78, ""), ("totaal.bestemming=werk", 50, ""),
          ("totaal.bestemming=mbo", None, "<10"), ("totaal.bestemming=geen", None, "x")]),
    (3, [("totaal", 78, ""), ("totaal.bestemming=werk", 50, ""),
         ("totaal.bestemming=mbo", 8, ""), ("totaal.bestemming=geen", 20, "")]),
    (1, [("totaal", 78, ""), ("totaal.bestemming=werk", 50, ""),
         ("totaal.bestemming=mbo", 8, ""), ("totaal.bestemming=geen", 20, "")]),
])
def test_k_is_configurable(k: int, expected: list[tuple[str, float | None, str]]) -> None:
    figures = [cell(78), cell(50, "werk"), cell(8, "mbo"), cell(20, "geen")]
    assert shown(disclosure.apply(figures, k=k)) == expected


def test_k_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        disclosure.apply([], k=0)


def test_totals_euros_percentages_and_fase_splits_are_untouched() -> None:
    figures = [
        cell(3, region="noord"),                                    # a region's total
        cell(2, "pilot", key="fase"),                               # sum of whole regions
        cell(4, "werk", unit="euro", indicator="kosten"),
        cell(1.5, "werk", unit="procent", indicator="actief"),
        cell(2, "werk", unit="score", indicator="borging"),
    ]
    assert disclosure.apply(figures) == figures


def test_a_hidden_figure_carries_no_value_but_keeps_its_lineage() -> None:
    hidden = disclosure.apply([cell(10), cell(7, "werk"), cell(3, "mbo")])[2]
    assert (hidden.value, hidden.suppressed, hidden.sources, hidden.commit) == (
        None, True, SOURCE, "c" * 40)
    assert dict(hidden.extra) == {"onderdrukking": "klein aantal", "onderdrukking_k": 5}
    assert disclosure.note(hidden) == (
        "Niet getoond: een klein aantal (minder dan 5) kan naar personen herleidbaar zijn.")


def test_a_cell_hidden_in_one_region_is_protected_across_regions() -> None:
    # noord: werk 40 + mbo 3 = 43; zuid: 30 + 12 = 42; totaal: 70 + 15 = 85.
    # noord mbo is small -> noord werk (its row) and zuid mbo (its column, 15 - 12) go too,
    # and then zuid werk, or 70 - 30 would give noord werk and so noord mbo away.
    figures = [cell(43, region="noord"), cell(40, "werk", "noord"), cell(3, "mbo", "noord"),
               cell(42, region="zuid"), cell(30, "werk", "zuid"), cell(12, "mbo", "zuid"),
               cell(85), cell(70, "werk"), cell(15, "mbo")]
    assert shown(disclosure.apply(figures)) == [
        ("noord", 43, ""), ("noord.bestemming=werk", None, "x"), ("noord.bestemming=mbo", None, "<5"),
        ("zuid", 42, ""), ("zuid.bestemming=werk", None, "x"), ("zuid.bestemming=mbo", None, "x"),
        ("totaal", 85, ""), ("totaal.bestemming=werk", 70, ""), ("totaal.bestemming=mbo", 15, ""),
    ]


def test_cells_under_a_published_marginal_of_a_cross_table() -> None:
    def cross(value: int, richting: str, factor: str = "") -> Figure:
        breakdown = (("richting", richting),) + ((("factor", factor),) if factor else ())
        return Figure("factoren", "1", TOTAL, PERIOD, value, "aantal", breakdown)

    figures = [Figure("factoren", "1", TOTAL, PERIOD, 60, "aantal"),
               cross(30, "bevorderend"), cross(30, "belemmerend"),
               cross(12, "bevorderend", "netwerk"), cross(3, "bevorderend", "taal"),
               cross(15, "bevorderend", "werkgever"),
               cross(10, "belemmerend", "netwerk"), cross(20, "belemmerend", "taal")]
    result = disclosure.apply(figures)
    hidden = [f.figure_id.split(".", 3)[3] for f in result if f.suppressed]
    # taal (3) is small; bevorderend = 30 is shown, so netwerk (12, the smallest of its row)
    # must go with it; then the headline group (all five cells = 60) holds two hidden cells.
    assert hidden == ["richting=bevorderend.factor=netwerk", "richting=bevorderend.factor=taal"]


def test_equal_candidates_are_chosen_by_figure_id() -> None:
    figures = [cell(43), cell(20, "werk"), cell(3, "mbo"), cell(20, "geen")]
    assert [f.figure_id for f in disclosure.apply(figures) if f.suppressed] == [
        "uitstroom_bestemming.totaal.2026-Q2.bestemming=mbo",
        "uitstroom_bestemming.totaal.2026-Q2.bestemming=geen"]


def test_apply_is_idempotent() -> None:
    figures = [cell(43, region="noord"), cell(40, "werk", "noord"), cell(3, "mbo", "noord"),
               cell(42, region="zuid"), cell(30, "werk", "zuid"), cell(12, "mbo", "zuid"),
               cell(85), cell(70, "werk"), cell(15, "mbo")]
    once = disclosure.apply(figures)
    twice = disclosure.apply(once)
    assert twice == once
    assert [dict(f.extra) for f in twice] == [dict(f.extra) for f in once]


def test_hiding_the_very_same_figures_again_gives_the_very_same_copies() -> None:
    """A serving process hands the figures of unchanged regions to every rebuild as the
    same objects: their hidden copies are the same objects too (later stages keep by
    identity), and a figure that changed gets a copy of its own."""
    noord = [cell(43, region="noord"), cell(40, "werk", "noord"), cell(3, "mbo", "noord")]
    zuid = [cell(42, region="zuid"), cell(30, "werk", "zuid"), cell(12, "mbo", "zuid")]
    first = disclosure.apply(noord + zuid + [cell(85), cell(70, "werk"), cell(15, "mbo")])
    changed = [cell(43, region="noord"), cell(39, "werk", "noord"), cell(4, "mbo", "noord")]
    again = disclosure.apply(changed + zuid + [cell(85), cell(69, "werk"), cell(16, "mbo")])
    hidden_zuid = [f for f in first[3:6] if f.suppressed]
    assert hidden_zuid and all(a is b for a, b in zip(first[3:6], again[3:6]))
    assert again[2].suppressed and again[2] is not first[2]
    assert dict(again[2].extra)[disclosure.REASON_KEY] == disclosure.PRIMARY
    # Hidden for another reason (or with another k), a figure gets another copy.
    other_k = disclosure.apply(noord + zuid + [cell(85), cell(70, "werk"), cell(15, "mbo")], 13)
    assert other_k[5].suppressed and other_k[5] is not first[5]
    assert dict(other_k[5].extra)[disclosure.K_KEY] == 13
