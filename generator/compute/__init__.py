"""Computation: indicator values from validated data, each carrying its lineage."""
