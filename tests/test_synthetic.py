"""The synthetic-data generator and the example set it committed to `data/`."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from generator import contract
from generator.contract import Quarter, quarter_range
from generator.synthetic import Settings, generate
from generator.synthetic.__main__ import main
from generator.validate import validate_repository

DATA = Path(__file__).resolve().parent.parent / "data"
EXAMPLE_REGIONS = ("voorbeeld-noord", "voorbeeld-zuid")
EXAMPLE_LAST = Quarter(2026, 2)
BENCH_FIRST, BENCH_LAST = Quarter(2023, 1), Quarter(2026, 4)


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` by its POSIX path relative to `root`."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def rows(root: Path, region: str, resource: str) -> list[dict[str, str]]:
    text = (root / region / f"{resource}.csv").read_bytes().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def periods(table: list[dict[str, str]], column: str = "periode") -> set[str]:
    return {row[column] for row in table}


# --- reproducibility -------------------------------------------------------------------

def test_regenerating_the_example_set_reproduces_data_byte_for_byte(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path)]) == 0
    committed, fresh = tree(DATA), tree(tmp_path)
    assert sorted(fresh) == sorted(committed)
    assert [name for name in committed if fresh[name] != committed[name]] == []


def test_example_set_has_exactly_the_expected_files() -> None:
    per_region = ["datapackage.json"] + [f"{r}.csv" for r in contract.RESOURCES]
    expected = ["README.md", "regios.csv"] + [f"{region}/{name}" for region in EXAMPLE_REGIONS
                                             for name in per_region]
    assert sorted(tree(DATA)) == sorted(expected)


def test_same_seed_gives_the_same_bytes_and_another_seed_differs(tmp_path: Path) -> None:
    def run(name: str, seed: int) -> dict[str, bytes]:
        generate(Settings(out=tmp_path / name, regions=3, first=Quarter(2024, 1),
                          last=Quarter(2025, 4), seed=seed))
        return tree(tmp_path / name)

    first, again, other = run("a", 7), run("b", 7), run("c", 8)
    assert first == again
    assert sorted(other) == sorted(first)
    changed = {name for name in first if other[name] != first[name]}
    assert "synthetisch-01/instroom.csv" in changed
    assert "synthetisch-01/trajecten.csv" in changed


def test_example_set_with_another_seed_differs_from_data(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path), "--seed", "1"]) == 0
    fresh, committed = tree(tmp_path), tree(DATA)
    assert fresh["regios.csv"] == committed["regios.csv"]
    assert fresh["voorbeeld-noord/instroom.csv"] != committed["voorbeeld-noord/instroom.csv"]


# --- the large benchmark set -----------------------------------------------------------

@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The set under `<tmp>/data`, so that the validator can take `<tmp>` as repository."""
    out = tmp_path_factory.mktemp("bench") / "data"
    assert main(["--out", str(out), "--regions", "20", "--first", str(BENCH_FIRST),
                 "--last", str(BENCH_LAST)]) == 0
    return out


def test_benchmark_register_lists_twenty_regions(bench: Path) -> None:
    register = list(csv.DictReader(io.StringIO((bench / "regios.csv").read_text("utf-8"))))
    assert [r["regio_id"] for r in register] == [f"synthetisch-{n:02d}" for n in range(1, 21)]
    assert register[0]["naam"] == "Synthetische regio 01 (fictief)"
    assert [r["fase"] for r in register] == ["pilot"] * 2 + ["opschaling"] * 18
    assert {r["pilot_start"] for r in register} == {"2023-Q1"}
    folders = sorted(p.name for p in bench.iterdir() if p.is_dir())
    assert folders == [r["regio_id"] for r in register]


def test_benchmark_has_every_resource_over_the_full_quarter_range(bench: Path) -> None:
    full = {str(q) for q in quarter_range(BENCH_FIRST, BENCH_LAST)}
    assert len(full) == 16
    for n in range(1, 21):
        region = f"synthetisch-{n:02d}"
        names = sorted(p.name for p in (bench / region).iterdir())
        assert names == sorted(["datapackage.json"] + [f"{r}.csv" for r in contract.RESOURCES])
        for resource in ("instroom", "kosten", "borging", "context"):
            assert periods(rows(bench, region, resource)) == full, (region, resource)
        assert len(rows(bench, region, "context")) == 16 * 5
        assert len(rows(bench, region, "borging")) == 16 * 5
        for resource in ("uitstroom", "bewijzen", "matches", "factoren"):
            assert periods(rows(bench, region, resource)) <= full, (region, resource)
        assert periods(rows(bench, region, "metingen"), "cohort") <= full


@pytest.mark.slow
def test_benchmark_set_passes_the_validator(bench: Path) -> None:
    report = validate_repository(bench.parent, as_of=BENCH_LAST)
    assert (report.flatten(), len(report.warnings)) == ([], 0)


# --- the committed data ----------------------------------------------------------------

def test_committed_data_pass_the_validator() -> None:
    report = validate_repository(DATA.parent, as_of=EXAMPLE_LAST)
    assert (report.flatten(), len(report.warnings)) == ([], 0)


def test_committed_files_use_the_contract_dialect_and_header() -> None:
    for name, content in tree(DATA).items():
        assert not content.startswith(b"\xef\xbb\xbf"), name
        assert b"\r" not in content, name
        content.decode("utf-8")
        if name.endswith(".csv"):
            resource = Path(name).stem
            header = content.split(b"\n", 1)[0].decode("utf-8").split(",")
            assert header == contract.field_names(resource), name


def test_register_and_package_descriptors() -> None:
    assert (DATA / "regios.csv").read_text("utf-8") == (
        "regio_id,naam,arbeidsmarktregio,pilot_start,fase\n"
        "voorbeeld-noord,Voorbeeldregio Noord (fictief),AM98,2023-Q1,pilot\n"
        "voorbeeld-zuid,Voorbeeldregio Zuid (fictief),AM99,2023-Q2,pilot\n"
    )
    for region, title in zip(EXAMPLE_REGIONS, ("Voorbeeldregio Noord (fictief)",
                                               "Voorbeeldregio Zuid (fictief)")):
        expected = json.dumps(contract.package_descriptor(region, title),
                              ensure_ascii=False, indent=2) + "\n"
        assert (DATA / region / "datapackage.json").read_text("utf-8") == expected


def test_readme_says_the_data_are_synthetic() -> None:
    readme = (DATA / "README.md").read_text("utf-8")
    assert "verzonnen" in readme
    assert "python -m generator.synthetic --out data --first 2023-Q1 --last 2026-Q2 --seed 2023" \
        in readme


@pytest.mark.parametrize("region", EXAMPLE_REGIONS)
def test_trajecten_availability_matches_status(region: str) -> None:
    trajecten = rows(DATA, region, "trajecten")
    assert 8 <= len(trajecten) <= 14
    assert [t["status"] for t in trajecten].count("beeindigd") == 1
    assert [t["status"] for t in trajecten].count("in_ontwikkeling") >= 1
    for t in trajecten:
        assert (t["beschikbaar_vanaf"] == "") == (t["status"] == "in_ontwikkeling"), t
    opened = {t["traject_id"]: Quarter.parse(t["beschikbaar_vanaf"])
              for t in trajecten if t["beschikbaar_vanaf"]}
    for resource in ("instroom", "uitstroom", "bewijzen"):
        for row in rows(DATA, region, resource):
            assert opened[row["traject_id"]] <= Quarter.parse(row["periode"]), (resource, row)


@pytest.mark.parametrize("region", EXAMPLE_REGIONS)
def test_cumulative_outflow_never_exceeds_inflow(region: str) -> None:
    flow: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows(DATA, region, "instroom"):
        flow[row["traject_id"]][row["periode"]] += int(row["aantal"])
    for row in rows(DATA, region, "uitstroom"):
        flow[row["traject_id"]][row["periode"]] -= int(row["aantal"])
    for traject_id, net in flow.items():
        balance = 0
        for quarter in sorted(net):
            balance += net[quarter]
            assert balance >= 0, (traject_id, quarter)


@pytest.mark.parametrize("region", EXAMPLE_REGIONS)
def test_uitstroom_follow_up_is_nested_and_missing_for_recent_quarters(region: str) -> None:
    for row in rows(DATA, region, "uitstroom"):
        six, twelve = row["actief_na_6_maanden"], row["actief_na_12_maanden"]
        if six:
            assert int(six) <= int(row["aantal"])
        if twelve:
            assert six and int(twelve) <= int(six)
        if row["periode"] in ("2026-Q1", "2026-Q2"):
            assert (six, twelve) == ("", ""), row


@pytest.mark.parametrize("region", EXAMPLE_REGIONS)
def test_metingen_count_the_same_people_in_every_dimension(region: str) -> None:
    starters: Counter[str] = Counter()
    for row in rows(DATA, region, "instroom"):
        starters[row["periode"]] += int(row["aantal"])
    per_cohort: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows(DATA, region, "metingen"):
        low, high = contract.SCALES[row["dimensie"]]
        assert low <= int(row["score_t0"]) <= high
        assert row["score_t1"] == "" or low <= int(row["score_t1"]) <= high
        per_cohort[row["cohort"]][row["dimensie"]] += int(row["aantal"])
    assert per_cohort
    for cohort, totals in per_cohort.items():
        assert set(contract.REQUIRED_DIMENSIONS) <= set(totals), cohort
        assert len(set(totals.values())) == 1, (cohort, totals)
        assert next(iter(totals.values())) <= starters[cohort], cohort


@pytest.mark.parametrize("region", EXAMPLE_REGIONS)
def test_arbeid_only_for_people_with_a_follow_up(region: str) -> None:
    followed: Counter[str] = Counter()
    for row in rows(DATA, region, "metingen"):
        if row["dimensie"] == "arbeidsmarktpositie" and row["score_t1"]:
            followed[row["cohort"]] += int(row["aantal"])
    for recent in ("2026-Q1", "2026-Q2"):
        assert followed[recent] == 0
    arbeid = rows(DATA, region, "arbeid")
    assert arbeid
    assert max(row["cohort"] for row in arbeid) <= "2025-Q3"
    for row in arbeid:
        measured = int(row["aantal_gemeten"])
        assert 0 < measured <= followed[row["cohort"]], row
        for column in ("uren_per_week_t0", "uren_per_week_t1"):
            assert float(row[column]) <= 60 * measured
        for column in ("met_uitkering_t0", "met_uitkering_t1"):
            assert int(row[column]) <= measured


def kpi_totals(region: str) -> tuple[int, int, int, int, int]:
    """Participants, civil-effect certificates, better labour-market position, matches,
    better social inclusion: the five counted targets, cumulative over the whole pilot."""
    def improved(dimension: str) -> int:
        return sum(int(r["aantal"]) for r in rows(DATA, region, "metingen")
                   if r["dimensie"] == dimension and r["score_t1"]
                   and int(r["score_t1"]) > int(r["score_t0"]))

    return (
        sum(int(r["aantal"]) for r in rows(DATA, region, "instroom")),
        sum(int(r["aantal"]) for r in rows(DATA, region, "bewijzen")
            if r["soort"] in contract.CIVIL_EFFECT_KINDS),
        improved("arbeidsmarktpositie"),
        sum(int(r["aantal"]) for r in rows(DATA, region, "matches")),
        improved("sociale_inclusie"),
    )


def test_example_totals_meet_some_targets_and_miss_others() -> None:
    assert kpi_totals("voorbeeld-noord") == (224, 74, 69, 103, 87)
    assert kpi_totals("voorbeeld-zuid") == (208, 74, 63, 125, 82)
    # Targets 400, 200, 200, 200, 160: met, missed, missed, met, met.
    assert [a + b for a, b in zip(kpi_totals("voorbeeld-noord"), kpi_totals("voorbeeld-zuid"))] \
        == [432, 148, 132, 228, 169]
