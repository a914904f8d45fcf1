"""`impactmonitor trace FIGURE_ID`: where one figure came from, recomputed and checked."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.commands.options import add_ref
from generator.paths import find_root
from generator.provenance.trace import Unknown, trace
from generator.provenance.trace_view import to_json, to_text

HELP = ("Toon de herkomst van één getal (figuur-id) en bereken het opnieuw uit de gegevens "
        "in een Git-ref. Exit 0 gevonden en gelijk, 1 onbekende figuur of een verschil.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("figure_id", metavar="FIGURE_ID",
                        help="het figuur-id, bv. deelnemers_bereikt.totaal.2026-Q2 (zoals de "
                             "site en 'kpi --format json' het tonen)")
    add_ref(parser)
    parser.add_argument("--expect", metavar="WAARDE",
                        help="de waarde zoals de site hem toont (1.234; 12,5%%; € 1.234) of "
                             "als getal; exit 1 als de herberekening afwijkt")
    parser.add_argument("--no-validate", dest="validate", action="store_false",
                        help="valideer de gegevens niet eerst (twee keer zo snel; voor een "
                             "commit die een build al heeft gevalideerd)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="uitvoer: tekst (standaard) of JSON")


def run(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    result = trace(root, args.figure_id, args.ref, expect=args.expect, validate=args.validate)
    print(to_json(result) if args.format == "json" else to_text(result))
    if isinstance(result, Unknown):
        return 1
    return 0 if result.ok else 1
