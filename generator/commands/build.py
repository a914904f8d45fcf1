"""`impactmonitor build`: validate, compute, render and build the report site."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.compute.pipeline import InvalidData
from generator.mkdocs_plugin.build import build_site
from generator.paths import find_root

HELP = ("Bouw de rapportagesite: valideer de gegevens, bereken de indicatoren, maak de "
        "pagina's en bouw de HTML. Exit 0, of 1 bij ongeldige gegevens of een fout in de bouw.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ref", metavar="REF",
                        help="lees data/ en indicators/ zoals ze in deze commit, tag of branch "
                             "staan (standaard: de werkmap)")
    parser.add_argument("--out", metavar="DIR", type=Path, default=None,
                        help="map voor de gebouwde site (standaard: site/ in de repository); "
                             "wordt pas vervangen als de bouw geslaagd is")


def run(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    out = args.out if args.out is not None else root / "site"
    logging.getLogger("mkdocs").setLevel(logging.WARNING)  # MkDocs' progress lines: noise here
    try:
        result = build_site(root, out, args.ref)
    except InvalidData as invalid:
        print(invalid.report.to_text(), file=sys.stderr)
        print(f"impactmonitor: {invalid.message} De vorige site is ongewijzigd.", file=sys.stderr)
        return 1
    seconds = f"{result.seconds:.1f}".replace(".", ",")
    print(f"Site gebouwd in {result.out}: {result.pages} pagina's in {seconds} s.")
    return 0
