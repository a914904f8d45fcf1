"""Lint the GitHub configuration offline: schema, security audit and the PR contract.

The data stewards' pull requests are checked by `.github/workflows/validate.yml`; a
broken or unsafe workflow would silently stop guarding the data, so these tests run
the same linters a reviewer would (check-jsonschema's vendored schemas and zizmor in
offline mode) and pin down what the validate workflow must do.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
GITHUB_DIR = REPO / ".github"
WORKFLOWS_DIR = GITHUB_DIR / "workflows"
DEPENDABOT = GITHUB_DIR / "dependabot.yml"
VALIDATE = WORKFLOWS_DIR / "validate.yml"
WORKFLOWS = sorted([*WORKFLOWS_DIR.glob("*.yml"), *WORKFLOWS_DIR.glob("*.yaml")])

# `uses: owner/repo@<40 hex> # v1.2.3`: a full commit SHA, and a comment naming the
# release so that people and Dependabot can read which version the SHA is.
PINNED_USES = re.compile(r"@[0-9a-f]{40}\s+#\s*v\d+(\.\d+)*\s*$")

BROKEN_WORKFLOW = """\
name: broken
on: pull_request
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: someone/some-action@v1
      - run: echo "${{ github.event.pull_request.title }}"
"""


def _tool(name: str) -> str:
    """Find a linter installed beside this interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; install the test extra: pip install '.[test]'")
    return found


def _run(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    # Builtin vendor schemas ship inside the package: no download, no cache.
    return _run(_tool("check-jsonschema"), "--builtin-schema", schema, path)


def _zizmor(target: Path) -> subprocess.CompletedProcess[str]:
    # --offline: never call the GitHub API, even when a token is in the environment.
    return _run(
        _tool("zizmor"), "--offline", "--no-progress", "--color", "never", target
    )


def _load(path: Path) -> dict[Any, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict), f"{path} is not a YAML mapping"
    return document


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    if isinstance(triggers, str):
        return {triggers: None}
    if isinstance(triggers, list):
        return {name: None for name in triggers}
    assert isinstance(triggers, dict), f"unexpected `on:` {triggers!r}"
    return triggers


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _step_running(workflow: dict[Any, Any], command: str) -> tuple[int, dict[str, Any]]:
    for index, step in enumerate(_steps(workflow)):
        if command in step.get("run", ""):
            return index, step
    pytest.fail(f"no step runs {command!r}")


def _id(path: Path) -> str:
    return path.name


def test_expected_workflows_exist() -> None:
    assert {path.name for path in WORKFLOWS} >= {"validate.yml", "tests.yml"}


# --- check-jsonschema ------------------------------------------------------------


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=_id)
def test_workflow_matches_github_schema(workflow: Path) -> None:
    result = _check_jsonschema("vendor.github-workflows", workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_matches_schema() -> None:
    result = _check_jsonschema("vendor.dependabot", DEPENDABOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("schema", "content", "complaint"),
    [
        (
            "vendor.github-workflows",
            "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n",
            "'stepz' was unexpected",
        ),
        (
            "vendor.dependabot",
            "version: 2\nupdates:\n  - package-ecosystem: github-actions\n"
            "    directory: /\n    schedule:\n      interval: fortnightly\n",
            "fortnightly",
        ),
    ],
    ids=["workflow", "dependabot"],
)
def test_check_jsonschema_rejects_invalid_file(
    tmp_path: Path, schema: str, content: str, complaint: str
) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(content, encoding="utf-8")
    result = _check_jsonschema(schema, broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert complaint in result.stdout


# --- zizmor ----------------------------------------------------------------------


def test_zizmor_reports_no_findings() -> None:
    # The whole .github directory: workflows and dependabot.yml.
    result = _zizmor(GITHUB_DIR)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_flags_unsafe_workflow(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "broken.yml").write_text(BROKEN_WORKFLOW, encoding="utf-8")
    result = _zizmor(workflows)
    # 1 is a tool failure; findings exit with 10 + the highest severity.
    assert result.returncode >= 10, result.stdout + result.stderr
    assert "template-injection" in result.stdout
    assert "unpinned-uses" in result.stdout


# --- project rules ---------------------------------------------------------------


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=_id)
def test_actions_are_pinned_to_commit_sha_with_version_comment(workflow: Path) -> None:
    uses = [
        line.strip()
        for line in workflow.read_text(encoding="utf-8").splitlines()
        if re.match(r"\s*(-\s+)?uses:", line)
    ]
    unpinned = [
        line
        for line in uses
        if not line.split("uses:", 1)[1].strip().startswith("./")
        and not PINNED_USES.search(line)
    ]
    assert uses
    assert unpinned == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=_id)
def test_workflow_is_least_privilege(workflow: Path) -> None:
    document = _load(workflow)
    assert "pull_request_target" not in _triggers(document)
    assert document["permissions"] == {"contents": "read"}
    for job in document["jobs"].values():
        assert "permissions" not in job
    for step in _steps(document):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
        # Values reach scripts through `env:`, never by expansion into the script.
        assert "${{" not in step.get("run", "")


def test_validate_workflow_guards_data_pull_requests() -> None:
    text = VALIDATE.read_text(encoding="utf-8")
    workflow = _load(VALIDATE)
    triggers = _triggers(workflow)

    assert list(triggers) == ["pull_request"]
    assert set(triggers["pull_request"]["paths"]) == {"data/**", "indicators/**"}
    assert "pull_request_target" not in text
    assert "secrets." not in text

    steps = _steps(workflow)
    assert any(step.get("run") == "python -m pip install ." for step in steps)
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "3.11"
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_validate_workflow_summarises_the_diff_after_validation() -> None:
    workflow = _load(VALIDATE)
    validate_at, _ = _step_running(workflow, "impactmonitor validate --format github")
    diff_at, diff = _step_running(workflow, "impactmonitor diff")

    assert validate_at < diff_at
    assert "if" not in diff
    assert diff["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert diff["run"] == (
        'impactmonitor diff "origin/${BASE_REF}" HEAD >> "$GITHUB_STEP_SUMMARY"'
    )


def test_tests_workflow_runs_the_ci_command() -> None:
    workflow = _load(WORKFLOWS_DIR / "tests.yml")
    triggers = _triggers(workflow)

    assert triggers["push"] == {"branches": ["main"]}
    assert "pull_request" in triggers
    _step_running(workflow, "bash .ci/run")


def test_dependabot_updates_action_pins_weekly() -> None:
    updates = _load(DEPENDABOT)["updates"]
    actions = [u for u in updates if u["package-ecosystem"] == "github-actions"]

    assert len(actions) == 1
    assert actions[0]["directory"] == "/"
    assert actions[0]["schedule"]["interval"] == "weekly"
