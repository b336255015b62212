"""Fixed vocabularies of the event model, and their ACLED equivalents.

Kept in one place so the model, the extractor, the map legend and the ACLED export all
speak the same words.
"""
from __future__ import annotations

__all__ = [
    "SIDES",
    "CODED_SIDES",
    "AIR_FORCE_SIDES",
    "EVENT_TYPES",
    "ACLED_TYPES",
    "DATE_PRECISIONS",
    "GEO_PRECISIONS",
    "GEO_PRECISION_RADIUS_KM",
    "SIDE_LABELS",
    "EVENT_TYPE_LABELS",
]

#: Who is on which side.  ``us`` covers US and coalition forces; ``iran_aligned`` covers
#: the Iran-backed or -aligned groups (Kataib Hezbollah, the Islamic Resistance in Iraq,
#: Hezbollah, the Houthis…); ``iran`` is Iran's own forces (the IRGC firing from Iranian
#: territory), kept apart where a report says Iran itself struck (scorers that know only
#: the two main sides count it as ``iran_aligned``).  ``jordan`` is Jordan's army and air
#: force, which strike smugglers in southern Syria.  ``unknown`` is a blast or strike the
#: report attributes to nobody.
SIDES: tuple[str, ...] = (
    "us", "iran_aligned", "iran", "israel", "turkey", "jordan", "isis", "syria_government",
    "russia", "sdf", "other", "unknown",
)
#: Sides an event is coded for (an attacker that is only "other" or "unknown" is not enough
#: to place an event by the report's context alone).
CODED_SIDES: frozenset[str] = frozenset(SIDES) - {"other", "unknown"}
#: Sides with an air force in this theatre: their unclaimed "jets" and "warplanes" are theirs.
AIR_FORCE_SIDES: frozenset[str] = frozenset({"us", "israel", "turkey", "jordan", "russia", "syria_government"})
SIDE_LABELS: dict[str, str] = {
    "us": "US and coalition",
    "iran_aligned": "Iran-aligned groups",
    "iran": "Iran (IRGC)",
    "israel": "Israel",
    "isis": "ISIS",
    "syria_government": "Syrian government",
    "russia": "Russia",
    "turkey": "Turkey",
    "jordan": "Jordan",
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
    "raid": ("Battles", "Armed clash"),
    "explosion": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
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
    "raid": "Raid (ground operation)",
    "explosion": "Explosion (cause not stated)",
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
