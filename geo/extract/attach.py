"""Where a mention happened: which places a sentence names are the event's, and which not.

The gazetteer finds every place name; most are not where anything happened.  A dateline
("BAGHDAD (Agency) –") is where the reporter filed from; "Iraq's security forces" and
"Iraq opposed …" name a country as an actor; "rockets fired from Zummar toward …" names
the launch point; "77 km northeast of Erbil" and "Musayyib, south of Baghdad" name a
reference point, not the place; "the war in Gaza", "based in Beirut" are background.
Of the places kept, containers give way to what they contain ("Harir air base in
Erbil"), and "X, near Y" is one location told twice.  Sentences without a trigger can
still sharpen the last event's place ("The depot was near Maysalun"), list the places it
struck ("- Al-Qaim, Iraq: …", "The second target was …") or point back to its site
("at the same base").

Its word lists and patterns, each with what it covers and examples: ``data/attach.yaml``.
"""
from __future__ import annotations

from typing import Any

from gazetteer.index import haversine_km
from geo.extract.actors import find_actors
from geo.extract.lexicon import names, pattern
from geo.extract.places import PlaceFinder, PlaceMention
from geo.extract.text import Segment

__all__ = ["COUNTRY_NAMES", "PRECISION_RANK", "SCOPE", "choose_places", "contains", "is_elsewhere", "km",
           "place_is_location", "places_in", "points_to_same_site", "precision_of"]

PRECISION_RANK = {"site": 0, "town": 1, "admin1": 2, "country": 3, None: 4}
#: The countries the data set covers; a cause's or a dateline's country elsewhere is not voted for.
SCOPE = ("SY", "IQ", "JO")
COUNTRY_NAMES = names("attach", "country_names")
_ELSEWHERE = pattern("attach", "elsewhere")
#: "at the same base", "toward the outpost": the site the report last named.
_SAME_SITE = pattern("attach", "same_site")
_DATELINE = pattern("attach", "dateline")
_POSSESSIVE = pattern("attach", "possessive_country")
_BACKGROUND_BEFORE = pattern("attach", "background_before")
_FAR = pattern("attach", "far_reference")
_LAUNCH = pattern("attach", "launch_point")
_LAUNCH_TARGET = pattern("attach", "launch_target")
_STREET = pattern("attach", "street")
_NOT_PLACE_AFTER = pattern("attach", "not_place_after")
_THE_BEFORE = pattern("attach", "the_before")
_LOCATIVE_BEFORE_VERB = pattern("attach", "locative_before_actor_verb")
_LOCATIVE = pattern("attach", "locative")
_LIST_AFTER_LOCATIVE = pattern("attach", "list_after_locative")
_CELL_END = pattern("attach", "cell_end")
_NEAR = pattern("attach", "near")
_DIRECTION_OF = pattern("attach", "direction_of")


def km(a: Any, b: Any) -> float:
    """Great-circle distance between two things with ``lat``/``lon`` (places, events)."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def contains(big: Any, small: Any) -> bool:
    """True when place ``big`` (a country, governorate or region) holds place ``small``."""
    if big.id == small.id:
        return True
    if big.kind == "country":
        return small.country == big.country
    if big.kind == "governorate":
        return small.country == big.country and bool(small.admin1) and small.admin1 == big.admin1 \
            and small.kind != "governorate"
    if big.kind == "region":
        return small.kind not in ("country", "governorate", "region") and km(big, small) < 120
    return False


def precision_of(place: Any) -> str:
    """The event's ``geo_precision`` for a gazetteer place (site, town, admin1, country)."""
    from geo.extract.places import PRECISION_OF_KIND

    return PRECISION_OF_KIND.get(place.kind, "town") if place is not None else None  # type: ignore[return-value]


def is_elsewhere(text: str) -> bool:
    """"in the Red Sea, the Houthis attacked …": a clause about a theatre outside the data set."""
    return _ELSEWHERE.search(text) is not None


def points_to_same_site(text: str) -> bool:
    """"a drone was sent at the same base", "forces there": the site the report last named."""
    return _SAME_SITE.search(text) is not None


def places_in(finder: PlaceFinder | None, seg: Segment, text: str) -> list[PlaceMention]:
    """The places of a sentence (or a table row's first cell) that can be where it happened."""
    if finder is None:
        return []
    found = finder.find(text)
    if seg.kind == "row":
        first = seg.cells[0]
        cell_end = text.find(first) + len(first)
        return [p for p in found if p.end <= cell_end] or [p for p in found if place_is_location(text, p)]
    actors = [a for a in find_actors(text) if a.role != "reporter"]
    found = [p for p in found if not (p.precision == "country" and any(
        a.start in (p.end + 3, p.end + 4) and text[p.end:p.end + 2] in ("'s", "’s") for a in actors))]  # "Iran's Revolutionary Guards"
    dateline = _DATELINE.match(text)
    if dateline:  # "BAGHDAD (Reuters) -" is where the reporter filed from
        found = [p for p in found if p.start >= dateline.end()]
    return [p for p in found if place_is_location(text, p)
            and not any(a.start <= p.start and p.end <= a.end and a.end - a.start > p.end - p.start
                        for a in actors)]


def place_is_location(text: str, pm: PlaceMention) -> bool:
    """False for a place that is not where anything happened: a country as an actor
    ("Iraq opposed …"), a border named as a reference, a home town, an adjective."""
    before = text[max(0, pm.start - 40):pm.start]
    after = text[pm.end:pm.end + 40]
    if _POSSESSIVE.match(after) and pm.precision == "country":
        return False  # "Iraq's security forces", "Lebanon's Hezbollah"
    if _BACKGROUND_BEFORE.search(before):
        return False
    far = _FAR.search(before)
    if far and int(far.group(1)) >= 25:
        return False  # "some 77 km northeast of Erbil city": a reference point, not the place
    launch = _LAUNCH.search(text[max(0, pm.start - 90):pm.start])
    if launch and not _LAUNCH_TARGET.search(launch.group("rest")):
        return False  # "rockets fired from the town of Zummar in Nineveh province toward …": the launch point
    if pm.precision == "country" and _STREET.match(after):
        return False  # "Palestine Street" in Baghdad
    actor_like = _NOT_PLACE_AFTER.match(after)
    if actor_like and not _LOCATIVE_BEFORE_VERB.search(before) \
            and not (actor_like.group(0).rstrip().endswith("and") and _THE_BEFORE.search(before)):
        # ("the Gara region and the Qandil mountains": two places struck, not two actors)
        if pm.precision in ("country", "town"):
            return False
    if pm.precision == "country" and not _LOCATIVE.search(before) and not _LIST_AFTER_LOCATIVE.search(before) \
            and not _CELL_END.match(after):
        return False
    return True


def choose_places(places: list[PlaceMention], text: str) -> list[tuple[PlaceMention, str | None]]:
    """The most specific places of a clause: drop containers, settle "X near Y", keep the rest."""
    uniq: list[PlaceMention] = []
    for p in places:
        if all(q.place.id != p.place.id for q in uniq):
            uniq.append(p)
    # a container is dropped; so is a name that could be one ("Harir air base in Erbil":
    # Erbil the governorate, not the city 40 km away)
    kept = [p for p in uniq if not any(q is not p and q.place.id != p.place.id
                                        and any(contains(alt, q.place) for alt in (p.place, *p.others))
                                        for q in uniq)]
    notes: dict[int, str] = {}
    # "X, near Y": one location described twice.  When the two are far apart the report
    # contradicts itself; the one that agrees with a direction it gives ("southern
    # Syria") wins, else the anchor Y, and the other is recorded in the notes.
    result = list(kept)
    for i, b in enumerate(kept):
        near = _NEAR.search(text[max(0, b.start - 40):b.start]) if i else None
        if near is None:
            continue
        a = kept[i - 1]
        between = text[a.end:b.start]
        if " and " in between or a not in result or b not in result:
            continue
        if _DIRECTION_OF.match(between):
            result.remove(b)  # "Musayyib, south of Baghdad": Baghdad is only the reference
            continue
        if km(a.place, b.place) <= 60:
            result.remove(b)
            continue
        hints = [p for p in uniq if p.precision == "country" and p.direction]
        ok_a = all(_direction_ok(a.place, h) for h in hints)
        ok_b = all(_direction_ok(b.place, h) for h in hints)
        keep, drop = (a, b) if ok_a and not ok_b else (b, a)
        result.remove(drop)
        notes[id(keep)] = (f"the report places it at {drop.place.name} and near {keep.place.name}, "
                           f"{km(a.place, b.place):.0f} km apart; kept {keep.place.name}")
    # distinct places of the same precision far apart are separate targets
    return [(p, notes.get(id(p))) for p in result]


def _direction_ok(place: Any, hint: PlaceMention) -> bool:
    c = hint.place
    if place.country != c.country:
        return True
    d = hint.direction or ""
    ok = True
    if "south" in d:
        ok &= place.lat < c.lat - 0.3
    if "north" in d:
        ok &= place.lat > c.lat + 0.3
    if "east" in d:
        ok &= place.lon > c.lon + 0.3
    if "west" in d:
        ok &= place.lon < c.lon - 0.3
    return ok
