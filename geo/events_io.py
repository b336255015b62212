"""Reading events files: GeoJSON written by our export, and the analyst-curated YAML.

Two registries keyed by file extension keep the formats pluggable:

* ``EVENT_READERS`` — readers that build validated :class:`~geo.model.Event` lists
  directly (GeoJSON, YAML).  They need no geopandas, so ``load_events`` stays light and
  its errors can point at a line of the file.
* ``READERS`` — readers that return a GeoDataFrame straight from a GIS file (GeoPackage,
  GeoParquet…, added by the query stage).  ``read_frame`` uses them as the fast path
  for big files; ``load_events`` validates their rows through ``geo.frame.from_frame``.

Every problem is a :class:`~geo.exc.ValidationError` or :class:`~geo.exc.InputError`
whose one-line message names the file (with a line where one is known), the record
(its number and id) and the field.
"""
from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Mapping
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.exc import InputError, ValidationError
from geo.model import Event

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["CURATED_KEYS", "EVENT_READERS", "READERS", "load_events", "read_frame"]

#: Top-level keys a curated YAML file may hold besides ``events``.
CURATED_KEYS: tuple[str, ...] = ("events", "title", "description", "notes")

#: How a gazetteer place kind translates to the model's ``geo_precision``.
_KIND_PRECISION = {
    "military_base": "site", "border_crossing": "site", "oil_field": "site", "airport": "site",
    "city": "town", "town": "town", "village": "town",
    "governorate": "admin1", "region": "admin1", "country": "country",
}


def load_events(path: str | PathLike[str]) -> list[Event]:
    """The validated events of an events file, in file order.

    Example:
        >>> load_events("seeds/events.yaml")[0].event_date
        datetime.date(2023, 11, 12)
    """
    p = _existing(path)
    ext = p.suffix.lower()
    if ext in EVENT_READERS:
        events = EVENT_READERS[ext](p)
    elif ext in READERS:
        from geo.frame import from_frame

        events = from_frame(READERS[ext](p), file=str(p))
    else:
        raise InputError(f"{p}: cannot read {ext or 'files without an extension'} files; "
                         f"expected one of: {', '.join(_known_extensions())}")
    _check_unique_ids(events, str(p))
    return events


def read_frame(path: str | PathLike[str], *, nested: bool = True) -> gpd.GeoDataFrame:
    """A GeoDataFrame (EPSG:4326) of an events file.

    GIS formats with a registered frame reader are read straight into a frame (no
    per-record validation: the fast path for big files); GeoJSON and YAML go through
    :func:`load_events`, so they are validated.  GIS files keep ``sources`` and
    ``disputed`` as JSON text; ``nested=False`` leaves them so (every writer and
    ``from_frame`` accept the text), which saves parsing and re-serialising a million
    of them on a format conversion.
    """
    p = _existing(path)
    ext = p.suffix.lower()
    if ext in READERS:
        frame = READERS[ext](p)
        if nested:
            from geo.export.tabular import unflatten

            unflatten(frame)
        return frame
    from geo.frame import to_frame

    return to_frame(load_events(p))


# --- GeoJSON ------------------------------------------------------------------------

def _read_geojson(path: Path) -> list[Event]:
    text = _read_text(path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: line {err.lineno} column {err.colno}: not valid JSON "
                         f"({err.msg})") from None
    if not isinstance(doc, Mapping) or doc.get("type") != "FeatureCollection" \
            or not isinstance(doc.get("features"), list):
        raise InputError(f"{path}: not a GeoJSON FeatureCollection; expected an object "
                         f'with "type": "FeatureCollection" and a "features" list')
    return [_feature_event(f, i, str(path)) for i, f in enumerate(doc["features"], start=1)]


def _feature_event(feat: Any, i: int, file: str) -> Event:
    if not isinstance(feat, Mapping) or feat.get("type") != "Feature":
        raise ValidationError('expected a GeoJSON Feature ({"type": "Feature", …})',
                              file=file, record=i)
    props = feat.get("properties") or {}
    if not isinstance(props, Mapping):
        raise ValidationError("properties must be an object", file=file, record=i,
                              field="properties")
    rec = dict(props)
    if not rec.get("id") and feat.get("id") is not None:
        rec["id"] = str(feat["id"])
    label = _label(i, rec.get("id"))
    geom = feat.get("geometry")
    if geom is not None:
        lon, lat = _point(geom, file, label)
        for name, value in (("lat", lat), ("lon", lon)):
            given = rec.get(name)
            if given is not None and _differs(given, value):
                raise ValidationError(f"{given!r} disagrees with the geometry's {value!r}",
                                      file=file, record=label, field=name)
        rec["lat"], rec["lon"] = lat, lon
    return Event.from_dict(rec, file=file, record=i)


def _point(geom: Any, file: str, label: str) -> tuple[Any, Any]:
    """(lon, lat) of a GeoJSON Point — GeoJSON's own coordinate order."""
    if not isinstance(geom, Mapping) or geom.get("type") != "Point":
        kind = geom.get("type") if isinstance(geom, Mapping) else type(geom).__name__
        raise ValidationError(f"geometry is {kind!r}; expected a Point or null",
                              file=file, record=label, field="geometry")
    coords = geom.get("coordinates")
    if not isinstance(coords, list) or len(coords) < 2:
        raise ValidationError("a Point needs [longitude, latitude] coordinates",
                              file=file, record=label, field="geometry")
    return coords[0], coords[1]


def _differs(a: Any, b: Any) -> bool:
    try:
        return not math.isclose(float(a), float(b), abs_tol=1e-6)
    except (TypeError, ValueError):
        return True


# --- curated YAML -------------------------------------------------------------------

def _read_yaml(path: Path) -> list[Event]:
    import yaml

    text = _read_text(path)
    loader = _loader()(text)
    try:  # one parse: the node tree gives line numbers, the constructed data the values
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}: " if mark else ""
        raise InputError(f"{path}: {where}not valid YAML ({err.problem or err})") from None
    except yaml.YAMLError as err:
        raise InputError(f"{path}: not valid YAML ({err})") from None
    finally:
        loader.dispose()
    items, nodes = _curated_items(data, root, path)
    events = []
    for i, (item, node) in enumerate(zip(items, nodes), start=1):
        file = f"{path}:{node.start_mark.line + 1}" if node is not None else str(path)
        if isinstance(item, Mapping):
            item = _placed(dict(item), file, _label(i, item.get("id")))
        events.append(Event.from_dict(item, file=file, record=i))
    return events


def _curated_items(data: Any, root: Any, path: Path) -> tuple[list[Any], list[Any]]:
    """The event records of a curated file and their YAML nodes (for line numbers)."""
    if isinstance(data, list):  # a bare list of events is accepted too
        return data, list(root.value)
    if not isinstance(data, Mapping) or "events" not in data:
        raise InputError(f"{path}: expected a mapping with an 'events:' list of events")
    extra = sorted(set(map(str, data)) - set(CURATED_KEYS))
    if extra:
        raise InputError(f"{path}: unknown top-level key {extra[0]!r}; "
                         f"expected: {', '.join(CURATED_KEYS)}")
    items = data["events"] or []
    if not isinstance(items, list):
        raise InputError(f"{path}: 'events' must be a list of events")
    node = next(v for k, v in root.value if k.value == "events")
    return items, list(node.value) if isinstance(node.value, list) else [None] * len(items)


def _placed(rec: dict[str, Any], file: str, label: str) -> dict[str, Any]:
    """Fill coordinates (and country, admin1, precision) from the gazetteer.

    Only for records that give ``place_id`` or ``location`` but no ``lat``/``lon``:
    coordinates an analyst wrote down are never overridden.
    """
    if rec.get("lat") is not None or rec.get("lon") is not None:
        return rec
    place_id, name = rec.get("place_id"), rec.get("location")
    if not place_id and not name:
        return rec
    from gazetteer import default_gazetteer
    from geo.exc import GeoError, PlaceNotFound

    gaz = default_gazetteer()
    if place_id:
        place = gaz.get(str(place_id))
        if place is None:
            raise ValidationError(f"{place_id!r} is not in the gazetteer; give a known "
                                  "place id (see `geo gazetteer lookup`) or lat and lon",
                                  file=file, record=label, field="place_id")
    else:
        try:
            place = gaz.resolve(str(name), country=rec.get("country"), fuzzy=False).place
        except PlaceNotFound as err:
            raise ValidationError(f"{err}; give place_id or lat and lon",
                                  file=file, record=label, field="location") from None
        except GeoError as err:
            raise ValidationError(str(err), file=file, record=label, field="location") from None
        rec["place_id"] = place.id
    rec["lat"], rec["lon"] = place.lat, place.lon
    rec.setdefault("location", place.name)
    rec.setdefault("country", place.country)
    if not rec.get("admin1") and place.kind != "country":
        rec["admin1"] = gaz.admin1_of(place)
    rec.setdefault("geo_precision", _KIND_PRECISION.get(place.kind))
    return rec


@functools.cache
def _loader() -> type:
    """A SafeLoader that leaves dates as text, so the model can reject 2024-02-30 by field."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


# --- shared -------------------------------------------------------------------------

def _existing(path: str | PathLike[str]) -> Path:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such events file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory; expected an events file "
                         f"({', '.join(_known_extensions())})")
    return p


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text (byte {err.start})") from None


def _label(i: int, ident: Any) -> str:
    return f"{i} ({ident})" if ident else str(i)


def _check_unique_ids(events: list[Event], file: str) -> None:
    seen: dict[str, int] = {}
    for i, ev in enumerate(events, start=1):
        if ev.id in seen:
            raise ValidationError(f"duplicate id: record {seen[ev.id]} has the same id (same "
                                  "date, type, sides, place and sources); merge them or tell "
                                  "them apart", file=file, record=_label(i, ev.id), field="id")
        seen[ev.id] = i


def _known_extensions() -> list[str]:
    return sorted(set(EVENT_READERS) | set(READERS))


#: Extension → reader returning validated events (no geopandas needed).
EVENT_READERS: dict[str, Callable[[Path], list[Event]]] = {
    ".geojson": _read_geojson,
    ".json": _read_geojson,
    ".yaml": _read_yaml,
    ".yml": _read_yaml,
}

#: Extension → reader returning a GeoDataFrame (the query stage adds ".gpkg", ".parquet"…).
def _read_gis(path: Path) -> gpd.GeoDataFrame:
    """A GeoPackage or GeoParquet file we wrote (nested fields still JSON text)."""
    import geopandas as gpd

    try:
        frame = (gpd.read_parquet(path) if path.suffix.lower() in (".parquet", ".geoparquet")
                 else gpd.read_file(path, engine="pyogrio"))
    except Exception as err:  # pyarrow/pyogrio raise many kinds; the user needs one line
        raise InputError(f"{path}: cannot read events ({str(err).splitlines()[0]})") from None
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs("EPSG:4326")
    return frame


READERS: dict[str, Callable[[Path], gpd.GeoDataFrame]] = {
    ".gpkg": _read_gis, ".parquet": _read_gis, ".geoparquet": _read_gis,
}
