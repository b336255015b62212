"""An events frame → plain dicts shaped like ``Event.to_dict()``, column by column.

``geo.frame.from_frame`` validates every row through the model, which costs a minute
for 100,000 events; the map only reads the values, and the frames it gets come from
our own readers (GeoJSON and YAML validated on reading, GeoPackage and GeoParquet as we
wrote them), so the columns are converted whole here instead.
"""
from __future__ import annotations

import json
import math
from typing import Any

from geo.frame import COUNT_COLUMNS, DATE_COLUMNS, FRAME_COLUMNS

__all__ = ["frame_records"]

_NESTED = {"sources": list, "disputed": dict}


def _column(frame: Any, col: str) -> list[Any]:
    if col not in frame.columns:
        return [_NESTED[col]() if col in _NESTED else None] * len(frame)
    series = frame[col]
    if col in DATE_COLUMNS and str(series.dtype).startswith("datetime64"):
        return [None if v is None or v != v else v for v in series.dt.strftime("%Y-%m-%d").tolist()]
    if col in DATE_COLUMNS:
        return [None if v is None or v != v else str(v)[:10] for v in series.tolist()]
    if col in _NESTED:
        kind = _NESTED[col]
        return [json.loads(v) if isinstance(v, str) and v
                else (v if isinstance(v, kind) else kind()) for v in series.tolist()]
    # missing values (NaN, NA, NaT) → None; object dtype gives Python scalars
    values = series.astype(object).where(series.notna(), None).tolist()
    if col in COUNT_COLUMNS:
        return [None if v is None else int(v) for v in values]
    return values


def frame_records(frame: Any) -> list[dict[str, Any]]:
    """One dict per row, with ``lat``/``lon`` from the point geometry (None without one)."""
    import shapely

    geoms = frame.geometry.values if hasattr(frame, "geometry") else [None] * len(frame)
    # shapely's x is the longitude, y the latitude
    xs = shapely.get_x(geoms).tolist() if len(frame) else []
    ys = shapely.get_y(geoms).tolist() if len(frame) else []
    columns = {c: _column(frame, c) for c in FRAME_COLUMNS}
    rows = []
    for i in range(len(frame)):
        rec = {c: columns[c][i] for c in FRAME_COLUMNS}
        x, y = xs[i], ys[i]
        located = not (x is None or y is None or math.isnan(x) or math.isnan(y))
        rec["lat"], rec["lon"] = (y, x) if located else (None, None)
        rows.append(rec)
    return rows
