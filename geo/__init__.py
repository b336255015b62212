"""geo: news reports of strikes and attacks → a geolocated, sourced event data set and maps.

The pipeline runs in layers, each a module importing only the layer below it:
report → mentions → :class:`~geo.model.Event` → GeoDataFrame → map / export / query.
This module stays import-light on purpose: the CLI's start-up path must not pull in
geopandas or folium.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
