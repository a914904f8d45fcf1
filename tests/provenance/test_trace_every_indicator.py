"""`trace` gives exactly the value a build computes, for every indicator of the example data.

The build's value comes from computing everything (all quarters, all breakdowns); `trace`
computes only the figure's indicator and quarter. Equality is exact: the site shows the
build's number and an auditor must get the same one.
"""

from __future__ import annotations

import pytest

from generator.compute.pipeline import Computation
from generator.indicators import load_definitions
from generator.provenance.trace import Trace, trace
from generator.publish.sitedata import load_site_data
from generator.sources import open_snapshot
from tests.provenance.conftest import REPO_ROOT, ExampleRepo

INDICATORS = sorted(d.id for d in load_definitions(open_snapshot(REPO_ROOT).files))


def chosen(build: Computation, indicator: str) -> list[str]:
    """`totaal` at the latest quarter, a region (or `totaal`) at a quarter in the middle,
    and a breakdown cell there (a column's if the indicator has one, else the fase split):
    scopes, quarters and cells all occur."""
    figures = [f for f in build.figures if f.indicator == indicator]
    latest, middle = build.periods[-1], build.periods[len(build.periods) // 2]
    at_middle = [f for f in figures if f.period == middle]
    ids = [next(f for f in figures if f.region == "totaal" and f.period == latest).figure_id]
    scopes = [f for f in at_middle if f.region != "totaal" and not f.breakdown] or at_middle
    ids.append(scopes[0].figure_id)
    cells = ([f for f in at_middle if any(k not in ("fase", "doel") for k, _ in f.breakdown)]
             or [f for f in at_middle if f.breakdown])
    ids += [f.figure_id for f in cells[:1]]
    return list(dict.fromkeys(ids))


def test_every_indicator_is_covered(example_build: Computation) -> None:
    assert INDICATORS == sorted({f.indicator for f in example_build.figures})
    assert all(len(chosen(example_build, indicator)) >= 2 for indicator in INDICATORS)


@pytest.mark.slow
@pytest.mark.parametrize("indicator", INDICATORS)
def test_trace_recomputes_the_builds_value(indicator: str, example_repo: ExampleRepo,
                                           example_build: Computation) -> None:
    built = {f.figure_id: f for f in example_build.figures}
    for figure_id in chosen(example_build, indicator):
        result = trace(example_repo.root, figure_id, example_repo.first, validate=False)
        assert isinstance(result, Trace), figure_id
        assert result.figure.value == built[figure_id].value, figure_id
        assert type(result.figure.value) is type(built[figure_id].value), figure_id
        assert result.figure.sources == built[figure_id].sources, figure_id
        assert result.rows_only_matches, figure_id
        assert result.ok


@pytest.mark.slow
def test_trace_recomputes_the_sites_derived_figures(example_repo: ExampleRepo,
                                                    example_build: Computation) -> None:
    """Context rows and Monte Carlo percentiles carry figure ids on the site too."""
    site = {f.figure_id: f for f in load_site_data(example_build, k=5).figures}
    derived = [i for i in site if i.startswith("context.")][:1]
    derived += [i for i in site if ".montecarlo=" in i]
    # 1 context row + P5/P50/P95 of 6 model indicators for 2 regions and totaal, except the
    # projection at scale, which exists only for totaal: 1 + 3 × (6 × 3 − 2) = 49
    assert len(derived) == 49
    assert any(".voorbeeld-noord." in i for i in derived if ".montecarlo=" in i)
    for figure_id in derived:
        result = trace(example_repo.root, figure_id, example_repo.first, validate=False)
        assert isinstance(result, Trace), figure_id
        assert result.figure.value == site[figure_id].value, figure_id
        assert result.rows_only_matches, figure_id
