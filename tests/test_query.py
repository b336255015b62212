"""`geo query`: filters combine with AND, membership is geometric and precision-aware."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from typer.testing import CliRunner

from geo.cli import app
from geo.frame import to_frame
from geo.model import Event
from geo.query import Query, run_query

runner = CliRunner()


def _ev(**kw) -> Event:
    base = {"event_date": "2024-02-03", "event_type": "airstrike", "actor1": "US Air Force",
            "actor1_side": "us", "geo_precision": "town", "sources": [{"doc": "t.txt"}]}
    base.update(kw)
    return Event.from_dict(base)


EVENTS = [
    _ev(location="Mayadin", lat=35.02, lon=40.452, country="SY", admin1="Deir ez-Zor", killed=2),
    _ev(location="Albu Kamal", lat=34.452, lon=40.919, country="SY", admin1="Deir ez-Zor",
        event_date="2024-02-10", event_type="drone_attack", actor1="Kataib Hezbollah",
        actor1_side="iran_aligned"),
    _ev(location="Syria", lat=35.0, lon=38.5, country="SY", geo_precision="country"),
    _ev(location="Deir ez-Zor", lat=35.0, lon=40.4, country="SY", admin1="Deir ez-Zor",
        geo_precision="admin1", event_date="2023-12-01"),
    _ev(location="Tower 22", lat=33.32, lon=38.70, country="JO", geo_precision="site",
        event_type="drone_attack", actor1_side="iran_aligned", killed=3, event_date="2024-01-28"),
    _ev(location="Baghdad", lat=33.31, lon=44.37, country="IQ", admin1="Baghdad"),
]


@pytest.fixture(scope="module")
def frame():
    return to_frame(EVENTS)


def _locs(result):
    return list(result.frame["location"])


def test_a_governorate_query_keeps_its_places_and_leaves_out_country_level_events(frame):
    r = run_query(frame, Query(region="Dayr az Zawr"))
    assert _locs(r) == ["Deir ez-Zor", "Mayadin", "Albu Kamal"]  # sorted by date
    assert r.left_out == 1 and "left out" in r.summary()


def test_a_country_query_includes_country_level_events(frame):
    assert "Syria" in _locs(run_query(frame, Query(region="SY")))


def test_a_radius_is_geodesic_and_excludes_events_rougher_than_it(frame):
    r = run_query(frame, Query(near="Al-Tanf", radius_km=50))
    assert _locs(r) == ["Tower 22"]   # ~21 km away
    assert run_query(frame, Query(near="33.50,38.62", radius_km=10)).frame.empty
    rough = run_query(frame, Query(near="35.0,40.4", radius_km=20))
    assert "Deir ez-Zor" not in _locs(rough) and rough.left_out == 1


def test_filters_combine_with_and(frame):
    r = run_query(frame, Query(region="Syria", side="iran_aligned", type="drone_attack",
                               since=dt.date(2024, 2, 1)))
    assert _locs(r) == ["Albu Kamal"]
    assert _locs(run_query(frame, Query(min_killed=3))) == ["Tower 22"]
    assert _locs(run_query(frame, Query(actor="kataib"))) == ["Albu Kamal"]
    assert len(run_query(frame, Query(bbox=(38, 33, 41, 36))).frame) == 5


def test_a_polygon_file_selects_what_lies_inside(frame, tmp_path):
    poly = tmp_path / "area.geojson"
    poly.write_text('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
                    '"geometry":{"type":"Polygon","coordinates":[[[40,34],[41.5,34],[41.5,35.5],'
                    '[40,35.5],[40,34]]]}}]}', encoding="utf-8")
    assert sorted(_locs(run_query(frame, Query(within=poly)))) == ["Albu Kamal", "Deir ez-Zor", "Mayadin"]


def test_cli_formats_are_machine_readable(tmp_path):
    events = tmp_path / "e.geojson"
    from geo.export.geojson import write_geojson

    write_geojson(EVENTS, events)
    gj = runner.invoke(app, ["query", "--events", str(events), "--region", "Jordan", "-f", "geojson"])
    assert gj.exit_code == 0
    assert [f["properties"]["location"] for f in json.loads(gj.stdout)["features"]] == ["Tower 22"]
    js = runner.invoke(app, ["query", "--events", str(events), "--side", "us", "-f", "json"])
    assert len(json.loads(js.stdout)) == 4
    out = runner.invoke(app, ["query", "--events", str(events), "--region", "Iraq", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["location"] for r in rows] == ["Baghdad"] and rows[0]["iso"] == "368"
    table = runner.invoke(app, ["query", "--events", str(events), "--region", "Deir ez-Zor",
                                "--map", str(tmp_path / "q.html")])
    assert table.exit_code == 0 and "3 events" in table.stdout and (tmp_path / "q.html").exists()


@pytest.mark.parametrize("args, fragment", [
    (["--region", "Atlantis Governorate"], "closest"),
    (["--bbox", "1,2,3"], "W,S,E,N"),
    (["--bbox", "10,0,5,1"], "W < E"),
    (["--since", "2024-02-30"], "not a date"),
    (["--near", "Tower 22"], "--radius-km"),
    (["--within", "/no/such/file.geojson"], "no such file"),
    (["--side", "martians"], "not one of"),
])
def test_bad_query_input_exits_2_with_one_line(args, fragment):
    result = runner.invoke(app, ["query", *args])
    assert result.exit_code == 2
    assert fragment in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("q", [Query(region="Deir ez-Zor"), Query(near="Al-Tanf", radius_km=50),
                               Query(side="iran_aligned", actor="kataib"), Query(min_killed=1),
                               Query(bbox=(38, 33, 41, 36), since=dt.date(2024, 1, 1))])
def test_a_geoparquet_file_gives_the_same_answers_as_the_frame(frame, tmp_path, q):
    from geo.export import export_frame
    from geo.query import load_table

    path = tmp_path / "events.parquet"
    export_frame(frame, path, "parquet")
    from_file, in_memory = run_query(load_table(path), q), run_query(frame, q)
    assert list(from_file.frame["id"]) == list(in_memory.frame["id"])
    assert from_file.summary() == in_memory.summary()


def test_every_side_of_the_vocabulary_filters_attackers_and_targets_alike():
    evs = [_ev(location="Arman", lat=32.43, lon=36.74, country="SY", actor1="Jordanian jets",
               actor1_side="jordan", actor2="smugglers", actor2_side="other"),
           _ev(location="Deir ez-Zor", lat=35.33, lon=40.14, country="SY", actor2="ISIS",
               actor2_side="isis"),
           _ev(location="Erbil", lat=36.19, lon=44.01, country="IQ", actor1="IRGC", actor1_side="iran",
               event_type="missile_attack")]
    frame = to_frame(evs)
    assert _locs(run_query(frame, Query(side="jordan"))) == ["Arman"]
    assert _locs(run_query(frame, Query(side="iran"))) == ["Erbil"]
    assert _locs(run_query(frame, Query(target_side="isis"))) == ["Deir ez-Zor"]
    result = runner.invoke(app, ["query", "--target-side", "nobody"])
    assert result.exit_code == 2 and "--target-side" in result.output
