"""`geo extract` and `geo eval` (being built)."""
from __future__ import annotations


def extract() -> None:
    """Extract events from reports (being built)."""
    raise SystemExit("not built yet")


def evaluate() -> None:
    """Score extracted events (being built)."""
    raise SystemExit("not built yet")
