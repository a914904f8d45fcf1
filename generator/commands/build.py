"""`impactmonitor build`: validate, compute, render and build the report site."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from generator.commands.options import add_ref
from generator.mkdocs_plugin.build import build_site
from generator.paths import SITE, find_root

HELP = ("Bouw de rapportagesite: valideer de gegevens, bereken de indicatoren, maak de "
        "pagina's en bouw de HTML. Exit 0, of 1 bij ongeldige gegevens of een fout in de bouw.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_ref(parser)
    parser.add_argument("--out", metavar="DIR", type=Path, default=None,
                        help="map voor de gebouwde site (standaard: site/ in de repository); "
                             "wordt pas vervangen als de bouw geslaagd is")


def run(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    out = args.out if args.out is not None else root / SITE
    logging.getLogger("mkdocs").setLevel(logging.WARNING)  # MkDocs' progress lines: noise here
    result = build_site(root, out, args.ref)  # invalid data: the CLI prints the report
    seconds = f"{result.seconds:.1f}".replace(".", ",")
    print(f"Site gebouwd in {result.out}: {result.pages} pagina's in {seconds} s.")
    return 0
