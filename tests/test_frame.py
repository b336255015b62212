"""Events ↔ GeoDataFrame: the interchange between stages keeps types, lists and coordinates."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.exc import ValidationError
from geo.frame import from_frame, to_frame
from geo.model import Claim, Event, Source


def sample_events() -> list[Event]:
    return [
        Event(event_date=dt.date(2024, 1, 28), event_type="drone_attack", actor1_side="iran_aligned",
              actor2_side="us", location="Tower 22", country="JO", lat=33.32, lon=38.7,
              geo_precision="site", killed=3,
              sources=(Source(doc="a.txt", published=dt.date(2024, 2, 4), quote="Sample wording."),
                       Source(doc="b.txt")),
              disputed={"killed": (Claim(3, "a.txt", "report a"), Claim(4, "b.txt", "report b"))}),
        Event(event_date=dt.date(2024, 11, 12), event_type="airstrike", actor1_side="us",
              location="somewhere unplaced", killed_low=5, confidence=0.5,
              sources=(Source(doc="c.txt"),)),
    ]


def test_the_frame_is_wgs84_with_one_row_per_event():
    frame = to_frame(sample_events())
    assert frame.crs.to_epsg() == 4326
    assert len(frame) == 2
    assert (frame.geometry.iloc[0].x, frame.geometry.iloc[0].y) == (38.7, 33.32)
    assert frame.geometry.iloc[1] is None


def test_columns_are_typed():
    frame = to_frame(sample_events())
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert str(frame["killed"].dtype) == "Int64"
    assert str(frame["confidence"].dtype) == "Float64"
    assert "lat" not in frame.columns and "lon" not in frame.columns


def test_lists_stay_lists_and_mappings_stay_mappings():
    frame = to_frame(sample_events())
    sources = frame["sources"].iloc[0]
    assert isinstance(sources, list) and [s["doc"] for s in sources] == ["a.txt", "b.txt"]
    assert frame["disputed"].iloc[0]["killed"][1] == {"value": 4, "doc": "b.txt", "by": "report b"}


def test_events_survive_the_round_trip_unchanged():
    events = sample_events()
    assert from_frame(to_frame(events)) == events


def test_an_empty_list_gives_an_empty_frame_that_converts_back():
    frame = to_frame([])
    assert len(frame) == 0 and frame.crs.to_epsg() == 4326
    assert from_frame(frame) == []


def test_a_foreign_column_fails_loudly_naming_it():
    frame = to_frame(sample_events())
    frame["colour"] = "red"
    with pytest.raises(ValidationError) as info:
        from_frame(frame, file="foreign.gpkg")
    assert info.value.field == "colour" and "foreign.gpkg, record 1" in str(info.value)
