"""`impactmonitor kpi`: indicator values with their targets, at the working tree or a ref."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from generator.commands.options import add_ref, quarter
from generator.compute.kpi_view import kpi_entries, to_csv, to_json, to_table
from generator.compute.pipeline import compute_at
from generator.paths import find_root
from generator.publish.disclosure import configured_k, label
from generator.publish.sitedata import suppressed

HELP = ("Toon de indicatorwaarden met hun doelen, opgeteld tot en met een kwartaal, uit de "
        "werkmap of uit een Git-ref. Kleine aantallen zijn verborgen zoals op de site "
        "(k_anonymity in mkdocs.yml): kleine cellen van uitsplitsingen en uitkomsten van het "
        "economisch model over minder dan k gemeten deelnemers. Exit 0, of 1 bij ongeldige "
        "gegevens.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_ref(parser)
    parser.add_argument("--region", metavar="ID", help="alleen deze regio (of 'totaal')")
    parser.add_argument("--period", metavar="YYYY-Qn", type=quarter,
                        help="laatste kwartaal dat meetelt (standaard: het laatste kwartaal "
                             "met gegevens)")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table",
                        help="uitvoer: tabel (standaard), JSON of CSV")
    parser.add_argument("--breakdowns", action="store_true",
                        help="toon ook de uitsplitsingen (naar bestemming, soort, fase, ...)")


def run(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    period = str(args.period) if args.period else None
    computation = compute_at(root, args.ref, period, region=args.region,
                             breakdowns=args.breakdowns)
    # The computation holds every region, so secondary suppression sees the whole set.
    computation = replace(computation, figures=suppressed(computation.figures,
                                                          configured_k(root)))
    entries = kpi_entries(computation, args.region, args.breakdowns)
    if args.format == "json":
        print(to_json(computation, entries))
    elif args.format == "csv":
        sys.stdout.write(to_csv(entries))
    else:
        print(to_table(computation, entries, hidden=label))
    return 0
