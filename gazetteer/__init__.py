"""The gazetteer: place names as reports spell them → coordinates, offline (being built)."""
from __future__ import annotations

from gazetteer.place import KINDS, Match, Place

__all__ = ["Place", "Match", "KINDS"]
