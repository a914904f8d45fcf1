"""Read the indicator definitions from a snapshot's files, refusing any that do not check."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from generator.errors import UserError
from generator.indicators.check import SafeLoader, check_definition_files, definition_files
from generator.indicators.definition import AttainmentRule, Definition
from generator.indicators.parse import parse_definition
from generator.sources import git_blob_id


def load_definitions(files: Mapping[str, bytes]) -> list[Definition]:
    """The definitions among `files` (repo-relative path -> content), in computing order.

    Attainment (`doelbereik`) comes last because it reads the other indicators' values.
    """
    problems = check_definition_files(files)
    if problems:
        lines = [f"{p.file}{f', regel {p.row}' if p.row else ''}"
                 f"{f', veld {p.field}' if p.field else ''}: {p.message} [{p.code}]"
                 for p in problems]
        raise UserError("De indicatordefinities zijn ongeldig:\n" + "\n".join(lines))
    definitions = [
        parse_definition(yaml.load(files[path].decode("utf-8"), Loader=SafeLoader), path,
                         git_blob_id(files[path]))
        for path in definition_files(files)
    ]
    return sorted(definitions, key=lambda d: (isinstance(d.rule, AttainmentRule), d.position, d.id))
