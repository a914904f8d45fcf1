"""`impactmonitor verify`: a built site's figures against a rebuild from the commit it names.

A real Git repository in a temporary folder holds the repository's example data,
indicators, narrative and mkdocs.yml. Its site is built at commit 1 (with the example
edition pinned to commit 1); commit 2 changes one `aantal` of noord's instroom. Checked
against commit 2, `verify` must report exactly the figures whose value the change moved
(worked out here from the engine, not from `verify`); against its own commit, none.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main
from generator.compute.pipeline import compute_snapshot
from generator.build import build_site
from generator.provenance.trace import same_value
from generator.provenance.verify import MONITOR, verify_site
from generator.publish import disclosure
from generator.publish.economy import economy_view, suppress_small_measured
from generator.sources import open_snapshot
from tests.fixtures.handmade_repo import commit_all, example_repo, set_cell
from tests.provenance.conftest import CHANGED_FILE, CHANGED_ROW, REPO_ROOT, published_manifest

K = 5  # mkdocs.yml leaves k_anonymity at its default


@dataclass(frozen=True)
class Built:
    root: Path
    site: Path
    pinned: str
    """The commit the edition is pinned to: the example data."""
    first: str
    """The same data, with the edition added: the commit the site was built from."""
    second: str
    """One `aantal` one higher."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("verify") / "repo"
    pinned, first = example_repo(root, REPO_ROOT)
    build_site(root, root.parent / "site", encrypt=False)
    path = root / CHANGED_FILE
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    old = int(rows[CHANGED_ROW - 2].split(",")[header.split(",").index("aantal")])
    set_cell(path, CHANGED_ROW, "aantal", str(old + 1))
    second = commit_all(root, "Correct one instroom cell")
    return Built(root, root.parent / "site", pinned, first, second)


def moved_by_the_change(root: Path, before: str, after: str) -> set[str]:
    """The ids whose published value differs between the two commits, from the engine.

    A cell hidden by disclosure control (or a model figure over fewer than k measured
    participants) at both commits publishes no value, so it cannot differ; the Monte Carlo
    interval moves with the model's inputs.
    """
    figures = {}
    for commit in (before, after):
        computation = compute_snapshot(open_snapshot(root, commit))
        shown = suppress_small_measured(disclosure.apply(computation.figures, K), K)
        hidden = {f.figure_id for f in shown if f.suppressed}
        view = economy_view(computation, shown)
        values = {f.figure_id: f.value for f in computation.figures}
        values |= {f.figure_id: f.value for f in (view.figures if view else [])}
        figures[commit] = (values, hidden)
    (old, old_hidden), (new, new_hidden) = figures[before], figures[after]
    assert old.keys() == new.keys()
    return {i for i in old
            if (not same_value(old[i], new[i]) and not (i in old_hidden and i in new_hidden))
            or (i in old_hidden) != (i in new_hidden)}


def test_against_its_own_commit_every_figure_matches(built: Built) -> None:
    report = verify_site(built.root, built.site)
    assert report.ok and report.differences == []
    assert [(t.name, t.checked_commit) for t in report.trees] == [
        (MONITOR, built.first), ("tussenrapport-2026", built.pinned)]
    manifest = published_manifest(built.site, "bouwinformatie/manifest.json")
    assert report.trees[0].compared == manifest["figure_count"] > 1000


def test_against_a_later_commit_exactly_the_moved_figures_differ(built: Built) -> None:
    expected = moved_by_the_change(built.root, built.first, built.second)
    period = published_manifest(built.site, "bouwinformatie/manifest.json")["periods"][-1]
    assert f"deelnemers_bereikt.totaal.{period}" in expected
    report = verify_site(built.root, built.site, built.second)
    live, edition = report.trees
    assert {d.figure_id for d in live.differences} == expected
    assert {d.kind for d in live.differences} == {"changed"}
    assert live.checked_commit == built.second and live.named_commit == built.first
    assert edition.ok and edition.checked_commit == built.pinned  # pinned, whatever --ref says
    assert not report.ok


def test_the_command_prints_each_difference_in_dutch(
        built: Built, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(built.root)
    assert main(["verify", str(built.site), "--ref", built.second]) == 1
    out = capsys.readouterr().out
    period = published_manifest(built.site, "bouwinformatie/manifest.json")["periods"][-1]
    assert "opnieuw berekend uit:          commit " + built.second in out
    row = next(line for line in out.splitlines()
               if line.strip().startswith(f"deelnemers_bereikt.totaal.{period} "))
    published, rebuilt = row.split()[1:]
    assert int(rebuilt.replace(".", "")) == int(published.replace(".", "")) + 1
    assert "Resultaat: " in out and " wijken af." in out

    assert main(["verify", str(built.site), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is True
    assert [m["checked_commit"] for m in result["manifests"]] == [built.first, built.pinned]
    assert main(["verify", str(built.site)]) == 0
    assert "Resultaat: alle " in capsys.readouterr().out


def test_a_folder_that_is_not_a_built_site(built: Built, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(built.root)
    assert main(["verify", str(built.root / "data")]) == 1
    err = capsys.readouterr().err
    assert "is geen gebouwde site van de impactmonitor: bouwinformatie/manifest.json " \
           "ontbreekt" in err


def test_a_site_built_from_uncommitted_data_needs_a_ref(
        built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    path = site / "bouwinformatie" / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**manifest, "data_commit": None}), encoding="utf-8")
    monkeypatch.chdir(built.root)
    assert main(["verify", str(site)]) == 1
    assert "noemt geen commit" in capsys.readouterr().err
    assert main(["verify", str(site), "--ref", built.first]) == 0
