"""Queries over a store: pruned reads, the same answers as one file; every reading command takes --store."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geo.cli import app
from geo.export.parquet import write_parquet
from geo.query import Query, load_table, run_query
from geo.store import ingest, init_store, open_store
from geo.store.scan import store_query, store_table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic_frame

runner = CliRunner()

QUERIES = [
    Query(region="Deir ez-Zor", since=dt.date(2024, 1, 1), until=dt.date(2024, 1, 20)),
    Query(region="Anbar"),
    Query(region="Iraq", side="us"),
    Query(near="Al-Tanf", radius_km=50),
    Query(near="33.5,38.62", radius_km=20, since=dt.date(2024, 3, 1)),
    Query(bbox=(40.0, 34.0, 41.0, 35.0), type="airstrike"),
    Query(since=dt.date(2024, 2, 1), until=dt.date(2024, 2, 3)),
    Query(region="Deir ez-Zor", near="Albu Kamal", radius_km=30, min_killed=1),
    Query(region="Iraq-Syria border", until=dt.date(2023, 12, 31)),
    Query(bbox=(10.0, 10.0, 11.0, 11.0)),
]


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """6,000 synthetic events as one GeoParquet file, and the same events in a store of
    small row groups (so that pruning has something to prune)."""
    from geo.store import files

    tmp = tmp_path_factory.mktemp("stored")
    path = tmp / "events.parquet"
    write_parquet(synthetic_frame(6000, seed=3), path)
    store = tmp / "store"
    init_store(store)
    saved, files.ROW_GROUP_ROWS = files.ROW_GROUP_ROWS, 128
    try:
        ingest(store, [path])
    finally:
        files.ROW_GROUP_ROWS = saved
    return path, store


def _ids(result) -> list[str]:
    return result.table.data.column("id").take(result.index).to_pylist()


@pytest.mark.parametrize("q", QUERIES, ids=[str(i) for i in range(len(QUERIES))])
def test_a_store_query_returns_what_the_same_events_in_one_file_return(stored, q):
    path, store = stored
    b = run_query(load_table(path), q)
    for a in (store_query(open_store(store), q), run_query(store_table(open_store(store), q), q)):
        assert _ids(a) == _ids(b)
        assert a.left_out == b.left_out and a.summary() == b.summary()


def test_full_rows_of_a_store_query_are_the_stored_events(stored):
    path, store = stored
    q = QUERIES[0]
    a = store_query(open_store(store), q).frame.reset_index(drop=True)
    b = run_query(load_table(path), q).frame.reset_index(drop=True)
    assert list(a["id"]) == list(b["id"]) and len(a) > 10
    assert list(a["sources"]) == list(b["sources"])
    assert a.geometry.geom_equals(b.geometry).all()


def test_a_narrow_query_reads_a_small_part_of_the_store(stored):
    _, store = stored
    s = open_store(store)
    q = Query(near="Tower 22", radius_km=20, since=dt.date(2024, 1, 1), until=dt.date(2024, 1, 14))
    read = len(store_table(s, q))
    assert 0 < read < s.manifest.events / 10


def test_every_reading_command_takes_a_store(stored, tmp_path):
    _, store = stored
    q = runner.invoke(app, ["query", "--store", str(store), "--region", "Anbar", "-f", "json"])
    assert q.exit_code == 0, q.output
    assert len(json.loads(q.stdout)) > 100
    out = tmp_path / "all.geojson"
    e = runner.invoke(app, ["export", "--store", str(store), "--out", str(out)])
    assert e.exit_code == 0 and "exported 6000 events" in e.output
    assert len(json.loads(out.read_text())["features"]) == 6000
    m = runner.invoke(app, ["map", "--store", str(store), "--out", str(tmp_path / "m.html")])
    assert m.exit_code == 0 and "mapped 6000 events" in m.output


def test_geo_build_maps_the_store_in_place_of_the_seeds(tmp_path):
    store = tmp_path / "store"
    init_store(store)
    ingest(store, [ROOT / "tests" / "data" / "imports" / "acled_sample.csv"])
    n = open_store(store).manifest.events
    result = runner.invoke(app, ["build", "--store", str(store), "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    features = json.loads((tmp_path / "site" / "events.geojson").read_text())["features"]
    assert len(features) == n and (tmp_path / "site" / "index.html").is_file()


def test_geo_store_in_the_environment_is_read_unless_events_is_given(stored, monkeypatch):
    path, store = stored
    monkeypatch.setenv("GEO_STORE", str(store))
    via_env = runner.invoke(app, ["query", "--region", "Anbar", "--limit", "1"])
    via_file = runner.invoke(app, ["query", "--events", str(path), "--region", "Anbar", "--limit", "1"])
    assert via_env.exit_code == via_file.exit_code == 0
    assert via_env.output.splitlines()[-1] == via_file.output.splitlines()[-1]
    info = runner.invoke(app, ["store", "info"])
    assert "6000 in" in info.output


def test_events_and_store_together_is_an_error(stored):
    path, store = stored
    result = runner.invoke(app, ["query", "--events", str(path), "--store", str(store)])
    assert result.exit_code == 2 and "not both" in result.stderr
