"""Under the map: the timeline of events per week, and the table of the events shown.

Both are plain HTML outside the Leaflet container, filled by ``static/timeline.js`` and
``static/table.js``; the buttons download the events shown as GeoJSON or CSV from the
page itself.  The panel is the last element of the page, so its script also starts the
views once every side's events are registered (``geo.start``).
"""
from __future__ import annotations

from html import escape
from typing import Any

from branca.element import MacroElement
from jinja2 import Template

from geo.mapping.jsdata import js_json

__all__ = ["BottomPanel"]


class BottomPanel(MacroElement):
    """The timeline (always) and the table (on demand); ``sides`` are dicts side/label/colour."""

    _template = Template("""
{% macro html(this, kwargs) %}
<div id="geo-bottom">
  <div class="geo-table-panel">
    <div class="geo-table-note"></div>
    <div class="geo-table-scroll"><table class="geo-table"><thead><tr></tr></thead><tbody></tbody></table></div>
  </div>
  <div class="geo-bar-head">
    <b>Events per week</b>
    <span class="geo-sides-key">{{ this.key }}</span>
    <span class="geo-hint">an event dated to a month is spread over it · drag to set the dates</span>
    <span class="geo-actions">
      <button type="button" class="geo-table-toggle" aria-pressed="false">Table</button>
      <button type="button" class="geo-download-geojson">Download shown: GeoJSON</button>
      <button type="button" class="geo-download-csv">CSV</button>
    </span>
  </div>
  <div class="geo-timeline-chart"></div>
</div>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var el = document.getElementById("geo-bottom"), sides = {{ this.sides }};
  geo.table(el);
  var toggle = el.querySelector(".geo-table-toggle");
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-pressed") !== "true";
    toggle.setAttribute("aria-pressed", String(open));
    toggle.textContent = open ? "Hide table" : "Table";
    geo.toggleTable(open);
  });
  geo.start({{ this._parent.get_name() }}, {circleLimit: {{ this.circle_limit }}});
  geo.timeline(el, sides);
})();
{% endmacro %}
""")

    def __init__(self, sides: list[dict[str, Any]], circle_limit: int) -> None:
        super().__init__()
        self._name = "BottomPanel"
        self.sides = js_json(sides)
        self.circle_limit = circle_limit
        self.key = "".join(f'<span><i style="background:{s["colour"]}"></i>'
                           f'{escape(s["label"])}</span>' for s in sides)
