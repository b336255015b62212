"""Events (a GeoDataFrame) → one static, layered Folium map.

Layers: three base maps (OpenStreetMap, CartoDB Positron, Esri satellite imagery); one
overlay per attacker side, each a marker cluster (spiderfied, so events at one spot stay
reachable) plus dashed uncertainty circles for events placed only to a governorate or
a country; a date-range filter; a legend; a title.  The page loads only Leaflet and
Leaflet.markercluster: markers are inline SVG, so no icon font or image CDN is needed.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection
from os import PathLike
from typing import TYPE_CHECKING, Any

from geo.atomic import write_text_atomic
from geo.mapping.popup import popup_html, tooltip_html
from geo.mapping.style import SIDE_COLOURS, icon_svg, is_precise
from geo.vocab import EVENT_TYPES, GEO_PRECISION_RADIUS_KM, SIDE_LABELS, SIDES

if TYPE_CHECKING:
    import folium
    import geopandas as gpd

__all__ = ["render_map", "write_map", "DEFAULT_TITLE"]

DEFAULT_TITLE = "Strikes and attacks"
_UNREVIEWED = "unreviewed"  # the layer of events no analyst has checked (geo review)
_THEATRE_CENTRE = (34.0, 40.0)
_CLUSTER_ICON = """function (cluster) {
  var n = cluster.getChildCount();
  return L.divIcon({html: '<div style="background:%s;color:#fff;border:2px solid #fff;border-radius:50%%;'
    + 'width:30px;height:30px;line-height:26px;text-align:center;font:bold 12px sans-serif;'
    + 'box-shadow:0 0 3px rgba(0,0,0,.5)">' + n + '</div>',
    className: 'geo-cluster', iconSize: L.point(30, 30)});
}"""


def _span(row: dict[str, Any]) -> tuple[str, str] | None:
    """The days an event may have happened on, as ISO strings (for the date filter)."""
    if row.get("date_start") or row.get("date_end"):
        start = row.get("date_start") or row.get("event_date") or row.get("date_end")
        end = row.get("date_end") or row.get("event_date") or start
        return str(start), str(end)
    if not row.get("event_date"):
        return None
    day = dt.date.fromisoformat(row["event_date"])
    prec = row.get("date_precision")
    if prec == "month":
        nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return day.replace(day=1).isoformat(), (nxt - dt.timedelta(days=1)).isoformat()
    if prec == "year":
        return f"{day.year}-01-01", f"{day.year}-12-31"
    if prec == "week":
        return (day - dt.timedelta(days=3)).isoformat(), (day + dt.timedelta(days=3)).isoformat()
    return row["event_date"], row["event_date"]


def _located_as(row: dict[str, Any]) -> str:
    where = ", ".join(str(x) for x in (row.get("location"), row.get("admin1"), row.get("country")) if x)
    prec = row.get("geo_precision")
    return f"{where or 'unnamed place'} · placed to the {prec}" if prec else (where or "unnamed place")


def _marker_data(row: dict[str, Any]) -> dict[str, Any]:
    side = row.get("actor1_side") or "unknown"
    precise = is_precise(row.get("geo_precision"))
    span = _span(row) or ("0000-01-01", "9999-12-31")
    radius_km = 0.0 if precise else GEO_PRECISION_RADIUS_KM.get(row.get("geo_precision") or "country", 250.0)
    return {
        "id": row["id"], "lat": round(row["lat"], 6), "lon": round(row["lon"], 6),
        "side": side, "type": row.get("event_type") or "attack",
        "colour": SIDE_COLOURS.get(side, SIDE_COLOURS["unknown"]),
        "icon": icon_svg(row.get("event_type") or "attack", side, precise),
        "popup": popup_html(row, _located_as(row)), "tooltip": tooltip_html(row),
        "start": span[0], "end": span[1], "radius_m": int(radius_km * 1000),
    }


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


def render_map(frame: gpd.GeoDataFrame, title: str | None = None,
               unreviewed: Collection[str] = ()) -> folium.Map:
    """A folium Map of the events in ``frame`` (as :func:`geo.frame.to_frame` makes it).

    Events whose id is in ``unreviewed`` (no analyst has checked them: see `geo review`)
    are drawn in an "Unreviewed" layer of their own rather than their side's.
    """
    import folium
    import xyzservices.providers as xyz
    from folium.plugins import MarkerCluster

    from geo.frame import from_frame
    from geo.mapping.datefilter import DateFilter
    from geo.mapping.ids import stabilise_ids
    from geo.mapping.layer import EventLayer
    from geo.mapping.legend import Legend
    from geo.mapping.title import Title

    rows = sorted((e.to_dict() for e in from_frame(frame)),
                  key=lambda r: (r.get("event_date") or "", r["id"]))
    placed = [r for r in rows if r.get("lat") is not None]
    unplaced = [f"{r.get('event_date') or 'undated'} · {r.get('event_type')} · "
                f"{r.get('actor1') or r.get('actor1_side')} ({r['id']})"
                for r in rows if r.get("lat") is None]

    m = folium.Map(location=_THEATRE_CENTRE, zoom_start=6, tiles=None, prefer_canvas=True,
                   control_scale=True)
    # Only Leaflet itself: the markers need no icon font, jQuery or Bootstrap.
    m.default_js = [js for js in m.default_js if js[0] == "leaflet"]
    m.default_css = [css for css in m.default_css if css[0] == "leaflet_css"]
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(m)
    _carto_positron(folium, xyz).add_to(m)
    folium.TileLayer(xyz.Esri.WorldImagery, name="Satellite (Esri World Imagery)", show=False).add_to(m)

    by_side = Counter(r.get("actor1_side") or "unknown" for r in placed)
    layer_of = {r["id"]: _UNREVIEWED if r["id"] in unreviewed else (r.get("actor1_side") or "unknown")
                for r in placed}
    by_layer = Counter(layer_of.values())
    for side in (s for s in (*SIDES, _UNREVIEWED) if by_layer[s]):
        label = "Unreviewed" if side == _UNREVIEWED else SIDE_LABELS[side]
        group = folium.FeatureGroup(name=f"{label} ({by_layer[side]})", show=True).add_to(m)
        cluster = MarkerCluster(
            control=False,
            icon_create_function=_CLUSTER_ICON % SIDE_COLOURS.get(side, SIDE_COLOURS["unknown"]),
            options={"spiderfyOnMaxZoom": True, "showCoverageOnHover": False,
                     "disableClusteringAtZoom": 9, "chunkedLoading": True, "maxClusterRadius": 40},
        ).add_to(group)
        EventLayer([_marker_data(r) for r in placed if layer_of[r["id"]] == side],
                   cluster, group).add_to(m)

    spans = [s for s in (_span(r) for r in rows) if s]
    first = min((s[0] for s in spans), default="")
    last = max((s[1] for s in spans), default="")
    dated = sorted(r["event_date"] for r in rows if r.get("event_date"))
    when = f"{dated[0]} to {dated[-1]}" if dated else "no dates"
    n = len(rows)
    Title(title or DEFAULT_TITLE, f"{n} event{'s' if n != 1 else ''} · {when}", unplaced).add_to(m)
    Legend(dict((s, by_side[s]) for s in SIDES if by_side[s]),
           [t for t in EVENT_TYPES if any(r.get("event_type") == t for r in placed)]).add_to(m)
    if spans:
        DateFilter(first, last).add_to(m)
    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    if placed:
        lats = [r["lat"] for r in placed]
        lons = [r["lon"] for r in placed]
        # keep points clear of the title (top), the legend (bottom left) and the controls (right)
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding_top_left=(300, 90),
                     padding_bottom_right=(300, 30), max_zoom=9)
    stabilise_ids(m.get_root())
    return m


def write_map(frame: gpd.GeoDataFrame, path: str | PathLike[str], title: str | None = None,
              unreviewed: Collection[str] = ()) -> None:
    """Render the map to one static HTML file, atomically; the same input gives the same bytes."""
    html = render_map(frame, title=title, unreviewed=unreviewed).get_root().render()
    write_text_atomic(path, html if html.endswith("\n") else html + "\n")
