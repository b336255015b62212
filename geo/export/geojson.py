"""GeoJSON export (RFC 7946): the format every GIS tool and web map reads.

What RFC 7946 asks and we do: WGS84 longitude/latitude (no ``crs`` member), coordinates
with at most 6 decimals (about 10 cm — far finer than any report places an event), and
``"geometry": null`` for an event we cannot place.  Each event is one Feature whose
``id`` is the event id and whose properties are :meth:`Event.to_dict` (the one
serialisation) without ``lat``/``lon``: the geometry is the one place coordinates live,
so the two can never disagree.

The bytes are deterministic — features sorted by date then id, keys in the model's
order, one feature per line, UTF-8 without escapes, a trailing newline — so the same
events always give the same file, and a diff shows which events changed.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from os import PathLike
from typing import TYPE_CHECKING, Any

from geo.atomic import write_text_atomic
from geo.exc import ExportError
from geo.model import Event

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["COORD_DECIMALS", "feature", "geojson_text", "write_geojson", "write_geojson_frame"]

COORD_DECIMALS = 6


def feature(ev: Event) -> dict[str, Any]:
    """One event as a GeoJSON Feature (GeoJSON's coordinate order is lon, lat)."""
    geometry = None
    if ev.located:
        geometry = {"type": "Point", "coordinates": [_coord(ev.lon), _coord(ev.lat)]}
    props = {k: v for k, v in ev.to_dict().items() if k not in ("lat", "lon")}
    return {"type": "Feature", "id": ev.id, "geometry": geometry, "properties": props}


def geojson_text(events: Iterable[Event]) -> str:
    """A FeatureCollection of ``events`` as text, in a fixed order with fixed formatting."""
    lines = [_dumps(feature(ev)) for ev in sorted(events, key=_order)]
    body = ",\n".join(lines)
    return '{"type": "FeatureCollection", "features": [\n' + body + ("\n" if lines else "") + "]}\n"


def write_geojson(events: Iterable[Event], path: str | PathLike[str]) -> None:
    """Write ``events`` to ``path`` as GeoJSON, atomically."""
    write_text_atomic(path, geojson_text(events))


def write_geojson_frame(frame: gpd.GeoDataFrame, path: str | PathLike[str]) -> None:
    """The ``EXPORTERS["geojson"]`` writer: a frame of events (validated) to GeoJSON."""
    from geo.frame import from_frame

    write_geojson(from_frame(frame), path)


def _order(ev: Event) -> tuple[bool, str, str]:
    day = ev.event_date or ev.date_start
    return (day is None, day.isoformat() if day else "", ev.id)


def _coord(v: float | None) -> float:
    return round(float(v), COORD_DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, allow_nan=False, default=_plain)


def _plain(v: Any) -> Any:
    """JSON for the odd claim value a curated file may hold (a date, a tuple)."""
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, tuple):
        return list(v)
    if isinstance(v, (set, frozenset)):
        return sorted(v, key=str)
    raise ExportError(f"cannot write a {type(v).__name__} value to GeoJSON")
