"""Fixed vocabularies of the event model, and their ACLED equivalents.

Kept in one place so the model, the extractor, the map legend and the ACLED export all
speak the same words.
"""
from __future__ import annotations

__all__ = [
    "SIDES",
    "EVENT_TYPES",
    "ACLED_TYPES",
    "DATE_PRECISIONS",
    "GEO_PRECISIONS",
    "GEO_PRECISION_RADIUS_KM",
    "SIDE_LABELS",
    "EVENT_TYPE_LABELS",
]

#: Who is on which side.  ``us`` covers US and coalition forces; ``iran_aligned`` covers
#: Iran, the IRGC and Iran-backed or -aligned groups (Kataib Hezbollah, the Islamic
#: Resistance in Iraq, Hezbollah, the Houthis…).
SIDES: tuple[str, ...] = (
    "us", "iran_aligned", "israel", "isis", "syria_government",
    "russia", "turkey", "sdf", "other", "unknown",
)
SIDE_LABELS: dict[str, str] = {
    "us": "US and coalition",
    "iran_aligned": "Iran and aligned groups",
    "israel": "Israel",
    "isis": "ISIS",
    "syria_government": "Syrian government",
    "russia": "Russia",
    "turkey": "Turkey",
    "sdf": "SDF",
    "other": "Other",
    "unknown": "Unknown",
}

#: Our event types → ACLED (event_type, sub_event_type).  ACLED has no generic "attack on
#: forces"; an unspecified attack on an armed party is closest to an armed clash.
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "drone_attack": ("Explosions/Remote violence", "Air/drone strike"),
    "rocket_attack": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "missile_attack": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "artillery_attack": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "ied_attack": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "attack": ("Battles", "Armed clash"),
}
EVENT_TYPES: tuple[str, ...] = tuple(ACLED_TYPES)
EVENT_TYPE_LABELS: dict[str, str] = {
    "airstrike": "Airstrike",
    "drone_attack": "Drone attack",
    "rocket_attack": "Rocket attack",
    "missile_attack": "Missile attack",
    "artillery_attack": "Artillery attack",
    "ied_attack": "IED attack",
    "attack": "Attack (unspecified)",
}

DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")

#: How precisely an event is placed, most precise first.
GEO_PRECISIONS: tuple[str, ...] = ("site", "town", "admin1", "country")

#: A rough radius of uncertainty for each geo precision: what the map draws around a point
#: so that an event placed to a governorate does not look as sure as one placed to a base.
GEO_PRECISION_RADIUS_KM: dict[str, float] = {
    "site": 1.0,
    "town": 10.0,
    "admin1": 75.0,
    "country": 250.0,
}
