"""Fixtures of the encryption tests: a copy of the example repository with canaries planted,
built encrypted for two audiences (national, one region) and as a plaintext preview.

Builds are real (`python -m generator build` in a subprocess, with a fresh TMPDIR so the
tests can search it for secrets afterwards). The passwords are made up here, per session.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.encrypt.passwords import NATIONAL_ENV, env_name
from generator.site.pdf import ENV as CHROMIUM_ENV
from tests.fixtures.handmade_repo import commit_all, example_repo, set_cell

REPO_ROOT = Path(__file__).resolve().parents[2]
REGION, OTHER = "voorbeeld-noord", "voorbeeld-zuid"
REGION_NAME = "Kanariestède-Zwaluwdorp (fictief)"
"""The other region's new name: a canary with a non-ASCII letter (entities, \\u escapes)."""
SENTENCE = "De kanarie zingt om kwart over zeven boven het wad."
QUESTION_TITLE = "Hoeveel kanariepietjes vliegen er boven Zwaluwdorp?"
CHANGED_FILE, CHANGED_ROW = "data/voorbeeld-noord/instroom.csv", 2


@dataclass(frozen=True)
class Built:
    root: Path
    encrypted: Path
    plain: Path
    passwords: dict[str, str]
    """Environment name -> password, for this session only."""
    tmpdir: Path
    """The TMPDIR of the encrypted build."""
    output: str
    """What the build printed (stdout and stderr)."""
    first: str
    second: str
    """A commit with one `aantal` one higher than `first`, the one the site was built from."""


def plant_canaries(root: Path) -> None:
    register = root / "data/regios.csv"
    lines = register.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    for number, line in enumerate(lines[1:], start=2):
        if line.split(",")[header.index("regio_id")] == OTHER:
            set_cell(register, number, "naam", REGION_NAME)
    question = root / "site_src/onderzoeksvragen/1.md"
    first, rest = question.read_text(encoding="utf-8").split("\n", 1)
    question.write_text(f"# {QUESTION_TITLE}\n\n{SENTENCE}\n{rest}", encoding="utf-8")


def build(root: Path, out: Path, env: dict[str, str], *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "build", "--out", str(out), *extra],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)


def base_env(tmpdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(NATIONAL_ENV)}
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    return {**env, "TMPDIR": str(tmpdir), CHROMIUM_ENV: chromium, "PYTHONPATH": str(REPO_ROOT)}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("encrypted")
    root = base / "repo"
    _, first = example_repo(root, REPO_ROOT, plant_canaries)

    passwords = {NATIONAL_ENV: secrets.token_urlsafe(18), env_name(REGION): secrets.token_urlsafe(18)}
    tmpdir = base / "tmp"
    tmpdir.mkdir()
    run = build(root, base / "site", {**base_env(tmpdir), **passwords})
    assert run.returncode == 0, run.stderr
    plain_tmp = base / "tmp-plain"
    plain_tmp.mkdir()
    preview = build(root, base / "plain", base_env(plain_tmp), "--unencrypted-preview")
    assert preview.returncode == 0, preview.stderr

    path = root / CHANGED_FILE
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    old = int(rows[CHANGED_ROW - 2].split(",")[header.split(",").index("aantal")])
    set_cell(path, CHANGED_ROW, "aantal", str(old + 1))
    second = commit_all(root, "Correct one instroom cell")
    return Built(root, base / "site", base / "plain", passwords, tmpdir,
                 run.stdout + run.stderr, first, second)
