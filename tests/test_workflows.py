"""Lint the GitHub configuration offline: schema, security audit and the PR contract.

The data stewards' pull requests are checked by `.github/workflows/validate.yml`; a
broken or unsafe workflow would silently stop guarding the data, so these tests run
the same linters a reviewer would (check-jsonschema's vendored schemas and zizmor in
offline mode) and pin down what the validate workflow must do.
"""

from __future__ import annotations

import csv
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
PUBLISH = WORKFLOWS_DIR / "publish.yml"
REGIOS = REPO / "data" / "regios.csv"
WORKFLOWS = sorted([*WORKFLOWS_DIR.glob("*.yml"), *WORKFLOWS_DIR.glob("*.yaml")])
# publish.yml needs job-level `pages`/`id-token` permissions; every other workflow only
# reads the repository.
READ_ONLY_WORKFLOWS = [path for path in WORKFLOWS if path != PUBLISH]

# `uses: owner/repo@<40 hex> # v1.2.3`: a full commit SHA, and a comment naming the
# release so that people and Dependabot can read which version the SHA is.
PINNED_USES = re.compile(r"@[0-9a-f]{40}\s+#\s*v\d+(\.\d+)*\s*$")
# The value of a parsed `uses:` (YAML drops the comment): owner/repo[/path]@<40 hex>.
PINNED_REF = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")

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
    assert {path.name for path in WORKFLOWS} >= {"validate.yml", "tests.yml", "publish.yml"}


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


@pytest.mark.parametrize("workflow", READ_ONLY_WORKFLOWS, ids=_id)
def test_workflow_is_least_privilege(workflow: Path) -> None:
    document = _load(workflow)
    assert document["permissions"] == {"contents": "read"}
    for job in document["jobs"].values():
        assert "permissions" not in job


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=_id)
def test_workflow_keeps_credentials_and_values_out_of_scripts(workflow: Path) -> None:
    document = _load(workflow)
    assert "pull_request_target" not in _triggers(document)
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


# --- publish.yml: the password-protected site on GitHub Pages --------------------


def _job_step(workflow: dict[Any, Any], job: str, uses: str) -> dict[str, Any]:
    for step in workflow["jobs"][job]["steps"]:
        if step.get("uses", "").startswith(f"{uses}@"):
            return step
    pytest.fail(f"job {job!r} has no step using {uses}")


def _region_secret(regio_id: str) -> str:
    # The name the build reads a region's password from: id upper case, `-` as `_`.
    return "IMPACTMONITOR_PASSWORD_" + regio_id.upper().replace("-", "_")


def _region_ids(path: Path = REGIOS) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["regio_id"] for row in csv.DictReader(handle)]


def _region_env_problems(workflow: dict[Any, Any], region_ids: list[str]) -> list[str]:
    """What is wrong with the build step's region password lines, or [] when nothing."""
    _, build = _step_running(workflow, "impactmonitor build")
    env = build.get("env", {})
    expected = {_region_secret(regio_id) for regio_id in region_ids}
    present = {name for name in env if name.startswith("IMPACTMONITOR_PASSWORD_")}
    problems = [
        f"region secret {name} has no env line in publish.yml"
        for name in sorted(expected - present)
    ]
    problems += [
        f"env line {name} belongs to no region in data/regios.csv"
        for name in sorted(present - expected)
    ]
    problems += [
        f"{name} is not taken from secrets.{name}"
        for name in sorted(expected & present)
        if env[name] != f"${{{{ secrets.{name} }}}}"
    ]
    return problems


def test_publish_runs_on_main_and_by_hand_only() -> None:
    triggers = _triggers(_load(PUBLISH))

    # No pull_request(_target): code from a PR or a fork never runs with the passwords.
    assert set(triggers) == {"push", "workflow_dispatch"}
    assert triggers["push"] == {"branches": ["main"]}
    assert not triggers["workflow_dispatch"]  # no inputs that could reach the build
    assert "pull_request" not in triggers
    assert "pull_request_target" not in triggers


def test_publish_grants_each_job_only_what_it_needs() -> None:
    workflow = _load(PUBLISH)
    jobs = workflow["jobs"]

    assert workflow["permissions"] == {}
    assert set(jobs) == {"build", "deploy"}
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_publish_never_cancels_a_deployment_halfway() -> None:
    workflow = _load(PUBLISH)

    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int), f"job {name} has no timeout"
        for step in job["steps"]:
            assert step.get("name"), f"a step of job {name} has no name: {step}"


def test_publish_pins_every_action_to_a_commit_sha() -> None:
    workflow = _load(PUBLISH)
    uses = [step["uses"] for step in _steps(workflow) if "uses" in step]

    assert len(uses) == 5
    assert [ref for ref in uses if not PINNED_REF.match(ref)] == []
    # The same checkout and setup-python pins as the other workflows, so Dependabot
    # moves them together.
    for action in ("actions/checkout", "actions/setup-python"):
        refs = {
            step["uses"]
            for path in WORKFLOWS
            for step in _steps(_load(path))
            if step.get("uses", "").startswith(f"{action}@")
        }
        assert len(refs) == 1, refs


def test_publish_builds_validates_and_uploads_the_site() -> None:
    workflow = _load(PUBLISH)
    build = workflow["jobs"]["build"]
    steps = build["steps"]

    checkout = _job_step(workflow, "build", "actions/checkout")
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}
    setup = _job_step(workflow, "build", "actions/setup-python")
    assert setup["with"] == {
        "python-version": "3.11",
        "cache": "pip",
        "cache-dependency-path": "pyproject.toml",
    }
    pages = _job_step(workflow, "build", "actions/configure-pages")
    assert pages["id"] == "pages"
    upload = _job_step(workflow, "build", "actions/upload-pages-artifact")
    assert upload["with"] == {"path": "site"}

    setup_at, _ = _step_running(workflow, "bash .ci/setup")
    validate_at, validate = _step_running(workflow, "impactmonitor validate")
    build_at, build_step = _step_running(workflow, "impactmonitor build")
    assert validate["run"] == ".venv/bin/impactmonitor validate"
    assert build_step["run"] == (
        '.venv/bin/impactmonitor build --out site --site-url "${PAGES_BASE_URL}"'
    )
    order = [setup_at, validate_at, steps.index(pages), build_at, steps.index(upload)]
    assert order == sorted(order)
    assert steps[-1] is upload


def test_publish_passes_the_password_through_env_only() -> None:
    text = PUBLISH.read_text(encoding="utf-8")
    workflow = _load(PUBLISH)
    _, build = _step_running(workflow, "impactmonitor build")
    env = build["env"]

    assert env["IMPACTMONITOR_PASSWORD"] == "${{ secrets.IMPACTMONITOR_PASSWORD }}"
    assert env["PAGES_BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "${{" not in build["run"]
    assert "secrets" not in build["run"]
    # The build step is the only place that sees a secret: not the setup step (which
    # installs packages from PyPI), not a job-level or workflow-level env.
    secret_lines = [line for line in text.splitlines() if "secrets." in line]
    in_build_env = [v for v in env.values() if "secrets." in v]
    assert len(secret_lines) == len(in_build_env) >= 1
    assert "env" not in workflow
    assert all("env" not in job for job in workflow["jobs"].values())
    for step in _steps(workflow):
        if step is not build:
            assert "secrets." not in yaml.safe_dump(step)


def test_publish_has_a_password_line_for_every_region() -> None:
    # A workflow cannot enumerate secrets: a new region in data/regios.csv needs an
    # IMPACTMONITOR_PASSWORD_<REGIO_ID> line in the build step of publish.yml.
    region_ids = _region_ids()

    assert region_ids, "data/regios.csv lists no regions"
    assert _region_env_problems(_load(PUBLISH), region_ids) == []
    assert "new region needs a line here" in PUBLISH.read_text(encoding="utf-8").lower()


def test_region_check_catches_a_region_without_a_line(tmp_path: Path) -> None:
    regios = tmp_path / "regios.csv"
    regios.write_text(
        REGIOS.read_text(encoding="utf-8") + "nieuw-west,Nieuw West,AM97,2024-Q1,pilot\n",
        encoding="utf-8",
    )
    problems = _region_env_problems(_load(PUBLISH), _region_ids(regios))

    assert problems == [
        "region secret IMPACTMONITOR_PASSWORD_NIEUW_WEST has no env line in publish.yml"
    ]


def test_publish_deploys_to_the_github_pages_environment() -> None:
    workflow = _load(PUBLISH)
    deploy = workflow["jobs"]["deploy"]

    assert deploy["needs"] == "build"
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
    assert _job_step(workflow, "deploy", "actions/deploy-pages")["id"] == "deployment"
    # The passwords are environment secrets of site-build; only the build job has it.
    assert workflow["jobs"]["build"]["environment"] == {"name": "site-build"}
