"""Progress of a build (`generator.progress`): stages announced on a terminal only, and the
seconds of each stage in one closing line always, also in CI."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from generator.encrypt.passwords import NATIONAL_ENV
from generator.progress import Progress
from tests.site.conftest import site_repo

STAGES = ["valideren", "berekenen", "HTML", "pagina's", "PDF's"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_each_stage_counts_its_own_seconds_without_those_inside_it() -> None:
    clock = Clock()
    progress = Progress(clock=clock)
    with progress.stage("valideren"):
        clock.now += 1.25
    for audience in ("landelijk", "regio noord"):
        with progress.stage("HTML", audience):
            clock.now += 2.0
            with progress.stage("pagina's", audience):
                clock.now += 0.5
    assert progress.seconds == {"valideren": 1.25, "HTML": 4.0, "pagina's": 1.0}
    assert progress.summary() == "Stappen: valideren 1,2 s · HTML 4,0 s · pagina's 1,0 s"


@pytest.mark.parametrize(("tty", "environ", "announced"), [
    (True, {}, True),
    (True, {"CI": "true"}, False),
    (False, {}, False),
])
def test_stages_are_announced_only_on_a_terminal_outside_ci(tty: bool, environ: dict,
                                                            announced: bool) -> None:
    stream = Terminal() if tty else io.StringIO()
    progress = Progress.for_terminal(stream, environ)
    with progress.stage("HTML", "regio noord"):
        pass
    assert stream.getvalue() == ("impactmonitor: HTML (regio noord) …\n" if announced else "")


def test_a_serve_rebuild_is_silent_until_it_has_run_a_while_then_shows_its_stages() -> None:
    clock, stream = Clock(), Terminal()
    quick = Progress.for_terminal(stream, {}, after=1000.0)
    quick.clock = clock
    with quick.stage("pagina's"):
        clock.now += 0.4
    quick.finish()
    assert stream.getvalue() == ""
    slow = Progress.for_terminal(stream, {}, after=1000.0)
    slow.clock = clock
    with slow.stage("berekenen"):
        slow.wake()  # as the timer does once the rebuild has run `after` seconds
        clock.now += 3.0
    with slow.stage("pagina's"):
        clock.now += 1.0
    slow.finish()
    assert stream.getvalue() == ("impactmonitor: berekenen …\nimpactmonitor: pagina's …\n"
                                 "Stappen: berekenen 3,0 s · pagina's 1,0 s\n")


def _build(repo: Path, environ: dict[str, str], stderr: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "--unencrypted-preview"],
                            cwd=repo, env=environ, stdout=subprocess.PIPE, stderr=stderr)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("repo")
    site_repo(root)
    environ = {k: v for k, v in os.environ.items()
               if k != "CI" and not k.startswith(NATIONAL_ENV)}
    return root, environ


def test_a_build_on_a_terminal_shows_its_stages_as_it_goes(repo) -> None:
    root, environ = repo
    controller, terminal = pty.openpty()
    process = _build(root, environ, terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the build closed its end of the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    out, _ = process.communicate()
    assert process.returncode == 0
    lines = shown.decode().splitlines()
    # Stage lines end with "…"; the plugin's own warnings share the "impactmonitor: " prefix.
    assert [line for line in lines
            if line.startswith("impactmonitor: ") and line.endswith(" …")] == [
        "impactmonitor: valideren …", "impactmonitor: berekenen …", "impactmonitor: HTML …",
        "impactmonitor: pagina's …", "impactmonitor: PDF's …"]
    last = out.decode().splitlines()[-1]
    assert last.startswith("Stappen: ")
    assert [step.rsplit(" ", 2)[0] for step in last[len("Stappen: "):].split(" · ")] == STAGES


def test_in_ci_a_build_is_quiet_but_still_ends_with_the_seconds_of_each_stage(repo) -> None:
    root, environ = repo
    process = _build(root, {**environ, "CI": "true"}, subprocess.PIPE)
    out, err = process.communicate()
    assert process.returncode == 0
    assert "impactmonitor: valideren" not in err.decode()
    last = out.decode().splitlines()[-1]
    assert [step.rsplit(" ", 2)[0] for step in last[len("Stappen: "):].split(" · ")] == STAGES
    assert all(step.endswith(" s") and "," in step for step in last.split(" · "))
