"""CSV with ACLED's column names, so our events sit beside an ACLED export in any tool.

We fill what the model knows and leave the rest empty.  ACLED's precision codes: time
1 = day, 2 = week, 3 = month (we map year to 3 too); geo 1 = the place itself, 2 = near
it / a part of a region, 3 = a larger region (governorate or country).  Actor types
(``inter1``/``inter2``, ACLED's numeric codes) come from the actor's side: foreign forces
in the theatre are 8 (external/other forces), Syria's army 1 (state forces), ISIS and the
SDF 2 (rebel groups), Iran-aligned militias 3 (political militias) but Iran's own forces
8; ``interaction`` joins the two codes, lower first ("38"), or the one code and 0.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.atomic import write_text_atomic
from geo.vocab import ACLED_TYPES

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["ACLED_COLUMNS", "write_acled_csv", "acled_rows"]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "tags", "timestamp",
)
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"site": 1, "town": 1, "admin1": 3, "country": 3}
_INTER = {"us": 8, "israel": 8, "russia": 8, "turkey": 8, "iran": 8, "jordan": 8, "syria_government": 1, "isis": 2,
          "sdf": 2, "iran_aligned": 3}
_IRANIAN_STATE = re.compile(r"\b(Iran|Iranian|IRGC|Revolutionary Guard|Quds Force)\b"
                            r"(?![-\s](backed|aligned|linked|supported|sponsored))", re.I)
#: ISO 3166-1 numeric code and English short name of the countries we code.
COUNTRIES = {
    "SY": (760, "Syria"), "IQ": (368, "Iraq"), "JO": (400, "Jordan"), "LB": (422, "Lebanon"),
    "IL": (376, "Israel"), "PS": (275, "Palestine"), "TR": (792, "Turkey"), "IR": (364, "Iran"),
    "SA": (682, "Saudi Arabia"), "KW": (414, "Kuwait"), "YE": (887, "Yemen"),
}


def acled_rows(frame: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    """One ACLED-shaped dict per event."""
    from geo.frame import from_frame

    rows = []
    for ev in from_frame(frame):
        etype, sub = ACLED_TYPES.get(ev.event_type, ("", ""))
        iso, cname = COUNTRIES.get(ev.country or "", ("", ev.country or ""))
        sources = "; ".join(dict.fromkeys(s.outlet or s.title or s.doc for s in ev.sources))
        inter1, inter2 = _inter(ev.actor1, ev.actor1_side), _inter(ev.actor2, ev.actor2_side)
        rows.append({
            "event_id_cnty": ev.id, "event_date": ev.event_date.isoformat() if ev.event_date else "",
            "year": ev.event_date.year if ev.event_date else "",
            "time_precision": _TIME_PRECISION.get(ev.date_precision, ""),
            "disorder_type": "Political violence", "event_type": etype, "sub_event_type": sub,
            "actor1": ev.actor1 or "", "actor2": ev.actor2 or "",
            "inter1": inter1, "inter2": inter2, "interaction": _interaction(inter1, inter2, ev.actor2),
            "iso": iso, "region": "Middle East", "country": cname, "admin1": ev.admin1 or "",
            "location": ev.location or "",
            "latitude": f"{ev.lat:.6f}" if ev.lat is not None else "",
            "longitude": f"{ev.lon:.6f}" if ev.lon is not None else "",
            "geo_precision": _GEO_PRECISION.get(ev.geo_precision or "", ""),
            "source": sources, "notes": ev.notes or "",
            "fatalities": ev.killed if ev.killed is not None else "",
            "tags": "disputed: " + ", ".join(sorted(ev.disputed)) if ev.disputed else "",
        })
    return rows


def _inter(actor: str | None, side: str) -> int | str:
    """ACLED's actor type code for one of our actors ("" when we cannot tell)."""
    if not actor and side == "unknown":
        return ""
    if side == "iran_aligned" and actor and _IRANIAN_STATE.search(actor):
        return 8
    return _INTER.get(side, "")


def _interaction(inter1: int | str, inter2: int | str, actor2: str | None) -> str:
    if inter1 == "":
        return ""
    if inter2 == "":
        return f"{inter1}0" if not actor2 else ""
    return "".join(str(c) for c in sorted((inter1, inter2)))


def write_acled_csv(frame: gpd.GeoDataFrame, path: Path) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(acled_rows(frame))
    write_text_atomic(path, buf.getvalue())
