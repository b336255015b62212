"""The "Offline outline" base layer: a map drawn from data we ship, for use with no network.

Countries and governorates are the Natural Earth polygons the gazetteer ships
(``gazetteer/data/regions/regions.geojson``), the Euphrates and the Tigris and the large
cities are ``data/rivers.geojson`` and ``data/cities.geojson`` (see ``data/README.md``),
and the theatre's named places (bases, crossings, towns) are the curated gazetteer rows.
The page starts on it when the browser is offline and switches to it when online tiles
fail (``static/basemap.js``).
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from branca.element import MacroElement
from jinja2 import Template

from geo.mapping.jsdata import ScriptElement, js_json

__all__ = ["OfflineOutline", "BaseChooser", "basemap_data", "THEATRE"]

THEATRE = ("SY", "IQ", "JO")
_DATA = Path(__file__).resolve().parent / "data"
#: Curated place kinds labelled on the outline (governorates and countries are outlines).
_LABELLED_KINDS = ("city", "town", "military_base", "airport", "border_crossing", "oil_field")


def _rounded(geometry: dict[str, Any], digits: int = 3) -> dict[str, Any]:
    def walk(c: Any) -> Any:
        if isinstance(c[0], float):
            return [round(c[0], digits), round(c[1], digits)]
        return [walk(x) for x in c]
    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


@cache
def basemap_data() -> dict[str, Any]:
    """Everything the outline draws, as JSON-ready data (regions rounded to ~100 m)."""
    from gazetteer.regions import REGIONS_FILE
    from gazetteer.sources.curated import CuratedTable

    regions = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))
    features = [{"type": "Feature", "geometry": _rounded(f["geometry"]),
                 "properties": {k: f["properties"][k] for k in ("code", "name", "kind", "country")}}
                for f in regions["features"]]
    places = CuratedTable().places()
    names = {p.code: p.name for p in places if p.kind == "country" and p.code}
    cities = json.loads((_DATA / "cities.geojson").read_text(encoding="utf-8"))["features"]
    return {
        "regions": {"type": "FeatureCollection", "features": features},
        "rivers": json.loads((_DATA / "rivers.geojson").read_text(encoding="utf-8")),
        "cities": [[c["properties"]["name"], c["geometry"]["coordinates"][1],
                    c["geometry"]["coordinates"][0]] for c in cities],
        "places": [[p.name, p.lat, p.lon] for p in places
                   if p.kind in _LABELLED_KINDS and p.country in THEATRE],
        "countries": [[p.name, p.lat, p.lon] for p in places if p.kind == "country"],
        "countryNames": names,
        "theatre": list(THEATRE),
    }


class OfflineOutline(ScriptElement):
    """Draws the outline into its parent (a base-layer FeatureGroup) and keeps its data."""

    def script_text(self) -> str:
        return (f"window.geoBasemap = {self.data};\n"
                f"geo.offlineOutline({self.map.get_name()}, {self._parent.get_name()}, "
                "window.geoBasemap);")

    def __init__(self, map_: Any) -> None:
        super().__init__()
        self._name = "OfflineOutline"
        self.map = map_  # named at render time, after ids are renumbered
        self.data = js_json(basemap_data())


class BaseChooser(MacroElement):
    """Adds the first online base layer, or the outline when offline or when tiles fail."""

    _template = Template("""
{% macro script(this, kwargs) %}
geo.chooseBase({{ this._parent.get_name() }}, [{% for layer in this.online %}{{ layer.get_name() }}{{ ", " if not loop.last }}{% endfor %}], {{ this.outline.get_name() }});
{% endmacro %}
""")

    def __init__(self, online: list[Any], outline: Any) -> None:
        super().__init__()
        self._name = "BaseChooser"
        # named at render time, after ids are renumbered
        self.online, self.outline = online, outline
