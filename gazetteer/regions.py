"""Region polygons for queries: countries, governorates and named areas — all offline.

No boundary file can be downloaded at run time, so the polygons ship with the package:

* **governorates** of Syria, Iraq and Jordan and the **countries** of the theatre and its
  neighbours: Natural Earth's 1:10m admin-1 layer (public domain), cut to these countries
  and simplified to about 300 m in ``data/regions/regions.geojson`` (its README says how it
  was made and how to rebuild it).  The lines are Natural Earth's: good to a few
  kilometres, not official.  For official lines, point ``GEO_BOUNDARIES`` (or
  ``boundaries=``) at your own polygon file;
* **named areas** (``data/areas.yaml``): a river or a border widened by a buffer.

Each built-in polygon is matched to its gazetteer row by ISO 3166-2 code, so every
spelling the gazetteer knows for a governorate names its polygon.  Shapely and pyogrio
are imported here, never on the lookup path.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from geo.exc import InputError, PlaceNotFound

__all__ = ["Region", "region", "region_geometry", "all_regions", "countries", "load_boundaries",
           "read_polygons", "REGION_KINDS", "REGIONS_FILE"]

REGION_KINDS = ("country", "governorate", "region")
_DATA = Path(__file__).resolve().parent / "data"
REGIONS_FILE = _DATA / "regions" / "regions.geojson"
_NE_PRECISION_KM = 3.0


@dataclass(frozen=True)
class Region:
    """A named polygon a query can select by.  ``precision_km`` says how far to trust its edge."""

    id: str
    name: str
    kind: str  # country, governorate, region
    country: str | None
    code: str | None
    geometry: Any  # shapely (Multi)Polygon, EPSG:4326
    source: str
    precision_km: float


def _metric(lat: float, lon: float):
    """Transformers to and from an equidistant projection centred on (lat, lon)."""
    from pyproj import Transformer

    aeqd = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
    return (Transformer.from_crs("EPSG:4326", aeqd, always_xy=True),
            Transformer.from_crs(aeqd, "EPSG:4326", always_xy=True))


def _buffer_km(geom: Any, km: float) -> Any:
    """Widen a lon/lat geometry by ``km`` on the ground (buffered in metres, not degrees)."""
    import shapely

    c = geom.centroid
    fwd, back = _metric(c.y, c.x)
    metric = shapely.transform(geom, fwd.transform, interleaved=False)
    return shapely.transform(metric.buffer(km * 1000, 32), back.transform, interleaved=False)


def _area_specs() -> list[dict[str, Any]]:
    import yaml

    return yaml.safe_load((_DATA / "areas.yaml").read_text(encoding="utf-8"))["areas"]


@cache
def _area(area_id: str) -> Region:
    """A named area, built on first use (the metric buffer costs ~30 ms each)."""
    import shapely

    a = next(a for a in _area_specs() if a["id"] == area_id)
    if "border" in a:
        one, two = (_outlines()[c] for c in a["border"])
        line = one.boundary.intersection(two.buffer(0.02))
    else:
        line = shapely.LineString([(lon, lat) for lat, lon in a["line"]])
    return Region(a["id"], a["name"], "region", None, None,
                  _buffer_km(line, float(a["buffer_km"])), a["source"], 5.0)


def _areas() -> list[Region]:
    return [_area(a["id"]) for a in _area_specs()]


def _outlines() -> dict[str, Any]:
    """Country code -> outline, for every country in the shipped file (neighbours too)."""
    return _shipped()[1]


@lru_cache(maxsize=1)
def _shipped() -> tuple[tuple[Region, ...], dict[str, Any]]:
    """The shipped polygons, named and identified as the curated gazetteer rows they match."""
    import shapely

    from gazetteer.sources.curated import CuratedTable

    rows = {(p.kind, p.code.upper()): p for p in CuratedTable().places()
            if p.code and p.kind in ("country", "governorate")}
    text = REGIONS_FILE.read_text(encoding="utf-8")
    features = json.loads(text)["features"]
    # GEOS parses all the geometries at once, in feature order (twice as fast as one by one)
    geoms = shapely.from_geojson(text).geoms
    out, outlines = [], {}
    for feat, geom in zip(features, geoms, strict=True):
        props = feat["properties"]
        if props["kind"] == "country":
            outlines[props["country"]] = geom
        row = rows.get((props["kind"], props["code"]))
        if row is None:  # a neighbour the gazetteer does not name: its outline serves areas
            continue
        out.append(Region(row.id, row.name, props["kind"], props["country"], props["code"],
                          geom, props["source"], _NE_PRECISION_KM))
    return tuple(out), outlines


def countries() -> list[Region]:
    """The built-in country outlines (the theatre and its neighbours)."""
    return [r for r in _builtin() if r.kind == "country"]


def _builtin() -> tuple[Region, ...]:
    """Countries and governorates (named areas are built on demand: see :func:`_area`)."""
    return _shipped()[0]


def read_polygons(path: str | os.PathLike[str]) -> Any:
    """A user's polygon file (GeoJSON, GeoPackage, Shapefile…) as a GeoDataFrame in EPSG:4326."""
    import pyogrio

    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    try:
        df = pyogrio.read_dataframe(p)
    except Exception as err:  # pyogrio raises its own DataSourceError and friends
        raise InputError(f"{p}: cannot read polygons ({str(err).splitlines()[0]})") from None
    if df.crs is not None and df.crs.to_epsg() != 4326:
        df = df.to_crs("EPSG:4326")
    return df


def load_boundaries(path: str | os.PathLike[str]) -> list[Region]:
    """Your own polygons (GeoJSON, GeoPackage, Shapefile…): one region per feature.

    The name comes from the first of the columns ``name``, ``NAME``, ``ADM1_EN``,
    ``shapeName``, ``admin1`` that the file has; a code from ``code``, ``ADM1_PCODE``,
    ``shapeISO`` or ``iso_3166_2``.
    """
    p = Path(path)
    df = read_polygons(p)
    name_col = next((c for c in ("name", "NAME", "ADM1_EN", "shapeName", "admin1") if c in df), None)
    code_col = next((c for c in ("code", "ADM1_PCODE", "shapeISO", "iso_3166_2") if c in df), None)
    if name_col is None:
        raise InputError(f"{p}: no name column (expected one of name, NAME, ADM1_EN, shapeName, admin1)")
    return [Region(f"user:{row[name_col]}", str(row[name_col]), "governorate", None,
                   str(row[code_col]) if code_col else None, row.geometry, str(p), 0.0)
            for _, row in df.iterrows() if row.geometry is not None]


def all_regions(boundaries: str | os.PathLike[str] | None = None) -> list[Region]:
    """Every region we know; the user's boundaries (``GEO_BOUNDARIES``) come first."""
    boundaries = boundaries or os.environ.get("GEO_BOUNDARIES") or None
    user = load_boundaries(boundaries) if boundaries else []
    return user + list(_builtin()) + _areas()


def region(name: str, *, boundaries: str | os.PathLike[str] | None = None) -> Region:
    """The region a user means by ``name``: any spelling the gazetteer knows, or an ISO code.

    A bare "Deir ez-Zor" is the governorate here (a city is not a region); a user's
    boundary file wins over the built-in polygons for the same name or code.
    """
    from gazetteer import default_gazetteer
    from gazetteer.normalise import name_key

    boundaries = boundaries or os.environ.get("GEO_BOUNDARIES") or None
    regions = (load_boundaries(boundaries) if boundaries else []) + list(_builtin())
    area_ids = {a["id"] for a in _area_specs()}
    text = name.strip()
    by_code = {r.code.upper(): r for r in reversed(regions) if r.code}
    if text.upper() in by_code:
        return by_code[text.upper()]
    wanted = name_key(text)
    for r in regions:
        if r.id.startswith("user:") and name_key(r.name) == wanted:
            return r
    by_id = {r.id: r for r in regions}
    gaz = default_gazetteer()
    matches = gaz.lookup(text, limit=20)
    for m in matches:
        if m.place.id in area_ids:
            return _area(m.place.id)
        hit = by_id.get(m.place.id)
        if hit is None and m.place.kind == "governorate" and not boundaries:
            raise InputError(f"no built-in polygon for {m.place.name} governorate (Natural Earth "
                             "draws it inside a neighbour); pass --boundaries FILE with its polygon")
        if hit is not None and hit.kind in REGION_KINDS:
            user = next((r for r in regions if r.id.startswith("user:") and hit.code
                         and r.code and r.code.upper() == hit.code.upper()), None)
            return user or hit
    if matches and matches[0].score >= 100:
        place = matches[0].place
        raise InputError(f"{name.strip()!r} is a {place.kind} ({place.name}), not a region: "
                         f"try --near {name.strip()!r} --radius-km 25")
    from rapidfuzz import process

    names = sorted({r.name for r in regions} | {a["name"] for a in _area_specs()})
    close = [n for n, _, _ in process.extract(text, names, limit=3)]
    raise PlaceNotFound(name, close)


def region_geometry(name: str, *, boundaries: str | os.PathLike[str] | None = None
                    ) -> tuple[str, Any]:
    """``(canonical name, shapely geometry)`` of the region ``name`` (see :func:`region`)."""
    r = region(name, boundaries=boundaries)
    return r.name, r.geometry
