"""Queries over a store that read only what they may return.

Three passes, each cheaper than the next would be on the whole store:

1. **files**: the manifest gives each file's date range and bounding box, so files of
   other months and other places are never opened;
2. **row groups**: each file's rows are sorted by country, week and grid cell, so the
   Parquet statistics of ``event_date`` and ``geometry.x``/``.y`` rule out most row groups
   of the files that remain;
3. **rows**: the exact test is ``geo.query.run_query`` itself, on the rows left — the same
   code, the same precision rules, so a store answers exactly as the file would.

The row groups kept are a superset of what the query needs: every row inside the
query's box, and — for a governorate or named-area query — the events placed only to a
country the area lies in, which the query counts as "left out".  Full rows (sources,
notes…) are read only for the events returned.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from geo.query import QUERY_COLUMNS, EventTable, Query, QueryResult, _numpy
from geo.store.manifest import PartFile
from geo.store.store import Store

__all__ = ["Plan", "StoreTable", "plan", "store_query", "store_table"]

_NOT_DICT = ("id", "event_date", "killed")


@dataclass(frozen=True)
class Plan:
    """What a query needs from the store: a date window, a box, countries of coarse events."""

    since: dt.date | None
    until: dt.date | None
    box: tuple[float, float, float, float] | None  # None: anywhere (no spatial filter)
    empty: bool  # the query's areas do not overlap: nothing can match
    coarse_countries: frozenset[str]  # country-placed events that must be read too

    def keeps_file(self, f: PartFile) -> bool:
        if f.min_date is None:  # undated events never pass a date filter
            if self.since or self.until:
                return False
        else:
            if self.since and f.max_date < self.since:  # type: ignore[operator]
                return False
            if self.until and f.min_date > self.until:
                return False
        if self.box is None:
            return True
        if self.coarse_countries:
            return True  # a file's bbox says nothing about which countries its rows name
        return not self.empty and f.bbox is not None and _overlaps(f.bbox, self.box)


def plan(q: Query) -> Plan:
    """The pruning plan of a query: the intersection of its boxes, its date window."""
    from geo.query import near_box, parse_point, polygons, region_countries

    boxes = []
    if q.bbox:
        boxes.append(q.bbox)
    if q.within:
        boxes.append(polygons(q.within).bounds)
    coarse: frozenset[str] = frozenset()
    if q.region:
        from gazetteer.regions import region

        r = region(q.region, boundaries=q.boundaries)
        boxes.append(r.geometry.bounds)
        if r.kind != "country":
            coarse = frozenset(region_countries(r))
    if q.near and q.radius_km and q.radius_km > 0:
        lat, lon, _ = parse_point(q.near)
        boxes.append(near_box(lat, lon, q.radius_km))
    box, empty = None, False
    if boxes:
        w, s, e, n = (max(b[0] for b in boxes), max(b[1] for b in boxes),
                      min(b[2] for b in boxes), min(b[3] for b in boxes))
        box, empty = (w, s, e, n), w > e or s > n
    return Plan(q.since, q.until, box, empty, coarse)


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


class StoreTable(EventTable):
    """Rows of a store read for a query; full rows are read back from their row groups.

    ``pieces`` says where each row came from: (file, row groups read, positions within
    what was read), in the table's row order.
    """

    def __init__(self, data: Any, x: Any, y: Any, store: Store,
                 pieces: list[tuple[PartFile, list[int], Any]]) -> None:
        super().__init__(data, x, y, source=store.root)
        self.store, self.pieces = store, pieces

    def rows(self, index: Any) -> Any:
        import geopandas as gpd
        import numpy as np
        import pyarrow as pa

        from geo.store.store import table_frame

        index = np.asarray(index, dtype=np.int64)
        parts, where, offset = [], [], 0
        for f, groups, positions in self.pieces:
            n = len(positions)
            inside = np.flatnonzero((index >= offset) & (index < offset + n))
            if len(inside):
                full = self.store.read_part(f, row_groups=groups)
                parts.append(full.take(pa.array(positions[index[inside] - offset])))
                where.append(inside)
            offset += n
        if not parts:
            from geo.store.files import event_schema

            return table_frame(event_schema().empty_table(), nested=False)
        table = pa.concat_tables(parts)
        order = np.argsort(np.concatenate(where), kind="stable")
        frame = table_frame(table.take(pa.array(order)), nested=False)
        return gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")


_COLUMNS = [*QUERY_COLUMNS, "geometry"]
_DICTIONARY = [c for c in QUERY_COLUMNS if c not in _NOT_DICT]


def _candidates(store: Store, q: Query) -> Any:
    """(file, row groups, rows read) of every file with row groups the query may need."""
    p = plan(q)
    files = [f for f in store.manifest.files if p.keeps_file(f)]
    store.check(files)
    for f in files:
        groups = _row_groups(store, f, p)
        if groups:
            yield f, groups, store.read_part(f, columns=_COLUMNS, row_groups=groups,
                                             read_dictionary=_DICTIONARY)


def _table(store: Store, tables: list[Any], pieces: list[tuple[PartFile, list[int], Any]]) -> StoreTable:
    import numpy as np
    import pyarrow as pa

    if tables:
        table = pa.concat_tables(tables).unify_dictionaries().combine_chunks()
    else:
        from geo.store.files import event_schema

        schema = event_schema()
        table = pa.schema([schema.field(c) for c in _COLUMNS]).empty_table()
    # geo.query's buffer-level conversions: Array.to_numpy would import pandas (0.4 s)
    geom = table.column("geometry").combine_chunks()
    valid = _numpy(geom.is_valid())
    x = np.where(valid, _numpy(geom.field("x")), np.nan)
    y = np.where(valid, _numpy(geom.field("y")), np.nan)
    return StoreTable(table.drop(["geometry"]), x, y, store, pieces)


def store_table(store: Store, q: Query) -> StoreTable:
    """Every row of ``store`` that ``q`` may select, as one table for ``run_query``."""
    import numpy as np

    pieces, tables = [], []
    for f, groups, t in _candidates(store, q):
        pieces.append((f, groups, np.arange(t.num_rows)))
        tables.append(t)
    return _table(store, tables, pieces)


def store_query(store: Store, q: Query) -> QueryResult:
    """``run_query`` over a store, one file at a time: memory follows the result.

    Every filter decides row by row and the "left out" count is a sum of rows, so the
    matches of each file, sorted together by date and id, are what one ``run_query``
    over all the events returns.
    """
    import numpy as np
    import pyarrow.compute as pc

    from geo.query import _arrow_index, run_query

    pieces, tables, left_out, area = [], [], 0, None
    for f, groups, t in _candidates(store, q):
        part = _table(store, [t], [])
        r = run_query(part, q)
        left_out, area = left_out + r.left_out, r.area
        keep = np.sort(r.index)
        if len(keep):
            pieces.append((f, groups, keep))
            tables.append(t.take(_arrow_index(keep)))
    table = _table(store, tables, pieces)
    if not tables:  # still validates the query, and names its area
        r = run_query(table, q)
        return QueryResult(table, r.index, r.left_out, r.area)
    order = pc.sort_indices(table.data.select(["event_date", "id"]),
                            sort_keys=[("event_date", "ascending"), ("id", "ascending")])
    return QueryResult(table, _numpy(order), left_out, area)


def _row_groups(store: Store, f: PartFile, p: Plan) -> list[int]:
    """Row groups of ``f`` whose statistics allow a row the query needs."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from geo.store.manifest import StoreError

    path = store.path(f)
    try:
        meta = pq.ParquetFile(path).metadata
    except (OSError, pa.ArrowException) as err:
        raise StoreError(f"{path}: cannot read ({str(err).splitlines()[0]})") from None
    names = {meta.schema.column(i).path: i for i in range(meta.num_columns)}
    keep = []
    for g in range(meta.num_row_groups):
        rg = meta.row_group(g)

        def stats(name: str, rg: Any = rg) -> tuple[Any, Any] | None:
            s = rg.column(names[name]).statistics
            return (s.min, s.max) if s is not None and s.has_min_max else None

        if (p.since or p.until) and not _dates_overlap(stats("event_date"), p):
            continue
        if p.box is not None:
            xs, ys = stats("geometry.x"), stats("geometry.y")
            in_box = (not p.empty and xs is not None and ys is not None
                      and _overlaps((xs[0], ys[0], xs[1], ys[1]), p.box))
            if not in_box and not _coarse_possible(stats("geo_precision"), stats("country"), p):
                continue
        keep.append(g)
    return keep


def _dates_overlap(span: tuple[Any, Any] | None, p: Plan) -> bool:
    if span is None:
        return False  # no dated row in the group
    lo, hi = (v.date() if isinstance(v, dt.datetime) else v for v in span)
    return not ((p.since and hi < p.since) or (p.until and lo > p.until))


def _coarse_possible(prec: tuple[Any, Any] | None, country: tuple[Any, Any] | None, p: Plan) -> bool:
    if not p.coarse_countries or prec is None or country is None:
        return False
    if not prec[0] <= "country" <= prec[1]:
        return False
    return any(country[0] <= c <= country[1] for c in p.coarse_countries)
