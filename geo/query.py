"""Queries over events by place, time, actor and type — by geometry, with a spatial index.

Region membership is decided by the event's point, so events that carry only
coordinates (imports) work too.  Precision is respected: an event placed only to a
country never matches a governorate or named-area query, and an event placed only to a
governorate never matches a radius smaller than its own uncertainty; the result says
how many events were left out for that reason, so no one mistakes "not shown" for
"did not happen".
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.exc import InputError
from geo.vocab import EVENT_TYPES, GEO_PRECISION_RADIUS_KM, SIDES

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["Query", "QueryResult", "run_query", "parse_bbox", "parse_date", "parse_point",
           "load_frame"]


@dataclass(frozen=True)
class Query:
    """Filters, combined with AND.  ``None`` means "any"."""

    region: str | None = None
    near: str | None = None
    radius_km: float | None = None
    bbox: tuple[float, float, float, float] | None = None
    within: Path | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    actor: str | None = None
    side: str | None = None
    type: str | None = None
    min_killed: int | None = None
    boundaries: Path | None = None


@dataclass
class QueryResult:
    frame: gpd.GeoDataFrame
    left_out: int = 0  # events too coarsely placed to be in or out of the area
    area: str | None = None
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        f = self.frame
        n = len(f)
        dates = f["event_date"].dropna()
        when = (f"{dates.min().date()} to {dates.max().date()}" if len(dates) else "no dates")
        killed = int(f["killed"].fillna(0).sum()) if n else 0
        line = f"{n} event{'s' if n != 1 else ''}, {when}, {killed} killed (reported)"
        if self.left_out:
            line += (f"; {self.left_out} event{'s' if self.left_out != 1 else ''} placed too "
                     f"roughly to tell{' for ' + self.area if self.area else ''} left out")
        return line


def parse_date(text: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{what}: {text!r} is not a date (expected YYYY-MM-DD)") from None


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``W,S,E,N`` in degrees, west < east and south < north."""
    try:
        w, s, e, n = (float(x) for x in text.split(","))
    except ValueError:
        raise InputError(f"--bbox: {text!r} is not W,S,E,N (four numbers, e.g. 38,32,42,37)") from None
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
        raise InputError(f"--bbox: {text!r} must have -180 ≤ W < E ≤ 180 and -90 ≤ S < N ≤ 90")
    return w, s, e, n


def parse_point(text: str) -> tuple[float, float, str]:
    """``LAT,LON`` or a place name the gazetteer knows → (lat, lon, label)."""
    parts = text.split(",")
    if len(parts) == 2:
        try:
            lat, lon = float(parts[0]), float(parts[1])
        except ValueError:
            pass
        else:
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise InputError(f"--near: {text!r} is outside the world")
            return lat, lon, f"{lat:g},{lon:g}"
    from gazetteer import default_gazetteer

    match = default_gazetteer().resolve(text)
    return match.place.lat, match.place.lon, match.place.name


def load_frame(path: str | os.PathLike[str] | None) -> gpd.GeoDataFrame:
    """The events to query: a file (GeoParquet read straight, nested fields left as JSON
    text until the result is known), or the seed events."""
    if path is None:
        from geo.frame import to_frame
        from geo.pipeline import seed_events

        return to_frame(seed_events())
    p = Path(path)
    if p.suffix.lower() in (".parquet", ".geoparquet") and p.is_file():
        import geopandas as gpd

        try:
            return gpd.read_parquet(p)
        except Exception as err:  # pyarrow raises many kinds; the user needs one line
            raise InputError(f"{p}: cannot read events ({str(err).splitlines()[0]})") from None
    from geo.events_io import read_frame

    return read_frame(p)


def _coarse(frame: gpd.GeoDataFrame, precisions: tuple[str, ...]) -> Any:
    return frame["geo_precision"].isin(precisions).to_numpy()


def run_query(frame: gpd.GeoDataFrame, q: Query) -> QueryResult:
    """The events of ``frame`` that pass every filter of ``q``, sorted by date."""
    import numpy as np

    mask = np.ones(len(frame), dtype=bool)
    if q.since:
        mask &= (frame["event_date"] >= np.datetime64(q.since)).to_numpy()
    if q.until:
        mask &= (frame["event_date"] <= np.datetime64(q.until)).to_numpy()
    if q.side:
        if q.side not in SIDES:
            raise InputError(f"--side: {q.side!r} is not one of: {', '.join(SIDES)}")
        mask &= (frame["actor1_side"] == q.side).to_numpy()
    if q.type:
        if q.type not in EVENT_TYPES:
            raise InputError(f"--type: {q.type!r} is not one of: {', '.join(EVENT_TYPES)}")
        mask &= (frame["event_type"] == q.type).to_numpy()
    if q.actor:
        needle = q.actor.lower()
        a1 = frame["actor1"].fillna("").str.lower().str.contains(needle, regex=False)
        a2 = frame["actor2"].fillna("").str.lower().str.contains(needle, regex=False)
        mask &= (a1 | a2).to_numpy()
    if q.min_killed is not None:
        mask &= (frame["killed"].fillna(-1) >= q.min_killed).to_numpy()
    located = (~frame.geometry.isna() & ~frame.geometry.is_empty).to_numpy()
    left_out, area, notes = 0, None, []
    if q.bbox:
        w, s, e, n = q.bbox
        inside = np.zeros(len(frame), dtype=bool)
        inside[frame.sindex.query(_box(w, s, e, n), predicate="contains")] = True
        mask &= inside
    if q.within:
        geom = _polygons(q.within)
        mask &= _contained(frame, geom)
        area = str(q.within)
    if q.region:
        from gazetteer.regions import region

        r = region(q.region, boundaries=q.boundaries)
        area = f"{r.name} ({r.kind})"
        inside = _contained(frame, r.geometry)
        if r.kind != "country":
            coarse = _coarse(frame, ("country",))
            left_out += int((mask & coarse & located & _in_countries(frame, r)).sum())
            inside &= ~coarse
        mask &= inside
    if q.near:
        if q.radius_km is None or q.radius_km <= 0:
            raise InputError("--near needs --radius-km N (a positive number of kilometres)")
        lat, lon, label = parse_point(q.near)
        close = _within_km(frame, lat, lon, q.radius_km)
        too_rough = tuple(p for p, km in GEO_PRECISION_RADIUS_KM.items() if km > q.radius_km)
        coarse = _coarse(frame, too_rough)
        left_out += int((mask & coarse & close).sum())
        mask &= close & ~coarse
        area = f"{q.radius_km:g} km of {label}"
    result = frame[mask]
    result = result.sort_values(["event_date", "id"], kind="stable", na_position="last")
    return QueryResult(result, left_out, area, notes)


def _box(w: float, s: float, e: float, n: float) -> Any:
    import shapely

    return shapely.box(w, s, e, n)


def _contained(frame: gpd.GeoDataFrame, geom: Any) -> Any:
    import numpy as np

    inside = np.zeros(len(frame), dtype=bool)
    inside[frame.sindex.query(geom, predicate="contains")] = True
    return inside


def _in_countries(frame: gpd.GeoDataFrame, r: Any) -> Any:
    """Which events sit in a country the region ``r`` lies in (for the left-out count)."""
    from gazetteer.regions import all_regions

    countries = {c.country for c in all_regions() if c.kind == "country"
                 and c.geometry.intersects(r.geometry)} if r.country is None else {r.country}
    return frame["country"].isin(countries).to_numpy()


def _polygons(path: Path) -> Any:
    import pyogrio
    from shapely.ops import unary_union

    if not Path(path).exists():
        raise InputError(f"--within: {path}: no such file")
    try:
        df = pyogrio.read_dataframe(path)
    except Exception as err:  # pyogrio raises its own DataSourceError and friends
        raise InputError(f"--within: {path}: cannot read polygons ({str(err).splitlines()[0]})") from None
    if df.crs is not None and df.crs.to_epsg() != 4326:
        df = df.to_crs("EPSG:4326")
    polys = [g for g in df.geometry if g is not None and g.geom_type in ("Polygon", "MultiPolygon")]
    if not polys:
        raise InputError(f"--within: {path}: holds no polygons")
    return unary_union(polys)


def _within_km(frame: gpd.GeoDataFrame, lat: float, lon: float, km: float) -> Any:
    """Geodesic distance on the WGS84 ellipsoid (pyproj), after a generous bbox pre-filter."""
    import math

    import numpy as np
    from pyproj import Geod

    dlat = km / 110.0 * 1.2
    dlon = min(180.0, km / (111.32 * max(math.cos(math.radians(min(abs(lat) + dlat, 89.9))), 1e-6)) * 1.2)
    cand = frame.sindex.query(_box(lon - dlon, lat - dlat, lon + dlon, lat + dlat), predicate="intersects")
    close = np.zeros(len(frame), dtype=bool)
    if len(cand):
        pts = frame.geometry.iloc[cand]
        xs, ys = pts.x.to_numpy(), pts.y.to_numpy()
        _, _, dist = Geod(ellps="WGS84").inv(np.full(len(cand), lon), np.full(len(cand), lat), xs, ys)
        close[cand[dist <= km * 1000.0]] = True
    return close
