"""A date-range control: show only the events whose date span meets [from, to].

Why a range and not a time slider: an analyst asks "what happened between the 1st and
the 15th?", and events dated only to a month or a week must stay visible across their
whole span; a slider that steps through single instants (TimestampedGeoJson) hides
those and cannot be combined with per-actor overlays.  This filter removes markers from
their side's cluster and adds them back, so toggling an actor overlay and filtering by
date compose.
"""
from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

__all__ = ["DateFilter"]


class DateFilter(MacroElement):
    """A Leaflet control with from/to date inputs, bounded by the data's date range."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
  .geo-datefilter {background: #fff; padding: 6px 8px; border-radius: 4px;
    box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 12px/1.4 system-ui, sans-serif;}
  .geo-datefilter label {display: block; margin: 2px 0;}
  .geo-datefilter input {font: inherit; width: 128px;}
  .geo-datefilter button {font: inherit; margin-top: 3px;}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var Control = L.Control.extend({
    options: {position: "topright"},
    onAdd: function () {
      var div = L.DomUtil.create("div", "geo-datefilter leaflet-bar");
      div.innerHTML = '<b>Dates</b>'
        + '<label>from <input type="date" class="geo-from" value="{{ this.start }}" min="{{ this.start }}" max="{{ this.end }}"></label>'
        + '<label>to <input type="date" class="geo-to" value="{{ this.end }}" min="{{ this.start }}" max="{{ this.end }}"></label>'
        + '<button type="button" class="geo-reset">All dates</button> <span class="geo-shown"></span>';
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      var from = div.querySelector(".geo-from"), to = div.querySelector(".geo-to");
      var shown = div.querySelector(".geo-shown");
      function apply() {
        var lo = from.value || "0000-01-01", hi = to.value || "9999-12-31", n = 0;
        var events = window.geoEvents || [], changes = new Map();
        function batch(cluster) {
          if (!changes.has(cluster)) { changes.set(cluster, {add: [], remove: []}); }
          return changes.get(cluster);
        }
        events.forEach(function (e) {
          var visible = e.end >= lo && e.start <= hi;
          if (visible !== e.shown) {
            batch(e.cluster)[visible ? "add" : "remove"].push(e.marker);
            if (e.circle) { visible ? e.group.addLayer(e.circle) : e.group.removeLayer(e.circle); }
            e.shown = visible;
          }
          if (visible) { n += 1; }
        });
        // one call per cluster: markercluster re-clusters once, not once per marker
        changes.forEach(function (c, cluster) { cluster.removeLayers(c.remove); cluster.addLayers(c.add); });
        shown.textContent = n + " of " + events.length + " placed events";
      }
      from.addEventListener("change", apply);
      to.addEventListener("change", apply);
      div.querySelector(".geo-reset").addEventListener("click", function () {
        from.value = "{{ this.start }}"; to.value = "{{ this.end }}"; apply();
      });
      window.geoDateFilter = function (lo, hi) { from.value = lo; to.value = hi; apply(); };
      setTimeout(apply, 0);
      return div;
    }
  });
  new Control().addTo(map);
})();
{% endmacro %}
""")

    def __init__(self, start: str, end: str) -> None:
        super().__init__()
        self._name = "DateFilter"
        self.start, self.end = start, end
