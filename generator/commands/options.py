"""Options more than one command takes, declared once: `--ref` and the quarter type."""

from __future__ import annotations

import argparse

from generator.contract import Quarter

REF_HELP = ("lees data/ en indicators/ zoals ze in deze commit, tag of branch staan "
            "(standaard: de werkmap)")


def add_ref(parser: argparse.ArgumentParser, help: str = REF_HELP) -> None:
    """`--ref REF`: the commit, tag or branch to read `data/` and `indicators/` at."""
    parser.add_argument("--ref", metavar="REF", help=help)


def quarter(text: str) -> Quarter:
    """An argument `YYYY-Qn` (argparse `type=`); a usage error otherwise."""
    try:
        return Quarter.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen kwartaal; gebruik bijvoorbeeld 2026-Q2") from None
