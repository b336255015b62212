"""The map's HTML, without a browser: deterministic, escaped, honest about precision."""
from __future__ import annotations

import json
import re
from pathlib import Path

from geo.frame import to_frame
from geo.mapping import render_map, write_map
from geo.mapping.layer import FIELDS
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
    data = html.split("geo.addEvents(")[1].split(");\n")[0]
    assert "</script>" not in data and "<script>" not in data


def test_only_http_links_are_kept():
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None


def test_rough_places_get_an_uncertainty_circle_and_precise_ones_do_not():
    html = render_map(to_frame([
        _event(geo_precision="country", country="SY", lat=35.0, lon=38.5),
        _event(geo_precision="site", lat=33.32, lon=38.70, event_date="2024-01-28"),
    ])).get_root().render()
    rows = json.loads(html.split("geo.addEvents(")[1].split(",\n  ")[1].split(", {")[0])
    by_precision = {r[FIELDS.index("geo_precision")]: r[FIELDS.index("radius_m")] for r in rows}
    assert by_precision == {"country": 250000, "site": 0}


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


def test_the_default_page_links_no_script_or_stylesheet_and_cdn_pages_do(tmp_path: Path):
    frame = to_frame(seed_events())
    write_map(frame, tmp_path / "inline.html")
    write_map(frame, tmp_path / "cdn.html", cdn=True)
    inline = (tmp_path / "inline.html").read_text(encoding="utf-8")
    cdn = (tmp_path / "cdn.html").read_text(encoding="utf-8")
    assert re.findall(r"<script[^>]+src=|<link[^>]+stylesheet", inline) == []
    assert "L.markerClusterGroup" in inline and "L.heatLayer" in inline
    assert "leaflet.markercluster.js" in cdn and len(cdn) < len(inline)


def test_every_side_and_type_of_the_vocabulary_has_its_own_colour_and_shape():
    from geo.mapping.style import SIDE_COLOURS, TYPE_SHAPES, icon_svg, side_colour
    from geo.vocab import EVENT_TYPES, SIDES

    colours = [side_colour(s) for s in SIDES]
    assert len(set(colours)) == len(SIDES)
    assert len(set(SIDE_COLOURS.values())) >= 12
    assert side_colour("a_side_nobody_defined") == SIDE_COLOURS["unknown"]
    shapes = {icon_svg(t, "us", True) for t in EVENT_TYPES}
    assert len(shapes) == len(EVENT_TYPES)
    for t in ("raid", "explosion"):
        assert t in TYPE_SHAPES


def test_min_confidence_maps_only_the_trusted_events_and_keeps_curated_ones(tmp_path: Path):
    from typer.testing import CliRunner

    from geo.cli import app
    from geo.export.geojson import write_geojson

    base = {"event_date": "2024-02-03", "event_type": "airstrike", "actor1_side": "us",
            "geo_precision": "town", "country": "SY", "lat": 35.0, "lon": 40.45,
            "sources": [{"doc": "t.txt"}]}
    evs = [Event.from_dict({**base, "location": "Sure", "confidence": 0.9}),
           Event.from_dict({**base, "location": "Unsure", "lon": 40.9, "confidence": 0.2}),
           Event.from_dict({**base, "location": "Curated", "lon": 41.0})]
    src = tmp_path / "e.geojson"
    write_geojson(evs, src)
    result = CliRunner().invoke(app, ["map", "--events", str(src), "--out", str(tmp_path / "m.html"),
                                      "--min-confidence", "0.8"])
    assert result.exit_code == 0, result.output
    assert "mapped 2 events" in result.output


def test_template_syntax_in_input_data_is_shown_not_evaluated():
    notes = "{{ 7*7 }} {% if true %}yes{% endif %} {# hidden #}"
    html = render_map(to_frame([_event(notes=notes)]), title="{{ 6*7 }}").get_root().render()
    assert html.split("<h1>")[1].split("</h1>")[0] == "&#123;&#123; 6*7 }}"
    rows = json.loads(html.split("geo.addEvents(")[1].split(",\n  ")[1].split(", {")[0])
    assert "{{ 7*7 }} {% if true %}yes{% endif %} {# hidden #}" in rows[0][FIELDS.index("popup")]
