"""Value objects of the gazetteer: a place, and a place matched to a query."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Place", "Match", "KINDS"]

KINDS: tuple[str, ...] = (
    "city", "town", "village", "military_base", "border_crossing", "oil_field",
    "airport", "governorate", "country", "region",
)


@dataclass(frozen=True, slots=True)
class Place:
    """A named point.  ``source`` says where its coordinates come from (a citation)."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None = None
    population: int | None = None
    source: str = ""
    aliases: tuple[str, ...] = ()
    code: str | None = None  # ISO 3166-2 for a governorate, ISO 3166-1 for a country

    @property
    def names(self) -> tuple[str, ...]:
        """The name first, then the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate answer to a lookup: the place, how well it matched (0–100) and how."""

    place: Place
    score: float
    method: str  # "exact", "normalised", "fuzzy", "online"
    matched: str = ""  # the name or alias that matched
    distance_km: float | None = None  # reverse lookups: how far the place is from the point

    def to_dict(self) -> dict[str, object]:
        p = self.place
        return {
            "id": p.id, "name": p.name, "kind": p.kind, "lat": p.lat, "lon": p.lon,
            "country": p.country, "admin1": p.admin1, "population": p.population,
            "score": round(self.score, 1), "method": self.method, "matched": self.matched,
            "source": p.source, "code": p.code,
            **({"distance_km": round(self.distance_km, 2)} if self.distance_km is not None else {}),
        }
