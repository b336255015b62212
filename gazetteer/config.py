"""Where the gazetteer finds its settings: environment variables, then a config file.

* ``GEO_CACHE_DIR`` — cache directory (default ``~/.cache/geo``): the compiled index and
  the Nominatim answers live here.
* ``GEO_PLACES`` — your places file(s), separated by ``:`` (``;`` on Windows).
* ``GEO_NOMINATIM_URL`` — the Nominatim endpoint for ``--online``.
* ``GEO_CONFIG`` — the config file (default ``~/.config/geo/config.toml``)::

      [gazetteer]
      places = ["~/research/my-places.csv"]
      nominatim_url = "https://nominatim.openstreetmap.org"

The environment wins over the config file; files from both are used.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from geo.exc import InputError

__all__ = ["cache_dir", "config_places", "nominatim_url", "config_file"]


def config_file() -> Path:
    return Path(os.environ.get("GEO_CONFIG") or "~/.config/geo/config.toml").expanduser()


@lru_cache(maxsize=8)
def _read_config(path: str, mtime: float) -> dict:
    import tomllib

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"config file {path} is not valid TOML: {err}") from None
    section = data.get("gazetteer", {})
    if not isinstance(section, dict):
        raise InputError(f"config file {path}: [gazetteer] must be a table")
    return section


def _config() -> dict:
    path = config_file()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return {}
    return _read_config(str(path), mtime)


def cache_dir() -> Path:
    return Path(os.environ.get("GEO_CACHE_DIR") or "~/.cache/geo").expanduser()


def config_places() -> list[Path]:
    """Places files named by ``GEO_PLACES`` and by the config file."""
    files = [p for p in os.environ.get("GEO_PLACES", "").split(os.pathsep) if p.strip()]
    configured = _config().get("places", [])
    if isinstance(configured, str):
        configured = [configured]
    base = config_file().parent
    files += [str(base / Path(p).expanduser()) for p in configured]
    return [Path(p).expanduser() for p in files]


def nominatim_url() -> str:
    from gazetteer.sources.nominatim import DEFAULT_URL

    return os.environ.get("GEO_NOMINATIM_URL") or _config().get("nominatim_url") or DEFAULT_URL
