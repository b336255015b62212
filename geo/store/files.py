"""Partition files: events as Arrow tables in one schema, written as GeoParquet 1.1.

Every file of the store has the schema ``geo export --format parquet`` writes (the event
model's columns, ``sources``/``disputed`` as JSON text, a native GeoArrow point
``geometry``) and GeoParquet 1.1 metadata, so GDAL, DuckDB, geopandas and QGIS read the
dataset without our code.  Rows are sorted so that each row group covers a small area
and a short time (country, week, then a half-degree grid cell), which lets a query skip
most row groups by their Parquet statistics alone; events placed only to a country come
first, in row groups of their own, because region queries must count them separately.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import os
import uuid
from pathlib import Path
from typing import Any

from geo.frame import COUNT_COLUMNS, DATE_COLUMNS, FRAME_COLUMNS
from geo.store.manifest import PartFile

__all__ = ["ROW_GROUP_ROWS", "UNDATED", "canonical", "event_schema", "frame_table", "geo_metadata",
           "month_codes", "month_name", "query_order", "sort_for_queries", "write_part"]

#: Rows per row group: small enough that statistics prune finely, large enough to scan fast.
ROW_GROUP_ROWS = 16_384
#: The partition of events without a date.
UNDATED = "undated"
_CELL_DEG = 0.5


@functools.cache
def event_schema() -> Any:
    """The one Arrow schema of the store's files (what ``write_parquet`` produces)."""
    import pyarrow as pa

    fields = []
    for name in FRAME_COLUMNS:
        if name in DATE_COLUMNS:
            typ = pa.timestamp("us")
        elif name in COUNT_COLUMNS:
            typ = pa.int64()
        elif name == "confidence":
            typ = pa.float64()
        else:
            typ = pa.large_string()
        fields.append(pa.field(name, typ))
    point = pa.struct([pa.field("x", pa.float64(), nullable=False),
                       pa.field("y", pa.float64(), nullable=False)])
    fields.append(pa.field("geometry", point, metadata={
        b"ARROW:extension:name": b"geoarrow.point",
        b"ARROW:extension:metadata": json.dumps({"crs": _crs()}).encode()}))
    return pa.schema(fields)


@functools.cache
def _crs() -> dict[str, Any]:
    from pyproj import CRS

    return CRS("EPSG:4326").to_json_dict()


def canonical(table: Any, where: str) -> Any:
    """``table`` cast to :func:`event_schema`: missing columns become nulls, others must fit.

    Raises InputError naming ``where`` and the column when a column cannot be converted
    or one the event model does not know is present.
    """
    import pyarrow as pa

    from geo.exc import InputError

    schema = event_schema()
    extra = [c for c in table.column_names if c not in schema.names]
    if extra:
        raise InputError(f"{where}: column {extra[0]!r} is not an event field "
                         f"(known: {', '.join(schema.names)})")
    if "id" not in table.column_names:
        raise InputError(f"{where}: no 'id' column; expected events as `geo export` writes them")
    cols = []
    for f in schema:
        if f.name not in table.column_names:
            cols.append(pa.nulls(table.num_rows, f.type))
            continue
        col = table.column(f.name)
        try:
            if f.name == "geometry":
                col = _points(col, where)
            elif col.type != f.type:
                col = col.cast(f.type)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, TypeError) as err:
            raise InputError(f"{where}: column {f.name!r} is {col.type}, not {f.type} "
                             f"({str(err).splitlines()[0]})") from None
        cols.append(col)
    return pa.Table.from_arrays(cols, schema=schema)


def _points(col: Any, where: str) -> Any:
    import pyarrow as pa

    from geo.exc import InputError

    typ = col.type
    if not (pa.types.is_struct(typ) and {typ.field(i).name for i in range(typ.num_fields)} >= {"x", "y"}):
        raise InputError(f"{where}: geometry is {typ}; expected native GeoArrow points "
                         "(as `geo export --format parquet` writes them)")
    target = event_schema().field("geometry").type
    chunks = []
    for chunk in (col.chunks if isinstance(col, pa.ChunkedArray) else [col]):
        xs, ys = chunk.field("x"), chunk.field("y")
        chunks.append(pa.StructArray.from_arrays([xs.cast(pa.float64()), ys.cast(pa.float64())],
                                                 fields=list(target), mask=chunk.is_null()))
    return pa.chunked_array(chunks, type=target)


def frame_table(frame: Any, where: str) -> Any:
    """A GeoDataFrame (``geo.frame.to_frame`` or one read from a GIS file) as a store table."""
    import pyarrow as pa

    from geo.export.tabular import flatten

    flat = flatten(frame)
    if flat.crs is not None and flat.crs.to_epsg() != 4326:
        flat = flat.to_crs("EPSG:4326")
    table = pa.table(flat.to_arrow(index=False, geometry_encoding="geoarrow", interleaved=False))
    return canonical(table, where)


def month_codes(table: Any) -> Any:
    """Each row's month as months since 1970 (numpy int64; undated rows: the largest int)."""
    import numpy as np

    months = table.column("event_date").to_numpy(zero_copy_only=False).astype("datetime64[M]")
    return np.where(np.isnat(months), np.iinfo(np.int64).max, months.astype(np.int64))


def month_name(code: int) -> str:
    """The partition name of a month code from :func:`month_codes`."""
    import numpy as np

    if code == np.iinfo(np.int64).max:
        return UNDATED
    return str(np.datetime64(int(code), "M"))


def query_order(table: Any) -> Any:
    """Row positions in query-friendly order: by month; in a month, events placed only to a
    country first, then by country, week of the month and half-degree grid cell.

    One int64 key and one stable argsort, so a big ingest sorts once.
    """
    import numpy as np
    import pyarrow.compute as pc

    month = month_codes(table)
    undated = month == np.iinfo(np.int64).max
    m = np.clip(np.where(undated, 8191, month + 6000), 0, 8191)  # 1470 to 2152, then undated
    geom = table.column("geometry")
    x = pc.fill_null(pc.struct_field(geom, "x"), 180.0).to_numpy(zero_copy_only=False)
    y = pc.fill_null(pc.struct_field(geom, "y"), 90.0).to_numpy(zero_copy_only=False)
    cx = np.clip(np.floor((x + 180) / _CELL_DEG), 0, 720).astype(np.int64)
    cy = np.clip(np.floor((y + 90) / _CELL_DEG), 0, 360).astype(np.int64)
    days = table.column("event_date").to_numpy(zero_copy_only=False).astype("datetime64[D]")
    first = days.astype("datetime64[M]").astype("datetime64[D]")
    week = np.where(undated, 0, (days - first).astype(np.int64) // 7)
    fine = pc.fill_null(pc.not_equal(table.column("geo_precision"), "country"), True)
    fine = fine.to_numpy(zero_copy_only=False).astype(np.int64)
    enc = pc.fill_null(table.column("country"), "").combine_chunks().dictionary_encode()
    rank = np.argsort(np.argsort(enc.dictionary.to_numpy(zero_copy_only=False)))
    country = np.clip(rank[enc.indices.to_numpy(zero_copy_only=False)], 0, 255)
    key = ((((m * 2 + fine) * 256 + country) * 8 + week) * 1024 + cx) * 512 + cy
    return np.argsort(key, kind="stable")


def sort_for_queries(table: Any) -> Any:
    """``table`` in :func:`query_order`."""
    import pyarrow as pa

    return table if table.num_rows < 2 else table.take(pa.array(query_order(table)))


def write_part(table: Any, store: Path, month: str, staging: Path, *,
               presorted: bool = False) -> tuple[PartFile, Path]:
    """Write ``table`` (one month's rows) as a new GeoParquet file under ``staging``.

    Returns its manifest entry and where it was written; the caller moves it to
    ``store / entry.path`` just before the manifest switch.  The file gets a fresh name,
    so it never replaces one a reader may be using.
    """
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    if not presorted:
        table = sort_for_queries(table)
    rel = f"events/month={month}/part-{uuid.uuid4().hex[:16]}.parquet"
    path = staging / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    geom = table.column("geometry")
    xs, ys = pc.struct_field(geom, "x"), pc.struct_field(geom, "y")
    located = pc.is_valid(geom)
    bbox = None
    if pc.any(located).as_py():
        xs, ys = pc.filter(xs, located), pc.filter(ys, located)
        bbox = (pc.min(xs).as_py(), pc.min(ys).as_py(), pc.max(xs).as_py(), pc.max(ys).as_py())
    table = table.replace_schema_metadata({b"geo": json.dumps(geo_metadata(bbox)).encode()})
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp, compression="zstd", row_group_size=ROW_GROUP_ROWS,
                   write_statistics=True)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    dates = pc.min_max(table.column("event_date"))
    return PartFile(path=rel, rows=table.num_rows, bytes=path.stat().st_size,
                    min_date=_day(dates["min"].as_py()), max_date=_day(dates["max"].as_py()),
                    bbox=bbox), path


def geo_metadata(bbox: tuple[float, float, float, float] | None) -> dict[str, Any]:
    """GeoParquet 1.1 file metadata for the store's native point column."""
    return {"version": "1.1.0", "primary_column": "geometry",
            "columns": {"geometry": {"encoding": "point", "geometry_types": ["Point"],
                                     "crs": _crs(), **({"bbox": list(bbox)} if bbox else {})}},
            "creator": {"library": "geo", "version": _version()}}


def _day(v: dt.datetime | None) -> dt.date | None:
    return v.date() if v is not None else None


def _version() -> str:
    from geo import __version__

    return __version__
