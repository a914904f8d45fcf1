"""`impactmonitor serve` as a previewer starts it: a real process on a real port."""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.serve import address
from tests.site.conftest import site_repo, write


def test_a_port_in_use_is_named_with_what_to_do_and_no_traceback(tmp_path: Path) -> None:
    site_repo(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, "-m", "generator", "serve", "--dev-addr",
                              f"127.0.0.1:{port}"], cwd=tmp_path, capture_output=True,
                             text=True, timeout=600,
                             env={**os.environ, "IMPACTMONITOR_CHROMIUM": "/nonexistent/x"})
    assert run.returncode == 1
    assert f"Het adres 127.0.0.1:{port} is al in gebruik" in run.stderr
    assert "--dev-addr 127.0.0.1:8001" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert "Building documentation" not in run.stderr  # said before the first build


@pytest.mark.parametrize("wrong", ["256.1.1.1:80", "127.0.0.1", "localhost:0",
                                   "example.org:80", "127.0.0.1:80x"])
def test_a_wrong_address_is_a_usage_error_in_dutch_before_any_build(
        wrong: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no repository: a build could not even start
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--dev-addr", wrong])
    assert stopped.value.code == 2
    assert f"'{wrong}' is geen adres" in capsys.readouterr().err


@pytest.mark.parametrize("right", ["127.0.0.1:8001", "localhost:8000", "0.0.0.0:80",
                                   "::1:8000"])
def test_the_addresses_mkdocs_takes_are_taken(right: str) -> None:
    assert address(right) == right


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP],
                         ids=["SIGINT", "SIGTERM", "SIGHUP"])
def test_ctrl_c_stops_serve_without_a_traceback(tmp_path: Path, stop: signal.Signals) -> None:
    """Ctrl-C, a service manager's SIGTERM or a closed terminal's SIGHUP: exit 0, and
    neither the plugin's staging folder nor MkDocs' site folder is left behind."""
    site_repo(tmp_path / "repo")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    serving, port = started_serve(tmp_path / "repo", TMPDIR=str(scratch))
    try:
        assert serving.stdout is not None
        said = []
        for line in serving.stdout:  # until MkDocs serves (its own line), or it ended
            said.append(line)
            if f"Serving on http://127.0.0.1:{port}/" in line:
                break
        assert serving.poll() is None, "".join(said)
        assert list(scratch.iterdir())  # the staging folder, MkDocs' site folder
        serving.send_signal(stop)
        output, _ = serving.communicate(timeout=60)
    finally:
        serving.kill()
    assert serving.returncode == 0 and "Shutting down" in output
    assert "Traceback" not in "".join(said) + output
    assert list(scratch.iterdir()) == []


def test_a_rebuild_repeats_no_warning_the_previewer_read_at_the_start(tmp_path: Path) -> None:
    """The "niet versleuteld" warning comes once, and MkDocs' warning that a dirty build
    may get the navigation wrong (the plugin makes it right) not at all."""
    site_repo(tmp_path)
    serving, _ = started_serve(tmp_path)
    try:
        said = lines_until(serving, lambda line: "Serving on" in line)
        for attempt in range(10):  # a save before the watcher's first look goes unseen
            write(tmp_path / "site_src/onderzoeksvragen/1.md",
                  f"# Wie bereiken we?\n\nNieuw, keer {attempt}.\n")
            found = lines_until(serving, lambda line: "Documentation built in" in line,
                                limit=30, fail=False)
            said += found
            if found and "Documentation built in" in found[-1]:
                break
        serving.send_signal(signal.SIGINT)
        said += lines_until(serving, lambda line: "Shutting down" in line)
        assert serving.wait(timeout=60) == 0
    finally:
        serving.kill()
    everything = "".join(said)
    assert everything.count("Documentation built in") >= 2, everything  # it rebuilt
    assert everything.count("De site wordt niet versleuteld") == 1, everything
    assert "'dirty' build" not in everything


def started_serve(repo: Path, **env: str) -> tuple[subprocess.Popen[str], int]:
    """`impactmonitor serve` in `repo` on a free port (without PDFs), its output (stdout
    and stderr) as text lines, and the port."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    serving = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "IMPACTMONITOR_CHROMIUM": "/nonexistent/x", **env})
    return serving, port


def lines_until(process: subprocess.Popen[str], found: Callable[[str], bool],
                limit: float = 120.0, fail: bool = True) -> list[str]:
    """The process's lines up to the first for which `found` holds; fails after `limit`
    seconds without it (or, with `fail=False`, returns the lines read until then), or
    when the process ends first."""
    lines = _LINES.get(process)
    if lines is None:  # one reader per process: a line is read once, also after a deadline
        lines = _LINES[process] = queue.Queue()
        threading.Thread(target=_read_lines, args=(process, lines), daemon=True).start()
    said: list[str] = []
    deadline = time.monotonic() + limit
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        if line is None:
            pytest.fail("serve ended:\n" + "".join(said))
        said.append(line)
        if found(line):
            return said
    if fail:
        pytest.fail(f"not said within {limit:.0f} s:\n" + "".join(said))
    return said


_LINES: dict[subprocess.Popen[str], queue.Queue[str | None]] = {}


def _read_lines(process: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.put(line)
    lines.put(None)
