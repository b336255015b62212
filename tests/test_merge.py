"""Merging what several reports say about one event, and reconciling with curated records."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from geo.extract import extract_file
from geo.extract.merge import merge_events, reconcile, same_event
from geo.extract.reader import load_manifest
from geo.model import Event, Source

DATA = Path(__file__).parent / "data" / "reports"
MANIFEST = load_manifest(DATA / "manifest.yaml")


def read(name: str) -> list[Event]:
    return extract_file(DATA / name, manifest=MANIFEST)


def ev(doc: str, **kw) -> Event:
    base = dict(event_date=dt.date(2024, 2, 3), event_type="airstrike", actor1_side="us",
                location="Albu Kamal", place_id="cur:albu-kamal", country="SY", admin1="Deir ez-Zor",
                lat=34.452, lon=40.919, geo_precision="town", confidence=0.8,
                sources=(Source(doc=doc, outlet=f"outlet {doc}"),))
    base.update(kw)
    return Event(**base)


def test_three_reports_of_one_drone_attack_become_one_event_with_every_claim():
    merged = merge_events(read("r05_tower22_jordan.txt") + read("r06_tanf_four.txt") + read("r13_jordan_three.txt"))
    assert len(merged) == 1
    e = merged[0]
    assert {s.doc for s in e.sources} == {"r05_tower22_jordan.txt", "r06_tanf_four.txt", "r13_jordan_three.txt"}
    assert e.killed == 3  # what most reports say
    assert e.location == "Tower 22" and e.geo_precision == "site"  # the most precise place most agree on
    killed = {(c.value, c.doc, c.by) for c in e.disputed["killed"]}
    assert (4, "r06_tanf_four.txt", "Militia Watch") in killed
    assert (3, "r05_tower22_jordan.txt", "Example Daily") in killed
    assert (3, "r13_jordan_three.txt", "Another Wire") in killed
    assert {c.value for c in e.disputed["country"]} == {"JO", "SY"}
    assert {c.value for c in e.disputed["location"]} >= {"Tower 22", "Al-Tanf garrison"}


def test_a_town_inside_the_reported_country_merges_without_a_dispute():
    a = ev("a", location="Syria", place_id="cur:sy", admin1=None, lat=35.0, lon=38.5, geo_precision="country",
           date_precision="month", date_start=dt.date(2024, 2, 1), date_end=dt.date(2024, 2, 29),
           event_date=dt.date(2024, 2, 15))
    b = ev("b")
    (m,) = merge_events([a, b])
    assert m.location == "Albu Kamal" and m.event_date == dt.date(2024, 2, 3) and m.date_precision == "day"
    assert "location" not in m.disputed and "country" not in m.disputed


def test_different_sides_places_or_days_stay_apart():
    base = ev("a")
    assert not same_event(base, ev("b", actor1_side="iran_aligned"))
    assert not same_event(base, ev("b", event_date=dt.date(2024, 2, 9)))
    assert not same_event(base, ev("b", location="Al Qaim", place_id="x", lat=34.9, lon=41.9))
    assert len(merge_events([base, ev("b", event_date=dt.date(2024, 2, 9))])) == 2


def test_events_of_one_report_are_never_merged_together():
    assert len(merge_events([ev("a"), ev("a", location="Mayadeen", place_id="cur:mayadeen", lat=35.02, lon=40.45)])) == 2


def test_each_event_goes_to_the_closest_match():
    monday, tuesday = ev("a", event_date=dt.date(2024, 2, 5)), ev("a", event_date=dt.date(2024, 2, 6))
    other = ev("b", event_date=dt.date(2024, 2, 5))
    merged = merge_events([tuesday, monday, other])
    joined = next(m for m in merged if len(m.sources) == 2)
    assert joined.event_date == dt.date(2024, 2, 5)


def test_reconcile_lets_curated_values_win_and_adds_extracted_sources():
    curated = ev("curated", killed=3, sources=(Source(doc="curated.yaml"),))
    extracted = ev("wire", killed=4)
    unrelated = ev("wire2", event_date=dt.date(2023, 5, 1))
    out = reconcile([curated], [extracted, unrelated])
    assert len(out) == 2
    fixed = out[0]
    assert fixed.killed == 3
    assert [s.doc for s in fixed.sources] == ["curated.yaml", "wire"]
    assert {(c.value, c.by) for c in fixed.disputed["killed"]} == {(3, "curated"), (4, "outlet wire")}
    assert out[1].event_date == dt.date(2023, 5, 1)


def test_reconcile_keeps_a_count_the_curated_record_leaves_open_empty_but_adds_the_source():
    out = reconcile([ev("curated", killed=None)], [ev("wire", killed=2)])
    assert out[0].killed is None and len(out) == 1
    assert [s.doc for s in out[0].sources] == ["curated", "wire"]
