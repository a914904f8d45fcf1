"""Wall time of `impactmonitor kpi --format json` (whole process, median of 5).

Not a test (pytest does not collect it): run `python tests/compute/bench_kpi.py` from the
repository root. Measures the example data in data/ and a 20-region synthetic set made
on the fly, and splits one in-process run into validation and computation.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RUNS = 5


def wall(cwd: Path, *args: str) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "kpi", *args], cwd=cwd, check=True,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def split(root: Path) -> tuple[float, float]:
    from generator.compute.pipeline import compute_at, validate_snapshot
    from generator.sources import open_snapshot

    start = time.perf_counter()
    validate_snapshot(open_snapshot(root))
    validated = time.perf_counter()
    compute_at(root, validate=False)
    return validated - start, time.perf_counter() - validated


def synthetic_set(folder: Path, regions: int) -> Path:
    subprocess.run([sys.executable, "-m", "generator.synthetic", "--out", str(folder / "data"),
                    "--regions", str(regions), "--first", "2023-Q1", "--last", "2026-Q4"],
                   cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    shutil.copytree(REPO / "indicators", folder / "indicators")
    (folder / "pyproject.toml").write_text("")
    return folder


def main() -> None:
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory() as tmp:
        sets = {"data/ (example)": REPO, "20 regions": synthetic_set(Path(tmp), 20)}
        for name, root in sets.items():
            median = wall(root, "--format", "json")
            validation, computation = split(root)
            print(f"{name:16} kpi --format json: median {median:.2f} s of {RUNS}; in process: "
                  f"validate {validation:.2f} s, compute {computation:.2f} s")


if __name__ == "__main__":
    main()
