"""`geo map` (being built)."""
from __future__ import annotations


def map_() -> None:
    """Render events to a map (being built)."""
    raise SystemExit("not built yet")
