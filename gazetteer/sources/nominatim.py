"""The online fallback: OpenStreetMap's Nominatim through geopy, only when asked (``--online``).

Nominatim's usage policy asks for at most one request per second, a descriptive user
agent and caching.  geopy's :class:`~geopy.extra.rate_limiter.RateLimiter` spaces the
requests of a process (one limiter per endpoint, shared by every gazetteer); a time stamp
in the cache directory spaces those of successive processes (a shell loop over
``geo gazetteer lookup --online``); and every answer (also "nothing found") is kept under
``$GEO_CACHE_DIR/nominatim/`` so the same question is never asked twice.  The endpoint is
configurable (``GEO_NOMINATIM_URL`` or the config file), which is how the tests point it at
a fake Nominatim on 127.0.0.1.  geopy is imported only when this source is created.
"""
from __future__ import annotations

import hashlib
import json
import time
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from gazetteer.place import Place
from gazetteer.sources.base import RANK_ONLINE, PlaceSource
from geo import __version__
from geo.atomic import write_text_atomic
from geo.exc import InputError, OnlineLookupError

__all__ = ["NominatimSource", "DEFAULT_URL", "USER_AGENT"]

DEFAULT_URL = "https://nominatim.openstreetmap.org"
USER_AGENT = (f"geo-events/{__version__} (offline gazetteer of strike reports; "
              "online fallback for names it lacks)")

# Nominatim's class/type -> our kinds.
_KINDS = {
    "city": "city", "town": "town", "village": "village", "hamlet": "village",
    "suburb": "town", "neighbourhood": "village", "military": "military_base",
    "airfield": "airport", "aerodrome": "airport", "border_control": "border_crossing",
    "state": "governorate", "province": "governorate", "country": "country",
    "oil": "oil_field", "gas": "oil_field",
}


def _kind(raw: dict) -> str:
    for field in ("type", "addresstype", "class"):
        kind = _KINDS.get(str(raw.get(field, "")))
        if kind:
            return kind
    return "region" if raw.get("class") == "boundary" else "village"


class NominatimSource(PlaceSource):
    """Searches one Nominatim endpoint, ≤ 1 request per ``min_delay_seconds``, cached on disk."""

    name = "nominatim"
    rank = RANK_ONLINE

    def __init__(self, url: str = DEFAULT_URL, *, cache_dir: Path, user_agent: str = USER_AGENT,
                 min_delay_seconds: float = 1.0, timeout: float = 10.0) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(f"Nominatim URL {url!r} is not usable; expected "
                             "http(s)://host[:port][/path]")
        self.url = url.rstrip("/")
        self.cache_dir = Path(cache_dir) / "nominatim"
        self.min_delay_seconds = min_delay_seconds
        self.requests = 0  # answers fetched over the network (not from the cache)
        self._geocode = _limited_geocoder(self.url, user_agent, min_delay_seconds, timeout)

    def search(self, name: str, country: str | None = None, limit: int = 5) -> list[Place]:
        return [self._place(raw) for raw in self._raw(name, country, limit)]

    def _cache_file(self, name: str, country: str | None, limit: int) -> Path:
        key = json.dumps([self.url, " ".join(name.casefold().split()), country, limit])
        return self.cache_dir / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"

    def _raw(self, name: str, country: str | None, limit: int) -> list[dict]:
        cached = self._cache_file(name, country, limit)
        try:
            return json.loads(cached.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        from geopy.exc import GeopyError

        self._wait_for_other_processes()
        try:
            found = self._geocode(name, exactly_one=False, limit=limit, addressdetails=True,
                                  language="en",
                                  country_codes=country.lower() if country else None)
        except GeopyError as err:
            raise OnlineLookupError(f"Nominatim at {self.url} failed for {name!r}: "
                                    f"{' '.join(str(err).split()) or type(err).__name__}") from None
        self.requests += 1
        raws = [loc.raw for loc in found or ()]
        write_text_atomic(cached, json.dumps(raws, ensure_ascii=False))
        return raws

    def _wait_for_other_processes(self) -> None:
        """Sleep until ``min_delay_seconds`` after the last request any process sent."""
        endpoint = hashlib.sha256(self.url.encode()).hexdigest()[:12]
        stamp = self.cache_dir / f".last-request-{endpoint}"
        try:
            wait = float(stamp.read_text()) + self.min_delay_seconds - time.time()
        except (OSError, ValueError):
            wait = 0.0
        if 0 < wait <= self.min_delay_seconds:
            time.sleep(wait)
        write_text_atomic(stamp, repr(time.time()))

    def _place(self, raw: dict) -> Place:
        address = raw.get("address") or {}
        display = str(raw.get("display_name") or "")
        name = str(raw.get("name") or display.split(",")[0].strip() or "unnamed")
        osm = f"osm:{raw.get('osm_type', 'node')}/{raw.get('osm_id')}" if raw.get("osm_id") \
            else f"nominatim:{raw.get('place_id')}"
        return Place(
            id=osm, name=name, kind=_kind(raw), lat=float(raw["lat"]), lon=float(raw["lon"]),
            country=str(address.get("country_code", "")).upper(),
            admin1=address.get("state") or address.get("province") or None,
            source=f"OpenStreetMap via Nominatim ({self.url}): {display}"[:300],
        )


@lru_cache(maxsize=8)
def _limited_geocoder(url: str, user_agent: str, min_delay_seconds: float, timeout: float):
    """One rate-limited geocode function per endpoint, shared within the process."""
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    parts = urlsplit(url)
    geocoder = Nominatim(user_agent=user_agent, domain=parts.netloc + parts.path.rstrip("/"),
                         scheme=parts.scheme, timeout=timeout)
    return RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=0,
                       swallow_exceptions=False)
