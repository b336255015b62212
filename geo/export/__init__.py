"""Writing events to GIS formats: one module per format, one registry by name.

``EXPORTERS`` maps a format name to ``writer(frame, path)``; every writer writes
atomically (through :mod:`geo.atomic`), so a failed export leaves any existing file as
it was.  Other stages register their formats here ("gpkg", "parquet", "csv", "kml"):
add the writer's module beside ``geojson.py`` and one entry below.  Writers import
geopandas and friends inside the function, so importing this package stays light.
"""
from __future__ import annotations

from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from geo.exc import InputError
from geo.export.acled_csv import write_acled_csv
from geo.export.geojson import write_geojson_frame
from geo.export.gpkg import write_gpkg
from geo.export.kml import write_kml
from geo.export.parquet import write_parquet

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["EXPORTERS", "EXTENSIONS", "export_frame", "format_for"]

#: Format name → writer(frame, path).
EXPORTERS: dict[str, Callable[[gpd.GeoDataFrame, Path], None]] = {
    "geojson": write_geojson_frame,
    "gpkg": write_gpkg,
    "parquet": write_parquet,
    "csv": write_acled_csv,
    "kml": write_kml,
}

#: File extension → format name, to infer ``--format`` from ``--out``.
EXTENSIONS: dict[str, str] = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg",
                              ".parquet": "parquet", ".geoparquet": "parquet", ".csv": "csv",
                              ".kml": "kml"}


def export_frame(frame: gpd.GeoDataFrame, path: str | PathLike[str], fmt: str) -> None:
    """Write ``frame`` (events, EPSG:4326) to ``path`` as ``fmt``, atomically.

    Example:
        >>> export_frame(to_frame(seed_events()), "events.geojson", "geojson")
    """
    try:
        writer = EXPORTERS[fmt]
    except KeyError:
        raise InputError(f"unknown export format {fmt!r}; expected one of: "
                         f"{', '.join(sorted(EXPORTERS))}") from None
    writer(frame, Path(path))


def format_for(path: str | PathLike[str]) -> str:
    """The export format a file name implies (``events.geojson`` → ``"geojson"``)."""
    ext = Path(path).suffix.lower()
    if ext not in EXTENSIONS or EXTENSIONS[ext] not in EXPORTERS:
        raise InputError(f"cannot tell the format from {str(path)!r}; give --format "
                         f"({', '.join(sorted(EXPORTERS))})")
    return EXTENSIONS[ext]
