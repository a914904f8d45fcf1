"""Provenance: every figure of a build traced to its data, code and commits.

Reads the lineage the compute stage attached to each Figure and writes it out for people
(audit pages, `trace`) and for machines (the manifest, W3C PROV-JSON); `compare` holds
what `verify` checks a published build against. Nothing here recomputes lineage: a
figure's sources are taken as the engine recorded them.
"""

from __future__ import annotations
