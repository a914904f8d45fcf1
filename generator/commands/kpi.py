"""`impactmonitor kpi`: indicator values with their targets, at the working tree or a ref."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.compute.kpi_view import kpi_entries, to_csv, to_json, to_table
from generator.compute.pipeline import compute_at
from generator.contract.quarters import QUARTER_PATTERN
from generator.paths import find_root

HELP = ("Toon de indicatorwaarden met hun doelen, opgeteld tot en met een kwartaal, uit de "
        "werkmap of uit een Git-ref. Exit 0, of 1 bij ongeldige gegevens.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ref", metavar="REF",
                        help="lees data/ en indicators/ zoals ze in deze commit, tag of branch "
                             "staan (standaard: de werkmap)")
    parser.add_argument("--region", metavar="ID", help="alleen deze regio (of 'totaal')")
    parser.add_argument("--period", metavar="YYYY-Qn", type=_quarter,
                        help="laatste kwartaal dat meetelt (standaard: het laatste kwartaal "
                             "met gegevens)")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        help="uitvoer: tabel (standaard), JSON of CSV")
    parser.add_argument("--breakdowns", action="store_true",
                        help="toon ook de uitsplitsingen (naar bestemming, soort, fase, ...)")


def _quarter(text: str) -> str:
    if not QUARTER_PATTERN.match(text):
        raise argparse.ArgumentTypeError(f"'{text}' is geen kwartaal; gebruik bijvoorbeeld 2026-Q2")
    return text


def run(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    computation = compute_at(root, args.ref, args.period, region=args.region,
                             breakdowns=args.breakdowns)
    entries = kpi_entries(computation, args.region, args.breakdowns)
    if args.format == "json":
        print(to_json(computation, entries))
    elif args.format == "csv":
        sys.stdout.write(to_csv(entries))
    else:
        print(to_table(computation, entries))
    return 0
