"""`impactmonitor serve` as a previewer starts it: a real process on a real port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.site.conftest import site_repo


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
