"""GeoJSON export: RFC 7946 shape, deterministic bytes, and a lossless read-back."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from geo.events_io import load_events
from geo.exc import ExportError, InputError
from geo.export import EXPORTERS, export_frame, format_for
from geo.export.geojson import geojson_text, write_geojson
from geo.frame import from_frame, to_frame
from geo.model import Claim, Event, Source


def sample_events() -> list[Event]:
    return [
        Event(event_date=dt.date(2024, 11, 12), event_type="airstrike", actor1="United States",
              actor1_side="us", actor2_side="iran_aligned", location="Deir ez-Zor", country="SY",
              admin1="Deir ez-Zor", lat=35.123456789, lon=40.987654321, geo_precision="admin1",
              killed=5, killed_low=5, targets="a depot", targets_count=1,
              sources=(Source(doc="a.txt", title="Ḥaṣaka ‘notes’", published=dt.date(2024, 11, 12),
                              quote="A sentence of our own."),)),
        Event(event_date=dt.date(2024, 1, 28), event_type="drone_attack", actor1_side="iran_aligned",
              actor2_side="us", location="Tower 22", country="JO", lat=33.32, lon=38.7,
              geo_precision="site", killed=3,
              sources=(Source(doc="b.txt"), Source(doc="c.txt")),
              disputed={"killed": (Claim(3, "b.txt", "report b"), Claim(4, "c.txt", "report c")),
                        "country": (Claim("JO", "b.txt"), Claim("SY", "c.txt"))}),
        Event(event_date=dt.date(2024, 2, 3), event_type="airstrike", actor1_side="us",
              location="an unnamed depot", notes="<script>alert(1)</script>",
              sources=(Source(doc="d.txt"),)),
    ]


@pytest.fixture
def written(tmp_path):
    path = tmp_path / "events.geojson"
    write_geojson(sample_events(), path)
    return path


def test_the_file_is_an_rfc7946_feature_collection_without_crs(written):
    doc = json.loads(written.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert all(f["type"] == "Feature" for f in doc["features"])


def test_coordinates_are_lon_lat_with_at_most_six_decimals(written):
    doc = json.loads(written.read_text(encoding="utf-8"))
    located = [f for f in doc["features"] if f["geometry"]]
    assert located[-1]["geometry"]["coordinates"] == [40.987654, 35.123457]
    for number in re.findall(r'"coordinates": \[([^\]]*)\]', written.read_text(encoding="utf-8")):
        for part in number.split(","):
            assert len(part.strip().partition(".")[2]) <= 6


def test_an_unlocated_event_has_a_null_geometry(written):
    doc = json.loads(written.read_text(encoding="utf-8"))
    unplaced = [f for f in doc["features"] if f["properties"]["location"] == "an unnamed depot"]
    assert unplaced[0]["geometry"] is None


def test_each_feature_carries_its_id_and_every_model_field(written):
    doc = json.loads(written.read_text(encoding="utf-8"))
    feat = doc["features"][0]
    assert feat["id"] == feat["properties"]["id"]
    assert list(feat) == ["type", "id", "geometry", "properties"]
    assert "lat" not in feat["properties"] and "lon" not in feat["properties"]
    assert isinstance(feat["properties"]["sources"], list)
    assert isinstance(feat["properties"]["disputed"], dict)
    assert feat["properties"]["disputed"]["killed"][1] == {"value": 4, "doc": "c.txt", "by": "report c"}


def test_features_are_sorted_by_date_and_the_bytes_are_fixed(written):
    events = sample_events()
    text = written.read_text(encoding="utf-8")
    assert text == geojson_text(events[::-1])  # input order does not matter
    assert text.endswith("]}\n") and "Ḥaṣaka" in text  # UTF-8, not \\u escapes
    dates = [f["properties"]["event_date"] for f in json.loads(text)["features"]]
    assert dates == sorted(dates)


def test_it_reads_back_unchanged_through_pyogrio(written):
    import geopandas as gpd

    frame = gpd.read_file(written, engine="pyogrio")
    assert frame.crs.to_epsg() == 4326
    back = from_frame(frame, file=str(written))
    assert back == sorted(_rounded(sample_events()), key=lambda e: (e.event_date, e.id))


def test_it_reads_back_unchanged_through_load_events(written):
    by_id = {e.id: e for e in _rounded(sample_events())}
    back = load_events(written)
    assert {e.id: e for e in back} == by_id


def test_an_empty_data_set_is_still_a_valid_feature_collection(tmp_path):
    path = tmp_path / "none.geojson"
    write_geojson([], path)
    assert json.loads(path.read_text()) == {"type": "FeatureCollection", "features": []}
    assert load_events(path) == []


def test_export_frame_goes_through_the_registry(tmp_path):
    path = tmp_path / "out.geojson"
    export_frame(to_frame(sample_events()), path, "geojson")
    assert path.read_text(encoding="utf-8") == geojson_text(sample_events())
    assert "geojson" in EXPORTERS and format_for(path) == "geojson"


def test_an_unknown_format_lists_the_known_ones(tmp_path):
    with pytest.raises(InputError, match="unknown export format 'shp'.*geojson"):
        export_frame(to_frame(sample_events()), tmp_path / "x.shp", "shp")
    with pytest.raises(InputError, match="give --format"):
        format_for(tmp_path / "x.dat")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "blocked" / "events.geojson"
    (tmp_path / "blocked").write_text("a file where a directory should be")
    with pytest.raises(ExportError):
        write_geojson(sample_events(), target)
    assert (tmp_path / "blocked").read_text() == "a file where a directory should be"


def _rounded(events: list[Event]) -> list[Event]:
    """What the file promises: coordinates to 6 decimals."""
    from dataclasses import replace

    return [replace(e, lat=round(e.lat, 6), lon=round(e.lon, 6)) if e.located else e for e in events]
