"""`impactmonitor build`: validate, compute, render, encrypt and publish the report site."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from generator.build import BuildResult, build_site
from generator.commands.options import add_ref
from generator.paths import SITE, find_root
from generator.progress import Progress

HELP = ("Bouw de rapportagesite: controleer de wachtwoorden, valideer de gegevens, bereken de "
        "indicatoren, maak de pagina's, bouw de HTML en versleutel alles met het landelijke "
        "wachtwoord (IMPACTMONITOR_PASSWORD) en de regiowachtwoorden "
        "(IMPACTMONITOR_PASSWORD_<REGIO_ID>). Op een terminal toont hij elke stap terwijl hij "
        "bezig is (niet als CI gezet is); aan het eind staan de seconden per stap. Gegevens en "
        "berekeningen die niet veranderd zijn, komen uit .cache/impactmonitor/. Exit 0, of 1 bij een ontbrekend of zwak "
        "wachtwoord, ongeldige gegevens of een fout in de bouw.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_ref(parser)
    parser.add_argument("--out", metavar="DIR", type=Path, default=None,
                        help="map voor de gebouwde site (standaard: site/ in de repository); "
                             "wordt pas vervangen als de bouw geslaagd is")
    parser.add_argument("--site-url", metavar="URL",
                        help="het adres waarop de site komt te staan, bijvoorbeeld "
                             "https://organisatie.github.io/repository/ (standaard: site_url "
                             "uit mkdocs.yml, anders de hoofdmap /)")
    parser.add_argument("--unencrypted-preview", action="store_true",
                        help="bouw zonder versleuteling, alleen om lokaal te bekijken: elke "
                             "pagina zegt 'niet versleuteld'; nooit publiceren")


def run(args: argparse.Namespace) -> int:
    root = find_root(Path.cwd())
    out = args.out if args.out is not None else root / SITE
    logging.getLogger("mkdocs").setLevel(logging.WARNING)  # MkDocs' progress lines: noise here
    # Invalid data or a missing password: the CLI's one handler prints the report.
    # Stages as they start on a terminal (stderr, outside CI); their seconds at the end.
    result = build_site(root, out, args.ref, encrypt=not args.unencrypted_preview,
                        site_url=args.site_url, progress=Progress.for_terminal())
    print(summary(result))
    print(result.progress.summary())
    return 0


def summary(result: BuildResult) -> str:
    seconds = f"{result.seconds:.1f}".replace(".", ",")
    if result.encryption is None:
        return (f"Onversleuteld voorbeeld gebouwd in {result.out}: {result.pages} pagina's in "
                f"{seconds} s. Alleen om lokaal te bekijken, niet publiceren.")
    groups = ", ".join(result.audiences)
    return (f"Site gebouwd en versleuteld in {result.out}: {result.pages} pagina's in {seconds} s; "
            f"doelgroepen: {groups}.")
