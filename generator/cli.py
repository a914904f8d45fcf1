"""The `impactmonitor` command line: parses arguments and hands each command to its module.

Each module in `generator/commands/` exposes `HELP`, `add_arguments(parser)` and
`run(args) -> int`; the work itself happens in the library.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from generator import __version__
from generator.errors import UserError

COMMANDS: tuple[str, ...] = ("validate", "kpi", "diff", "trace", "verify", "build", "serve")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2, as argparse does
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, the other commands are listed but their modules not imported
    (a command's dependencies, pandas for one, are not loaded for another)."""
    parser = _Parser(
        prog="impactmonitor",
        description="Impactmonitor LLO Collectief: validate regional deliveries, compute "
                    "the KPIs and publish the report site.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for name in COMMANDS:
        if only is not None and name != only:
            subparsers.add_parser(name)
            continue
        module = importlib.import_module(f"generator.commands.{name}")
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    args = build_parser(chosen if chosen in COMMANDS else None).parse_args(argv)
    try:
        return args.run(args)
    except UserError as error:
        report = getattr(error, "report", None)  # invalid data: the validator's findings first
        if report is not None:
            print(report.to_text(), file=sys.stderr)
        print(f"impactmonitor: fout: {error.message}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("impactmonitor: afgebroken", file=sys.stderr)
        return 130
