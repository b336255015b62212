"""The name index: places found by exact key, normalised key, fuzzily, or by position.

Places and keys live in the compact storage of :mod:`gazetteer.store` and become
:class:`Place` objects only when a lookup returns them.  Keys are those of
:mod:`gazetteer.normalise`.  Fuzzy matching (rapidfuzz, imported on first use) runs over
the distinct normalised keys, Latin and Arabic script apart.  Reverse lookups use a
one-degree grid built on first use.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence

from gazetteer.normalise import exact_key, query_keys
from gazetteer.place import Place
from gazetteer.store import ALIAS_SEP, KeyTable, Rows

__all__ = ["NameIndex", "AREA_KINDS", "haversine_km", "row_names"]

AREA_KINDS = frozenset({"governorate", "country", "region"})
_EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def _row(place: Place) -> tuple:
    return (place.id, place.name, place.kind, place.lat, place.lon, place.country,
            place.admin1, place.population, place.source, ALIAS_SEP.join(place.aliases),
            place.code)


def row_names(row: tuple) -> tuple[str, ...]:
    """The name and aliases of an index row."""
    return (row[1], *row[9].split(ALIAS_SEP)) if row[9] else (row[1],)


class NameIndex:
    """Places of one or more sources, searchable by key.  ``ranks[i]``: source rank of row i."""

    def __init__(self, rows: Rows, ranks: bytes, exact: KeyTable, norm: KeyTable) -> None:
        self.rows, self.ranks, self.exact, self.norm = rows, ranks, exact, norm
        self._fuzzy_keys: tuple[list[str], list[str]] | None = None
        self._places: list[Place | None] = [None] * len(rows)
        self._ids: dict[str, int] | None = None
        self._grid: dict[tuple[int, int], list[int]] | None = None

    # -- building -----------------------------------------------------------------------
    @classmethod
    def build(cls, places: Iterable[tuple[Place, int]]) -> NameIndex:
        """Index ``(place, source rank)`` pairs."""
        rows: list[tuple] = []
        ranks: list[int] = []
        exact: dict[str, list[int]] = {}
        norm: dict[str, list[int]] = {}
        for i, (place, rank) in enumerate(places):
            rows.append(_row(place))
            ranks.append(rank)
            for name in place.names:
                keys = query_keys(name)
                if keys.exact:
                    _add(exact, keys.exact, i)
                if keys.name:
                    _add(norm, keys.name, i)
        return cls(Rows.build(rows), bytes(ranks), KeyTable.build(exact), KeyTable.build(norm))

    @classmethod
    def from_state(cls, state: tuple) -> NameIndex:
        rows, ranks, exact, norm = state
        return cls(Rows(*rows), ranks, KeyTable(*exact), KeyTable(*norm))

    def state(self) -> tuple:
        """Strings, bytes and arrays only: fast to pickle and to load."""
        return (self.rows.state(), self.ranks, self.exact.state(), self.norm.state())

    def __len__(self) -> int:
        return len(self.rows)

    # -- access -------------------------------------------------------------------------
    def place(self, i: int) -> Place:
        place = self._places[i]
        if place is None:
            row = self.rows[i]
            place = self._places[i] = Place(*row[:9], row_names(row)[1:], row[10])
        return place

    def hits_exact(self, key: str) -> tuple[int, ...]:
        return self.exact.get(key)

    def hits_name(self, key: str) -> tuple[int, ...]:
        return self.norm.get(key)

    def places(self) -> Iterator[Place]:
        return (self.place(i) for i in range(len(self.rows)))

    def index_of(self, place_id: str) -> int | None:
        if self._ids is None:
            self._ids = {place_id: i for i, place_id in enumerate(self.rows.column(0))}
        return self._ids.get(place_id)

    def matched_name(self, i: int, exact: str, norm: str) -> str:
        """Which of row i's names produced the match (for display)."""
        names = row_names(self.rows[i])
        for name in names:
            if exact_key(name) == exact:
                return name
        for name in names:
            if query_keys(name).name == norm:
                return name
        return names[0]

    # -- search -------------------------------------------------------------------------
    def fuzzy(self, key: str, arabic: bool, cutoff: float, limit: int) -> list[tuple[str, float]]:
        """The normalised keys closest to ``key``: ``(key, score 0–100)``, best first."""
        from rapidfuzz import fuzz, process

        if self._fuzzy_keys is None:
            keys = list(self.norm.keys)
            self._fuzzy_keys = ([k for k in keys if k.isascii()],
                                [k for k in keys if not k.isascii()])
        choices: Sequence[str] = self._fuzzy_keys[1 if arabic else 0]
        found = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff,
                                limit=limit)
        return [(choice, float(score)) for choice, score, _ in found]

    def nearest(self, lat: float, lon: float, max_km: float,
                skip: frozenset[str] = frozenset()) -> tuple[int, float] | None:
        """The row of the nearest point-like place (not an area) within ``max_km``."""
        grid = self._grid_cells()
        best: tuple[int, float] | None = None
        cy, cx = math.floor(lat), math.floor(lon)
        max_ring = int(max_km // 80) + 2  # one degree of latitude is ~111 km
        for ring in range(max_ring + 1):
            for cell in _ring(cy, cx, ring):
                for i in grid.get(cell, ()):
                    if skip and self.rows.column(0)[i] in skip:
                        continue
                    d = haversine_km(lat, lon, *self.rows.point(i))
                    if best is None or d < best[1]:
                        best = (i, d)
            # Every cell beyond this ring is at least `ring` degrees of latitude or
            # (at this latitude) longitude away.
            reach = ring * 111.0 * max(math.cos(math.radians(min(abs(lat) + ring, 89.0))), 0.01)
            if best is not None and best[1] <= reach:
                break
        if best is None or best[1] > max_km:
            return None
        return best

    def _grid_cells(self) -> dict[tuple[int, int], list[int]]:
        if self._grid is None:
            grid: dict[tuple[int, int], list[int]] = {}
            for i, kind in enumerate(self.rows.column(2)):
                if kind not in AREA_KINDS:
                    lat, lon = self.rows.point(i)
                    grid.setdefault((math.floor(lat), math.floor(lon)), []).append(i)
            self._grid = grid
        return self._grid


def _add(table: dict[str, list[int]], key: str, i: int) -> None:
    bucket = table.setdefault(key, [])
    if not bucket or bucket[-1] != i:
        bucket.append(i)


def _ring(cy: int, cx: int, r: int) -> Iterator[tuple[int, int]]:
    if r == 0:
        yield (cy, cx)
        return
    for dx in range(-r, r + 1):
        yield (cy - r, cx + dx)
        yield (cy + r, cx + dx)
    for dy in range(-r + 1, r):
        yield (cy + dy, cx - r)
        yield (cy + dy, cx + r)
