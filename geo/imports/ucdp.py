"""UCDP GED exports (CSV) → events.

UCDP's ``where_prec`` (1 exact … 6 country) and ``date_prec`` (1 day … 5 year) become our
precisions; ``best``/``low``/``high`` become killed with its range; ``side_a``/``side_b``
become the two actors with sides; the source article and headline are kept.  UCDP does
not say how an attack was carried out, so the type is ``attack``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from geo.imports.common import ImportResult, admin1_name, country_code, import_rows, side_of

__all__ = ["read_ucdp", "UCDP_REQUIRED"]

UCDP_REQUIRED = ("id", "side_a", "side_b", "where_prec", "date_prec", "date_start", "date_end",
                 "latitude", "longitude", "country", "best")
_WHERE = {"1": "site", "2": "town", "3": "admin1", "4": "admin1", "5": "admin1", "6": "country",
          "7": "country"}
_WHEN = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}


def _row(row: dict[str, str], doc: str, line: int) -> dict[str, Any]:
    start, end = row["date_start"][:10], row["date_end"][:10]
    prec = _WHEN.get(row.get("date_prec", "").strip(), "day")
    country = country_code(row.get("country"))
    return {
        "event_date": start, "date_precision": prec,
        "date_start": start if start != end else None, "date_end": end if start != end else None,
        "event_type": "attack",
        "actor1": row.get("side_a") or None, "actor1_side": side_of(row.get("side_a")),
        "actor2": row.get("side_b") or None, "actor2_side": side_of(row.get("side_b")),
        "location": row.get("where_coordinates") or row.get("adm_1") or None,
        "country": country,
        "admin1": admin1_name(row.get("adm_1"), country),
        "lat": row["latitude"], "lon": row["longitude"],
        "geo_precision": _WHERE.get(row.get("where_prec", "").strip(), "town"),
        "killed": row.get("best") or None, "killed_low": row.get("low") or None,
        "killed_high": row.get("high") or None,
        "sources": [{"doc": f"{doc}#{row['id']}", "title": row.get("source_headline") or None,
                     "outlet": row.get("source_office") or None,
                     "published": (row.get("source_date") or "")[:10] or None,
                     "quote": row.get("source_article") or None}],
        "notes": row.get("conflict_name") or None,
    }


def read_ucdp(path: str | Path) -> ImportResult:
    """Events from a UCDP GED CSV export; unreadable rows come back with their line numbers."""
    return import_rows(path, UCDP_REQUIRED, _row)
