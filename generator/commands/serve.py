"""`impactmonitor serve`: preview the site locally; it reloads when data or narrative change."""

from __future__ import annotations

import argparse
import logging
import signal
from pathlib import Path

from generator.build import serve_site
from generator.paths import find_root

HELP = ("Bekijk de site lokaal (standaard op http://127.0.0.1:8000/); zodra een bestand in "
        "data/, indicators/ of site_src/ verandert, worden alleen de pagina's opnieuw gemaakt "
        "waarvan iets veranderd is. Duurt dat even, dan toont de terminal de stappen.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dev-addr", metavar="HOST:PORT",
                        help="adres en poort van de voorvertoning (standaard 127.0.0.1:8000)")


def run(args: argparse.Namespace) -> int:
    # MkDocs' own lines ("Serving on ...", rebuilds, errors) are what a previewer reads.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    # Stopped by a service manager (SIGTERM) as by Ctrl-C: the staging folder is removed.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    serve_site(find_root(Path.cwd()), args.dev_addr)
    return 0
