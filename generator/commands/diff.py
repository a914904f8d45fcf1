"""`impactmonitor diff BASE HEAD`: which indicator values a change moves, for a PR summary."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.compute.diff import compare_refs
from generator.paths import find_root

HELP = ("Vergelijk de indicatorwaarden tussen twee Git-refs en toon wat verandert als "
        "Markdown-tabel (voor de samenvatting van een pull request). Exit 0.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", metavar="BASE", help="de ref van vóór de wijziging, bv. origin/main")
    parser.add_argument("head", metavar="HEAD", help="de ref met de wijziging, bv. HEAD")


def run(args: argparse.Namespace) -> int:
    print(compare_refs(find_root(Path.cwd()), args.base, args.head), end="")
    return 0
