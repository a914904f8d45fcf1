"""The shape of the house: imports between the stages of `generator/` run one way only.

Every module under `generator/` is parsed with `ast` (imports inside functions count too)
and mapped to its stage. A module may import its own stage and the stages below it in
`ORDER`, never one above; and no two packages import each other. Run it on its own to see
the graph between the stages:

    .venv/bin/python tests/test_architecture.py
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator"

ORDER: tuple[tuple[str, ...], ...] = (
    ("base",),           # errors, paths, sources (Git), cache, progress, problems and report (shared vocabulary)
    ("contract",),       # the data contract: schemas, scales, quarters
    ("economics",),      # the economic model: parameters, their check, the calculation
    ("indicators",),     # indicator definitions: YAML, schema, meaning checks
    ("validate",),       # deliveries (and, through indicators/ and economics/, the definitions)
    ("compute",),        # the engine: figures with lineage
    ("publish",),        # the published figures: disclosure control, derived and economic figures
    ("provenance",),     # trace, verify, manifest, PROV: beside render, reading only below it
    ("site",),           # render: pages as Markdown and HTML blocks, nothing of MkDocs
    ("mkdocs_plugin",),  # MkDocs builds the HTML
    ("encrypt",),        # encryption per audience, after MkDocs and the PDFs
    ("build",),          # the whole pipeline, stage by stage, and the atomic publish
    ("commands",),       # one module per CLI command
    ("cli",),            # argument parsing; `python -m generator`
    ("synthetic",),      # the seeded example data; beside the pipeline, reads only the contract
)
"""Stages from the bottom up; a tuple holds stages of one level (none import each other)."""

BASE_MODULES = {"errors", "paths", "sources", "cache", "progress", "problems", "report",
                "stopping", "__init__"}
TOP_MODULES = {"cli": "cli", "__main__": "cli", "build": "build"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "base"
    head = parts[1]
    if head in TOP_MODULES:
        return TOP_MODULES[head]
    if head in BASE_MODULES:
        return "base"
    return head


def imports_of(path: Path) -> set[str]:
    """The `generator` modules `path` imports, at module level or inside functions."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:  # `from generator import contract` names a module
                named = f"{target}.{alias.name}"
                found.add(named if _is_module(named) else target)
    return {name for name in found if name == "generator" or name.startswith("generator.")}


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def module_graph() -> dict[str, set[str]]:
    return {module_name(path): imports_of(path) for path in sorted(PACKAGE.rglob("*.py"))}


def stage_graph(modules: dict[str, set[str]]) -> dict[tuple[str, str], list[str]]:
    """(importing stage, imported stage) -> the module imports behind that arrow."""
    arrows: dict[tuple[str, str], list[str]] = defaultdict(list)
    for module, targets in modules.items():
        for target in sorted(targets):
            a, b = stage_of(module), stage_of(target)
            if a != b:
                arrows[(a, b)].append(f"{module} -> {target}")
    return dict(arrows)


def rank() -> dict[str, int]:
    return {stage: level for level, stages in enumerate(ORDER) for stage in stages}


def upward_arrows(modules: dict[str, set[str]]) -> list[str]:
    """Imports of a stage that is not below the importing one."""
    ranks = rank()
    bad = []
    for (a, b), lines in sorted(stage_graph(modules).items()):
        if a not in ranks or b not in ranks or ranks[b] >= ranks[a]:
            bad += lines
    return bad


def package_of(module: str, packages: set[str]) -> str:
    while module not in packages:
        module = module.rpartition(".")[0]
    return module


def package_cycles(modules: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected sets of more than one package (folders with `__init__.py`)."""
    packages = {module_name(p.parent / "__init__.py") for p in PACKAGE.rglob("__init__.py")}
    edges: dict[str, set[str]] = defaultdict(set)
    for module, targets in modules.items():
        source = package_of(module, packages)
        for target in targets:
            goal = package_of(target, packages)
            # A package reaching into its own subpackage is not a cycle with it.
            if goal != source and not goal.startswith(source + "."):
                edges[source].add(goal)
    return [sorted(group) for group in _strongly_connected(edges) if len(group) > 1]


def module_cycles(modules: dict[str, set[str]]) -> list[list[str]]:
    """Modules that import each other, directly or around a loop."""
    edges = {m: {t for t in targets if t in modules and t != m} for m, targets in modules.items()}
    return [sorted(group) for group in _strongly_connected(edges) if len(group) > 1]


def _strongly_connected(edges: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iteratively."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    nodes = sorted(set(edges) | {t for ts in edges.values() for t in ts})
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    groups.append(group)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def describe(modules: dict[str, set[str]]) -> str:
    """The stage graph as text: each stage with the stages it imports, bottom up."""
    ranks = rank()
    arrows = stage_graph(modules)
    stages = sorted({s for pair in arrows for s in pair} | {stage_of(m) for m in modules},
                    key=lambda s: (ranks.get(s, 99), s))
    lines = ["Stages, bottom up; each with the stages it imports (! = not below it):"]
    for stage in stages:
        imported = sorted({b for a, b in arrows if a == stage},
                          key=lambda s: (ranks.get(s, 99), s))
        marked = [f"{b}{'' if ranks.get(b, 99) < ranks.get(stage, -1) else ' !'}"
                  for b in imported]
        lines.append(f"  {stage:<14} -> {', '.join(marked) or '(nothing)'}")
    return "\n".join(lines)


def report(modules: dict[str, set[str]]) -> str:
    lines = [describe(modules)]
    upward = upward_arrows(modules)
    if upward:
        lines += ["", f"Imports that run back up ({len(upward)}):", *(f"  {u}" for u in upward)]
    for title, cycles in (("Package cycles", package_cycles(modules)),
                          ("Module cycles", module_cycles(modules))):
        if cycles:
            lines += ["", f"{title} ({len(cycles)}):", *(f"  {' <-> '.join(c)}" for c in cycles)]
    return "\n".join(lines)


def test_every_stage_is_placed() -> None:
    modules = module_graph()
    assert sorted({stage_of(m) for m in modules} - set(rank())) == [], report(modules)


def test_imports_only_run_down() -> None:
    modules = module_graph()
    assert upward_arrows(modules) == [], report(modules)


def test_no_package_imports_another_that_imports_it() -> None:
    modules = module_graph()
    assert package_cycles(modules) == [], report(modules)


def test_no_module_cycles() -> None:
    modules = module_graph()
    assert module_cycles(modules) == [], report(modules)


def test_the_check_sees_a_back_arrow() -> None:
    """The check itself can fail: a compute module importing the render stage is caught."""
    modules = {"generator.compute.engine": {"generator.site.charts"},
               "generator.site.charts": {"generator.compute.engine"}}
    assert upward_arrows(modules) == ["generator.compute.engine -> generator.site.charts"]
    assert module_cycles(modules) == [["generator.compute.engine", "generator.site.charts"]]


if __name__ == "__main__":
    graph = module_graph()
    print(report(graph))
    sys.exit(1 if upward_arrows(graph) or package_cycles(graph) or module_cycles(graph) else 0)
