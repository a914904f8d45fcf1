"""Impactmonitor LLO Collectief: validate regional data, compute KPIs, publish the report site."""

from __future__ import annotations

__version__ = "0.1.0"
