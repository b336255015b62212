"""The gazetteer: place names as reports spell them → coordinates, offline.

    from gazetteer import default_gazetteer
    gaz = default_gazetteer()
    gaz.resolve("Deir Ezzor").place        # Place(id='cur:deir-ez-zor', …)
    gaz.reverse(33.32, 38.70).place.name   # 'Tower 22'

Importing this package is light (no geopandas, pandas, shapely): it sits on the CLI's
start-up path.
"""
from __future__ import annotations

from gazetteer.lookup import Gazetteer, default_gazetteer
from gazetteer.place import KINDS, Match, Place

__all__ = ["Gazetteer", "default_gazetteer", "Place", "Match", "KINDS"]
