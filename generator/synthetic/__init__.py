"""Seeded synthetic data in the shape of the data contract.

Makes the committed example set in `data/` (two fictitious pilot regions) and larger
benchmark sets (`--regions N`). Everything is drawn from named `random.Random` streams
seeded from one number, so the same seed always gives the same bytes.

The data are invented. They exist to exercise validation, computation and the site, and
must never be shown as figures of the real programme.
"""

from __future__ import annotations

from generator.synthetic.build import DEFAULT_FIRST, DEFAULT_LAST, DEFAULT_SEED, Settings, generate

__all__ = ["DEFAULT_FIRST", "DEFAULT_LAST", "DEFAULT_SEED", "Settings", "generate"]
