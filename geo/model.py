"""The event model: one record per strike or attack, with its provenance.

Modelled on ACLED and UCDP GED (a date with its precision, two actors, a place with its
precision, fatalities) and extended with what those data sets lack: every source with the
sentence that supports the event, and every field the sources disagree on.

This module is the one data model passed along the pipeline; it imports nothing heavy.
``Event.to_dict`` / ``Event.from_dict`` are the one serialisation, used by the GeoJSON
export, the seed file loader and the GeoDataFrame conversion alike.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from geo.exc import ValidationError
from geo.vocab import DATE_PRECISIONS, EVENT_TYPES, GEO_PRECISIONS, SIDES

__all__ = ["Source", "Claim", "Event", "event_id", "EVENT_FIELDS"]


def _where(file: str | None, record: str | int | None) -> dict[str, Any]:
    return {"file": file, "record": record}


@dataclass(frozen=True, slots=True)
class Source:
    """One report an event is taken from.

    ``quote`` is the supporting sentence (the evidence); ``start``/``end`` are its
    character offsets in the report's text, so a reader can find it again.
    """

    doc: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["published"] = self.published.isoformat() if self.published else None
        return d

    @classmethod
    def from_dict(cls, data: Any, *, file: str | None = None,
                  record: str | int | None = None) -> Source:
        if isinstance(data, str):
            return cls(doc=data)
        if not isinstance(data, Mapping):
            raise ValidationError("each source must be a mapping with at least 'doc'",
                                  field="sources", **_where(file, record))
        known = {f.name for f in fields(cls)}
        data = dict(data)
        if "evidence" in data and "quote" not in data:  # the name issue texts also use
            data["quote"] = data.pop("evidence")
        extra = sorted(set(data) - known)
        if extra:
            raise ValidationError(f"unknown source field {extra[0]!r} (known: {', '.join(sorted(known))})",
                                  field="sources", **_where(file, record))
        if not data.get("doc"):
            raise ValidationError("a source needs 'doc' (the report's file name)",
                                  field="sources", **_where(file, record))
        return cls(
            doc=str(data["doc"]),
            title=_opt_str(data.get("title")),
            outlet=_opt_str(data.get("outlet")),
            published=_parse_date(data.get("published"), "sources.published", file, record),
            url=_opt_str(data.get("url")),
            quote=_opt_str(data.get("quote")),
            start=_opt_count(data.get("start"), "sources.start", file, record),
            end=_opt_count(data.get("end"), "sources.end", file, record),
        )


@dataclass(frozen=True, slots=True)
class Claim:
    """What one source says about a disputed field, and who says it."""

    value: Any
    doc: str | None = None
    by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "doc": self.doc, "by": self.by}


@dataclass(frozen=True)
class Event:
    """One strike or attack.  See the README's "Event model" for every field's meaning."""

    id: str = ""
    event_date: dt.date | None = None
    date_precision: str = "day"
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    event_type: str = "attack"
    actor1: str | None = None
    actor1_side: str = "unknown"
    actor2: str | None = None
    actor2_side: str = "unknown"
    location: str | None = None
    place_id: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: str | None = None
    killed: int | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    injured: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    targets: str | None = None
    targets_count: int | None = None
    confidence: float | None = None
    sources: tuple[Source, ...] = ()
    notes: str | None = None
    disputed: Mapping[str, tuple[Claim, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", event_id(self))

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    def with_id(self) -> Event:
        """A copy whose id is recomputed from its (possibly changed) content."""
        return replace(self, id="")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready properties, in the model's field order (dates as ISO strings)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, dt.date):
                v = v.isoformat()
            elif f.name == "sources":
                v = [s.to_dict() for s in v]
            elif f.name == "disputed":
                v = {k: [c.to_dict() for c in claims] for k, claims in sorted(v.items())}
            out[f.name] = v
        return out

    @classmethod
    def from_dict(cls, data: Any, *, file: str | None = None,
                  record: str | int | None = None) -> Event:
        """Build and validate an event; errors name the file, the record and the field."""
        if not isinstance(data, Mapping):
            raise ValidationError("an event must be a mapping of field names to values",
                                  **_where(file, record))
        ident = _opt_str(data.get("id"))
        # Name both the record's number (to count to it) and its id (to search for it).
        rec = f"{record} ({ident})" if record is not None and ident else (ident or record)
        known = set(EVENT_FIELDS)
        extra = sorted(set(data) - known)
        if extra:
            raise ValidationError(f"unknown field (known fields: {', '.join(EVENT_FIELDS)})",
                                  field=extra[0], **_where(file, rec))
        w = _where(file, rec)
        kw: dict[str, Any] = {"id": _opt_str(data.get("id")) or ""}
        for name in ("event_date", "date_start", "date_end"):
            kw[name] = _parse_date(data.get(name), name, file, rec)
        kw["date_precision"] = _choice(data.get("date_precision") or "day", DATE_PRECISIONS,
                                       "date_precision", w)
        kw["event_type"] = _choice(data.get("event_type") or "attack", EVENT_TYPES, "event_type", w)
        for side in ("actor1_side", "actor2_side"):
            kw[side] = _choice(data.get(side) or "unknown", SIDES, side, w)
        for name in ("actor1", "actor2", "location", "place_id", "admin1", "targets", "notes"):
            kw[name] = _opt_str(data.get(name))
        country = _opt_str(data.get("country"))
        if country is not None and (len(country) != 2 or not country.isalpha()):
            raise ValidationError(f"{country!r} is not an ISO 3166-1 alpha-2 code such as 'SY'",
                                  field="country", **w)
        kw["country"] = country.upper() if country else None
        kw["lat"] = _coord(data.get("lat"), "lat", 90.0, w)
        kw["lon"] = _coord(data.get("lon"), "lon", 180.0, w)
        if (kw["lat"] is None) != (kw["lon"] is None):
            raise ValidationError("lat and lon must be given together", field="lat", **w)
        gp = data.get("geo_precision")
        kw["geo_precision"] = _choice(gp, GEO_PRECISIONS, "geo_precision", w) if gp else None
        for name in ("killed", "killed_low", "killed_high", "injured", "injured_low",
                     "injured_high", "targets_count"):
            kw[name] = _opt_count(data.get(name), name, file, rec)
        conf = data.get("confidence")
        if conf is not None:
            if isinstance(conf, bool) or not isinstance(conf, (int, float)) or not 0 <= conf <= 1:
                raise ValidationError(f"{conf!r} is not a number between 0 and 1",
                                      field="confidence", **w)
            kw["confidence"] = float(conf)
        srcs = _maybe_json(data.get("sources"), "sources", w) or []
        if not isinstance(srcs, list):
            raise ValidationError("must be a list of sources", field="sources", **w)
        kw["sources"] = tuple(Source.from_dict(s, file=file, record=rec) for s in srcs)
        kw["disputed"] = _parse_disputed(_maybe_json(data.get("disputed"), "disputed", w) or {}, w)
        ev = cls(**kw)
        for lo, hi in (("killed_low", "killed_high"), ("injured_low", "injured_high")):
            a, b = getattr(ev, lo), getattr(ev, hi)
            if a is not None and b is not None and a > b:
                raise ValidationError(f"{lo} ({a}) is greater than {hi} ({b})", field=lo, **w)
        if ev.date_start and ev.date_end and ev.date_start > ev.date_end:
            raise ValidationError("date_start is after date_end", field="date_start", **w)
        return ev


EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event))


def event_id(ev: Event) -> str:
    """A stable id from what the event *is* (date, type, sides, place, sources).

    Row order never enters it, so the same input gives the same ids on every run, and a
    re-coded event keeps its id as long as those facts stay the same.
    """
    key = [
        ev.event_date.isoformat() if ev.event_date else "",
        ev.event_type,
        ev.actor1_side,
        ev.actor2_side,
        ev.place_id or ev.location or "",
        ev.country or "",
        sorted({s.doc for s in ev.sources}),
    ]
    digest = hashlib.sha1(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()
    return "ev-" + digest[:12]


# --- validation helpers -------------------------------------------------------------

def _opt_str(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    s = str(v).strip()
    return s or None


def _parse_date(v: Any, name: str, file: str | None, record: Any) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, float) and math.isnan(v):
        return None
    try:
        return dt.date.fromisoformat(str(v).strip()[:10])
    except ValueError:
        raise ValidationError(f"{v!r} is not a valid date (expected YYYY-MM-DD)",
                              field=name, file=file, record=record) from None


def _choice(v: Any, allowed: tuple[str, ...], name: str, w: dict[str, Any]) -> str:
    s = str(v).strip()
    if s not in allowed:
        raise ValidationError(f"{v!r} is not one of: {', '.join(allowed)}", field=name, **w)
    return s


def _coord(v: Any, name: str, limit: float, w: dict[str, Any]) -> float | None:
    if v is None or v == "":
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        raise ValidationError(f"{v!r} is not a number", field=name, **w) from None
    if math.isnan(f):
        return None
    if not -limit <= f <= limit:
        raise ValidationError(f"{f} is outside the world (-{limit:g} to {limit:g})",
                              field=name, **w)
    return f


def _opt_count(v: Any, name: str, file: str | None, record: Any) -> int | None:
    if v is None or v == "":
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, bool) or (isinstance(v, float) and not v.is_integer()):
        raise ValidationError(f"{v!r} is not a whole number", field=name, file=file, record=record)
    try:
        n = int(v)
    except (TypeError, ValueError):
        raise ValidationError(f"{v!r} is not a whole number", field=name,
                              file=file, record=record) from None
    if n < 0:
        raise ValidationError(f"{n} is negative", field=name, file=file, record=record)
    return n


def _maybe_json(v: Any, name: str, w: dict[str, Any]) -> Any:
    """GIS readers hand nested fields back as JSON text; accept both forms."""
    if isinstance(v, str):
        try:
            return json.loads(v) if v.strip() else None
        except json.JSONDecodeError:
            raise ValidationError("is text but not valid JSON", field=name, **w) from None
    return v


def _parse_disputed(v: Any, w: dict[str, Any]) -> dict[str, tuple[Claim, ...]]:
    if not isinstance(v, Mapping):
        raise ValidationError("must map field names to lists of claims", field="disputed", **w)
    out: dict[str, tuple[Claim, ...]] = {}
    for key, claims in v.items():
        if key not in EVENT_FIELDS:
            raise ValidationError(f"{key!r} is not an event field", field="disputed", **w)
        if not isinstance(claims, list):
            raise ValidationError(f"claims for {key!r} must be a list", field="disputed", **w)
        parsed = []
        for c in claims:
            if not isinstance(c, Mapping) or "value" not in c:
                raise ValidationError(f"each claim for {key!r} needs a 'value'",
                                      field="disputed", **w)
            parsed.append(Claim(value=c["value"], doc=_opt_str(c.get("doc")), by=_opt_str(c.get("by"))))
        out[str(key)] = tuple(parsed)
    return out
