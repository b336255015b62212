"""`geo build` (being built)."""
from __future__ import annotations


def build() -> None:
    """Build the seed map and GeoJSON (being built)."""
    raise SystemExit("not built yet")
