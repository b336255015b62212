"""Reading events files: curated YAML and GeoJSON, and the errors a user sees for bad ones."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gazetteer.testing import isolated, session_cache_dir
from geo.events_io import READERS, load_events, read_frame
from geo.exc import InputError, ValidationError

CURATED = """\
title: sample
events:
  - event_date: 2023-11-12
    event_type: airstrike
    actor1_side: us
    actor2_side: iran_aligned
    location: near Mayadeen
    lat: 35.02
    lon: 40.452
    country: SY
    sources:
      - doc: sample-a.txt
        quote: Our own sample sentence about a strike by Mayadeen.
  - event_date: 2024-01-28
    event_type: drone_attack
    actor1_side: iran_aligned
    actor2_side: us
    place_id: cur:tower-22
    killed: 3
    sources: [{doc: sample-b.txt}]
"""


@pytest.fixture(autouse=True)
def _gazetteer(tmp_path_factory, monkeypatch):
    with isolated(monkeypatch, session_cache_dir(tmp_path_factory)):
        yield


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def feature_collection(*props: dict, geometry=None) -> str:
    feats = [{"type": "Feature", "geometry": geometry, "properties": p} for p in props]
    return json.dumps({"type": "FeatureCollection", "features": feats})


def test_curated_yaml_loads_with_explicit_coordinates(tmp_path):
    ev = load_events(write(tmp_path, "e.yaml", CURATED))[0]
    assert (ev.event_date, ev.lat, ev.lon, ev.country) == (dt.date(2023, 11, 12), 35.02, 40.452, "SY")


def test_a_place_id_is_resolved_through_the_gazetteer(tmp_path):
    ev = load_events(write(tmp_path, "e.yaml", CURATED))[1]
    assert (ev.location, ev.country, ev.admin1, ev.geo_precision) == ("Tower 22", "JO", "Mafraq", "site")
    assert (ev.lat, ev.lon) == (33.32, 38.7)


def test_a_location_name_alone_is_resolved_and_gets_its_place_id(tmp_path):
    text = "events:\n  - {event_date: 2024-02-03, location: Al Qaim, sources: [x.txt]}\n"
    ev = load_events(write(tmp_path, "e.yml", text))[0]
    assert (ev.place_id, ev.country, ev.admin1, ev.geo_precision) == ("cur:al-qaim", "IQ", "Al Anbar", "town")


def test_an_unknown_place_id_names_the_record_and_field(tmp_path):
    text = "events:\n  - {event_date: 2024-02-03, place_id: 'cur:atlantis'}\n"
    with pytest.raises(ValidationError, match="not in the gazetteer") as info:
        load_events(write(tmp_path, "e.yaml", text))
    assert info.value.field == "place_id" and ", record 1, " in str(info.value)


def test_an_unknown_place_name_asks_for_place_id_or_coordinates(tmp_path):
    text = "events:\n  - {event_date: 2024-02-03, location: Qwxzbtown}\n"
    with pytest.raises(ValidationError, match="give place_id or lat and lon"):
        load_events(write(tmp_path, "e.yaml", text))


def test_coordinates_given_are_never_overridden_by_the_gazetteer(tmp_path):
    text = "events:\n  - {event_date: 2024-02-03, place_id: 'cur:al-qaim', lat: 34.0, lon: 41.0}\n"
    ev = load_events(write(tmp_path, "e.yaml", text))[0]
    assert (ev.lat, ev.lon) == (34.0, 41.0)


def test_an_impossible_date_names_the_line_record_and_field(tmp_path):
    bad = CURATED.replace("2024-01-28", "2024-02-30")
    with pytest.raises(ValidationError, match="2024-02-30") as info:
        load_events(write(tmp_path, "e.yaml", bad))
    msg = str(info.value)
    assert msg.startswith(f"{tmp_path / 'e.yaml'}:14, record 2, field 'event_date': ")
    assert "\n" not in msg


@pytest.mark.parametrize(("old", "new", "field"), [
    ("actor1_side: us", "actor1_side: americans", "actor1_side"),
    ("event_type: airstrike", "event_type: massacre", "event_type"),
    ("lat: 35.02", "lat: 135.02", "lat"),
    ("country: SY", "country: SY\n    fatalities: 2", "fatalities"),
])
def test_a_bad_curated_field_is_named(tmp_path, old, new, field):
    with pytest.raises(ValidationError) as info:
        load_events(write(tmp_path, "e.yaml", CURATED.replace(old, new)))
    assert info.value.field == field and ", record 1, " in str(info.value)


def test_malformed_yaml_gives_the_line(tmp_path):
    with pytest.raises(InputError, match=r"e\.yaml: line \d+: not valid YAML"):
        load_events(write(tmp_path, "e.yaml", "events:\n  - {event_date: [2024\n"))


def test_a_yaml_file_without_an_events_list_says_what_it_expected(tmp_path):
    with pytest.raises(InputError, match="'events:' list"):
        load_events(write(tmp_path, "e.yaml", "places:\n  - Tower 22\n"))


def test_an_unknown_top_level_key_is_rejected(tmp_path):
    with pytest.raises(InputError, match="unknown top-level key 'evnts'"):
        load_events(write(tmp_path, "e.yaml", "evnts: []\nevents: []\n"))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match="no such events file"):
        load_events(tmp_path / "nothing.geojson")


def test_an_unreadable_extension_lists_the_readable_ones(tmp_path):
    with pytest.raises(InputError, match=r"\.geojson.*\.yaml"):
        load_events(write(tmp_path, "e.txt", "hello"))


def test_malformed_json_gives_line_and_column(tmp_path):
    with pytest.raises(InputError, match=r"line 2 column \d+: not valid JSON"):
        load_events(write(tmp_path, "e.geojson", '{"type": "FeatureCollection",\n "features": [,]}'))


def test_json_that_is_not_a_feature_collection_is_rejected(tmp_path):
    with pytest.raises(InputError, match="not a GeoJSON FeatureCollection"):
        load_events(write(tmp_path, "e.geojson", '{"type": "Feature", "properties": {}}'))


def test_geojson_takes_coordinates_from_the_point_in_lon_lat_order(tmp_path):
    text = feature_collection({"event_date": "2024-02-03", "location": "Al Qaim"},
                              geometry={"type": "Point", "coordinates": [40.989, 34.393]})
    ev = load_events(write(tmp_path, "e.geojson", text))[0]
    assert (ev.lat, ev.lon) == (34.393, 40.989)


def test_geojson_accepts_a_null_geometry(tmp_path):
    ev = load_events(write(tmp_path, "e.json", feature_collection({"event_date": "2024-02-03"})))[0]
    assert not ev.located


def test_a_geojson_point_outside_the_world_is_named(tmp_path):
    text = feature_collection({"id": "ev-1", "event_date": "2024-02-03"},
                              geometry={"type": "Point", "coordinates": [40.0, 91.0]})
    with pytest.raises(ValidationError, match="outside the world") as info:
        load_events(write(tmp_path, "e.geojson", text))
    assert info.value.field == "lat" and "record 1 (ev-1)" in str(info.value)


def test_a_geojson_polygon_is_refused(tmp_path):
    text = feature_collection({"event_date": "2024-02-03"},
                              geometry={"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 1], [0, 0]]]})
    with pytest.raises(ValidationError, match="expected a Point or null"):
        load_events(write(tmp_path, "e.geojson", text))


def test_lat_lon_properties_must_agree_with_the_geometry(tmp_path):
    text = feature_collection({"event_date": "2024-02-03", "lat": 10.0},
                              geometry={"type": "Point", "coordinates": [40.0, 34.0]})
    with pytest.raises(ValidationError, match="disagrees with the geometry"):
        load_events(write(tmp_path, "e.geojson", text))


def test_two_records_of_the_same_event_are_reported_as_duplicates(tmp_path):
    rec = {"event_date": "2024-02-03", "location": "Al Qaim", "sources": [{"doc": "x.txt"}]}
    with pytest.raises(ValidationError, match="duplicate id: record 1"):
        load_events(write(tmp_path, "e.geojson", feature_collection(rec, rec)))


def test_ids_do_not_depend_on_record_order(tmp_path):
    head, body = CURATED.split("events:\n")
    first, second = body.split("  - event_date: 2024-01-28")
    swapped = head + "events:\n  - event_date: 2024-01-28" + second + first
    a = {e.id for e in load_events(write(tmp_path, "a.yaml", CURATED))}
    b = {e.id for e in load_events(write(tmp_path, "b.yaml", swapped))}
    assert a == b


def test_a_registered_frame_reader_serves_both_load_events_and_read_frame(tmp_path):
    """How the query stage plugs in GIS formats: one frame reader per extension."""
    from geo.frame import to_frame

    events = load_events(write(tmp_path, "e.yaml", CURATED))
    path = tmp_path / "e.gpkg"
    frame = to_frame(events)
    for col in ("sources", "disputed"):
        frame[col] = frame[col].map(json.dumps)
    frame.to_file(path, engine="pyogrio")
    assert ".gpkg" in READERS  # the registered GIS reader, not a per-record one
    assert load_events(path) == events
    assert len(read_frame(path)) == 2


def test_read_frame_of_a_curated_file_is_validated_and_in_wgs84(tmp_path):
    frame = read_frame(write(tmp_path, "e.yaml", CURATED))
    assert frame.crs.to_epsg() == 4326
    assert str(frame["killed"].dtype) == "Int64" and frame["killed"].isna().tolist() == [True, False]
