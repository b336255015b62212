"""How events look: a colour per actor side, a shape per event type, solid or hollow by precision.

Shapes are inline SVG inside Leaflet ``divIcon``s, so the map needs no icon font and no
image from a CDN, and a hollow shape can say "placed only roughly" at a glance.
"""
from __future__ import annotations

__all__ = ["SIDE_COLOURS", "TYPE_SHAPES", "icon_svg", "is_precise"]

SIDE_COLOURS: dict[str, str] = {
    "us": "#1f5fbf",
    "iran_aligned": "#d62728",
    "iran": "#8b0000",
    "israel": "#7b3fbf",
    "isis": "#222222",
    "syria_government": "#8c564b",
    "russia": "#c2185b",
    "turkey": "#ef6c00",
    "jordan": "#00897b",
    "sdf": "#2e7d32",
    "other": "#607d8b",
    "unknown": "#9e9d24",
}

#: SVG path data in a 22×22 box.
TYPE_SHAPES: dict[str, str] = {
    "airstrike": "M11 2 L20.5 19 L1.5 19 Z",  # triangle
    "drone_attack": "M11 1 L21 11 L11 21 L1 11 Z",  # diamond
    "rocket_attack": "M3 3 H19 V19 H3 Z",  # square
    "missile_attack": "M11 1 L13.6 8 L21 8 L15 12.6 L17.3 20 L11 15.5 L4.7 20 L7 12.6 L1 8 L8.4 8 Z",
    "artillery_attack": "M11 1.5 L20.5 8.5 L17 20 L5 20 L1.5 8.5 Z",  # pentagon
    "ied_attack": "M4 2 L11 9 L18 2 L20 4 L13 11 L20 18 L18 20 L11 13 L4 20 L2 18 L9 11 L2 4 Z",
    "raid": "M8 1 H14 V8 H21 V14 H14 V21 H8 V14 H1 V8 H8 Z",  # cross
    "explosion": "M11 1 L13 7 L19 3 L15 9 L21 11 L15 13 L19 19 L13 15 L11 21 L9 15 L3 19 L7 13 L1 11 L7 9 L3 3 L9 7 Z",  # burst
    "attack": "M11 2 A9 9 0 1 1 10.99 2 Z",  # circle
}


def is_precise(geo_precision: str | None) -> bool:
    """Site- and town-level events get a solid pin; anything coarser does not."""
    return geo_precision in ("site", "town")


def icon_svg(event_type: str, side: str, precise: bool, size: int = 22) -> str:
    """The marker's SVG: filled for precise events, hollow and dashed for rough ones."""
    colour = SIDE_COLOURS.get(side, SIDE_COLOURS["unknown"])
    path = TYPE_SHAPES.get(event_type, TYPE_SHAPES["attack"])
    if precise:
        paint = f'fill="{colour}" stroke="#ffffff" stroke-width="1.5"'
    else:
        paint = (f'fill="#ffffff" fill-opacity="0.85" stroke="{colour}" stroke-width="2.5" '
                 'stroke-dasharray="3 2"')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
            f'viewBox="0 0 22 22"><path d="{path}" {paint}/></svg>')
