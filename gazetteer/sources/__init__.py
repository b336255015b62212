"""Where place names come from: adapters behind one small interface (:class:`PlaceSource`).

Like geopy's geocoders, each source is one module with one class; the registry
:data:`SOURCES` turns a name into the class.
"""
from __future__ import annotations

from gazetteer.sources.base import PlaceSource, place_from_row

__all__ = ["PlaceSource", "place_from_row", "SOURCES", "get_source"]

SOURCES: dict[str, str] = {
    "curated": "gazetteer.sources.curated:CuratedTable",
    "geonames": "gazetteer.sources.geonames:GeoNamesSource",
    "file": "gazetteer.sources.userfile:PlacesFile",
    "nominatim": "gazetteer.sources.nominatim:NominatimSource",
}


def get_source(name: str) -> type[PlaceSource]:
    """The source class registered under ``name`` (imported on demand: some are heavy)."""
    import importlib

    try:
        module, _, cls = SOURCES[name].partition(":")
    except KeyError:
        raise KeyError(f"unknown place source {name!r}; "
                       f"expected one of {sorted(SOURCES)}") from None
    return getattr(importlib.import_module(module), cls)
