"""The event store: incremental, idempotent ingest; merges across runs; safe switches; bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geo.cli import app
from geo.export.geojson import write_geojson
from geo.model import Event
from geo.store import StoreError, ingest, init_store, open_store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
IMPORTS = ROOT / "tests" / "data" / "imports"
runner = CliRunner()


def _ev(**kw) -> Event:
    base = {"event_date": "2024-02-03", "event_type": "drone_attack", "actor1": "Kataib Hezbollah",
            "actor1_side": "iran_aligned", "actor2": "US forces", "actor2_side": "us",
            "location": "Tower 22", "country": "JO", "lat": 33.32, "lon": 38.70,
            "geo_precision": "site", "sources": [{"doc": "monday.txt", "outlet": "Wire A"}]}
    base.update(kw)
    return Event.from_dict(base)


def _events_file(path: Path, *events: Event) -> Path:
    write_geojson(list(events), path)
    return path


def _files(store_dir: Path) -> set[str]:
    return {f.path for f in open_store(store_dir).manifest.files}


@pytest.fixture
def store(tmp_path) -> Path:
    d = tmp_path / "store"
    init_store(d)
    return d


def test_init_creates_an_empty_store_that_info_describes(tmp_path):
    d = tmp_path / "s"
    result = runner.invoke(app, ["store", "init", str(d)])
    assert result.exit_code == 0 and "0 events" in result.output
    manifest = json.loads((d / "manifest.json").read_text())
    assert manifest["format"] == "geo-event-store" and manifest["version"] == 1
    info = runner.invoke(app, ["store", "info", "--store", str(d)])
    assert info.exit_code == 0 and "0 in 0 files" in info.output


def test_init_refuses_a_directory_holding_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = runner.invoke(app, ["store", "init", str(tmp_path)])
    assert result.exit_code == 2 and "not empty" in result.output


def test_ingest_writes_month_partitions_of_geoparquet_that_geopandas_reads_alone(store):
    result = runner.invoke(app, ["ingest", str(SEEDS / "events.yaml"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "12 events added" in result.output
    months = sorted(p.name for p in (store / "events").iterdir())
    assert months == ["month=2023-01", "month=2023-11", "month=2024-01", "month=2024-02",
                      "month=2024-11"]
    import geopandas as gpd
    import pyarrow.parquet as pq

    frame = gpd.read_parquet(store / "events")  # no geo code involved
    assert len(frame) == 12 and frame.crs.to_epsg() == 4326
    some = next((store / "events").glob("month=2024-02/*.parquet"))
    geo = json.loads(pq.read_schema(some).metadata[b"geo"])
    assert geo["version"] == "1.1.0" and geo["columns"]["geometry"]["encoding"] == "point"


def test_duckdb_reads_the_store_with_its_hive_partitions(store):
    import duckdb

    ingest(store, [SEEDS / "events.yaml"])
    rows = duckdb.sql(f"SELECT month, count(*) FROM read_parquet('{store}/events/**/*.parquet', "
                      "hive_partitioning = true) GROUP BY month ORDER BY month").fetchall()
    assert sum(n for _, n in rows) == 12 and rows[0][0] == "2023-01"


def test_the_same_input_twice_adds_nothing(store):
    first = ingest(store, [SEEDS / "events.yaml"])
    files, manifest = _files(store), (store / "manifest.json").read_text()
    second = ingest(store, [SEEDS / "events.yaml"])
    assert first.totals() == (12, 0, 0)
    assert second.skipped == 1 and not second.inputs
    assert _files(store) == files and (store / "manifest.json").read_text() == manifest


def test_a_copy_of_stored_events_under_another_name_adds_no_point(store, tmp_path):
    ingest(store, [SEEDS / "events.yaml"])
    copy = tmp_path / "copy.geojson"
    write_geojson(open_store(store).events(), copy)
    summary = ingest(store, [copy])
    assert summary.totals() == (0, 0, 12)
    assert open_store(store).manifest.events == 12


def test_an_event_told_again_in_a_later_run_merges_into_the_stored_one(store, tmp_path):
    monday = _events_file(tmp_path / "monday.geojson", _ev(killed=3))
    tuesday = _events_file(tmp_path / "tuesday.geojson", _ev(
        event_date="2024-02-04", killed=4, location="Al-Tanf garrison", country="SY",
        lat=33.50, lon=38.62, sources=[{"doc": "tuesday.txt", "outlet": "Wire B"}]))
    ingest(store, [monday])
    summary = ingest(store, [tuesday])
    assert summary.totals() == (0, 1, 0)
    (ev,) = open_store(store).events()
    assert {s.doc for s in ev.sources} == {"monday.txt", "tuesday.txt"}
    assert {c.value for c in ev.disputed["killed"]} == {3, 4}
    assert {c.value for c in ev.disputed["country"]} == {"JO", "SY"}


def test_a_third_report_adds_its_claim_and_keeps_the_earlier_ones(store, tmp_path):
    ingest(store, [_events_file(tmp_path / "a.geojson", _ev(killed=3))])
    ingest(store, [_events_file(tmp_path / "b.geojson", _ev(
        killed=4, sources=[{"doc": "tuesday.txt", "outlet": "Wire B"}]))])
    ingest(store, [_events_file(tmp_path / "c.geojson", _ev(
        killed=3, sources=[{"doc": "wednesday.txt", "outlet": "Wire C"}]))])
    (ev,) = open_store(store).events()
    assert len(ev.sources) == 3
    claims = {(c.doc, c.value) for c in ev.disputed["killed"]}
    assert claims == {("monday.txt", 3), ("tuesday.txt", 4), ("wednesday.txt", 3)}


def test_events_of_one_input_are_not_merged_with_each_other(store, tmp_path):
    two = _events_file(tmp_path / "two.geojson", _ev(), _ev(event_date="2024-02-04"))
    assert ingest(store, [two]).totals() == (2, 0, 0)


def test_events_far_apart_in_time_or_place_stay_apart(store, tmp_path):
    ingest(store, [_events_file(tmp_path / "a.geojson", _ev())])
    later = _ev(event_date="2024-02-09", sources=[{"doc": "later.txt"}])
    elsewhere = _ev(location="Erbil", country="IQ", lat=36.19, lon=44.01,
                    sources=[{"doc": "elsewhere.txt"}])
    assert ingest(store, [_events_file(tmp_path / "b.geojson", later, elsewhere)]).totals() == (2, 0, 0)


def test_reports_ingested_after_the_curated_events_give_as_many_events_as_geo_build(store):
    from geo.pipeline import collect_events

    ingest(store, [SEEDS / "events.yaml"])
    summary = ingest(store, [SEEDS / "reports"])
    assert len(summary.inputs) == 5 and all(i.kind == "report" for i in summary.inputs)
    assert summary.totals()[1] > 0  # reports confirm curated events
    assert open_store(store).manifest.events == 12 + summary.totals()[0]  # each new point once
    built = collect_events(reports=[SEEDS / "reports"])
    assert open_store(store).manifest.events == len(built)


def test_only_the_partitions_a_merge_touches_are_rewritten(store, tmp_path):
    jan = _ev(event_date="2024-01-10", sources=[{"doc": "jan.txt"}])
    mar = _ev(event_date="2024-03-10", sources=[{"doc": "mar.txt"}])
    ingest(store, [_events_file(tmp_path / "a.geojson", jan, mar)])
    before = _files(store)
    jan_file = next(f for f in before if "2024-01" in f)
    again = _ev(event_date="2024-03-11", sources=[{"doc": "mar2.txt"}])
    may = _ev(event_date="2024-05-01", sources=[{"doc": "may.txt"}])
    assert ingest(store, [_events_file(tmp_path / "b.geojson", again, may)]).totals() == (1, 1, 0)
    after = _files(store)
    assert jan_file in after  # January untouched
    assert not any("2024-03" in f for f in before & after)  # March rewritten
    assert any("2024-05" in f for f in after)
    on_disk = {str(p.relative_to(store)) for p in (store / "events").rglob("*.parquet")}
    assert on_disk == after  # the old March file was deleted


def test_an_interrupted_ingest_leaves_the_store_as_it_was(store, tmp_path, monkeypatch):
    from geo.store.manifest import Manifest

    ingest(store, [SEEDS / "events.yaml"])
    before = (store / "manifest.json").read_text()
    frame_before = open_store(store).frame(nested=False)

    def interrupted(self, directory):  # the process dies just before the manifest switch
        raise KeyboardInterrupt

    monkeypatch.setattr(Manifest, "save", interrupted)
    new = _events_file(tmp_path / "new.geojson", _ev(event_date="2024-06-01", sources=[{"doc": "n.txt"}]))
    with pytest.raises(KeyboardInterrupt):
        ingest(store, [new])
    monkeypatch.undo()
    assert (store / "manifest.json").read_text() == before
    assert open_store(store).frame(nested=False).equals(frame_before)
    summary = ingest(store, [new])  # the next run ingests it and clears the leftovers
    assert summary.totals() == (1, 0, 0)
    on_disk = {str(p.relative_to(store)) for p in (store / "events").rglob("*.parquet")}
    assert on_disk == _files(store) and not (store / ".incoming").exists()


def test_acled_and_ucdp_exports_are_ingested_and_told_apart_by_their_columns(store):
    summary = ingest(store, [IMPORTS / "acled_sample.csv", IMPORTS / "ucdp_sample.csv"])
    kinds = [i.kind for i in summary.inputs]
    assert kinds == ["acled", "ucdp"]
    assert open_store(store).manifest.events == sum(i.added for i in summary.inputs) > 0


def test_a_bad_file_is_skipped_with_a_message_and_the_rest_ingested(store, tmp_path):
    bad = tmp_path / "broken.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [')
    odd = tmp_path / "other.csv"
    odd.write_text("a,b\n1,2\n")
    result = runner.invoke(app, ["ingest", str(bad), str(odd), str(SEEDS / "events.yaml"),
                                 "--store", str(store)])
    assert result.exit_code == 0
    assert "broken.geojson" in result.stderr and "not valid JSON" in result.stderr
    assert "other.csv" in result.stderr and "neither an ACLED nor a UCDP" in result.stderr
    assert "Traceback" not in result.output
    assert open_store(store).manifest.events == 12


def test_ingest_of_nothing_readable_exits_2(store, tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("events: [\n")
    result = runner.invoke(app, ["ingest", str(bad), "--store", str(store)])
    assert result.exit_code == 2 and "broken.yaml" in result.stderr


@pytest.mark.parametrize("command", [["store", "info"], ["query"], ["map", "--out", "m.html"],
                                     ["export", "--out", "e.geojson"], ["ingest", "x.yaml"]])
def test_a_missing_store_is_one_line_and_exit_2(tmp_path, command):
    result = runner.invoke(app, [*command, "--store", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "no such store" in result.stderr


def _stored(store: Path) -> Path:
    ingest(store, [SEEDS / "events.yaml"])
    return store


def test_a_half_written_manifest_is_named(store):
    manifest = _stored(store) / "manifest.json"
    manifest.write_text(manifest.read_text()[:200])
    result = runner.invoke(app, ["query", "--store", str(store)])
    assert result.exit_code == 2 and "manifest.json: not valid JSON" in result.stderr


def test_a_store_from_a_newer_version_is_refused(store):
    manifest = _stored(store) / "manifest.json"
    doc = json.loads(manifest.read_text())
    doc["version"] = 99
    manifest.write_text(json.dumps(doc))
    result = runner.invoke(app, ["store", "info", "--store", str(store)])
    assert result.exit_code == 2 and "newer geo" in result.stderr and "manifest.json" in result.stderr


def test_a_missing_partition_file_is_named(store):
    part = next((_stored(store) / "events").rglob("*.parquet"))
    part.unlink()
    result = runner.invoke(app, ["export", "--store", str(store), "--out", str(store.parent / "e.geojson")])
    assert result.exit_code == 2
    assert part.name in result.stderr and "missing" in result.stderr


def test_a_partition_file_edited_by_hand_is_named(store):
    part = next((_stored(store) / "events").rglob("*.parquet"))
    with open(part, "ab") as fh:
        fh.write(b"x")
    result = runner.invoke(app, ["store", "info", "--store", str(store)])
    assert result.exit_code == 2 and part.name in result.stderr and "changed outside geo" in result.stderr


def test_a_manifest_whose_counts_do_not_add_up_is_refused(store):
    manifest = _stored(store) / "manifest.json"
    doc = json.loads(manifest.read_text())
    doc["events"] = 13
    manifest.write_text(json.dumps(doc))
    with pytest.raises(StoreError, match="edited by hand"):
        open_store(store)


def test_store_info_gives_counts_dates_inputs_and_size(store):
    _stored(store)
    result = runner.invoke(app, ["store", "info", "--store", str(store)])
    assert result.exit_code == 0
    assert "12 in 5 files" in result.output and "2023-01-15 to 2024-11-12" in result.output
    assert "1 events" in result.output and "kB" in result.output
    doc = json.loads(runner.invoke(app, ["store", "info", "--json", "--store", str(store)]).output)
    assert doc["events"] == 12 and doc["inputs_by_kind"] == {"events": 1}


def test_a_geoparquet_file_read_in_batches_neither_merges_nor_repeats_its_own_events(store, tmp_path,
                                                                                     monkeypatch):
    from geo.export.parquet import write_parquet
    from geo.frame import to_frame
    from geo.store import inputs

    told = [_ev(sources=[{"doc": f"r{i}.txt"}], event_date=f"2024-02-0{1 + i % 3}") for i in range(5)]
    path = tmp_path / "big.parquet"
    write_parquet(to_frame([*told, told[0], told[3]]), path)  # two rows repeat earlier ones
    monkeypatch.setattr(inputs, "_BATCH_ROWS", 2)
    summary = ingest(store, [path])
    assert summary.totals() == (5, 0, 2)
    assert sorted(e.id for e in open_store(store).events()) == sorted(e.id for e in told)
