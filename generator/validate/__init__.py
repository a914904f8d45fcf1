"""Validation of the regions' deliveries: every problem in one run, as a report.

Stages, per file and region: folder and `datapackage.json` (package.py), each CSV's bytes
(files.py), Frictionless with the canonical schemas (tables.py), then the domain and
privacy rules on typed rows (checks/). A stage only reads what the previous one found
readable, so one defect gives one problem, not a cascade.
"""

from __future__ import annotations

from generator.report import Report
from generator.validate.runner import validate_repository

__all__ = ["Report", "validate_repository"]
