"""Counts by governorate: which governorate each event falls in, and the choropleth overlay.

The governorate is found here, once, by point in polygon against the shipped Natural
Earth governorates, so the page only adds up numbers when the date range or the side
overlays change (``static/choropleth.js``).  An event placed only to a country has no
governorate: the overlay's legend counts those apart rather than guessing one.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from branca.element import MacroElement
from jinja2 import Template

__all__ = ["governorate_index", "GovernorateCounts"]


def governorate_index(points: Sequence[tuple[float, float]],
                      precisions: Sequence[str | None]) -> list[int]:
    """For each (lat, lon), the index of its governorate among the shipped ones, or -1.

    The index counts governorate features in ``regions.geojson`` order, which is the
    order the page draws them in.  Country-precise events get -1 whatever their point.
    """
    import numpy as np
    import shapely

    from geo.mapping.basemap import basemap_data

    govs = [f for f in basemap_data()["regions"]["features"]
            if f["properties"]["kind"] == "governorate"]
    shapes = [shapely.geometry.shape(f["geometry"]) for f in govs]
    out = np.full(len(points), -1, dtype=np.int64)
    if not points:
        return []
    # shapely wants (x, y) = (lon, lat)
    pts = shapely.points(np.array([[lon, lat] for lat, lon in points], dtype=float))
    tree = shapely.STRtree(shapes)
    hit_pt, hit_gov = tree.query(pts, predicate="intersects")
    out[hit_pt[::-1]] = hit_gov[::-1]  # on a shared border the first polygon wins
    for i, prec in enumerate(precisions):
        if prec == "country":
            out[i] = -1
    return [int(x) for x in out]


class GovernorateCounts(MacroElement):
    """The choropleth, drawn into its parent (an overlay FeatureGroup, off by default)."""

    _template = Template("""
{% macro script(this, kwargs) %}
geo.governorateCounts({{ this.map.get_name() }}, {{ this._parent.get_name() }}, {
  governorates: {type: "FeatureCollection", features: window.geoBasemap.regions.features.filter(
    function (f) { return f.properties.kind === "governorate"; })},
  countryNames: window.geoBasemap.countryNames});
{% endmacro %}
""")

    def __init__(self, map_: Any) -> None:
        super().__init__()
        self._name = "GovernorateCounts"
        self.map = map_  # names are read at render time, after ids are renumbered
