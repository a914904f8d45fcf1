"""`impactmonitor verify SITE_DIR`: every published figure checked against a rebuild from Git."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from generator.commands.options import add_ref
from generator.encrypt.reader import open_published
from generator.paths import find_root
from generator.provenance.verify import verify_site
from generator.provenance.verify_view import to_json, to_text

HELP = ("Controleer een gebouwde site: bereken elk gepubliceerd getal opnieuw uit de commit "
        "die het manifest noemt en vergelijk. Een versleutelde site wordt gelezen met het "
        "landelijke wachtwoord uit IMPACTMONITOR_PASSWORD. Exit 0 alles gelijk, 1 een "
        "verschil, geen site of geen (juist) wachtwoord.")


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
    read = open_published(args.site_dir, os.environ)
    report = verify_site(root, args.site_dir, args.ref, read)  # invalid data: the CLI's report
    print(to_json(report) if args.format == "json" else to_text(report))
    return 0 if report.ok else 1
