"""`python -m generator.synthetic --out DIR [--regions N] [--first Q] [--last Q] [--seed N]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.contract import Quarter
from generator.synthetic.build import DEFAULT_FIRST, DEFAULT_LAST, DEFAULT_SEED, Settings, generate


def _quarter(text: str) -> Quarter:
    try:
        return Quarter.parse(text)
    except ValueError as error:
        message = f"expected a quarter like 2024-Q3, got {text!r}"
        raise argparse.ArgumentTypeError(message) from error


def _region_count(text: str) -> int:
    count = int(text)
    if count < 1:
        raise argparse.ArgumentTypeError("needs at least one region")
    return count


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator.synthetic",
        description="Write seeded synthetic data in the shape of the data contract. "
                    "Without --regions: the committed example set (two fictitious pilots).",
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write the set to")
    parser.add_argument("--regions", type=_region_count, default=None,
                        help="make N benchmark regions synthetisch-01… "
                             "instead of the example set")
    parser.add_argument("--first", type=_quarter, default=DEFAULT_FIRST,
                        help=f"first quarter (default {DEFAULT_FIRST})")
    parser.add_argument("--last", type=_quarter, default=DEFAULT_LAST,
                        help=f"last quarter (default {DEFAULT_LAST})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                        help=f"seed of every random stream (default {DEFAULT_SEED})")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = Settings(out=args.out, regions=args.regions, first=args.first,
                        last=args.last, seed=args.seed)
    try:
        written = generate(settings)
    except ValueError as error:
        parser.error(str(error))
    print(f"{len(written)} files written to {settings.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
