"""Queries over events by place, time, actor and type — decided by geometry.

Region membership is decided by the event's point (a bounding-box pass over coordinate
arrays, then an exact point-in-polygon test on the candidates), so events that carry
only coordinates (imports) work too, and a million events need no geometry objects.  Precision is respected: an event placed only to a
country never matches a governorate or named-area query, and an event placed only to a
governorate never matches a radius smaller than its own uncertainty; the result says
how many events were left out for that reason, so no one mistakes "not shown" for
"did not happen".
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.exc import InputError
from geo.vocab import EVENT_TYPES, GEO_PRECISION_RADIUS_KM, SIDES

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["Query", "QueryResult", "EventTable", "run_query", "parse_bbox", "parse_date",
           "parse_point", "load_table", "QUERY_COLUMNS"]


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
    target_side: str | None = None
    type: str | None = None
    min_killed: int | None = None
    boundaries: Path | None = None


class EventTable:
    """Events as columns: attributes in an Arrow table, coordinates as two numpy arrays.

    Queries run on this rather than on a GeoDataFrame so that a million events need no
    geometry objects and no pandas: a GeoParquet file's native point columns load as
    x/y arrays, filters are Arrow compute kernels, and full rows (with geometry) are
    built only for the events a query returns.
    """

    def __init__(self, data: Any, x: Any, y: Any, source: Path | None = None,
                 frame: gpd.GeoDataFrame | None = None) -> None:
        self.data, self.x, self.y, self.source, self._frame = data, x, y, source, frame

    @classmethod
    def from_frame(cls, frame: gpd.GeoDataFrame) -> EventTable:
        import numpy as np
        import pyarrow as pa
        import shapely

        geoms = frame.geometry.to_numpy()
        x = np.full(len(frame), np.nan)
        y = np.full(len(frame), np.nan)
        present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
        if present.any():
            xy = shapely.get_coordinates(geoms[present])
            x[present], y[present] = xy[:, 0], xy[:, 1]
        data = pa.Table.from_pandas(frame[list(QUERY_COLUMNS)], preserve_index=False)
        return cls(data, x, y, frame=frame)

    def __len__(self) -> int:
        return self.data.num_rows

    def rows(self, index: Any) -> gpd.GeoDataFrame:
        """Full events (every column, point geometry) for the row positions ``index``."""
        import geopandas as gpd

        if self._frame is not None:
            return self._frame.iloc[index]
        import pyarrow.parquet as pq

        table = pq.ParquetFile(self.source).read().drop(["geometry"]).take(index)
        return gpd.GeoDataFrame(table.to_pandas(), crs="EPSG:4326",
                                geometry=gpd.points_from_xy(self.x[index], self.y[index]))


@dataclass
class QueryResult:
    table: EventTable
    index: Any  # row positions of the matches, sorted by date
    left_out: int = 0  # events too coarsely placed to be in or out of the area
    area: str | None = None

    def __len__(self) -> int:
        return len(self.index)

    def records(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The first ``limit`` matches' query columns as dicts (cheap: no geometry)."""
        index = self.index if limit is None else self.index[:limit]
        return self.table.data.take(_arrow_index(index)).to_pylist()

    @property
    def frame(self) -> gpd.GeoDataFrame:
        """The matches as full events (a GeoDataFrame, EPSG:4326)."""
        return self.table.rows(self.index)

    def summary(self) -> str:
        import pyarrow.compute as pc

        n = len(self.index)
        chosen = self.table.data.take(_arrow_index(self.index))
        span = pc.min_max(chosen.column("event_date"))
        lo, hi = span["min"].as_py(), span["max"].as_py()
        when = f"{lo.date()} to {hi.date()}" if lo is not None else "no dates"
        killed = pc.sum(chosen.column("killed")).as_py() or 0
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


#: The columns a query filters on or shows in its table.
QUERY_COLUMNS = ("id", "event_date", "event_type", "actor1", "actor1_side", "actor2", "actor2_side", "location",
                 "country", "admin1", "geo_precision", "killed")


_NOT_DICT = ("id", "event_date", "killed")


def load_table(path: str | os.PathLike[str] | None) -> EventTable:
    """The events to query: a file, or the seed events.

    A GeoParquet file with native point encoding (as ``geo export`` writes it) is read
    column by column: only what a query needs, coordinates straight into arrays.
    """
    if path is None:
        from geo.frame import to_frame
        from geo.pipeline import seed_events

        return EventTable.from_frame(to_frame(seed_events()))
    p = Path(path)
    if p.suffix.lower() in (".parquet", ".geoparquet") and p.is_file():
        table = _parquet_columns(p)
        if table is not None:
            return table
    from geo.events_io import read_frame

    return EventTable.from_frame(read_frame(p))


def _parquet_columns(p: Path) -> EventTable | None:
    """Columns of a GeoParquet file with native points; None for other encodings."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(p)
        if not pa.types.is_struct(schema.field("geometry").type):
            return None  # WKB-encoded: read through geopandas instead
        # ParquetFile.read, not read_table: the latter imports pyarrow.dataset (+0.35 s)
        # low-cardinality text as dictionaries: half the read time, and filters compare codes
        table = pq.ParquetFile(p, read_dictionary=[c for c in QUERY_COLUMNS if c not in _NOT_DICT]
                               ).read(columns=[*QUERY_COLUMNS, "geometry"])
    except (KeyError, OSError, pa.ArrowException) as err:
        raise InputError(f"{p}: cannot read events ({str(err).splitlines()[0]})") from None
    geom = table.column("geometry").combine_chunks()
    valid = _numpy(geom.is_valid())
    x = np.where(valid, _numpy(geom.field("x")), np.nan)
    y = np.where(valid, _numpy(geom.field("y")), np.nan)
    return EventTable(table.drop(["geometry"]), x, y, source=p)


# Arrow converts Python values (pa.array, pa.scalar, a literal in a compute call) through
# its pandas shim, which imports pandas: 0.3 s, a third of a query's budget at a million
# events.  The query path therefore moves data between Arrow and numpy by buffers only,
# and compares with numpy.

def _numpy(arr: Any) -> Any:
    """A fixed-width Arrow array's values as numpy (whatever lies under nulls included)."""
    import numpy as np
    import pyarrow as pa

    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    start, stop = arr.offset, arr.offset + len(arr)
    if pa.types.is_boolean(arr.type):
        bits = np.frombuffer(arr.buffers()[1], dtype=np.uint8)
        return np.unpackbits(bits, bitorder="little")[start:stop].astype(bool)
    if pa.types.is_floating(arr.type):
        kind = "f"
    else:
        kind = "u" if pa.types.is_unsigned_integer(arr.type) else "i"  # ints, timestamps
    dtype = np.dtype(f"{kind}{arr.type.bit_width // 8}")
    return np.frombuffer(arr.buffers()[1], dtype=dtype)[start:stop]


def _arrow_index(index: Any) -> Any:
    """Row positions (numpy) as an Arrow array, without the pandas shim."""
    import numpy as np
    import pyarrow as pa

    index = np.ascontiguousarray(index, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), len(index), [None, pa.py_buffer(index)])


def _valid(column: Any) -> Any:
    import pyarrow.compute as pc

    return _numpy(pc.is_valid(column))


def _mask(values: Any) -> Any:
    """An Arrow boolean result as a numpy mask, nulls counting as False."""
    return _numpy(values) & _valid(values)


def _compare(column: Any, op: str, value: Any) -> Any:
    """``column <op> value`` for a numeric or timestamp column; nulls are False."""
    import numpy as np

    values = _numpy(column)
    test = {">=": np.greater_equal, "<=": np.less_equal}[op](values, value)
    return test & _valid(column)


def _is_in(column: Any, values: Any) -> Any:
    """Rows whose text is one of ``values``: the dictionary is searched, then its codes."""
    import numpy as np
    import pyarrow as pa

    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if not pa.types.is_dictionary(column.type):
        column = column.dictionary_encode()
    codes = [i for i, v in enumerate(column.dictionary.to_pylist()) if v in values]
    return np.isin(_numpy(column.indices), codes) & _valid(column)


def _day(day: dt.date, column: Any) -> Any:
    """A date as the integer a timestamp column stores (in that column's unit)."""
    import numpy as np

    return np.datetime64(day, column.type.unit).astype(np.int64)


def run_query(table: EventTable | gpd.GeoDataFrame, q: Query) -> QueryResult:
    """The events that pass every filter of ``q``, sorted by date then id."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    if not isinstance(table, EventTable):
        table = EventTable.from_frame(table)
    data = table.data
    col = data.column
    mask = np.ones(len(table), dtype=bool)
    for day, op in ((q.since, ">="), (q.until, "<=")):
        if day:
            mask &= _compare(col("event_date"), op, _day(day, col("event_date")))
    if q.side:
        if q.side not in SIDES:
            raise InputError(f"--side: {q.side!r} is not one of: {', '.join(SIDES)}")
        mask &= _is_in(col("actor1_side"), {q.side})
    if q.target_side:
        if q.target_side not in SIDES:
            raise InputError(f"--target-side: {q.target_side!r} is not one of: {', '.join(SIDES)}")
        mask &= _is_in(col("actor2_side"), {q.target_side})
    if q.type:
        if q.type not in EVENT_TYPES:
            raise InputError(f"--type: {q.type!r} is not one of: {', '.join(EVENT_TYPES)}")
        mask &= _is_in(col("event_type"), {q.type})
    if q.actor:
        mask &= np.logical_or.reduce([
            _mask(pc.match_substring(col(c).cast(pa.string()), q.actor, ignore_case=True))
            for c in ("actor1", "actor2")])
    if q.min_killed is not None:
        mask &= _compare(col("killed"), ">=", q.min_killed)
    left_out, area = 0, None
    if q.bbox:
        mask &= _inside_box(table, q.bbox)
    if q.within:
        mask &= _contained(table, polygons(q.within))
        area = str(q.within)
    if q.region:
        from gazetteer.regions import region

        r = region(q.region, boundaries=q.boundaries)
        area = f"{r.name} ({r.kind})"
        inside = _contained(table, r.geometry)
        if r.kind != "country":
            coarse = _is_in(col("geo_precision"), {"country"})
            located = ~np.isnan(table.x)
            left_out += int((mask & coarse & located & _in_countries(col("country"), r)).sum())
            inside &= ~coarse
        mask &= inside
    if q.near:
        if q.radius_km is None or q.radius_km <= 0:
            raise InputError("--near needs --radius-km N (a positive number of kilometres)")
        lat, lon, label = parse_point(q.near)
        close = _within_km(table, lat, lon, q.radius_km)
        too_rough = {p for p, km in GEO_PRECISION_RADIUS_KM.items() if km > q.radius_km}
        coarse = _is_in(col("geo_precision"), too_rough)
        left_out += int((mask & coarse & close).sum())
        mask &= close & ~coarse
        area = f"{q.radius_km:g} km of {label}"
    index = np.flatnonzero(mask)
    chosen = data.select(["event_date", "id"]).take(_arrow_index(index))
    order = pc.sort_indices(chosen, sort_keys=[("event_date", "ascending"), ("id", "ascending")])
    return QueryResult(table, index[_numpy(order)], left_out, area)


def _candidates(table: EventTable, w: float, s: float, e: float, n: float) -> Any:
    """Row positions whose point lies in the box: the coarse pass before exact geometry."""
    import numpy as np

    x, y = table.x, table.y
    return np.flatnonzero((x >= w) & (x <= e) & (y >= s) & (y <= n))


def _inside_box(table: EventTable, bbox: tuple[float, float, float, float]) -> Any:
    import numpy as np

    inside = np.zeros(len(table), dtype=bool)
    inside[_candidates(table, *bbox)] = True
    return inside


def _contained(table: EventTable, geom: Any) -> Any:
    """Points inside ``geom``: a bounding-box pass on the coordinate arrays, then an exact,
    vectorised point-in-polygon test (prepared geometry) on the candidates only."""
    import numpy as np
    import shapely

    inside = np.zeros(len(table), dtype=bool)
    cand = _candidates(table, *geom.bounds)
    if len(cand):
        shapely.prepare(geom)
        inside[cand] = shapely.contains_xy(geom, table.x[cand], table.y[cand])
    return inside


def _in_countries(country: Any, r: Any) -> Any:
    """Which events sit in a country the region ``r`` lies in (for the left-out count)."""
    return _is_in(country, region_countries(r))


def region_countries(r: Any) -> set[str]:
    """The countries a region lies in: where its coarsely placed events may be."""
    from gazetteer.regions import countries

    return {c.country for c in countries()
            if c.geometry.intersects(r.geometry)} if r.country is None else {r.country}


def polygons(path: Path) -> Any:
    from shapely.ops import unary_union

    from gazetteer.regions import read_polygons

    try:
        df = read_polygons(path)
    except InputError as err:
        raise InputError(f"--within: {err}") from None
    polys = [g for g in df.geometry if g is not None and g.geom_type in ("Polygon", "MultiPolygon")]
    if not polys:
        raise InputError(f"--within: {path}: holds no polygons")
    return unary_union(polys)


def near_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """A generous W, S, E, N box around a point that holds every point within ``km``."""
    import math

    dlat = km / 110.0 * 1.2
    dlon = min(180.0, km / (111.32 * max(math.cos(math.radians(min(abs(lat) + dlat, 89.9))), 1e-6)) * 1.2)
    return lon - dlon, lat - dlat, lon + dlon, lat + dlat


def _within_km(table: EventTable, lat: float, lon: float, km: float) -> Any:
    """Geodesic distance on the WGS84 ellipsoid (pyproj), after a generous box pre-filter."""
    import numpy as np
    from pyproj import Geod

    cand = _candidates(table, *near_box(lat, lon, km))
    close = np.zeros(len(table), dtype=bool)
    if len(cand):
        n = len(cand)
        _, _, dist = Geod(ellps="WGS84").inv(np.full(n, lon), np.full(n, lat), table.x[cand], table.y[cand])
        close[cand[dist <= km * 1000.0]] = True
    return close
