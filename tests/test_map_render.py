"""The map's HTML, without a browser: deterministic, escaped, honest about precision."""
from __future__ import annotations

from pathlib import Path

from geo.frame import to_frame
from geo.mapping import render_map, write_map
from geo.mapping.popup import popup_html, safe_url
from geo.model import Event
from geo.pipeline import seed_events


def _event(**kw) -> Event:
    base = {"event_date": "2024-02-03", "event_type": "airstrike", "actor1_side": "us",
            "lat": 34.45, "lon": 40.92, "geo_precision": "town", "sources": [{"doc": "a.txt"}]}
    base.update(kw)
    return Event.from_dict(base)


def test_the_same_events_give_byte_identical_html(tmp_path: Path):
    frame = to_frame(seed_events())
    write_map(frame, tmp_path / "a.html")
    write_map(frame, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_input_text_never_reaches_the_page_unescaped():
    evil = "<script>alert(1)</script>"
    html = render_map(to_frame([_event(actor1=evil, notes=evil, location=evil)]),
                      title=evil).get_root().render()
    assert evil not in html
    assert "</script>" not in html.split("var events = ")[1].split(";\n")[0]


def test_only_http_links_are_kept():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None


def test_rough_places_get_an_uncertainty_circle_and_precise_ones_do_not():
    html = render_map(to_frame([
        _event(geo_precision="country", country="SY", lat=35.0, lon=38.5),
        _event(geo_precision="site", lat=33.32, lon=38.70, event_date="2024-01-28"),
    ])).get_root().render()
    assert '"radius_m":250000' in html
    assert '"radius_m":0' in html


def test_popup_marks_disputed_fields_and_names_each_claimant():
    row = _event(killed=3, disputed={"killed": [
        {"value": 3, "doc": "a.txt", "by": "Outlet A"},
        {"value": 4, "doc": "b.txt", "by": "Outlet B"}]}).to_dict()
    html = popup_html(row, "Tower 22")
    assert "DISPUTED" in html and "Outlet A" in html and "Outlet B" in html


def test_events_without_a_place_are_listed_in_the_title_not_dropped():
    html = render_map(to_frame([_event(), _event(lat=None, lon=None, geo_precision=None,
                                                 event_date="2024-02-04")])).get_root().render()
    assert "1 event(s) without a place" in html
    assert "2 events" in html
