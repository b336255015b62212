"""Maps: events → one static, layered Folium HTML page (see :mod:`geo.mapping.render`)."""
from __future__ import annotations

from geo.mapping.render import DEFAULT_TITLE, render_map, write_map

__all__ = ["render_map", "write_map", "DEFAULT_TITLE"]
