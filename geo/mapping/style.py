"""How events look: a colour per actor side, a shape per event type, solid or hollow by precision.

Shapes are inline SVG inside Leaflet ``divIcon``s, so the map needs no icon font and no
image from a CDN, and a hollow shape can say "placed only roughly" at a glance.

Colours and shapes are derived for every side in :data:`geo.vocab.SIDES` and every type
in :data:`geo.vocab.EVENT_TYPES`: a side or type added to the vocabulary without an
entry below still gets a colour of its own (from :data:`_SPARE_COLOURS`) or the circle.
"""
from __future__ import annotations

from geo.vocab import EVENT_TYPE_LABELS, SIDE_LABELS, SIDES

__all__ = ["SIDE_COLOURS", "TYPE_SHAPES", "icon_svg", "is_precise", "side_colour", "side_label",
           "type_label"]

#: Twelve colours that stay apart from one another on a light map and on satellite imagery.
_EXPLICIT_COLOURS: dict[str, str] = {
    "us": "#1f5fbf",
    "iran_aligned": "#d62728",
    "israel": "#7b3fbf",
    "isis": "#222222",
    "syria_government": "#8c564b",
    "russia": "#c2185b",
    "turkey": "#ef6c00",
    "sdf": "#2e7d32",
    "jordan": "#00838f",
    "iran": "#7f1d1d",
    "other": "#607d8b",
    "unknown": "#9e9d24",
}
#: Overlays that are not a side (the events no analyst has reviewed: see `geo review`).
_LAYER_COLOURS: dict[str, str] = {"unreviewed": "#f9a825"}
#: Given in order to sides that have no explicit colour.
_SPARE_COLOURS = ("#17becf", "#e377c2", "#bcbd22", "#6d4c41", "#0d47a1", "#ff8a65", "#004d40")


def _palette() -> dict[str, str]:
    out = {s: c for s, c in _EXPLICIT_COLOURS.items()}
    spare = [c for c in _SPARE_COLOURS if c not in out.values()]
    for i, side in enumerate(s for s in SIDES if s not in out):
        out[side] = spare[i % len(spare)]
    return {**out, **_LAYER_COLOURS}


SIDE_COLOURS: dict[str, str] = _palette()

#: SVG path data in a 22×22 box.
TYPE_SHAPES: dict[str, str] = {
    "airstrike": "M11 2 L20.5 19 L1.5 19 Z",  # triangle
    "drone_attack": "M11 1 L21 11 L11 21 L1 11 Z",  # diamond
    "rocket_attack": "M3 3 H19 V19 H3 Z",  # square
    "missile_attack": "M11 1 L13.6 8 L21 8 L15 12.6 L17.3 20 L11 15.5 L4.7 20 L7 12.6 L1 8 L8.4 8 Z",
    "artillery_attack": "M11 1.5 L20.5 8.5 L17 20 L5 20 L1.5 8.5 Z",  # pentagon
    "ied_attack": "M4 2 L11 9 L18 2 L20 4 L13 11 L20 18 L18 20 L11 13 L4 20 L2 18 L9 11 L2 4 Z",
    "raid": "M11 2 L21 12 L16 12 L16 20 L6 20 L6 12 L1 12 Z",  # arrow (a house-shaped chevron)
    "explosion": ("M11 1 L13 7 L19 4 L16 10 L21 12 L15 14 L17 20 L11 16 L5 20 L7 14 "
                  "L1 12 L6 10 L3 4 L9 7 Z"),  # burst
    "attack": "M11 2 A9 9 0 1 1 10.99 2 Z",  # circle
}


def side_colour(side: str) -> str:
    """The side's colour; a side unknown to the vocabulary gets the colour of ``unknown``."""
    return SIDE_COLOURS.get(side, SIDE_COLOURS["unknown"])


def side_label(side: str) -> str:
    """The side's label, or a readable form of its code when the vocabulary has none."""
    return SIDE_LABELS.get(side) or side.replace("_", " ").capitalize()


def type_label(event_type: str) -> str:
    """The event type's label, or a readable form of its code."""
    return EVENT_TYPE_LABELS.get(event_type) or event_type.replace("_", " ").capitalize()


def is_precise(geo_precision: str | None) -> bool:
    """Site- and town-level events get a solid pin; anything coarser does not."""
    return geo_precision in ("site", "town")


def icon_svg(event_type: str, side: str, precise: bool, size: int = 22) -> str:
    """The marker's SVG: filled for precise events, hollow and dashed for rough ones."""
    colour = side_colour(side)
    path = TYPE_SHAPES.get(event_type, TYPE_SHAPES["attack"])
    if precise:
        paint = f'fill="{colour}" stroke="#ffffff" stroke-width="1.5"'
    else:
        paint = (f'fill="#ffffff" fill-opacity="0.85" stroke="{colour}" stroke-width="2.5" '
                 'stroke-dasharray="3 2"')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
            f'viewBox="0 0 22 22"><path d="{path}" {paint}/></svg>')

