"""Property: for every additive indicator `totaal` is the sum of the regions.

Random deliveries (not necessarily valid: additivity must not depend on it) for three
regions, two pilots and one scale-up region; checked for every period and breakdown cell,
and for the split of `totaal` by fase.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import contract
from generator.compute.engine import compute
from generator.compute.lineage import TOTAL
from generator.compute.data_frames import load_tables
from generator.indicators import load_definitions
from generator.indicators.check import read_folder
from tests.fixtures.handmade_repo import REPO_ROOT

PERIODS = ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
REGIONS = {"a": "pilot", "b": "pilot", "c": "opschaling"}
ADDITIVE = [d for d in load_definitions(read_folder(REPO_ROOT)) if d.additive]


def enum(resource: str, column: str) -> st.SearchStrategy[str]:
    return st.sampled_from(contract.field(resource, column)["constraints"]["enum"])


quarter = st.sampled_from(PERIODS)
count = st.integers(0, 40)
optional = st.one_of(st.none(), st.integers(0, 40))
ROWS: dict[str, st.SearchStrategy[dict]] = {
    "trajecten": st.fixed_dictionaries({
        "traject_id": st.sampled_from(["t1", "t2", "t3"]), "naam": st.just("T"),
        "vorm": enum("trajecten", "vorm"), "sector": enum("trajecten", "sector"),
        "aanbieder": enum("trajecten", "aanbieder"), "civiel_effect": enum("trajecten", "civiel_effect"),
        "beschikbaar_vanaf": st.one_of(st.none(), quarter), "status": enum("trajecten", "status")}),
    "instroom": st.fixed_dictionaries({
        "periode": quarter, "traject_id": st.just("t1"), "doelgroep": enum("instroom", "doelgroep"),
        "wervingskanaal": enum("instroom", "wervingskanaal"), "aantal": count}),
    "uitstroom": st.fixed_dictionaries({
        "periode": quarter, "traject_id": st.just("t1"), "bestemming": enum("uitstroom", "bestemming"),
        "aantal": count, "actief_na_6_maanden": optional, "actief_na_12_maanden": optional}),
    "bewijzen": st.fixed_dictionaries({
        "periode": quarter, "traject_id": st.just("t1"), "soort": enum("bewijzen", "soort"),
        "aantal": count}),
    "matches": st.fixed_dictionaries({
        "periode": quarter, "soort": enum("matches", "soort"), "sector": enum("matches", "sector"),
        "aantal": count}),
    "metingen": st.fixed_dictionaries({
        "cohort": quarter, "dimensie": st.sampled_from(contract.REQUIRED_DIMENSIONS),
        "score_t0": st.integers(0, 3), "score_t1": st.one_of(st.none(), st.integers(0, 3)),
        "aantal": st.integers(1, 20)}),
    "kosten": st.fixed_dictionaries({
        "periode": quarter, "kostensoort": enum("kosten", "kostensoort"),
        "financier": enum("kosten", "financier"),
        "bedrag_eur": st.integers(0, 10**7).map(lambda cents: cents / 100)}),
    "factoren": st.fixed_dictionaries({
        "periode": quarter, "bron": enum("factoren", "bron"), "thema": enum("factoren", "thema"),
        "factor": st.sampled_from(["Korte lijnen", "korte lijnen", "Reistijd"]),
        "richting": enum("factoren", "richting"), "vermeldingen": st.integers(1, 9)}),
}
region_data = st.fixed_dictionaries({name: st.lists(rows, max_size=6) for name, rows in ROWS.items()})


def to_csv(resource: str, rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, contract.field_names(resource), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
    return out.getvalue().encode()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({region: region_data for region in REGIONS}))
def test_totaal_is_the_sum_of_the_regions(deliveries: dict[str, dict[str, list[dict]]]) -> None:
    register = "regio_id,naam,arbeidsmarktregio,pilot_start,fase\n" + "".join(
        f"{r},{r},AM01,2023-Q1,{fase}\n" for r, fase in REGIONS.items())
    files = {"data/regios.csv": register.encode()}
    for region, resources in deliveries.items():
        for resource, rows in resources.items():
            files[f"data/{region}/{resource}.csv"] = to_csv(resource, rows)
    figures = compute(load_tables(files), ADDITIVE, PERIODS)

    sums: dict[tuple, float] = defaultdict(float)
    totals: dict[tuple, float] = {}
    for f in figures:
        cells = tuple(c for c in f.breakdown if c[0] != "fase")
        phase = dict(f.breakdown).get("fase")
        if f.region == TOTAL:
            totals[(f.indicator, f.period, cells, phase)] = f.value
        else:
            sums[(f.indicator, f.period, cells, None)] += f.value
            if not cells:
                sums[(f.indicator, f.period, cells, REGIONS[f.region])] += f.value
    assert totals.keys() == sums.keys()
    for key, total in totals.items():
        assert total == pytest.approx(sums.get(key, 0), abs=1e-6), key
