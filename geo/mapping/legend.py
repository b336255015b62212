"""The map's legend: what colours, shapes and dashed circles mean.

It is a Leaflet control in the bottom-left corner, so Leaflet stacks it above the scale
bar instead of letting it cover the bar.
"""
from __future__ import annotations

from html import escape

from branca.element import MacroElement
from jinja2 import Template

from geo.mapping.jsdata import js_json
from geo.mapping.style import icon_svg, side_colour, side_label, type_label
from geo.vocab import GEO_PRECISION_RADIUS_KM

__all__ = ["Legend"]


#: Marker opacity by confidence band (sure / below 0.8 / below 0.5): the page draws events
#: an analyst should trust less fainter (see rows.confidence_band).
FAINT_OPACITY = (1.0, 0.7, 0.4)


class Legend(MacroElement):
    """Sides and types present in the data, and the precision key."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
  .geo-legend {background: rgba(255,255,255,.94); padding: 6px 10px; border-radius: 4px;
    box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 12px/1.4 system-ui, sans-serif; max-width: 250px;
    max-height: 45vh; overflow: auto;}
  .geo-legend h4 {margin: 3px 0 1px; font-size: 12px;}
  .geo-legend .sw {display: inline-block; width: 12px; height: 12px; border-radius: 2px;
    vertical-align: -2px; margin-right: 5px;}
  .geo-legend svg {vertical-align: -4px; margin-right: 4px;}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var legend = L.control({position: "bottomleft"});
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "geo-legend");
    div.innerHTML = {{ this.body_js }};
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  legend.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}
""")

    def __init__(self, sides: dict[str, int], types: list[str], circles_on_open: bool,
                 faint: bool = False) -> None:
        super().__init__()
        self._name = "Legend"
        parts = ["<h4>Attacker side</h4>"]
        for side, n in sides.items():
            parts.append(f'<div><span class="sw" style="background:{side_colour(side)}"></span>'
                         f"{escape(side_label(side))} ({n})</div>")
        parts.append("<h4>Event type</h4>")
        for t in types:
            parts.append(f"<div>{icon_svg(t, 'other', True, 14)}{escape(type_label(t))}</div>")
        parts.append("<h4>Placed to</h4>")
        parts.append(f"<div>{icon_svg('attack', 'other', True, 14)}a site or town</div>")
        gov, cty = GEO_PRECISION_RADIUS_KM["admin1"], GEO_PRECISION_RADIUS_KM["country"]
        when = " (drawn when its popup is open)" if circles_on_open else ""
        parts.append(f"<div>{icon_svg('attack', 'other', False, 14)}only a governorate or country: "
                     f"the dashed circle shows the doubt (~{gov:g} km / ~{cty:g} km){when}</div>")
        if faint:
            parts.append("<h4>Confidence</h4>")
            parts.append(f'<div><span style="opacity:{FAINT_OPACITY[1]}">{icon_svg("attack", "other", True, 14)}'
                         "</span>extracted, confidence below 0.8</div>")
            parts.append(f'<div><span style="opacity:{FAINT_OPACITY[2]}">{icon_svg("attack", "other", True, 14)}'
                         "</span>extracted, confidence below 0.5</div>")
        self.body_js = js_json("".join(parts))
