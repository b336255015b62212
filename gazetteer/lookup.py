"""The gazetteer: one object that answers "where is this name?" and "what is at this point?".

It stacks sources (see :mod:`gazetteer.sources`): the user's places files on top, then the
compiled built-in index (curated table + GeoNames), then — only with ``online=True`` and
only for names nothing offline matches — Nominatim.  Matching goes exact key →
normalised key → fuzzy (rapidfuzz), the latter only when the first two find nothing.

Ranking of candidates, strongest first: the country hint; exact or normalised before
fuzzy matches; the user's rows; the match score; Syria, Iraq and Jordan (the data set's
scope) before other countries; the kind the query's own words hint at ("province",
"base"…); countries, then towns and sites, then governorates, then villages; curated
before GeoNames; population.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from gazetteer import config
from gazetteer.compiled import base_index
from gazetteer.index import AREA_KINDS, NameIndex, row_names
from gazetteer.normalise import KIND_HINTS, QueryKeys, check_name, name_key, query_keys
from gazetteer.place import Match, Place
from gazetteer.sources.base import RANK_USER
from geo.exc import InputError, PlaceNotFound

__all__ = ["Gazetteer", "default_gazetteer", "SCORE_EXACT", "SCORE_NORMALISED"]

SCORE_EXACT = 100.0
SCORE_TRIMMED = 97.0  # exact once descriptive words are dropped ("Homs province" -> "Homs")
SCORE_NORMALISED = 95.0
FUZZY_WEIGHT = 0.9  # fuzzy scores are rapidfuzz ratios scaled below any normalised match
FUZZY_CUTOFF = 84.0  # rapidfuzz ratio needed for a fuzzy candidate
SUGGEST_CUTOFF = 50.0  # ... and for a "closest:" suggestion in an error message
MAX_REVERSE_KM = 250.0
_CACHE_LIMIT = 200_000
# The data set's scope: without a country hint, a name here beats the same name elsewhere
# ("Hajin" is a town in Deir ez-Zor and a GeoNames alias of a town in Turkey).
THEATRE = frozenset({"SY", "IQ", "JO"})
_COUNTRY = re.compile(r"[A-Za-z]{2}")


class Gazetteer:
    """Resolve place names as reports spell them; offline unless ``online=True``.

    Example::

        gaz = Gazetteer(places_files=["my-places.csv"])
        gaz.resolve("Deir Ezzor").place.admin1      # 'Deir ez-Zor'
    """

    def __init__(self, places_files: Iterable[str | Path] | None = None, online: bool = False,
                 *, cache_dir: str | Path | None = None, nominatim_url: str | None = None,
                 user_agent: str | None = None, min_delay_seconds: float = 1.0) -> None:
        self.cache_dir = Path(cache_dir) if cache_dir is not None else config.cache_dir()
        self._base = base_index(self.cache_dir)
        user_places: list[Place] = []
        if places_files:
            from gazetteer.sources.userfile import PlacesFile

            user_places = [p for f in places_files for p in PlacesFile(f).places()]
        self._user = NameIndex.build((p, RANK_USER) for p in user_places) if user_places else None
        self._hidden = frozenset(p.id for p in user_places)  # built-ins the user replaced
        self._online = None
        if online:
            from gazetteer.sources.nominatim import USER_AGENT, NominatimSource

            self._online = NominatimSource(nominatim_url or config.nominatim_url(),
                                           cache_dir=self.cache_dir,
                                           user_agent=user_agent or USER_AGENT,
                                           min_delay_seconds=min_delay_seconds)
        self._results: dict[tuple, tuple[Match, ...]] = {}
        self._governorates: dict[tuple[str, str], str] | None = None  # spelling -> name
        self._governorate_list: list[tuple[NameIndex, int]] | None = None

    @property
    def online_source(self):  # the NominatimSource, or None when offline
        return self._online

    # -- names -> places ----------------------------------------------------------------
    def lookup(self, name: str, country: str | None = None, limit: int = 10,
               fuzzy: bool = True) -> list[Match]:
        """Candidates for ``name``, best first; ``[]`` when nothing matches.

        Raises :class:`geo.exc.UnusableName` (an InputError) for an empty, overlong,
        control-character or punctuation-only name, InputError for a bad country code.
        """
        cache_key = (name, country, limit, fuzzy)
        hit = self._results.get(cache_key)
        if hit is None:
            text = check_name(name)
            cc = _check_country(country)
            if not isinstance(limit, int) or limit < 1:
                raise InputError(f"limit must be a positive whole number, not {limit!r}")
            hit = tuple(self._lookup(text, cc, limit, fuzzy))
            if len(self._results) >= _CACHE_LIMIT:
                self._results.clear()
            self._results[cache_key] = hit
        return list(hit)

    def resolve(self, name: str, country: str | None = None, fuzzy: bool = True) -> Match:
        """The best match for ``name``, or :class:`geo.exc.PlaceNotFound` with suggestions."""
        found = self.lookup(name, country=country, limit=1, fuzzy=fuzzy)
        if found:
            return found[0]
        raise PlaceNotFound(name.strip(), self.suggestions(name, country))

    def suggestions(self, name: str, country: str | None = None, limit: int = 3) -> list[str]:
        """The names closest to ``name`` (loosely), as "Name (CC)", for error messages."""
        keys = query_keys(check_name(name))
        scored = self._fuzzy_candidates(keys, SUGGEST_CUTOFF, limit * 4)
        ranked = self._rank(scored, _check_country(country), keys)
        out: list[str] = []
        for index, i, _, _ in ranked:
            row = index.rows[i]
            label = f"{row[1]} ({row[5]})"
            if label not in out:
                out.append(label)
            if len(out) == limit:
                break
        return out

    def _lookup(self, text: str, country: str | None, limit: int, fuzzy: bool) -> list[Match]:
        head, comma, tail = text.rpartition(",")
        if comma and head.strip() and any(ch.isalnum() for ch in head):
            named = self._country_named(tail)  # "Mayadin, Syria": Syria is a country hint
            if named is not None and not self._base.hits_exact(query_keys(text).exact):
                return self._lookup(head.strip(), country or named, limit, fuzzy)
        keys = query_keys(text)
        scored: dict[tuple[int, int], tuple[NameIndex, int, float, str]] = {}
        for tag, index in self._indexes():
            for i in index.hits_exact(keys.exact):
                self._offer(scored, tag, index, i, SCORE_EXACT, "exact")
            for step, trimmed in enumerate(keys.trimmed):  # the less trimmed, the better
                score = max(SCORE_TRIMMED - 0.5 * step, SCORE_NORMALISED + 0.5)
                for i in index.hits_exact(trimmed):
                    self._offer(scored, tag, index, i, score, "normalised")
            for i in index.hits_name(keys.name):
                self._offer(scored, tag, index, i, SCORE_NORMALISED, "normalised")
        candidates = list(scored.values())
        if not candidates and fuzzy:
            candidates = self._fuzzy_candidates(keys, FUZZY_CUTOFF, max(limit * 4, 20))
        if not candidates and self._online is not None:
            return self._online_matches(text, country, limit)
        ranked = self._rank(candidates, country, keys)[:limit]
        return [Match(self._canonical(index.place(i)), score, method,
                      index.matched_name(i, keys.exact, keys.name))
                for index, i, score, method in ranked]

    def _country_named(self, text: str) -> str | None:
        """The ISO code of the country ``text`` names exactly ("Syria", "Iraq"), if any."""
        key = query_keys(text).exact
        for _, index in self._indexes():
            for i in index.hits_exact(key):
                if index.rows.cell(2, i) == "country":
                    return index.rows.cell(5, i)
        return None

    def _indexes(self) -> list[tuple[int, NameIndex]]:
        return [(0, self._user), (1, self._base)] if self._user is not None else [(1, self._base)]

    def _offer(self, scored: dict, tag: int, index: NameIndex, i: int, score: float,
               method: str) -> None:
        if tag == 1 and self._hidden and index.rows.cell(0, i) in self._hidden:
            return
        key = (tag, i)
        if key not in scored:
            scored[key] = (index, i, score, method)

    def _fuzzy_candidates(self, keys: QueryKeys, cutoff: float,
                          limit: int) -> list[tuple[NameIndex, int, float, str]]:
        scored: dict[tuple[int, int], tuple[NameIndex, int, float, str]] = {}
        for tag, index in self._indexes():
            for key, ratio in index.fuzzy(keys.name, keys.arabic, cutoff, limit):
                for i in index.hits_name(key):
                    self._offer(scored, tag, index, i, round(ratio * FUZZY_WEIGHT, 1), "fuzzy")
        return list(scored.values())

    @staticmethod
    def _rank(candidates: list[tuple[NameIndex, int, float, str]], country: str | None,
              keys: QueryKeys) -> list[tuple[NameIndex, int, float, str]]:
        wanted = KIND_HINTS.get(keys.kind_hint or "", frozenset())

        def strength(item: tuple[NameIndex, int, float, str]) -> tuple:
            index, i, score, method = item
            row = index.rows[i]
            kind = row[2]
            return (
                country is not None and row[5] == country,
                method != "fuzzy",  # exact and normalised matches before fuzzy ones
                index.ranks[i] == RANK_USER,  # the user's rows win over built-ins
                score,
                row[5] in THEATRE,
                kind in wanted,
                -_kind_class(kind),
                -index.ranks[i],
                row[7] or 0,
                -i,
            )

        return sorted(candidates, key=strength, reverse=True)

    def _online_matches(self, text: str, country: str | None, limit: int) -> list[Match]:
        assert self._online is not None
        places = self._online.search(text, country, limit)
        return [Match(self._canonical(p), 80.0 - rank, "online", p.name)
                for rank, p in enumerate(places)]

    # -- points -> places ---------------------------------------------------------------
    def reverse(self, lat: float, lon: float) -> Match:
        """The nearest town, city or site to (lat, lon), with its admin1 and country."""
        lat, lon = _check_point(lat, lon)
        best: tuple[NameIndex, int, float] | None = None
        for tag, index in self._indexes():
            found = index.nearest(lat, lon, MAX_REVERSE_KM,
                                  skip=self._hidden if tag == 1 else frozenset())
            if found is not None and (best is None or found[1] < best[2]):
                best = (index, found[0], found[1])
        if best is None:
            from gazetteer.sources.geonames import COUNTRIES as COVERED

            err = PlaceNotFound(f"{lat:.4f}, {lon:.4f}")
            err.args = (f"no town or site within {MAX_REVERSE_KM:.0f} km of {lat:.4f}, "
                        f"{lon:.4f}; the gazetteer covers {', '.join(COVERED)}",)
            raise err
        index, i, km = best
        place = self._canonical(index.place(i))
        return Match(place, max(0.0, round(100.0 - km, 1)), "reverse", place.name, km)

    # -- ids and admin1 -----------------------------------------------------------------
    def get(self, place_id: str) -> Place | None:
        """The place with this id ("cur:tower-22", "gn:170794", a user id), or None."""
        for tag, index in self._indexes():
            if tag == 1 and place_id in self._hidden:
                continue
            i = index.index_of(place_id)
            if i is not None:
                return self._canonical(index.place(i))
        return None

    def admin1_of(self, place: Place) -> str | None:
        """The canonical governorate name of ``place`` (e.g. "Deir ez-Zor"), if known."""
        if place.kind == "governorate":
            return place.name
        if not place.admin1:
            return None
        rows = self._governorate_rows()
        if any(index.rows.cell(1, i) == place.admin1 and index.rows.cell(5, i) == place.country
               for index, i in rows):
            return place.admin1  # already canonical, as every built-in row is
        if self._governorates is None:
            self._governorates = {
                (index.rows.cell(5, i), name_key(name)): index.rows.cell(1, i)
                for index, i in reversed(rows) for name in row_names(index.rows[i])}
        return self._governorates.get((place.country, name_key(place.admin1)), place.admin1)

    def _governorate_rows(self) -> list[tuple[NameIndex, int]]:
        if self._governorate_list is None:
            self._governorate_list = [
                (index, i) for _, index in self._indexes()
                for i, kind in enumerate(index.rows.column(2)) if kind == "governorate"]
        return self._governorate_list

    def _canonical(self, place: Place) -> Place:
        """The place with its admin1 spelled as its governorate row spells it."""
        if place.admin1 and place.kind != "governorate":
            canonical = self.admin1_of(place)
            if canonical != place.admin1:
                from dataclasses import replace

                return replace(place, admin1=canonical)
        return place


def _kind_class(kind: str) -> int:
    """Countries first ("Kuwait" is the country before its capital); then towns, cities and
    sites; then governorates and regions; villages last (a hamlet is rarely meant)."""
    if kind == "country":
        return -1
    if kind == "village":
        return 2
    return 1 if kind in AREA_KINDS else 0


def _check_country(country: str | None) -> str | None:
    if country is None or country == "":
        return None
    if not isinstance(country, str) or not _COUNTRY.fullmatch(country.strip()):
        raise InputError(f"country {country!r} is not an ISO 3166-1 alpha-2 code; "
                         "expected e.g. SY, IQ, JO")
    return country.strip().upper()


def _check_point(lat: object, lon: object) -> tuple[float, float]:
    try:
        flat, flon = float(lat), float(lon)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"coordinates {lat!r}, {lon!r} are not numbers; expected decimal "
                         "degrees such as 35.336 40.141") from None
    if not (math.isfinite(flat) and -90 <= flat <= 90):
        raise InputError(f"latitude {lat} is out of range; expected -90 to 90")
    if not (math.isfinite(flon) and -180 <= flon <= 180):
        raise InputError(f"longitude {lon} is out of range; expected -180 to 180")
    return flat, flon


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: built-ins plus the places files of $GEO_PLACES and the
    config file.  ``default_gazetteer.cache_clear()`` forgets it (tests that change env)."""
    return Gazetteer(places_files=config.config_places())
