"""What every place source shares: the interface, and turning a table row into a Place."""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence

from gazetteer.place import KINDS, Place
from geo.exc import ValidationError

__all__ = ["PlaceSource", "place_from_row", "slug", "RANK_USER", "RANK_CURATED",
           "RANK_GEONAMES", "RANK_ONLINE"]

# Which source wins a tie between equally good matches: lower is stronger.
RANK_USER, RANK_CURATED, RANK_GEONAMES, RANK_ONLINE = 0, 1, 2, 3


class PlaceSource:
    """A source of places.

    Offline sources list all their places once (:meth:`places`) and the gazetteer indexes
    them; an online source answers one name at a time (:meth:`search`).  ``rank`` breaks
    ties between equally good matches from different sources (lower wins).
    """

    name: str = "source"
    rank: int = RANK_CURATED

    def places(self) -> Sequence[Place]:
        """Every place this source holds (offline sources)."""
        return ()

    def search(self, name: str, country: str | None = None, limit: int = 5) -> list[Place]:
        """Places matching ``name`` (online sources); offline sources answer through the index."""
        return []


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A stable, readable id fragment: "Al-Tanf garrison" -> "al-tanf-garrison"."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _SLUG.sub("-", ascii_).strip("-") or "place"


def _text(row: Mapping[str, object], field: str) -> str:
    value = row.get(field)
    return "" if value is None else str(value).strip()


def _number(row: Mapping[str, object], field: str, low: float, high: float,
            where: dict[str, object]) -> float:
    raw = _text(row, field)
    if not raw:
        raise ValidationError(f"missing {field}; expected a number from {low:g} to {high:g}",
                              field=field, **where)
    try:
        value = float(raw)
    except ValueError:
        raise ValidationError(f"{raw!r} is not a number; expected {low:g} to {high:g}",
                              field=field, **where) from None
    if not math.isfinite(value) or not low <= value <= high:
        raise ValidationError(f"{raw} is out of range; expected {low:g} to {high:g}",
                              field=field, **where)
    return value


def place_from_row(
    row: Mapping[str, object], *, file: str, record: int | str, id_prefix: str,
    default_source: str, default_kind: str | None = None,
) -> Place:
    """Validate one row of a places table (curated CSV or a user's CSV/YAML) into a Place.

    Columns: id, name, aliases ("|"-separated, or a YAML list), lat, lon, country,
    admin1, kind, population, code, source.  Errors name the file, record and field.
    """
    where: dict[str, object] = {"file": file, "record": record}
    name = _text(row, "name")
    if not name:
        raise ValidationError("missing name", field="name", **where)
    lat = _number(row, "lat", -90, 90, where)
    lon = _number(row, "lon", -180, 180, where)
    country = _text(row, "country").upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise ValidationError(f"country {country or '(empty)'!r} is not an ISO 3166-1 alpha-2 "
                              "code; expected e.g. SY, IQ, JO", field="country", **where)
    kind = _text(row, "kind") or default_kind
    if kind not in KINDS:
        raise ValidationError(f"kind {kind or '(empty)'!r} is unknown; expected one of "
                              f"{', '.join(KINDS)}", field="kind", **where)
    raw_pop = _text(row, "population")
    population: int | None = None
    if raw_pop:
        try:
            population = int(float(raw_pop))
        except ValueError:
            raise ValidationError(f"population {raw_pop!r} is not a whole number",
                                  field="population", **where) from None
    aliases_raw = row.get("aliases")
    if isinstance(aliases_raw, (list, tuple)):
        aliases = tuple(str(a).strip() for a in aliases_raw if str(a).strip())
    else:
        aliases = tuple(a.strip() for a in _text(row, "aliases").split("|") if a.strip())
    place_id = _text(row, "id") or f"{id_prefix}{slug(name)}"
    return Place(
        id=place_id, name=name, kind=kind, lat=lat, lon=lon, country=country,
        admin1=_text(row, "admin1") or None, population=population,
        source=_text(row, "source") or default_source, aliases=aliases,
        code=_text(row, "code") or None,
    )
