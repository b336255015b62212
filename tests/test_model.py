"""The event model: validation that names the record and field, and ids stable across runs."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.exc import ValidationError
from geo.model import Event, Source

BASE = {
    "event_date": "2024-02-03",
    "event_type": "airstrike",
    "actor1": "US Air Force",
    "actor1_side": "us",
    "actor2": "a militia depot",
    "actor2_side": "iran_aligned",
    "location": "Al Qaim",
    "country": "IQ",
    "lat": 34.393,
    "lon": 40.989,
    "sources": [{"doc": "sample.txt", "published": "2024-02-04"}],
}


def test_a_valid_record_becomes_an_event_with_typed_fields():
    ev = Event.from_dict(BASE)
    assert ev.event_date == dt.date(2024, 2, 3)
    assert ev.sources == (Source(doc="sample.txt", published=dt.date(2024, 2, 4)),)
    assert ev.located and ev.id.startswith("ev-")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("event_date", "2024-02-30", "not a valid date"),
    ("actor1_side", "blue", "not one of"),
    ("event_type", "bombing", "not one of"),
    ("lat", 95.0, "outside the world"),
    ("lon", -181, "outside the world"),
    ("killed", -2, "negative"),
    ("country", "Syria", "ISO 3166-1"),
])
def test_a_bad_value_names_file_record_and_field(field, value, message):
    with pytest.raises(ValidationError, match=message) as info:
        Event.from_dict({**BASE, field: value}, file="events.yaml", record=4)
    err = info.value
    assert (err.file, err.record, err.field) == ("events.yaml", 4, field)
    assert str(err).startswith(f"events.yaml, record 4, field '{field}': ")


def test_an_unknown_field_is_named_with_the_known_ones():
    with pytest.raises(ValidationError) as info:
        Event.from_dict({**BASE, "casualties": 3}, file="f.yaml", record=1)
    assert info.value.field == "casualties"
    assert "known fields" in str(info.value)


def test_a_record_with_an_id_is_named_by_number_and_id():
    with pytest.raises(ValidationError) as info:
        Event.from_dict({**BASE, "id": "ev-x", "event_date": "2024-13-01"}, file="f.geojson", record=7)
    assert "record 7 (ev-x)" in str(info.value)


def test_a_low_above_its_high_is_rejected():
    with pytest.raises(ValidationError, match="killed_low"):
        Event.from_dict({**BASE, "killed_low": 5, "killed_high": 2})


def test_the_id_depends_on_content_not_on_order_or_run():
    a = Event.from_dict(BASE)
    b = Event.from_dict(dict(reversed(list(BASE.items()))))
    assert a.id == b.id
    moved = Event.from_dict({**BASE, "location": "Al Bukamal", "country": "SY"})
    assert moved.id != a.id


def test_the_id_ignores_the_order_of_sources():
    two = [{"doc": "a.txt"}, {"doc": "b.txt"}]
    assert Event.from_dict({**BASE, "sources": two}).id == \
        Event.from_dict({**BASE, "sources": two[::-1]}).id


def test_nested_fields_given_as_json_text_are_accepted():
    """GIS readers (pyogrio) hand arrays and objects back as JSON strings."""
    ev = Event.from_dict({**BASE, "sources": '[{"doc": "sample.txt"}]',
                          "disputed": '{"killed": [{"value": 3, "doc": "sample.txt"}]}'})
    assert ev.sources[0].doc == "sample.txt"
    assert ev.disputed["killed"][0].value == 3
