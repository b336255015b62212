"""What ``geo ingest`` can read, each as one Arrow table of events in the store's schema.

Reports go through extraction (and are merged across each other, as ``geo build
--reports`` does); events files through :mod:`geo.events_io` (a GeoParquet file with
native points straight into Arrow, the fast path for big sets); CSV files are ACLED or
UCDP GED exports, told apart by their columns.  Each input is hashed first, so one the
store has already taken in is never read again.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.exc import GeoError, InputError

__all__ = ["Input", "discover", "read_events_input", "read_reports", "sha256"]

_EVENT_SUFFIXES = (".geojson", ".json", ".yaml", ".yml", ".gpkg", ".parquet", ".geoparquet")


@dataclass(frozen=True)
class Input:
    path: Path
    kind: str  # report, events, csv (acled or ucdp: decided when read)
    sha256: str


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def discover(sources: Iterable[str | os.PathLike[str]],
             on_error: Callable[[str], None]) -> Iterator[Input]:
    """Every ingestible file under ``sources`` (directories walked, sorted), hashed."""
    from geo.extract.reader import REPORT_SUFFIXES

    for src in sources:
        p = Path(src)
        if p.is_dir():
            files = sorted(Path(root) / f for root, _, fs in os.walk(p) for f in fs
                           if not f.startswith("."))
        elif p.exists():
            files = [p]
        else:
            on_error(f"{p}: no such file or directory; skipped")
            continue
        for f in files:
            ext = f.suffix.lower()
            kind = ("report" if ext in REPORT_SUFFIXES else "events" if ext in _EVENT_SUFFIXES
                    else "csv" if ext == ".csv" else None)
            if kind is None:
                if not p.is_dir():
                    on_error(f"{f}: cannot ingest {ext or 'files without an extension'} files "
                             f"(reports: {', '.join(REPORT_SUFFIXES)}; events: "
                             f"{', '.join(_EVENT_SUFFIXES)}; ACLED/UCDP: .csv); skipped")
                continue
            try:
                yield Input(f, kind, sha256(f))
            except OSError as err:
                on_error(f"{f}: cannot read ({err.strerror or err}); skipped")


def read_events_input(inp: Input, on_error: Callable[[str], None]) -> tuple[str, Iterator[Any], bool]:
    """(kind, tables, ids known unique) of an events file or an ACLED/UCDP export.

    A GeoParquet file with native points comes in batches of a million rows, so a big
    file is never held twice in memory; other inputs come as one table.  Raises GeoError
    when the input cannot be used.
    """
    from geo.store.files import frame_table

    if inp.kind == "csv":
        kind, table = _read_export(inp, on_error)
        return kind, iter([table]), False
    ext = inp.path.suffix.lower()
    if ext in (".parquet", ".geoparquet"):
        native = _native_parquet(inp.path)
        if native is not None:
            return "events", *native
    from geo.events_io import read_frame

    return "events", iter([frame_table(read_frame(inp.path, nested=False), str(inp.path))]), False


_BATCH_ROWS = 1_000_000


def _native_parquet(path: Path) -> tuple[Iterator[Any], bool] | None:
    """Batches of a GeoParquet file with native points, in the store's schema, and whether
    its ids are unique (one pass over the id column); None for WKB files."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from geo.store.files import canonical

    def fail(err: Exception) -> InputError:
        return InputError(f"{path}: cannot read events ({str(err).splitlines()[0]})")

    try:
        pf = pq.ParquetFile(path)
        schema = pf.schema_arrow
    except (OSError, pa.ArrowException) as err:
        raise fail(err) from None
    if "geometry" not in schema.names or not pa.types.is_struct(schema.field("geometry").type):
        return None  # WKB: through geopandas
    canonical(schema.empty_table(), str(path))  # a wrong column fails before any row is read
    try:
        ids = pf.read(columns=["id"]).column("id")
    except (OSError, pa.ArrowException) as err:
        raise fail(err) from None
    import pyarrow.compute as pc

    unique = pc.count_distinct(ids).as_py() == len(ids) and ids.null_count == 0
    del ids

    def batches() -> Iterator[Any]:
        try:
            for batch in pf.iter_batches(batch_size=_BATCH_ROWS):
                yield canonical(pa.Table.from_batches([batch]), str(path))
        except (OSError, pa.ArrowException) as err:
            raise fail(err) from None

    return batches(), unique


def _read_export(inp: Input, on_error: Callable[[str], None]) -> tuple[str, Any]:
    from geo.frame import to_frame
    from geo.imports import IMPORTERS
    from geo.imports.acled import ACLED_REQUIRED
    from geo.imports.common import read_rows
    from geo.imports.ucdp import UCDP_REQUIRED
    from geo.store.files import frame_table

    header = next(read_rows(inp.path, ()), (0, {}))[1]
    kind = next((k for k, req in (("acled", ACLED_REQUIRED), ("ucdp", UCDP_REQUIRED))
                 if all(c in header for c in req)), None)
    if kind is None:
        raise InputError(f"{inp.path}: neither an ACLED nor a UCDP GED export (their columns "
                         "are missing)")
    result = IMPORTERS[kind](inp.path)
    for err in result.errors:
        on_error(f"{inp.path}: {err}; row skipped")
    if not result.events:
        raise InputError(f"{inp.path}: no row could be imported")
    return kind, frame_table(to_frame(result.events), str(inp.path))


def read_reports(inputs: list[Input], on_error: Callable[[str], None], *,
                 published: Any = None, manifest: Any = None) -> tuple[list[Input], Any, dict[str, int]]:
    """Extract the reports, merge what several of them tell (as ``geo build --reports``).

    Returns the reports that could be read, the merged events as a store table (or None)
    and how many events each report told (by file name, the events' ``doc``).
    """
    from geo.extract import extract_report_events, read_report
    from geo.extract.merge import merge_events
    from geo.extract.reader import load_manifest
    from geo.frame import to_frame
    from geo.store.files import frame_table

    if manifest is not None:
        manifest = load_manifest(manifest)
    events, read, told = [], [], {}
    for inp in inputs:
        try:
            evs = extract_report_events(read_report(inp.path, published=published, manifest=manifest))
        except GeoError as err:
            on_error(f"{err}; skipped")
            continue
        read.append(inp)
        told[inp.path.name] = len(evs)
        events.extend(evs)
    if not events:
        return read, None, told
    return read, frame_table(to_frame(merge_events(events)), "reports"), told
