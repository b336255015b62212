"""A date-range control: show only the events whose date span meets [from, to].

Why a range and not a time slider: an analyst asks "what happened between the 1st and
the 15th?", and events dated only to a month or a week must stay visible across their
whole span; a slider that steps through single instants (TimestampedGeoJson) hides
those and cannot be combined with per-actor overlays.  The range moves markers out of
their side's cluster and back (``geo.setRange`` in ``static/events.js``), so toggling an
actor overlay and filtering by date compose; the timeline under the map sets it too.
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
    options: {position: "topleft"},
    onAdd: function () {
      var div = L.DomUtil.create("div", "geo-datefilter leaflet-bar");
      div.innerHTML = '<b>Dates</b>'
        + '<label>from <input type="date" class="geo-from" value="{{ this.start }}" min="{{ this.start }}" max="{{ this.end }}"></label>'
        + '<label>to <input type="date" class="geo-to" value="{{ this.end }}" min="{{ this.start }}" max="{{ this.end }}"></label>'
        + '<button type="button" class="geo-reset">All dates</button> <span class="geo-shown"></span>'
        + '<details class="geo-note"><summary>Why may it start on a 1st?</summary>An event '
        + 'shows while its dates meet the range. One known only to its month spans the whole '
        + 'month, from the 1st, so the range may start on a 1st before any exact date; one '
        + 'known to its week spans ±3 days.</details>';
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      var from = div.querySelector(".geo-from"), to = div.querySelector(".geo-to");
      var shown = div.querySelector(".geo-shown");
      function apply() { geo.setRange(from.value, to.value); }
      from.addEventListener("change", apply);
      to.addEventListener("change", apply);
      div.querySelector(".geo-reset").addEventListener("click", function () {
        from.value = "{{ this.start }}"; to.value = "{{ this.end }}"; apply();
      });
      geo.setDates = window.geoDateFilter = function (lo, hi) { from.value = lo; to.value = hi; apply(); };
      geo.onChange(function (events) {
        shown.textContent = events.length + " of " + geo.events.length + " placed events";
      });
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
