"""An event store on disk: a directory of month partitions and the manifest that lists them.

    DIR/manifest.json
    DIR/events/month=2024-01/part-3f9c….parquet      (GeoParquet 1.1, native points)
    DIR/events/month=undated/part-….parquet

The ``month=`` directories are Hive partitions, so DuckDB (``read_parquet('DIR/events/**/
*.parquet', hive_partitioning = true)``), GDAL/QGIS and geopandas
(``geopandas.read_parquet('DIR/events')``) read the dataset without our code.  Only the
files the manifest lists belong to the store; anything else under ``events/`` is left
over from an interrupted ingest and is removed by the next one.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.store.manifest import MANIFEST_NAME, Manifest, PartFile, StoreError

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.model import Event

__all__ = ["Store", "init_store", "open_store", "table_frame", "typed"]


@dataclass
class Store:
    root: Path
    manifest: Manifest

    def path(self, f: PartFile) -> Path:
        return self.root / f.path

    def check(self, files: list[PartFile] | None = None) -> None:
        """Every listed file is there with the size the manifest gives (cheap: a stat each)."""
        for f in self.manifest.files if files is None else files:
            p = self.path(f)
            try:
                size = p.stat().st_size
            except FileNotFoundError:
                raise StoreError(f"{p}: listed in {self.root / MANIFEST_NAME} but missing") from None
            if size != f.bytes:
                raise StoreError(f"{p}: {size} bytes where {self.root / MANIFEST_NAME} says "
                                 f"{f.bytes}; the file was changed outside geo")

    def read_part(self, f: PartFile, columns: list[str] | None = None,
                  row_groups: list[int] | None = None, read_dictionary: Any = None) -> Any:
        """One partition file as an Arrow table; a damaged file is a StoreError naming it."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        p = self.path(f)
        self.check([f])
        try:
            pf = pq.ParquetFile(p, read_dictionary=read_dictionary)
            if pf.metadata.num_rows != f.rows:
                raise StoreError(f"{p}: {pf.metadata.num_rows} rows where the manifest says {f.rows}")
            if row_groups is None:
                return pf.read(columns=columns)
            return pf.read_row_groups(row_groups, columns=columns)
        except (OSError, pa.ArrowException) as err:
            raise StoreError(f"{p}: cannot read ({str(err).splitlines()[0]})") from None

    def table(self, files: list[PartFile] | None = None) -> Any:
        """Every event (or those of ``files``) as one Arrow table, by date then id."""
        import pyarrow as pa
        import pyarrow.compute as pc

        from geo.store.files import event_schema

        files = self.manifest.files if files is None else files
        self.check(files)
        parts = [self.read_part(f) for f in files]
        table = pa.concat_tables(parts) if parts else event_schema().empty_table()
        order = pc.sort_indices(table, sort_keys=[("event_date", "ascending"), ("id", "ascending")])
        return table.take(order)

    def frame(self, *, nested: bool = True) -> gpd.GeoDataFrame:
        """Every event as a GeoDataFrame (EPSG:4326), like ``events_io.read_frame``."""
        return table_frame(self.table(), nested=nested)

    def events(self) -> list[Event]:
        """Every event, validated into the model (for ``geo build``)."""
        from geo.frame import from_frame

        return from_frame(self.frame(), file=str(self.root))


def table_frame(table: Any, *, nested: bool = True) -> gpd.GeoDataFrame:
    """A store table as a GeoDataFrame; ``nested`` parses ``sources``/``disputed`` back."""
    import geopandas as gpd
    import pyarrow.compute as pc

    geom = table.column("geometry")
    x = pc.struct_field(geom, "x").to_numpy(zero_copy_only=False)
    y = pc.struct_field(geom, "y").to_numpy(zero_copy_only=False)
    located = pc.is_valid(geom).to_numpy(zero_copy_only=False)
    points = gpd.points_from_xy(x, y)
    points[~located] = None
    df = typed(table.drop(["geometry"]).to_pandas())
    frame = gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(points, crs="EPSG:4326"), crs="EPSG:4326")
    if nested:
        from geo.export.tabular import unflatten

        unflatten(frame)
    return frame


def typed(df: Any) -> Any:
    """A frame read from the store with ``geo.frame``'s dtypes (nullable counts, no
    ``month`` column from the Hive directory names)."""
    from geo.frame import COUNT_COLUMNS

    df = df.drop(columns=["month"], errors="ignore")
    for col in COUNT_COLUMNS:
        df[col] = df[col].astype("Int64")
    df["confidence"] = df["confidence"].astype("Float64")
    return df


def open_store(directory: str | os.PathLike[str]) -> Store:
    """The store in ``directory``; a StoreError (one line, exit 2) when there is none."""
    root = Path(directory)
    return Store(root, Manifest.load(root))


def init_store(directory: str | os.PathLike[str]) -> Store:
    """Create an empty store; an existing store is left as it is (and returned)."""
    root = Path(directory)
    if (root / MANIFEST_NAME).exists():
        return open_store(root)
    if root.exists() and not root.is_dir():
        raise StoreError(f"{root}: exists and is not a directory")
    if root.exists() and any(root.iterdir()):
        raise StoreError(f"{root}: exists and is not empty; give a new or empty directory")
    root.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.new()
    manifest.save(root)
    return Store(root, manifest)
