"""`tally.lineage`: the files, blob ids and rows behind parts, whatever order the parts'
positions come in (one region's rows, regions in frame order, or out of it) and whatever
order the frame holds its files in. Checked against the plain definition: every position
once, grouped by file, rows ascending."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from generator.compute.data_frames import BLOB, FILE, REGION, ROW, Tables
from generator.compute.lineage import SourceRows
from generator.compute.tally import Part, lineage


def tables(files: list[str], shuffle: bool, seed: int) -> Tables:
    rows = [(f, f"blob-{f}", n) for f in files for n in range(2, 9)]
    if shuffle:  # files interleaved, rows of a file out of order
        rows = [rows[i] for i in np.random.default_rng(seed).permutation(len(rows))]
    frame = pd.DataFrame({FILE: [r[0] for r in rows], BLOB: [r[1] for r in rows],
                          ROW: [r[2] for r in rows], REGION: [r[0][:1] for r in rows]})
    return Tables({"instroom": frame}, ())


def expected(parts: list[Part], table: Tables) -> tuple[SourceRows, ...]:
    frame = table.frames["instroom"]
    positions = sorted({int(p) for part in parts for p in part.rows["instroom"]})
    found: dict[str, list[int]] = {}
    for position in positions:
        found.setdefault(frame[FILE].iat[position], []).append(int(frame[ROW].iat[position]))
    return tuple(SourceRows(f, f"blob-{f}", tuple(sorted(r))) for f, r in sorted(found.items()))


@pytest.mark.parametrize("shuffle", [False, True])
@pytest.mark.parametrize("seed", range(12))
def test_lineage_is_every_position_once_by_file_with_rows_ascending(shuffle: bool,
                                                                    seed: int) -> None:
    table = tables(["n.csv", "z.csv", "o.csv"], shuffle, seed)
    rng = np.random.default_rng(100 + seed)
    size = len(table.frames["instroom"])
    parts = []
    for _ in range(int(rng.integers(1, 4))):
        chunks = [rng.choice(size, size=int(rng.integers(0, size)), replace=False)
                  for _ in range(int(rng.integers(1, 4)))]
        for chunk in chunks:
            if rng.random() < 0.5:
                chunk.sort()
        parts.append(Part(0, {"instroom": np.concatenate(chunks).astype(np.int64)}))
    assert lineage(parts, table) == expected(parts, table)
