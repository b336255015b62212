"""One event → one row of the page's data: what its marker, popup, table and counts need.

Rows are lists in :data:`geo.mapping.layer.FIELDS` order.  Text goes in as text (the
page writes it with ``textContent``), except the popup, which :mod:`geo.mapping.popup`
has already escaped.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from geo.mapping.legend import FAINT_OPACITY
from geo.mapping.popup import popup_html, safe_url
from geo.mapping.style import is_precise, type_label
from geo.vocab import GEO_PRECISION_RADIUS_KM

__all__ = ["span", "event_row", "icon_key"]


def span(row: dict[str, Any]) -> tuple[str, str] | None:
    """The days an event may have happened on, as ISO strings (for the date filter).

    A month-precise date spans the whole month (the 1st to its last day), a week-precise
    one the three days either side, a year-precise one the year.
    """
    if row.get("date_start") or row.get("date_end"):
        start = row.get("date_start") or row.get("event_date") or row.get("date_end")
        end = row.get("date_end") or row.get("event_date") or start
        return str(start), str(end)
    if not row.get("event_date"):
        return None
    day = dt.date.fromisoformat(row["event_date"])
    prec = row.get("date_precision")
    if prec == "month":
        nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return day.replace(day=1).isoformat(), (nxt - dt.timedelta(days=1)).isoformat()
    if prec == "year":
        return f"{day.year}-01-01", f"{day.year}-12-31"
    if prec == "week":
        return (day - dt.timedelta(days=3)).isoformat(), (day + dt.timedelta(days=3)).isoformat()
    return row["event_date"], row["event_date"]


def _place(row: dict[str, Any]) -> str:
    parts = (row.get("location"), row.get("admin1"), row.get("country"))
    return ", ".join(str(x) for x in parts if x)


def _located_as(row: dict[str, Any]) -> str:
    where, prec = _place(row) or "unnamed place", row.get("geo_precision")
    return f"{where} · placed to the {prec}" if prec else where


def _source(row: dict[str, Any]) -> tuple[str | None, str | None]:
    sources = row.get("sources") or []
    if not sources:
        return None, None
    first = sources[0]
    parts = (first.get("title") or first.get("doc"), first.get("outlet"))
    text = " · ".join(str(x) for x in parts if x)
    if len(sources) > 1:
        text += f" (+{len(sources) - 1} more)"
    url = next((u for u in (safe_url(s.get("url")) for s in sources) if u), None)
    return text or None, url


def icon_key(side: str, event_type: str, precise: bool) -> str:
    """The key of a marker's icon in the page's icon table (one per side, type, precision)."""
    return f"{side}|{event_type}|{int(precise)}"


def event_row(row: dict[str, Any], gov: int) -> list[Any]:
    """The page's row for one placed event (``row`` is ``Event.to_dict()``-shaped)."""
    side = row.get("actor1_side") or "unknown"
    etype = row.get("event_type") or "attack"
    precise = is_precise(row.get("geo_precision"))
    start, end = span(row) or ("0000-01-01", "9999-12-31")
    radius_km = 0.0 if precise else GEO_PRECISION_RADIUS_KM.get(
        row.get("geo_precision") or "country", 250.0)
    killed = row.get("killed") if row.get("killed") is not None else row.get("killed_low")
    source, url = _source(row)
    return [
        row["id"], round(row["lat"], 6), round(row["lon"], 6), side, etype, type_label(etype),
        int(precise), int(radius_km * 1000), start, end, row.get("event_date"),
        row.get("date_precision"), row.get("actor1"), row.get("actor2"), row.get("actor2_side"),
        _place(row) or None, row.get("country"), row.get("geo_precision"), killed, source, url, gov,
        popup_html(row, _located_as(row)), FAINT_OPACITY[confidence_band(row.get("confidence"))],
    ]


def confidence_band(confidence: float | None) -> int:
    """0 for an event to draw at full strength (confidence 0.8 or more, or none given: an
    analyst's record), 1 below 0.8, 2 below 0.5: the page draws each band with the marker
    opacity ``legend.FAINT_OPACITY`` gives it (the row carries that opacity)."""
    if confidence is None or confidence >= 0.8:
        return 0
    return 1 if confidence >= 0.5 else 2
