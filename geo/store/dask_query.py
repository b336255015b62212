"""The same query on a Dask cluster, for stores one process cannot hold.

``dask_query`` plans the query as the default engine does (files pruned by the
manifest's dates and boxes), reads the query's columns of the remaining files with
dask-geopandas (one partition per file, row groups pruned by date), and runs
``geo.query.run_query`` — the very code of the default engine — on each partition on
the workers; a second round of tasks reads the full rows of the matches only, where they
lie; the client concatenates them and sorts by date and id.  Results are identical to the default engine's: the same rows,
the same order, the same "left out" count (a sum over partitions).

With no scheduler address a ``LocalCluster`` is started for the query and closed after
it.  To use a real cluster, start ``dask scheduler`` on one machine and ``dask worker
tcp://SCHEDULER:8786`` on each of the others, with the store (and any ``--within`` or
``--boundaries`` file) at the same path on every machine (a shared file system), and
pass ``--scheduler tcp://SCHEDULER:8786``.
"""
from __future__ import annotations

import os
from typing import Any

from geo.exc import InputError
from geo.query import EventTable, Query, QueryResult, _arrow_index

__all__ = ["dask_query"]


def dask_query(directory: str | os.PathLike[str], q: Query, *, scheduler: str | None = None,
               workers: int | None = None, processes: bool = True) -> QueryResult:
    """Run ``q`` over the store in ``directory`` on a dask.distributed cluster."""
    from geo.store import open_store
    from geo.store.scan import plan, store_table

    store = open_store(directory)
    p = plan(q)
    files = [f for f in store.manifest.files if p.keeps_file(f)]
    store.check(files)
    if not files:
        from geo.query import run_query

        return run_query(store_table(store, q), q)
    try:
        import dask
        import dask_geopandas
        import distributed  # noqa: F401  (the engine needs it: say so before any work)
    except ImportError as err:
        raise InputError(f"--engine dask needs dask[distributed] and dask-geopandas "
                         f"(pip install 'geo-events[dask]'): {err}") from None
    from geo.query import QUERY_COLUMNS

    paths = [str(store.path(f)) for f in files]
    with _client(scheduler, workers, processes) as client:
        # pass 1: the query's columns only, one partition per file, filtered on the workers
        ddf = dask_geopandas.read_parquet(paths, columns=[*QUERY_COLUMNS, "geometry"],
                                          filters=_date_filters(q) or None)
        parts = ddf.to_delayed()
        if len(parts) != len(paths):
            raise InputError(f"{directory}: dask read {len(parts)} partitions from {len(paths)} files")
        found = client.compute([dask.delayed(_partition_query)(part, q) for part in parts], sync=True)
        # pass 2: full rows of the matches only, read where they lie
        wanted = [(path, ids) for path, (ids, _, _) in zip(paths, found) if ids]
        frames = client.compute([dask.delayed(_full_rows)(path, ids) for path, ids in wanted],
                                sync=True)
    return _combine(frames, found)


class _client:
    """A Client on ``scheduler``, or on a LocalCluster started (and closed) for the query."""

    def __init__(self, scheduler: str | None, workers: int | None, processes: bool) -> None:
        self.scheduler, self.workers, self.processes = scheduler, workers, processes
        self.cluster: Any = None

    def __enter__(self) -> Any:
        import logging

        from distributed import Client, LocalCluster

        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout="10s")
            except (OSError, TimeoutError) as err:
                raise InputError(f"--scheduler: cannot reach {self.scheduler} ({err})") from None
            return self.client
        self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                    processes=self.processes, dashboard_address=None,
                                    silence_logs=logging.ERROR)
        self.client = Client(self.cluster)
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _date_filters(q: Query) -> list[tuple[str, str, Any]]:
    import pandas as pd

    out = []
    if q.since:
        out.append(("event_date", ">=", pd.Timestamp(q.since)))
    if q.until:
        out.append(("event_date", "<=", pd.Timestamp(q.until)))
    return out


def _partition_query(frame: Any, q: Query) -> tuple[list[str], int, str | None]:
    """On a worker: the ids of one partition's matches, its left-out count, the area."""
    from geo.query import run_query

    frame = frame.reset_index(drop=True).drop(columns=["month"], errors="ignore")
    frame["killed"] = frame["killed"].astype("Int64")  # nulls made it float on the way
    result = run_query(EventTable.from_frame(frame), q)
    ids = result.table.data.column("id").take(_arrow_index(result.index)).to_pylist()
    return ids, result.left_out, result.area


def _full_rows(path: str, ids: list[str]) -> Any:
    """On a worker: every column of the events ``ids`` of one partition file."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from geo.store.store import table_frame

    table = pq.read_table(path, filters=pc.field("id").isin(pa.array(ids, pa.large_string())))
    return table_frame(table, nested=False)


def _combine(frames: list[Any], found: list[tuple[list[str], int, str | None]]) -> QueryResult:
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    from geo.store.files import event_schema
    from geo.store.store import table_frame

    frame = (gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs="EPSG:4326")
             if frames else table_frame(event_schema().empty_table(), nested=False))
    frame = frame.sort_values(["event_date", "id"], kind="mergesort").reset_index(drop=True)
    area = next((a for _, _, a in found if a), None)
    return QueryResult(EventTable.from_frame(frame), np.arange(len(frame)),
                       sum(n for _, n, _ in found), area)
