"""ACLED exports (CSV) → events.

ACLED's precision codes become ours (time 1/2/3 → day/week/month; geo 1 → town, 2 → town
"near" the named place, with a note, 3 → admin1), its sub-event types become our event
types (the notes tell a drone from an aircraft, a rocket from a missile), its actors get
sides, and its source and notes are kept.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from geo.imports.common import ImportResult, admin1_name, country_code, import_rows, side_of

__all__ = ["read_acled", "ACLED_REQUIRED"]

ACLED_REQUIRED = ("event_id_cnty", "event_date", "sub_event_type", "actor1", "country",
                  "latitude", "longitude")
_TIME = {"1": "day", "2": "week", "3": "month"}
_GEO = {"1": "town", "2": "town", "3": "admin1"}


def _event_type(sub: str, notes: str) -> str:
    text = notes.lower()
    if sub == "Air/drone strike":
        return "drone_attack" if "drone" in text or "uav" in text else "airstrike"
    if sub == "Shelling/artillery/missile attack":
        if "rocket" in text:
            return "rocket_attack"
        return "missile_attack" if "missile" in text else "artillery_attack"
    if sub == "Remote explosive/landmine/IED":
        return "ied_attack"
    return "attack"


def _date(text: str) -> str:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"event_date {text!r} is not a date ACLED writes (YYYY-MM-DD or '03 February 2024')")


def _row(row: dict[str, str], doc: str, line: int) -> dict[str, Any]:
    notes = row.get("notes", "")
    geo_prec = row.get("geo_precision", "").strip()
    extra = " (ACLED geo_precision 2: near the named place)" if geo_prec == "2" else ""
    fatalities = row.get("fatalities", "").strip()
    country = country_code(row.get("country"), row.get("iso"))
    return {
        "event_date": _date(row["event_date"]),
        "date_precision": _TIME.get(row.get("time_precision", "").strip(), "day"),
        "event_type": _event_type(row.get("sub_event_type", ""), notes),
        "actor1": row.get("actor1") or None, "actor1_side": side_of(row.get("actor1")),
        "actor2": row.get("actor2") or None, "actor2_side": side_of(row.get("actor2")),
        "location": row.get("location") or None,
        "country": country,
        "admin1": admin1_name(row.get("admin1"), country),
        "lat": row["latitude"], "lon": row["longitude"],
        "geo_precision": _GEO.get(geo_prec, "town"),
        "killed": fatalities or None,
        "sources": [{"doc": f"{doc}#{row['event_id_cnty']}", "outlet": row.get("source") or None,
                     "title": f"ACLED {row['event_id_cnty']}"}],
        "notes": (notes + extra).strip() or None,
    }


def read_acled(path: str | Path) -> ImportResult:
    """Events from an ACLED CSV export; unreadable rows come back with their line numbers."""
    return import_rows(path, ACLED_REQUIRED, _row)
