"""What the table-shaped formats (GeoPackage, GeoParquet) share: nested fields as JSON text.

GIS files have no list or mapping columns, so ``sources`` and ``disputed`` travel as JSON
text, and :func:`unflatten` turns them back into lists and dicts on reading — the frame
that comes back is the frame that went out.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["JSON_COLUMNS", "flatten", "unflatten"]

JSON_COLUMNS = ("sources", "disputed")


def flatten(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A copy with the nested columns as compact, key-sorted JSON text."""
    out = frame.copy()
    for col in JSON_COLUMNS:
        if col in out:
            out[col] = [json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                        if not isinstance(v, str) else v for v in out[col]]
    return out


def unflatten(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The nested columns parsed back from JSON text (in place; returns the frame)."""
    for col in JSON_COLUMNS:
        if col in frame:
            frame[col] = [_parsed(v, col) for v in frame[col]]
    return frame


def _parsed(value: object, col: str) -> object:
    if isinstance(value, str):
        return json.loads(value) if value else ([] if col == "sources" else {})
    if value is None:
        return [] if col == "sources" else {}
    return value  # already a list or dict
