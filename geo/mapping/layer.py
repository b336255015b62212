"""The events of one actor side as a Leaflet layer: markers in a cluster, circles for doubt.

The markers are built in the browser from embedded JSON rather than as one folium
element each: a map of 10,000 events then renders in a second and loads fast, because
the page holds data, not 10,000 copies of the same JavaScript.  Each marker is
registered in ``window.geoEvents`` with its date span, which is what the date filter
(:mod:`geo.mapping.datefilter`) works on.
"""
from __future__ import annotations

from typing import Any

from branca.element import MacroElement
from jinja2 import Template

from geo.mapping.jsdata import js_json

__all__ = ["EventLayer"]


class EventLayer(MacroElement):
    """Adds ``events`` (dicts with lat, lon, icon, popup, tooltip…) to a cluster and group."""

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var cluster = {{ this.cluster.get_name() }}, group = {{ this.group.get_name() }};
  var events = {{ this.data }};
  var registry = window.geoEvents = window.geoEvents || [];
  var markers = [];
  events.forEach(function (e) {
    var icon = L.divIcon({className: "geo-marker geo-side-" + e.side + " geo-type-" + e.type,
                          html: e.icon, iconSize: [22, 22], iconAnchor: [11, 11],
                          popupAnchor: [0, -10]});
    var marker = L.marker([e.lat, e.lon], {icon: icon, keyboard: true});
    marker.bindPopup(e.popup, {maxWidth: 380, maxHeight: 420});
    marker.bindTooltip(e.tooltip, {direction: "top", offset: [0, -10]});
    marker.geoEventId = e.id;
    var circle = null;
    if (e.radius_m) {
      circle = L.circle([e.lat, e.lon], {radius: e.radius_m, color: e.colour, weight: 1.5,
                                         opacity: 0.7, dashArray: "6 5", fillColor: e.colour,
                                         fillOpacity: 0.07, interactive: false});
      group.addLayer(circle);
    }
    markers.push(marker);
    registry.push({id: e.id, side: e.side, start: e.start, end: e.end, marker: marker,
                   circle: circle, cluster: cluster, group: group, shown: true});
  });
  cluster.addLayers(markers);
})();
{% endmacro %}
""")

    def __init__(self, events: list[dict[str, Any]], cluster: Any, group: Any) -> None:
        super().__init__()
        self._name = "EventLayer"
        self.data = js_json(events)
        self.cluster, self.group = cluster, group
