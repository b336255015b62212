"""The events of one actor side as a Leaflet layer: markers in a cluster, circles for doubt.

The markers are built in the browser from embedded rows rather than as one folium
element each: the page holds data, not 100,000 copies of the same JavaScript, and one
``divIcon`` serves every marker of a side, type and precision.  Each event is registered
in ``geo.events`` (``static/events.js``) with its date span, which is what the date
filter, the timeline, the table and the governorate counts work on.
"""
from __future__ import annotations

from typing import Any

from geo.mapping.jsdata import ScriptElement, js_json

__all__ = ["EventLayer", "FIELDS"]

#: The columns of each row, in order (``static/events.js`` turns rows back into objects).
FIELDS = ("id", "lat", "lon", "side", "type", "type_label", "precise", "radius_m", "start", "end",
          "date", "date_precision", "attacker", "target", "target_side", "place", "country",
          "geo_precision", "killed", "source", "url", "gov", "popup", "opacity")


class EventLayer(ScriptElement):
    """Adds ``rows`` (lists in :data:`FIELDS` order) to a side's group.

    With a ``cluster`` (a folium MarkerCluster) the markers go into it; without one the
    side is clustered on a screen grid (``static/grid.js``), which is what large maps use.
    """

    def script_text(self) -> str:
        data = f"{self.fields},\n  {self.rows}, {self.icons}, {self.colour}"
        if self.cluster is None:
            return f"geo.addGridEvents({self.group.get_name()}, {data});"
        return f"geo.addEvents({self.cluster.get_name()}, {self.group.get_name()}, {data});"

    def __init__(self, rows: list[list[Any]], icons: dict[str, str], colour: str,
                 cluster: Any, group: Any) -> None:
        super().__init__()
        self._name = "EventLayer"
        self.fields, self.rows = js_json(list(FIELDS)), js_json(rows)
        self.icons, self.colour = js_json(icons), js_json(colour)
        self.cluster, self.group = cluster, group
