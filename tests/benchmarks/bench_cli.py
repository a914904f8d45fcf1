"""Wall time of whole `impactmonitor` processes on the example data and a 20-region set.

Not a test: it prints figures. Run it with the project's virtualenv:

    .venv/bin/python tests/benchmarks/bench_cli.py [--runs 5] [--regions 20] [COMMAND ...]

COMMAND is a CLI command line to time, e.g. "validate" or "kpi --format json"; the
default times every benchmarked command. The large set is written to a temporary
folder (never committed), made by `python -m generator.synthetic`.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_COMMANDS = ("validate", "kpi --format json")


def synthetic_repo(folder: Path, regions: int) -> Path:
    """A throwaway repository with a large synthetic data set and the real indicators."""
    subprocess.run([sys.executable, "-m", "generator.synthetic", "--out", str(folder / "data"),
                    "--regions", str(regions), "--first", "2023-Q1", "--last", "2026-Q4"],
                   check=True, cwd=REPO)
    if (REPO / "indicators").is_dir():
        shutil.copytree(REPO / "indicators", folder / "indicators")
    (folder / "pyproject.toml").write_text("")
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "synthetic benchmark set"]):
        subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@invalid", *command],
                       cwd=folder, check=True)
    return folder


def time_command(cwd: Path, command: str, runs: int) -> tuple[float, list[float], int]:
    argv = [sys.executable, "-m", "generator", *shlex.split(command)]
    times, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commands", nargs="*", default=list(DEFAULT_COMMANDS))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--regions", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        large = synthetic_repo(Path(tmp), args.regions)
        print(f"{'command':<22} {'data':<28} {'median':>8}  runs (s)                    exit")
        for command in args.commands:
            for label, cwd in (("example (2 regions)", REPO), (f"synthetic ({args.regions} regions x 16 q)", large)):
                median, times, code = time_command(cwd, command, args.runs)
                runs = " ".join(f"{t:.2f}" for t in times)
                print(f"{command:<22} {label:<28} {median:>7.2f}s  {runs:<27} {code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
