"""Events ↔ GeoDataFrame: the one interchange between the pipeline's stages.

One row per event, EPSG:4326, point geometry (or None for events without a place),
typed columns (dates as ``datetime64``, counts as nullable ``Int64``), and the list and
mapping fields (``sources``, ``disputed``) kept as Python lists/dicts.  ``lat``/``lon`` are
not columns: the geometry is the one place the coordinates live.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from geo.model import EVENT_FIELDS, Event

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["to_frame", "from_frame", "FRAME_COLUMNS", "DATE_COLUMNS", "COUNT_COLUMNS"]

DATE_COLUMNS = ("event_date", "date_start", "date_end")
COUNT_COLUMNS = ("killed", "killed_low", "killed_high", "injured", "injured_low",
                 "injured_high", "targets_count")
FRAME_COLUMNS = tuple(f for f in EVENT_FIELDS if f not in ("lat", "lon"))


def to_frame(events: Iterable[Event]) -> gpd.GeoDataFrame:
    """A GeoDataFrame of ``events`` (EPSG:4326), in the order given."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    rows = [e.to_dict() for e in events]
    # The one place coordinate order flips: the model says (lat, lon), shapely wants (x=lon, y=lat).
    geoms = [shapely.Point(r["lon"], r["lat"]) if r["lat"] is not None else None for r in rows]
    df = pd.DataFrame([{k: r[k] for k in FRAME_COLUMNS} for r in rows], columns=list(FRAME_COLUMNS))
    for col in DATE_COLUMNS:
        df[col] = pd.to_datetime(df[col], format="%Y-%m-%d")
    for col in COUNT_COLUMNS:
        df[col] = df[col].astype("Int64")
    df["confidence"] = df["confidence"].astype("Float64")
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")


def from_frame(frame: Any, *, file: str | None = None) -> list[Event]:
    """Events from a GeoDataFrame (ours, or one read back from a GIS file), validated.

    Columns the model does not know are an error naming the column, so a frame from a
    foreign file fails loudly rather than losing data.
    """
    import pandas as pd

    geom_col = frame.geometry.name if hasattr(frame, "geometry") else None
    out = []
    for i, (_, row) in enumerate(frame.iterrows(), start=1):
        rec: dict[str, Any] = {}
        for col, val in row.items():
            if col == geom_col:
                continue
            rec[col] = _plain(val, pd)
        geom = row[geom_col] if geom_col else None
        if geom is not None and not getattr(geom, "is_empty", True):
            rec["lon"], rec["lat"] = geom.x, geom.y
        out.append(Event.from_dict(rec, file=file, record=i))
    return out


def _plain(val: Any, pd: Any) -> Any:
    """pandas scalars → plain Python values the model validates."""
    if isinstance(val, (list, dict)):
        return val
    if hasattr(val, "tolist") and not isinstance(val, (str, bytes)):
        val = val.tolist()
        if isinstance(val, list):
            return val
    if val is None or val is pd.NaT or val is pd.NA:
        return None
    if isinstance(val, float) and math.isnan(val):
        return None
    if isinstance(val, pd.Timestamp):
        return val.date()
    return val
