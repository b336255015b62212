"""Joining what several reports say about one event, and keeping what they dispute.

Two events are the same event when they have the same attacker side, compatible types
(the same, or one merely "attack"), dates within two days (or overlapping spans for
month-precise dates) and compatible places: the same place, one inside the other (a
town inside the reported governorate or country), or two sites/towns within 50 km —
reports of one attack often name neighbouring bases (Tower 22 in Jordan, Al-Tanf in
Syria, 21 km apart).  Linkage is single: an event joins a group when it fits any member.

The merged event keeps the most precise place and date, the values most reports give,
and every source; every field the reports disagree on is listed in ``disputed`` with
each report's claim and who made it.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from geo.extract.events import km
from geo.model import Claim, Event, Source

__all__ = ["merge_events", "merge_group", "reconcile", "same_event"]

_PREC = {"site": 0, "town": 1, "admin1": 2, "country": 3, None: 4}
_DATE_PREC = {"day": 0, "week": 1, "month": 2, "year": 3}
_NEAR_KM = 50.0
_DISPUTABLE = ("event_date", "event_type", "country", "location", "killed", "injured")


def _span(e: Event) -> tuple[dt.date, dt.date] | None:
    if e.event_date is None:
        return None
    if e.date_precision == "day":
        return e.event_date, e.event_date
    return e.date_start or e.event_date, e.date_end or e.event_date


def dates_compatible(a: Event, b: Event, days: int = 2) -> bool:
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return False
    slack = dt.timedelta(days=days)
    return sa[0] - slack <= sb[1] and sb[0] - slack <= sa[1]


def places_compatible(a: Event, b: Event) -> bool:
    """Same place, one inside the other, or two points within 50 km."""
    if a.place_id and a.place_id == b.place_id:
        return True
    pa, pb = _PREC.get(a.geo_precision), _PREC.get(b.geo_precision)
    if a.country and b.country and a.country == b.country and 3 in (pa, pb):
        return True
    if a.admin1 and b.admin1 and a.country == b.country and a.admin1 == b.admin1 and 2 in (pa, pb):
        return True
    if a.located and b.located and pa <= 1 and pb <= 1:
        return km(a, b) <= _NEAR_KM
    if a.located and b.located and 2 in (pa, pb) and max(pa, pb) == 2:
        return km(a, b) <= 120
    return False


def types_compatible(a: Event, b: Event) -> bool:
    return a.event_type == b.event_type or "attack" in (a.event_type, b.event_type)


def same_event(a: Event, b: Event) -> bool:
    """Whether two coded events describe one real event (see the module docstring)."""
    return (a.actor1_side == b.actor1_side and a.actor1_side != "unknown" and types_compatible(a, b)
            and dates_compatible(a, b) and places_compatible(a, b))


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge events from many reports into one event per real event.

    Events of one report are never merged with each other (the extractor already did
    that; two it left apart are two events).  Candidate pairs are joined closest first
    (days apart, then kilometres), as long as the two groups share no report, so an event
    goes to the group that fits it best and a report bridging two groups joins them.
    """
    evs = list(events)
    order = sorted(range(len(evs)), key=lambda i: _span(evs[i]) or (dt.date.max, dt.date.max))
    pairs: list[tuple[float, int, int]] = []
    open_: list[int] = []  # events whose span may still overlap the next one's
    for i in order:
        span = _span(evs[i])
        if span is None:
            continue
        lo = span[0] - dt.timedelta(days=3)
        open_ = [j for j in open_ if _span(evs[j])[1] >= lo]  # type: ignore[index]
        for j in open_:
            a, b = evs[j], evs[i]
            if a.actor1_side == b.actor1_side and same_event(a, b) \
                    and not {s.doc for s in a.sources} & {s.doc for s in b.sources}:
                pairs.append((_distance(a, b), j, i))
        open_.append(i)
    parent = list(range(len(evs)))
    docs = [{s.doc for s in e.sources} for e in evs]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, a, b in sorted(pairs):
        ra, rb = root(a), root(b)
        if ra != rb and not docs[ra] & docs[rb]:
            parent[rb] = ra
            docs[ra] |= docs[rb]
    groups: dict[int, list[Event]] = {}
    for i, ev in enumerate(evs):
        groups.setdefault(root(i), []).append(ev)
    return [merge_group(g) if len(g) > 1 else g[0] for g in groups.values()]


def _distance(a: Event, b: Event) -> float:
    """How far apart two compatible events are: days first, then kilometres."""
    sa, sb = _span(a), _span(b)
    days = 0.0
    if sa and sb:
        days = max(0, (sb[0] - sa[1]).days, (sa[0] - sb[1]).days)
        if a.date_precision == b.date_precision == "day":
            days = abs((a.event_date - b.event_date).days)  # type: ignore[operator]
    dist = km(a, b) if a.located and b.located else 0.0
    return days * 1000 + dist + 100 * abs(_PREC.get(a.geo_precision, 4) - _PREC.get(b.geo_precision, 4))


def _by(ev: Event, src: Source) -> str:
    who = src.outlet or src.title or src.doc
    if ev.notes and "reported by " in ev.notes:
        reporter = ev.notes.split("reported by ", 1)[1].split(";")[0].strip()
        if reporter and reporter not in who:
            who = f"{who} (citing {reporter})"
    return who


def _value(ev: Event, name: str) -> Any:
    if name == "location":
        return ev.location
    v = getattr(ev, name)
    return v.isoformat() if isinstance(v, dt.date) else v


def merge_group(group: list[Event]) -> Event:
    """One event from several that describe it, with every disagreement in ``disputed``."""
    best_place = min(group, key=lambda e: (_PREC.get(e.geo_precision, 4), -_support(group, e)))
    best_date = min(group, key=lambda e: (e.event_date is None, _DATE_PREC.get(e.date_precision, 4),
                                          -(e.confidence or 0)))
    base = max(group, key=lambda e: (e.confidence or 0, len(e.sources)))
    disputed: dict[str, tuple[Claim, ...]] = {k: tuple(v) for k, v in base.disputed.items()}
    for name in _DISPUTABLE:
        claims = _claims(group, name)
        if claims is not None:
            disputed[name] = claims
    killed = _majority(group, "killed")
    injured = _majority(group, "injured")
    sources: list[Source] = []
    for e in group:
        for s in e.sources:
            if s not in sources:
                sources.append(s)
    notes = [n for e in group for n in (e.notes or "").split("; ") if n]
    conf = min(0.99, max(e.confidence or 0 for e in group) + 0.05 * (len({s.doc for s in sources}) - 1))
    types = [e.event_type for e in group if e.event_type != "attack"]
    return replace(
        base, id="",
        event_date=best_date.event_date, date_precision=best_date.date_precision,
        date_start=best_date.date_start, date_end=best_date.date_end,
        event_type=Counter(types).most_common(1)[0][0] if types else base.event_type,
        location=best_place.location, place_id=best_place.place_id, country=best_place.country,
        admin1=best_place.admin1, lat=best_place.lat, lon=best_place.lon,
        geo_precision=best_place.geo_precision,
        killed=killed, injured=injured,
        killed_low=_first(group, "killed_low", killed, "killed"),
        killed_high=_first(group, "killed_high", killed, "killed"),
        injured_low=_first(group, "injured_low", injured, "injured"),
        injured_high=_first(group, "injured_high", injured, "injured"),
        actor1=_best_actor(group), actor2=base.actor2 or next((e.actor2 for e in group if e.actor2), None),
        targets_count=base.targets_count or next((e.targets_count for e in group if e.targets_count), None),
        confidence=round(conf, 2), sources=tuple(sources),
        notes="; ".join(dict.fromkeys(notes)) or None, disputed=disputed,
    )


def _support(group: list[Event], e: Event) -> int:
    """How many events of the group agree with ``e``'s place (hold it or sit inside it)."""
    return sum(1 for o in group if places_compatible(o, e) and (o.country == e.country))


def _claims(group: list[Event], name: str) -> tuple[Claim, ...] | None:
    values = []
    for e in group:
        v = _value(e, name)
        if v is None:
            continue
        values.append((v, e))
    distinct = {v for v, _ in values}
    if len(distinct) < 2:
        return None
    if name == "event_date":
        days = [e for _, e in values if e.date_precision == "day"]
        if len({e.event_date for e in days}) < 2:
            return None
    if name == "location":
        # a town inside the country another report names is not a disagreement
        if all(places_compatible(a, b) and a.country == b.country for _, a in values for _, b in values):
            return None
    if name == "event_type" and len({v for v in distinct if v != "attack"}) < 2:
        return None
    claims = []
    for v, e in values:
        for s in e.sources:
            c = Claim(value=v, doc=s.doc, by=_by(e, s))
            if all((c.value, c.doc) != (o.value, o.doc) for o in claims):
                claims.append(c)
    return tuple(claims)


def _majority(group: list[Event], name: str) -> int | None:
    votes: Counter[int] = Counter()
    for e in group:
        v = getattr(e, name)
        if v is not None:
            votes[v] += len({s.doc for s in e.sources}) or 1
    if not votes:
        return None
    top = votes.most_common()
    return top[0][0]


def _first(group: list[Event], name: str, value: int | None, of: str) -> int | None:
    for e in group:
        if getattr(e, of) == value and getattr(e, name) is not None:
            return getattr(e, name)
    return None


def _best_actor(group: list[Event]) -> str | None:
    named = [e.actor1 for e in group if e.actor1 and not e.actor1.startswith("Unidentified")]
    if named:
        return Counter(named).most_common(1)[0][0]
    return next((e.actor1 for e in group if e.actor1), None)


def reconcile(curated: list[Event], extracted: list[Event]) -> list[Event]:
    """Curated records correct or confirm extracted ones.

    An extracted event that matches a curated one (same event, see :func:`same_event`)
    adds its sources to it; the curated values stand, and an empty curated field stays
    empty (an analyst who left the toll blank did not mean "whatever a rule guessed").
    Where an extracted value differs from a curated one, the disagreement is kept in
    ``disputed``.  Extracted events that match nothing curated are returned too, after
    the curated ones.
    """
    out = list(curated)
    leftovers: list[Event] = []
    for ev in extracted:
        hit = next((i for i, c in enumerate(out[:len(curated)]) if same_event(c, ev)), None)
        if hit is None:
            leftovers.append(ev)
            continue
        out[hit] = _confirm(out[hit], ev)
    return out + merge_events(leftovers)


def _confirm(cur: Event, ev: Event) -> Event:
    sources = list(cur.sources)
    for s in ev.sources:
        if all((s.doc, s.quote) != (o.doc, o.quote) for o in sources):
            sources.append(s)
    disputed = dict(cur.disputed)
    for name in ("killed", "injured", "location", "country", "event_type", "event_date"):
        cv, ev_v = _value(cur, name), _value(ev, name)
        if cv is not None and ev_v is not None and cv != ev_v and not (
                name == "location" and places_compatible(cur, ev)) and not (
                name == "event_date" and ev.date_precision != "day") and not (
                name == "event_type" and "attack" in (cv, ev_v)):
            claims = list(disputed.get(name, ()))
            if not claims:
                claims.append(Claim(cv, None, "curated"))
            for s in ev.sources:
                claims.append(Claim(ev_v, s.doc, _by(ev, s)))
            disputed[name] = tuple(claims)
    return replace(cur, sources=tuple(sources), disputed=disputed)
