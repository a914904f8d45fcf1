"""In Chromium every page of the example site loads cleanly, from this machine only, and
every chart draws."""

from __future__ import annotations

from tests.browser.conftest import BuiltSite
from tests.browser.crawler import Crawl

# Pages every build has; the crawl must reach them through the site's own links.
EXPECTED = ("", "onderzoeksvragen/", "regios/", "indicatoren/", "economisch-effect/",
            "edities/", "gegevenslevering/", "bouwinformatie/")


def listed(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{url}\n    " + "\n    ".join(found) for url, found in problems.items())


def test_the_crawl_reaches_every_kind_of_page(crawl: Crawl, built_site: BuiltSite) -> None:
    reached = {url.removeprefix(crawl.base) for url in crawl.pages}
    assert [url for url in EXPECTED if url not in reached] == []
    editions = [p.parent.relative_to(built_site.out).as_posix() + "/"
                for p in built_site.out.glob("edities/*/index.html")]
    assert editions and [url for url in editions if url not in reached] == []
    assert any(url.startswith("regios/") and url != "regios/" for url in reached)
    assert any(url.startswith("audit/") for url in reached)
    print(f"{len(crawl.pages)} pages in {crawl.seconds:.1f} s")


def test_every_page_loads_without_console_errors_or_failed_requests(crawl: Crawl) -> None:
    problems = {url: [f"HTTP {r.status}"] * (r.status != 200) + [r.load_error] * bool(r.load_error)
                + r.console_errors + r.failed_requests + r.error_responses
                for url, r in crawl.pages.items()}
    problems = {url: found for url, found in problems.items() if found}
    assert problems == {}, f"{len(problems)} page(s) with problems:\n{listed(problems)}"


def test_no_request_leaves_the_loopback_address(crawl: Crawl) -> None:
    outside = {url: r.outside_requests for url, r in crawl.pages.items() if r.outside_requests}
    assert outside == {}, f"requests to other hosts than 127.0.0.1:\n{listed(outside)}"


def test_every_chart_draws_with_data_points(crawl: Crawl) -> None:
    charts = [(url, chart) for url, r in crawl.pages.items() for chart in r.charts]
    assert len(charts) >= 10  # dashboard, regions, indicators, economy, edition
    empty = {f"{url} #{chart.id}": [f"svg={chart.svg} traces={chart.traces} points={chart.points}"]
             for url, chart in charts
             if not (chart.svg and chart.traces > 0 and chart.points > 0)}
    assert empty == {}, f"charts that did not draw:\n{listed(empty)}"
