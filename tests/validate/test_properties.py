"""Random damage to a valid delivery never crashes the validator, and what it reports is located."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import contract
from generator.contract import Quarter
from generator.validate import validate_repository
from generator.problems import CATALOGUE
from tests.validate.delivery import Delivery

AS_OF = Quarter(2026, 3)
FOLDER = "data/voorbeeld-noord"
TARGETS = [f"{FOLDER}/{r}.csv" for r in contract.RESOURCES] + [f"{FOLDER}/datapackage.json",
                                                               "data/regios.csv"]

cell_text = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "-1", "0", "1.5", "12,5", "1.234", "2024-Q5", "2024Q3", "1-7-2024",
                     "45474", "NaN", "inf", '"', "\x00", "Ω", "2027-Q1", "1999-Q1",
                     "taal-werk", "bestaat-niet", "arbeidsmarktpositie", "j@x.nl"]),
)
damage = st.one_of(
    st.tuples(st.just("cell"), st.integers(0, 60), st.integers(0, 9), cell_text),
    st.tuples(st.just("drop-row"), st.integers(0, 60)),
    st.tuples(st.just("duplicate-row"), st.integers(0, 60)),
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("insert-bytes"), st.floats(0, 1), st.binary(min_size=1, max_size=8)),
)


def _apply(path: Path, action: tuple) -> None:
    data = path.read_bytes()
    kind = action[0]
    if kind in {"truncate", "insert-bytes"}:
        at = int(len(data) * action[1])
        path.write_bytes(data[:at] + (action[2] if kind == "insert-bytes" else b"") +
                         (data[at:] if kind == "insert-bytes" else b""))
        return
    lines = data.decode("utf-8", "surrogateescape").split("\n")
    index = action[1] % max(len(lines), 1)
    if kind == "drop-row":
        del lines[index]
    elif kind == "duplicate-row":
        lines.insert(index, lines[index])
    else:
        cells = lines[index].split(",")
        cells[action[2] % len(cells)] = action[3]
        lines[index] = ",".join(cells)
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogateescape"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(TARGETS), actions=st.lists(damage, min_size=1, max_size=3))
def test_damage_gives_valid_or_located_errors(target: str, actions: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        delivery = Delivery(root)
        shutil.rmtree(root / "data" / "voorbeeld-zuid")
        delivery.update_rows("data/regios.csv",
                             lambda r: None if r["regio_id"] == "voorbeeld-zuid" else r)
        for action in actions:
            _apply(root / target, action)
        report = validate_repository(root, as_of=AS_OF)
    for found in report.errors + report.warnings:
        assert found.code in CATALOGUE
        assert found.file.startswith("data/")
        assert found.row is None or found.row >= 1
        assert found.message  # placeholders are filled by str.format, or it raises
        if found.field is not None:
            assert isinstance(found.field, str) and found.field
