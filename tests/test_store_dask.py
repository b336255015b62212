"""`geo query --engine dask`: the same query on a real dask.distributed cluster, the same answer."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from geopandas.testing import assert_geodataframe_equal
from typer.testing import CliRunner

from geo.cli import app
from geo.export.parquet import write_parquet
from geo.query import Query
from geo.store import ingest, init_store, open_store
from geo.store.dask_query import dask_query
from geo.store.scan import store_query

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic_frame

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dask")
    path = tmp / "events.parquet"
    write_parquet(synthetic_frame(4000, seed=5), path)
    d = tmp / "store"
    init_store(d)
    ingest(d, [path, ROOT / "seeds" / "events.yaml"])
    return d


def test_the_dask_engine_returns_what_the_default_engine_returns(store):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster:
        for q in (Query(region="Deir ez-Zor", since=dt.date(2024, 1, 1), until=dt.date(2024, 2, 15)),
                  Query(near="Al-Tanf", radius_km=40), Query(side="us", region="Iraq")):
            a = store_query(open_store(store), q)
            b = dask_query(store, q, scheduler=cluster.scheduler_address)
            assert a.summary() == b.summary() and a.left_out == b.left_out
            assert_geodataframe_equal(a.frame.reset_index(drop=True), b.frame.reset_index(drop=True))


def test_the_cli_runs_the_dask_engine_on_a_local_cluster_it_closes(store):
    import multiprocessing

    default = runner.invoke(app, ["query", "--store", str(store), "--region", "Anbar", "--limit", "5"])
    dask = runner.invoke(app, ["query", "--store", str(store), "--region", "Anbar", "--limit", "5",
                               "--engine", "dask", "--workers", "1"])
    assert dask.exit_code == 0, dask.output
    assert dask.stdout == default.stdout
    assert not multiprocessing.active_children()  # the local cluster's worker process is gone


def test_the_dask_engine_needs_a_store(tmp_path):
    result = runner.invoke(app, ["query", "--engine", "dask"])
    assert result.exit_code == 2 and "--store" in result.stderr


def test_an_unreachable_scheduler_is_one_line(store):
    result = runner.invoke(app, ["query", "--store", str(store), "--engine", "dask",
                                 "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "cannot reach" in result.stderr
