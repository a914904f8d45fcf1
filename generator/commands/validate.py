"""`impactmonitor validate`: check the deliveries against the data contract."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from generator.commands.options import quarter
from generator.paths import find_root
from generator.validate import validate_repository

HELP = ("Controleer de leveringen in data/ (of alleen de opgegeven regiomappen of bestanden) "
        "tegen het gegevensleveringscontract. Exit 0: geldig, 1: ongeldige gegevens, 2: "
        "verkeerd gebruik.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="regiomap of bestand onder data/ (standaard: alles)")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text",
                        help="uitvoer: tekst (standaard), JSON of GitHub-annotaties")
    parser.add_argument("--as-of", metavar="YYYY-Qn", type=quarter,
                        help="huidig kwartaal voor de controle op toekomstige kwartalen "
                             "(standaard: het kwartaal van vandaag)")


def run(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    report = validate_repository(root, args.paths or None, as_of=args.as_of)
    if args.format == "json":
        print(report.to_json())
    elif args.format == "github":
        print(report.to_github())
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(report.to_markdown())
    else:
        print(report.to_text())
    sys.stdout.flush()
    return 0 if report.valid else 1


