"""`geo query` (being built)."""
from __future__ import annotations


def query() -> None:
    """Build the seed map and GeoJSON (being built)."""
    raise SystemExit("not built yet")
