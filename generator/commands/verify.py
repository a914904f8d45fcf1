"""`impactmonitor verify SITE_DIR`: every published figure checked against a rebuild from Git."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.commands.options import add_ref
from generator.paths import find_root
from generator.provenance.verify import verify_site
from generator.provenance.verify_view import to_json, to_text

HELP = ("Controleer een gebouwde site: bereken elk gepubliceerd getal opnieuw uit de commit "
        "die het manifest noemt en vergelijk. Exit 0 alles gelijk, 1 een verschil of geen site.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site_dir", metavar="SITE_DIR", type=Path,
                        help="de map van een gebouwde site (uitvoer van 'impactmonitor build')")
    add_ref(parser, help="controleer de monitor tegen deze commit, tag of branch in plaats "
                         "van de commit die het manifest noemt (rapportedities altijd "
                         "tegen hun eigen commit)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="uitvoer: tekst (standaard) of JSON")


def run(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    report = verify_site(root, args.site_dir, args.ref)  # invalid data: the CLI prints the report
    print(to_json(report) if args.format == "json" else to_text(report))
    return 0 if report.ok else 1
