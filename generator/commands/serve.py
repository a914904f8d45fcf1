"""`impactmonitor serve`: preview the site locally; it reloads when data or narrative change."""

from __future__ import annotations

import argparse
import ipaddress
import logging
from pathlib import Path

from generator.build import serve_site
from generator.paths import find_root
from generator.stopping import stop_on_signals

HELP = ("Bekijk de site lokaal (standaard op http://127.0.0.1:8000/); zodra een bestand in "
        "data/, indicators/ of site_src/ verandert, worden alleen de pagina's opnieuw gemaakt "
        "waarvan iets veranderd is. Duurt dat even, dan toont de terminal de stappen.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dev-addr", metavar="HOST:PORT", type=address,
                        help="adres en poort van de voorvertoning (standaard 127.0.0.1:8000)")


def address(text: str) -> str:
    """`HOST:PORT` as MkDocs takes it (an IP address or `localhost`, a port from 1 to
    65535; argparse `type=`); a usage error in Dutch otherwise, before any build."""
    host, colon, port = text.rpartition(":")
    fits = bool(colon) and port.isdigit() and 0 < int(port) < 65536
    if fits and host != "localhost":
        try:
            ipaddress.ip_address(host)
        except ValueError:
            fits = False
    if not fits:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen adres; gebruik HOST:POORT met een IP-adres of localhost, "
            "bijvoorbeeld 127.0.0.1:8001")
    return text


def run(args: argparse.Namespace) -> int:
    # MkDocs' own lines ("Serving on ...", rebuilds, errors) are what a previewer reads.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    # MkDocs warns at every dirty rebuild that its navigation may be inaccurate; the
    # plugin counts every page as changed when the navigation changes, so it is not.
    logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
    stop_on_signals()  # Ctrl-C, SIGTERM or SIGHUP; a second one while it stops ends it at once
    serve_site(find_root(Path.cwd()), args.dev_addr)
    return 0


DIRTY_WARNING = "A 'dirty' build is being performed"


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(DIRTY_WARNING)
