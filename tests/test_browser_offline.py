"""The self-contained map in headless Chromium with every network request blocked.

No CDN is routed here: the page must draw everything from what it holds.  The
``open_offline`` fixture fails a test whose page so much as tried the network.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.pipeline import build
from geo.vocab import SIDE_LABELS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    build(out_dir=out)
    features = json.loads((out / "events.geojson").read_text(encoding="utf-8"))["features"]
    return out / "index.html", [f for f in features if f["geometry"] is not None]


def _marker_counts(page) -> int:
    """What the map draws: single markers count 1, a cluster disc counts its number.

    Counted once markercluster's animations are over (it fades old icons out).
    """
    page.wait_for_function("document.querySelector('.leaflet-cluster-anim') === null")
    page.wait_for_timeout(400)
    return page.evaluate("""() => {
        let n = 0;
        document.querySelectorAll('.leaflet-marker-icon').forEach(el => {
            if (el.classList.contains('geo-cluster')) { n += parseInt(el.textContent, 10); }
            else if (el.classList.contains('geo-marker')) { n += 1; }
        });
        return n;
    }""")


def test_the_seed_map_draws_every_located_event_with_no_network(open_offline, seed_build):
    opened = open_offline(seed_build[0])
    assert opened.errors == []
    assert opened.attempted == []
    assert _marker_counts(opened.page) == len(seed_build[1])


def test_offline_the_outline_base_layer_shows_countries_rivers_and_towns(open_offline, seed_build):
    page = open_offline(seed_build[0]).page
    assert page.get_by_label("Offline outline").is_checked()
    # countries, governorates and rivers are SVG paths in a pane under the overlays
    assert page.locator(".leaflet-geo-outline-pane svg path").count() > 50
    labels = page.locator(".geo-label").all_inner_texts()
    assert {"Euphrates", "Tigris", "Baghdad", "Damascus"} <= set(labels)
    assert page.locator(".leaflet-tile").count() == 0


def test_when_tiles_fail_the_page_falls_back_to_the_outline(open_offline, seed_build):
    opened = open_offline(seed_build[0], online=True)
    page = opened.page
    page.wait_for_function("document.querySelector('.geo-tiles-failed') !== null")
    assert page.get_by_label("Offline outline").is_checked()
    assert not page.get_by_label("OpenStreetMap").is_checked()
    assert opened.attempted and all("tile.openstreetmap.org" in u for u in opened.attempted)
    assert [e for e in opened.errors if "ERR_" not in e] == []


def test_the_layer_control_lists_bases_sides_and_density_overlays(open_offline, seed_build):
    page = open_offline(seed_build[0]).page
    text = page.inner_text(".leaflet-control-layers")
    for name in ("OpenStreetMap", "Satellite", "Offline outline", "US and coalition",
                 "Iran-aligned groups", "Counts by governorate", "Heat map"):
        assert name in text
    assert not page.get_by_label("Heat map").is_checked()


def test_governorate_counts_follow_the_date_filter_and_name_country_only_events(open_offline, seed_build):
    from collections import Counter

    from geo.mapping.governorates import governorate_index

    located = seed_build[1]
    props = [f["properties"] for f in located]
    govs = governorate_index([(f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0])
                              for f in located], [p["geo_precision"] for p in props])
    want = Counter(g for g in govs if g >= 0)
    assert sum(1 for p in props if p["geo_precision"] == "country"), "seeds place one to a country"
    page = open_offline(seed_build[0]).page
    page.get_by_label("Counts by governorate").check()
    legend = page.inner_text(".geo-choro-legend")
    assert "Events by governorate" in legend
    assert "Placed only to a country, not counted here" in legend
    top, n = want.most_common(1)[0]
    name = page.evaluate(f"window.geoBasemap.regions.features.filter(f => f.properties.kind === "
                         f"'governorate')[{top}].properties.name")
    page.evaluate(f"""() => {{ const g = Object.values(geo.map._layers).filter(l => l.feature
        && l.feature.properties.kind === 'governorate' && l.options.fillOpacity === 0.72)[{top}];
        g.openTooltip(g.getBounds().getCenter()); }}""")
    tip = page.inner_text(".leaflet-tooltip")
    assert tip.startswith(f"{name}: {n} event")
    killed = sum(p.get("killed") or 0 for p, g in zip(props, govs, strict=True) if g == top)
    assert tip.endswith(f"{killed} killed")
    page.evaluate("geo.setDates('2099-01-01', '2099-12-31')")
    assert "No shown event is placed only to a country" in page.inner_text(".geo-choro-legend")
    fills = page.evaluate("""() => Object.values(geo.map._layers).filter(l => l.feature
        && l.options.fillOpacity === 0.72).map(l => l.options.fillColor)""")
    assert set(fills) == {"#fff5eb"}


def test_the_heat_map_draws_the_events_shown_when_switched_on(open_offline, seed_build):
    page = open_offline(seed_build[0]).page
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 0
    page.get_by_label("Heat map").check()
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
    n = page.evaluate("Object.values(geo.map._layers).find(l => l._heat !== undefined)._latlngs.length")
    assert n == len(seed_build[1])


def test_the_timeline_stacks_weeks_by_side_and_dragging_sets_the_dates(open_offline, seed_build):
    page = open_offline(seed_build[0]).page
    bars = page.locator("#geo-bottom .geo-bar")
    assert bars.count() > 0
    colours = set(page.eval_on_selector_all("#geo-bottom .geo-bar", "els => els.map(e => e.getAttribute('fill'))"))
    assert {"#1f5fbf", "#d62728"} <= colours
    before = page.inner_text(".geo-shown")
    box = page.locator(".geo-timeline-chart").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    page.mouse.up()
    after = page.inner_text(".geo-shown")
    assert after != before
    lo, hi = page.input_value(".geo-from"), page.input_value(".geo-to")
    assert "2023-06-01" < lo < hi < "2024-11-30"
    shown = page.evaluate("geo.shown().length")
    assert after.startswith(f"{shown} of ")
    # the range is drawn where the drag went
    rect = page.locator(".geo-timeline-range").bounding_box()
    assert abs(rect["x"] - (box["x"] + box["width"] * 0.55)) < 12


def test_a_month_precise_event_is_spread_over_the_weeks_of_its_month(open_offline, tmp_path: Path):
    from geo.frame import to_frame
    from geo.mapping import write_map
    from geo.model import Event

    def event(**kw):
        base = {"event_type": "airstrike", "actor1_side": "us", "lat": 34.45, "lon": 40.92,
                "geo_precision": "town", "sources": [{"doc": "a.txt"}]}
        return Event.from_dict({**base, **kw})

    path = tmp_path / "month.html"
    write_map(to_frame([event(event_date="2024-02-15", date_precision="month"),
                        event(event_date="2024-03-20", actor1_side="iran_aligned")]), path)
    page = open_offline(path).page
    weeks = page.eval_on_selector_all("#geo-bottom .geo-week title", "els => els.map(e => e.textContent)")
    feb = [w for w in weeks if "US and coalition" in w]
    # 1-29 February 2024 meets the weeks of 29 Jan, 5, 12, 19 and 26 Feb
    assert [w.split(":")[0] for w in feb] == [f"week of 2024-{d}" for d in
                                             ("01-29", "02-05", "02-12", "02-19", "02-26")]
    shares = [float(w.rsplit(" ", 1)[1]) for w in feb]
    assert abs(sum(shares) - 1) < 0.06 and max(shares) < 0.3
    militias = f"{SIDE_LABELS['iran_aligned']} 1"
    assert any(w.startswith("week of 2024-03-18") and militias in w for w in weeks)


def test_the_table_lists_shown_events_sorts_and_a_row_click_opens_its_popup(open_offline, seed_build):
    page = open_offline(seed_build[0]).page
    page.click(".geo-table-toggle")
    rows = page.locator(".geo-table tbody tr")
    assert rows.count() == len(seed_build[1])
    dates = page.eval_on_selector_all(".geo-table tbody tr td:first-child", "els => els.map(e => e.textContent)")
    assert dates == sorted(dates)
    page.click(".geo-table th:first-child")
    dates_desc = page.eval_on_selector_all(".geo-table tbody tr td:first-child", "els => els.map(e => e.textContent)")
    assert dates_desc == sorted(dates, reverse=True)
    target = seed_build[1][0]
    page.click(f".geo-table tbody tr[data-id='{target['id']}']")
    page.wait_for_selector(".leaflet-popup-content")
    assert target["id"] in page.inner_text(".leaflet-popup-content")
    page.evaluate("geo.setDates('2024-11-01', '2024-11-30')")
    in_nov = [f for f in seed_build[1] if f["properties"]["event_date"].startswith("2024-11")]
    assert rows.count() == len(in_nov)


def test_the_download_button_saves_the_shown_events_as_valid_geojson(open_offline, seed_build, tmp_path: Path):
    page = open_offline(seed_build[0]).page
    page.evaluate("geo.setDates('2024-11-01', '2024-11-30')")
    with page.expect_download() as info:
        page.click(".geo-download-geojson")
    saved = tmp_path / "shown.geojson"
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    want = sorted(f["id"] for f in seed_build[1] if f["properties"]["event_date"].startswith("2024-11"))
    assert sorted(f["id"] for f in data["features"]) == want
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and 30 < lat < 40
    with page.expect_download() as info:
        page.click(".geo-download-csv")
    info.value.save_as(tmp_path / "shown.csv")
    lines = (tmp_path / "shown.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,date,") and len(lines) == len(want) + 1


def test_the_legend_sits_above_the_scale_bar(open_offline, seed_build):
    page = open_offline(seed_build[0]).page
    legend = page.locator(".geo-legend").bounding_box()
    scale = page.locator(".leaflet-control-scale").bounding_box()
    assert legend["y"] + legend["height"] <= scale["y"]


@pytest.fixture(scope="module")
def grid_map(tmp_path_factory, seed_build):
    """The seed events drawn as a large map is: clustered on a screen grid."""
    from geo.events_io import read_frame
    from geo.mapping import write_map

    path = tmp_path_factory.mktemp("grid") / "grid.html"
    write_map(read_frame(seed_build[0].with_name("events.geojson")), path, grid_above=0)
    return path


def test_a_large_map_clusters_on_a_grid_and_draws_every_event(open_offline, grid_map, seed_build):
    opened = open_offline(grid_map)
    page = opened.page
    assert opened.errors == []
    assert "L.markerClusterGroup" not in grid_map.read_text(encoding="utf-8")
    assert _marker_counts(page) == len(seed_build[1])
    page.evaluate("geo.setDates('2024-11-01', '2024-11-30')")
    in_nov = [f for f in seed_build[1] if f["properties"]["event_date"].startswith("2024-11")]
    assert _marker_counts(page) == len(in_nov)


def test_clicking_a_grid_cluster_zooms_in_and_a_table_row_opens_its_popup(open_offline, grid_map, seed_build):
    page = open_offline(grid_map).page
    zoom = page.evaluate("geo.map.getZoom()")
    page.locator(".geo-cluster").first.click()
    page.wait_for_function(f"geo.map.getZoom() > {zoom}")
    page.click(".geo-table-toggle")
    target = seed_build[1][-1]
    page.click(f".geo-table tbody tr[data-id='{target['id']}']")
    page.wait_for_selector(".leaflet-popup-content")
    assert target["id"] in page.inner_text(".leaflet-popup-content")


def test_the_date_control_explains_why_a_range_may_start_on_the_first(open_offline, seed_build):
    page = open_offline(seed_build[0]).page
    page.click(".geo-datefilter summary")
    note = page.inner_text(".geo-datefilter .geo-note")
    assert "known only to its month spans the whole month, from the 1st" in note
    month = [f for f in seed_build[1] if f["properties"]["date_precision"] == "month"]
    if month:  # the control's lower bound is then that month's 1st
        first = min(f["properties"]["event_date"][:8] + "01" for f in month)
        assert page.input_value(".geo-from") <= first


def test_events_extracted_with_less_confidence_are_drawn_fainter(open_offline, tmp_path: Path):
    from geo.frame import to_frame
    from geo.mapping import write_map
    from geo.model import Event

    def event(lon, **kw):
        base = {"event_date": "2024-02-02", "event_type": "airstrike", "actor1_side": "us", "lat": 34.45,
                "lon": lon, "geo_precision": "town", "sources": [{"doc": "a.txt"}]}
        return Event.from_dict({**base, **kw})

    path = tmp_path / "faint.html"
    write_map(to_frame([event(38.0, confidence=0.95), event(40.0, confidence=0.6), event(42.0, confidence=0.2),
                        event(44.0)]), path)  # the last: curated, no confidence
    page = open_offline(path).page
    page.evaluate("geo.events.forEach(function (e) { geo.markerFor(e); })")
    by_lon = dict(page.evaluate("geo.events.map(function (e) { return [e.lon, e.marker.options.opacity]; })"))
    assert by_lon == {38.0: 1.0, 40.0: 0.7, 42.0: 0.4, 44.0: 1.0}
    assert "confidence below 0.5" in page.content()  # the legend says what faint means
