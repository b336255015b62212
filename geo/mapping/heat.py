"""The heat map overlay: folium's ``HeatMap`` (Leaflet.heat), fed by the page.

The plugin is created empty and ``static/heat.js`` gives it the events shown whenever the
overlay is on, so it follows the date filter and the side overlays like the markers do,
and the page does not hold every point twice.
"""
from __future__ import annotations

from typing import Any

from branca.element import MacroElement
from jinja2 import Template

__all__ = ["heat_layer"]


class _HeatFollows(MacroElement):
    _template = Template("""
{% macro script(this, kwargs) %}
geo.heatFollows({{ this.map.get_name() }}, {{ this._parent.get_name() }}, {{ this.heat.get_name() }});
{% endmacro %}
""")

    def __init__(self, map_: Any, heat: Any) -> None:
        super().__init__()
        self._name = "HeatFollows"
        self.map, self.heat = map_, heat  # named at render time, after ids are renumbered


def heat_layer(m: Any) -> Any:
    """A "Heat map" overlay, off by default, added to ``m``."""
    import folium
    from folium.plugins import HeatMap

    group = folium.FeatureGroup(name="Heat map", show=False).add_to(m)
    heat = HeatMap([], radius=20, blur=18, min_opacity=0.3).add_to(group)
    _HeatFollows(m, heat).add_to(group)
    return group
