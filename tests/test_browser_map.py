"""The built map, opened in a real headless Chromium: what an analyst sees and clicks.

Pages are opened with every network request blocked (``open_offline``), except the
``--cdn`` page, whose CDN files are served from npm packages (``open_map``).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.frame import to_frame
from geo.mapping import write_map
from geo.model import Event
from geo.pipeline import build

pytestmark = pytest.mark.browser

XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    build(out_dir=out)
    features = json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    return out / "index.html", features


def _located(features):
    return [f for f in features if f["geometry"] is not None]


def test_the_cdn_map_loads_without_errors_and_every_asset_is_served(open_map, tmp_path: Path):
    from typer.testing import CliRunner

    from geo.cli import app

    out = tmp_path / "web.html"
    result = CliRunner().invoke(app, ["map", "--out", str(out), "--cdn"])
    assert result.exit_code == 0, result.output
    assert "<script src=\"https://cdn" in out.read_text(encoding="utf-8")
    opened = open_map(out)
    opened.page.wait_for_function("window.geo && window.geo.events.length > 0")
    assert opened.errors == []
    assert opened.unserved == []


def test_there_is_one_marker_per_located_event_in_its_sides_cluster(open_offline, seed_build):
    page = open_offline(seed_build[0]).page
    located = _located(seed_build[1])
    ids = page.evaluate("window.geoEvents.map(e => e.id)")
    assert sorted(ids) == sorted(f["id"] for f in located)
    assert page.evaluate("window.geoEvents.every(e => e.cluster.hasLayer(e.marker))")
    total = page.evaluate("[...new Set(window.geoEvents.map(e => e.cluster))]"
                          ".reduce((n, c) => n + c.getLayers().length, 0)")
    assert total == len(located)


def test_toggling_an_actor_overlay_hides_and_shows_its_markers(open_offline, seed_build):
    page = open_offline(seed_build[0]).page
    on_map = "window.geoEvents.filter(e => e.side === 'us').every(e => e.group._map != null)"
    others = "window.geoEvents.filter(e => e.side !== 'us').every(e => e.group._map != null)"
    assert page.evaluate(on_map)
    page.get_by_label("US and coalition", exact=False).uncheck()
    assert page.evaluate("window.geoEvents.filter(e => e.side === 'us').every(e => e.group._map == null)")
    assert page.evaluate(others)
    page.get_by_label("US and coalition", exact=False).check()
    assert page.evaluate(on_map)


def test_the_date_control_hides_and_shows_events(open_offline, seed_build):
    page = open_offline(seed_build[0]).page
    located = _located(seed_build[1])
    in_nov_2024 = [f["id"] for f in located if f["properties"]["event_date"].startswith("2024-11")]
    assert 0 < len(in_nov_2024) < len(located)
    page.fill(".geo-from", "2024-11-01")
    page.fill(".geo-to", "2024-11-30")
    page.dispatch_event(".geo-to", "change")
    shown = page.evaluate("window.geoEvents.filter(e => e.cluster.hasLayer(e.marker)).map(e => e.id)")
    assert sorted(shown) == sorted(in_nov_2024)
    assert page.inner_text(".geo-shown").startswith(f"{len(in_nov_2024)} of {len(located)}")
    page.click(".geo-reset")
    assert page.evaluate("window.geoEvents.every(e => e.cluster.hasLayer(e.marker))")


def _open_popup(page, event_id: str) -> str:
    page.evaluate("""id => new Promise(done => {
        const e = window.geoEvents.find(x => x.id === id);
        e.cluster.zoomToShowLayer(e.marker, () => { e.marker.openPopup(); done(); });
    })""", event_id)
    page.wait_for_selector(".leaflet-popup-content")
    return page.inner_text(".leaflet-popup-content")


def test_a_popup_lists_every_source_and_marks_disputed_fields(open_offline, seed_build):
    page = open_offline(seed_build[0]).page
    disputed = next(f for f in _located(seed_build[1]) if f["properties"]["disputed"])
    text = _open_popup(page, disputed["id"])
    sources = disputed["properties"]["sources"]
    assert f"Sources ({len(sources)})" in text
    for src in sources:
        assert src["doc"] in text
    assert "DISPUTED" in text and "Disputed by the sources" in text


def test_script_in_input_data_shows_as_text_and_never_runs(open_offline, tmp_path: Path):
    ev = Event.from_dict({
        "event_date": "2024-02-03", "event_type": "airstrike", "actor1": XSS,
        "actor1_side": "us", "location": XSS, "lat": 34.45, "lon": 40.92,
        "geo_precision": "town", "notes": XSS,
        "sources": [{"doc": "evil.txt", "title": XSS, "quote": XSS, "url": "javascript:alert(1)"}],
    })
    path = tmp_path / "xss.html"
    write_map(to_frame([ev]), path, title=XSS)
    opened = open_offline(path)
    text = _open_popup(opened.page, ev.id)
    opened.page.hover(".geo-marker")
    assert opened.page.evaluate("window.__xss") is None
    assert "<script>window.__xss=1</script>" in text
    assert opened.page.locator(".leaflet-popup-content a[href^='javascript']").count() == 0
    opened.page.click(".geo-table-toggle")  # the table writes the same text into its cells
    assert XSS in opened.page.inner_text(".geo-table tbody")
    opened.page.get_by_label("Counts by governorate").check()
    assert opened.page.evaluate("window.__xss") is None
    assert opened.errors == []
