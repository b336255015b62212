"""The map's legend: what colours, shapes and dashed circles mean."""
from __future__ import annotations

from html import escape

from branca.element import MacroElement
from jinja2 import Template

from geo.mapping.style import SIDE_COLOURS, icon_svg
from geo.vocab import EVENT_TYPE_LABELS, GEO_PRECISION_RADIUS_KM, SIDE_LABELS

__all__ = ["Legend"]


class Legend(MacroElement):
    """A fixed box, bottom left: sides and types present in the data, and the precision key."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
  .geo-legend {position: absolute; left: 10px; bottom: 40px; z-index: 1000; background: rgba(255,255,255,.94);
    padding: 8px 10px; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.35);
    font: 12px/1.45 system-ui, sans-serif; max-width: 260px;}
  .geo-legend h4 {margin: 4px 0 2px; font-size: 12px;}
  .geo-legend .sw {display: inline-block; width: 12px; height: 12px; border-radius: 2px;
    vertical-align: -2px; margin-right: 5px;}
  .geo-legend svg {vertical-align: -4px; margin-right: 4px;}
</style>
{% endmacro %}
{% macro html(this, kwargs) %}
<div class="geo-legend">{{ this.body }}</div>
{% endmacro %}
""")

    def __init__(self, sides: dict[str, int], types: list[str]) -> None:
        super().__init__()
        self._name = "Legend"
        parts = ["<h4>Attacker side</h4>"]
        for side, n in sides.items():
            parts.append(f'<div><span class="sw" style="background:{SIDE_COLOURS.get(side, "#999")}"></span>'
                         f"{escape(SIDE_LABELS.get(side, side))} ({n})</div>")
        parts.append("<h4>Event type</h4>")
        for t in types:
            parts.append(f"<div>{icon_svg(t, 'other', True, 14)}{escape(EVENT_TYPE_LABELS.get(t, t))}</div>")
        parts.append("<h4>Placed to</h4>")
        parts.append(f"<div>{icon_svg('attack', 'other', True, 14)}a site or town</div>")
        gov, cty = GEO_PRECISION_RADIUS_KM["admin1"], GEO_PRECISION_RADIUS_KM["country"]
        parts.append(f"<div>{icon_svg('attack', 'other', False, 14)}only a governorate or country: "
                     f"the dashed circle shows the doubt (~{gov:g} km / ~{cty:g} km)</div>")
        self.body = "".join(parts)
