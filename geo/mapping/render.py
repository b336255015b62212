"""Events (a GeoDataFrame) → one static, layered Folium map that works with no network.

Layers: three online base maps (OpenStreetMap, CartoDB Positron, Esri satellite imagery)
and an "Offline outline" drawn from data we ship; one overlay per attacker side, each a
marker cluster (spiderfied, so events at one spot stay reachable) plus dashed
uncertainty circles for events placed only to a governorate or a country; counts by
governorate and a heat map (off by default); a date-range filter; under the map a
timeline of events per week and a table of the events shown; a legend; a title.

By default every script and stylesheet is inlined (:mod:`geo.mapping.assets`), so the
one file opens anywhere; ``cdn=True`` links Leaflet and its plugins from their CDNs for a
smaller page.  Markers are inline SVG, so no icon font or image is needed either way.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from os import PathLike
from typing import TYPE_CHECKING, Any

from geo.atomic import write_text_atomic
from geo.mapping.rows import confidence_band, event_row, icon_key, span
from geo.mapping.style import icon_svg, is_precise, side_colour, side_label
from geo.vocab import EVENT_TYPES, SIDES

if TYPE_CHECKING:
    import folium
    import geopandas as gpd

__all__ = ["render_map", "write_map", "DEFAULT_TITLE"]

DEFAULT_TITLE = "Strikes and attacks"
_THEATRE_CENTRE = (34.0, 40.0)
_CLUSTER_ICON = """function (cluster) {
  var n = cluster.getChildCount();
  return L.divIcon({html: '<div style="background:%s;color:#fff;border:2px solid #fff;border-radius:50%%;'
    + 'width:30px;height:30px;line-height:26px;text-align:center;font:bold 12px sans-serif;'
    + 'box-shadow:0 0 3px rgba(0,0,0,.5)">' + n + '</div>',
    className: 'geo-cluster', iconSize: L.point(30, 30)});
}"""


def _carto_positron(folium: Any, xyz: Any) -> Any:
    """CARTO's light tiles; ``GEO_CARTO_API_KEY`` supplies a key where CARTO asks for one.

    xyzservices warns on every use that CARTO now wants a key; the keyless URL still
    serves, so the warning is silenced here and the key is optional.
    """
    import os
    import warnings

    key = os.environ.get("GEO_CARTO_API_KEY")
    provider = xyz.CartoDB.Positron(apikey=key) if key else xyz.CartoDB.Positron
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return folium.TileLayer(provider, name="Light (CartoDB Positron)", show=False)


#: Above this many rough events, uncertainty circles are drawn only while a popup is open.
CIRCLE_LIMIT = 300
#: Above this many events, sides are clustered on a screen grid instead of by
#: Leaflet.markercluster, whose cluster tree takes seconds to rebuild on every date filter
#: at 100,000 events (benchmarks/bench_map.py).
LARGE_MAP = 2_000


#: The overlay of events no analyst has checked yet (see `geo review`).
UNREVIEWED = "unreviewed"


def _layer_of(r: dict[str, Any], unreviewed: Collection[str]) -> str:
    return UNREVIEWED if r["id"] in unreviewed else (r.get("actor1_side") or "unknown")


def _sides_present(placed: list[dict[str, Any]], unreviewed: Collection[str] = ()) -> dict[str, int]:
    by_side = Counter(_layer_of(r, unreviewed) for r in placed)
    order = [s for s in (*SIDES, UNREVIEWED) if by_side[s]] + \
        sorted(s for s in by_side if s not in SIDES and s != UNREVIEWED)
    return {s: by_side[s] for s in order}


def _side_layers(m: Any, placed: list[dict[str, Any]], sides: dict[str, int], grid: bool,
                 unreviewed: Collection[str] = ()) -> None:
    """One overlay per side: a FeatureGroup holding a MarkerCluster (or a grid) and its rows.
    Events in ``unreviewed`` go to an "Unreviewed" overlay of their own instead."""
    import folium
    from folium.plugins import MarkerCluster

    from geo.mapping.governorates import governorate_index
    from geo.mapping.layer import EventLayer

    govs = governorate_index([(r["lat"], r["lon"]) for r in placed],
                             [r.get("geo_precision") for r in placed])
    rows: dict[str, list[list[Any]]] = {s: [] for s in sides}
    icons: dict[str, dict[str, str]] = {s: {} for s in sides}
    for r, gov in zip(placed, govs, strict=True):
        row = event_row(r, gov)
        side, etype, precise = row[3], row[4], bool(row[6])
        layer = _layer_of(r, unreviewed)
        rows[layer].append(row)
        icons[layer].setdefault(icon_key(side, etype, precise), icon_svg(etype, side, precise))
    options = {"spiderfyOnMaxZoom": True, "showCoverageOnHover": False, "chunkedLoading": True,
               "disableClusteringAtZoom": 9, "maxClusterRadius": 40}
    for side, n in sides.items():
        label = "Unreviewed" if side == UNREVIEWED else side_label(side)
        group = folium.FeatureGroup(name=f"{label} ({n})", show=True).add_to(m)
        cluster = None if grid else MarkerCluster(
            control=False, icon_create_function=_CLUSTER_ICON % side_colour(side),
            options=options).add_to(group)
        EventLayer(rows[side], icons[side], side_colour(side), cluster, group).add_to(m)


def _base_layers(m: Any) -> tuple[list[Any], Any]:
    """The online tile layers (none added yet: see BaseChooser) and the offline outline."""
    import folium
    import xyzservices.providers as xyz

    from geo.mapping.basemap import OfflineOutline

    online = [folium.TileLayer("OpenStreetMap", name="OpenStreetMap", show=False).add_to(m),
              _carto_positron(folium, xyz).add_to(m),
              folium.TileLayer(xyz.Esri.WorldImagery, name="Satellite (Esri World Imagery)",
                               show=False).add_to(m)]
    outline = folium.FeatureGroup(name="Offline outline", overlay=False, show=False).add_to(m)
    OfflineOutline(m).add_to(outline)
    return online, outline


def _density_layers(m: Any) -> None:
    """Counts by governorate and a heat map: overlays that follow the events shown."""
    import folium

    from geo.mapping.governorates import GovernorateCounts
    from geo.mapping.heat import heat_layer

    counts = folium.FeatureGroup(name="Counts by governorate", show=False).add_to(m)
    GovernorateCounts(m).add_to(counts)
    heat_layer(m)


def render_map(frame: gpd.GeoDataFrame, title: str | None = None, *, cdn: bool = False,
               grid_above: int = LARGE_MAP, unreviewed: Collection[str] = ()) -> folium.Map:
    """A folium Map of the events in ``frame`` (as :func:`geo.frame.to_frame` makes it).

    ``cdn=False`` (the default) inlines every library so the page needs no network;
    ``cdn=True`` links them from their CDNs instead.  Maps of more than ``grid_above``
    placed events cluster on a screen grid rather than with Leaflet.markercluster.  Events
    whose id is in ``unreviewed`` (no analyst has checked them: see `geo review`) get an
    "Unreviewed" overlay of their own.
    """
    import folium

    from geo.mapping.assets import OwnAssets, inline_assets
    from geo.mapping.basemap import BaseChooser
    from geo.mapping.datefilter import DateFilter
    from geo.mapping.ids import stabilise_ids
    from geo.mapping.legend import Legend
    from geo.mapping.panel import BottomPanel
    from geo.mapping.records import frame_records
    from geo.mapping.title import Title

    rows = sorted(frame_records(frame), key=lambda r: (r.get("event_date") or "", r["id"]))
    placed = [r for r in rows if r.get("lat") is not None]
    unplaced = [f"{r.get('event_date') or 'undated'} · {r.get('event_type')} · "
                f"{r.get('actor1') or r.get('actor1_side')} ({r['id']})"
                for r in rows if r.get("lat") is None]

    # maxZoom on the map itself: with the offline outline no tile layer sets one, and
    # markercluster needs it
    m = folium.Map(location=_THEATRE_CENTRE, zoom_start=6, tiles=None, prefer_canvas=True,
                   control_scale=True, maxZoom=18)
    # Only Leaflet itself: the markers need no icon font, jQuery or Bootstrap.
    m.default_js = [js for js in m.default_js if js[0] == "leaflet"]
    m.default_css = [css for css in m.default_css if css[0] == "leaflet_css"]
    online, outline = _base_layers(m)
    sides = _sides_present(placed, unreviewed)
    _side_layers(m, placed, sides, len(placed) > grid_above, unreviewed)
    _density_layers(m)

    spans = [s for s in (span(r) for r in rows) if s]
    dated = sorted(r["event_date"] for r in rows if r.get("event_date"))
    when = f"{dated[0]} to {dated[-1]}" if dated else "no dates"
    n = len(rows)
    count = f"{n:,} event{'s' if n != 1 else ''}"
    Title(title or DEFAULT_TITLE, f"{count} · {when}", unplaced).add_to(m)
    rough = sum(1 for r in placed if not is_precise(r.get("geo_precision")))
    Legend(sides, [t for t in _types_present(placed)], rough > CIRCLE_LIMIT,
           faint=any(confidence_band(r.get("confidence")) for r in placed)).add_to(m)
    if spans:
        DateFilter(min(s[0] for s in spans), max(s[1] for s in spans)).add_to(m)
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    BaseChooser(online, outline).add_to(m)
    BottomPanel([{"side": s, "label": side_label(s), "colour": side_colour(s)} for s in sides],
                CIRCLE_LIMIT).add_to(m)
    if placed:
        lats = [r["lat"] for r in placed]
        lons = [r["lon"] for r in placed]
        # keep points clear of the title (top), the legend (bottom left) and the controls (right)
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding_top_left=(300, 90),
                     padding_bottom_right=(300, 30), max_zoom=9)
    root = m.get_root()
    root.header.add_child(OwnAssets(), name="geo_own_assets")
    if not cdn:
        inline_assets(root)
    stabilise_ids(root)
    return m


def _types_present(placed: list[dict[str, Any]]) -> list[str]:
    present = {r.get("event_type") or "attack" for r in placed}
    return [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES))


def write_map(frame: gpd.GeoDataFrame, path: str | PathLike[str], title: str | None = None,
              *, cdn: bool = False, grid_above: int = LARGE_MAP,
              unreviewed: Collection[str] = ()) -> None:
    """Render the map to one static HTML file, atomically; the same input gives the same bytes."""
    html = render_map(frame, title=title, cdn=cdn, grid_above=grid_above,
                      unreviewed=unreviewed).get_root().render()
    write_text_atomic(path, html if html.endswith("\n") else html + "\n")
