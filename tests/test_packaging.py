"""A normal (non-editable) install carries every file the package needs.

The test suite runs on an editable install, which reads files straight from the work
tree and so hides a stylesheet or schema missing from the package data.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_wheel_contains_every_tracked_package_file(tmp_path: Path) -> None:
    # Built as pip builds it for a user (isolated, with the declared build backend).
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--wheel-dir", str(tmp_path), str(REPO)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("impactmonitor-*.whl"))
    shipped = set(zipfile.ZipFile(wheel).namelist())
    tracked = subprocess.run(["git", "ls-files", "generator"], cwd=REPO, check=True,
                             capture_output=True, text=True).stdout.split()
    missing = sorted(path for path in tracked if path not in shipped)
    assert missing == [], "add these to [tool.setuptools.package-data] in pyproject.toml"
    entry_points = next(name for name in shipped if name.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "impactmonitor = generator.cli:main" in text
    assert "impactmonitor = generator.mkdocs_plugin:ImpactmonitorPlugin" in text
