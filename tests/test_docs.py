"""The docs against the code: the error reference, the data stewards' guide, the README.

Each test compares exact content or exact sets, so a code, field, value or command added
to the code without its documentation fails here.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
from frictionless import Resource, Schema

from generator import cli, contract
from generator.validate import docs, stages
from generator.problems import Code

ROOT = Path(__file__).resolve().parents[1]
GUIDE_DIR = ROOT / "site_src" / "gegevenslevering"
GUIDE = GUIDE_DIR / "index.md"
REFERENCE = GUIDE_DIR / "foutcodes.md"
README = ROOT / "README.md"
CI = ROOT / ".ci"
TABLES = (*contract.RESOURCES, contract.REGISTER)
"""Every table with a canonical schema: the region's resources and the register."""


@pytest.fixture(scope="module")
def catalogue() -> dict[str, Code]:
    return docs.catalogue()


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under the first heading line that contains `heading`, up to the next
    heading of the same or a higher level."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines)
                  if line.startswith("#") and heading in line), None)
    assert start is not None, f"no heading with {heading!r}"
    level = len(lines[start]) - len(lines[start].lstrip("#"))
    end = next((i for i in range(start + 1, len(lines))
                if re.match(rf"#{{1,{level}}} ", lines[i])), len(lines))
    return "\n".join(lines[start:end])


# --- the error reference ----------------------------------------------------------------

def test_committed_error_reference_is_generated_from_the_catalogue() -> None:
    committed = REFERENCE.read_text(encoding="utf-8")
    assert committed == docs.error_reference_markdown(), (
        f"{REFERENCE.relative_to(ROOT)} is out of date; regenerate it with: {docs.COMMAND}")


def test_the_module_prints_the_reference() -> None:
    result = subprocess.run([sys.executable, "-m", "generator.validate.docs"], cwd=ROOT,
                            capture_output=True, check=True)
    assert result.stdout.decode("utf-8") == docs.error_reference_markdown()


def badly_explained(codes: Iterable[Code]) -> list[str]:
    """Codes whose explanation is not two non-empty paragraphs (what it means, what to do)
    or still holds a template placeholder."""
    return [code.code for code in codes
            if len(parts := code.explanation.split("\n\n")) != 2
            or not all(part.strip() for part in parts)
            or re.search(r"\{\w*\}", code.explanation)]


def test_every_code_says_what_it_means_and_what_to_do(catalogue: dict[str, Code]) -> None:
    assert badly_explained(catalogue.values()) == [], (
        "write the explanation in the code's declare(..., explanation=...)")


@pytest.mark.parametrize("explanation", ["", "   ", "Alleen wat het betekent.",
                                         "Wat het betekent.\n\n", "Wat {field} is.\n\nDoe iets."])
def test_a_missing_or_half_explanation_is_caught(
        catalogue: dict[str, Code], explanation: str) -> None:
    code = dataclasses.replace(catalogue["wrong-delimiter"], explanation=explanation)
    assert badly_explained([code]) == ["wrong-delimiter"]


def unstaged(codes: Iterable[Code]) -> list[str]:
    """Codes whose stage is none of the reference's sections."""
    known = {stage.key for stage in stages.STAGES}
    return [code.code for code in codes if code.stage not in known]


def test_every_code_names_a_known_stage(catalogue: dict[str, Code]) -> None:
    assert unstaged(catalogue.values()) == [], (
        "give declare(..., stage=...) a key from generator/validate/stages.py STAGES")


@pytest.mark.parametrize("stage", ["", "Kolommen en cellen", "cel"])
def test_a_code_in_an_unknown_stage_is_caught(catalogue: dict[str, Code], stage: str) -> None:
    code = dataclasses.replace(catalogue["wrong-delimiter"], stage=stage)
    assert unstaged([code]) == ["wrong-delimiter"]
    with pytest.raises(ValueError, match="wrong-delimiter"):
        docs.sections({code.code: code})


def test_stage_keys_and_titles_are_unique() -> None:
    keys = [stage.key for stage in stages.STAGES]
    titles = [stage.title for stage in stages.STAGES]
    assert len(set(keys)) == len(keys) and len(set(titles)) == len(titles)


def test_a_module_outside_the_pipeline_is_caught(catalogue: dict[str, Code]) -> None:
    code = dataclasses.replace(catalogue["wrong-delimiter"], module="generator.elsewhere")
    with pytest.raises(ValueError, match="generator.elsewhere"):
        docs.sections({code.code: code})


def test_codes_are_ordered_by_module_then_as_declared(catalogue: dict[str, Code]) -> None:
    by_stage = {stage.key: [code.code for code in codes]
                for stage, codes in docs.sections(catalogue)}
    assert by_stage["folder"] == ["missing-data-folder", "missing-file", "unknown-file",
                                  "not-a-regular-file"]
    assert by_stage["definitions"][-2:] == ["model-parameters-unreadable",
                                            "model-parameters-invalid"]


def test_the_reference_does_not_depend_on_what_was_imported_first() -> None:
    # A process that meets the declaring modules in another order fills CATALOGUE in
    # another order; the page must not notice.
    script = ("import generator.indicators.check, generator.validate.checks.uitstroom, "
              "generator.validate.definitions\n"
              "import sys\n"
              "from generator.validate import docs\n"
              "sys.stdout.buffer.write(docs.error_reference_markdown().encode('utf-8'))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            check=True)
    assert result.stdout.decode("utf-8") == REFERENCE.read_text(encoding="utf-8")


def test_the_reference_has_one_entry_per_code(catalogue: dict[str, Code]) -> None:
    page = docs.error_reference_markdown()
    headings = re.findall(r"^### `([a-z0-9-]+)` — ", page, flags=re.MULTILINE)
    anchors = re.findall(r'^<a id="([a-z0-9-]+)"></a>$', page, flags=re.MULTILINE)
    overview = re.findall(r"^\| \[`([a-z0-9-]+)`\]\(#\1\) \|", page, flags=re.MULTILINE)
    assert sorted(headings) == sorted(catalogue)
    assert anchors == headings
    assert overview == headings
    for code in catalogue.values():
        entry = section(page, f"### `{code.code}` — {code.title}")
        label = "fout" if code.severity == "error" else "waarschuwing"
        assert f"**Soort:** {label} — " in entry


# --- the guide for data stewards --------------------------------------------------------

@pytest.mark.parametrize("table", TABLES)
def test_the_guide_names_every_table_and_its_fields(guide: str, table: str) -> None:
    text = section(guide, f"### `{table}.csv`")
    missing = [name for name in contract.field_names(table) if f"`{name}`" not in text]
    assert missing == []


@pytest.mark.parametrize("table", TABLES)
def test_the_guide_lists_every_allowed_value(guide: str, table: str) -> None:
    text = section(guide, f"### `{table}.csv`")
    missing = [(spec["name"], value)
               for spec in contract.schema(table)["fields"]
               for value in spec.get("constraints", {}).get("enum", [])
               if f"`{value}`" not in text]
    assert missing == []


def test_the_guide_gives_the_scale_of_every_dimension(guide: str) -> None:
    text = section(guide, "### `metingen.csv`")
    rows = re.findall(r"^\| `(\w+)` \| (\d+)–(\d+) \|", text, flags=re.MULTILINE)
    assert {name: (int(low), int(high)) for name, low, high in rows} == contract.SCALES


def _examples(guide: str) -> list[tuple[str, list[list[str]]]]:
    blocks = re.findall(r"^```csv\n(.*?)^```$", guide, flags=re.MULTILINE | re.DOTALL)
    headers = {tuple(contract.field_names(table)): table for table in TABLES}
    examples = []
    for block in blocks:
        header, *rows = list(csv.reader(io.StringIO(block)))
        assert tuple(header) in headers, f"example header is no table's: {header}"
        examples.append((headers[tuple(header)], [header, *rows]))
    return examples


def test_every_example_follows_the_contract(guide: str) -> None:
    examples = _examples(guide)
    assert {table for table, rows in examples if len(rows) > 1} == set(contract.RESOURCES)
    problems = {}
    for index, (table, rows) in enumerate(examples):
        schema = contract.schema(table)
        schema.pop("foreignKeys", None)  # each example shows one table on its own
        report = Resource(data=rows, schema=Schema.from_descriptor(schema)).validate()
        if not report.valid:
            problems[(index, table)] = report.flatten(["rowNumber", "fieldName", "type"])
    assert problems == {}


def test_links_within_the_guide_lead_somewhere(guide: str, catalogue: dict[str, Code]) -> None:
    anchors = set(re.findall(r'<a id="([\w-]+)"></a>', guide))
    headings = {_slug(h) for h in re.findall(r"^#+ (.+)$", guide, flags=re.MULTILINE)}
    local = re.findall(r"\]\(#([\w-]+)\)", guide)
    assert sorted(set(local) - anchors - headings) == []
    codes = re.findall(r"\]\(foutcodes\.md#([\w-]+)\)", guide)
    assert codes and sorted(set(codes) - set(catalogue)) == []


def _slug(heading: str) -> str:
    return re.sub(r"[^\w-]", "", heading.strip().lower().replace(" ", "-"))


# --- the README and CI ------------------------------------------------------------------

def test_the_readme_mentions_every_command() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = [name for name in cli.COMMANDS
               if not re.search(rf"\bimpactmonitor {re.escape(name)}\b", readme)]
    assert missing == [], "document these commands of generator.cli.COMMANDS in README.md"


def test_the_readme_gives_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = README.read_text(encoding="utf-8")
    commands = re.findall(r"^(bash \.ci/\w+)\b", readme, flags=re.MULTILINE)
    assert commands == ["bash .ci/site", "bash .ci/test"]
    assert all((ROOT / command.split()[1]).is_file() for command in commands)
    run = [line for line in (CI / "run").read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith(("#", "set "))]
    assert run == ['exec bash "$(dirname "$0")/test" "$@"']
