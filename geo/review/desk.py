"""The review desk: extracted events matched to their decisions, and new decisions made.

Sticky semantics:

* an event whose key has a decision is matched to it; one whose key changed (the rules
  now join another sentence to it, say) is matched to the undecided-for decision whose
  evidence it shares most;
* a **rejected** event stays rejected, whatever the rules now say about it;
* an **accepted** (or corrected) event is not asked again — unless what was extracted
  changed since it was decided: its status is then ``changed``, and ``diff`` says how.

Statuses: ``unreviewed``, ``accepted``, ``edited``, ``rejected``, ``changed``.
"""
from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from geo.exc import InputError, ValidationError
from geo.model import EVENT_FIELDS, Event
from geo.review.keys import Span, assign_keys, spans_of
from geo.review.store import (
    DECISIONS,
    REJECT_REASONS,
    Decision,
    DecisionStore,
    event_record,
    now_utc,
)

__all__ = [
    "EDITABLE_FIELDS",
    "STATUSES",
    "Item",
    "ReviewDesk",
    "UnknownEvent",
    "content_diff",
    "match_decisions",
]

STATUSES: tuple[str, ...] = ("unreviewed", "changed", "accepted", "edited", "rejected")

#: What a reviewer may change: every field but the id and the evidence itself.
EDITABLE_FIELDS: tuple[str, ...] = tuple(f for f in EVENT_FIELDS
                                         if f not in ("id", "sources", "disputed"))

#: Fields whose change is not a change of content (the rules' own certainty).
_IGNORED_IN_DIFF = ("confidence",)

_PLACE_FIELDS = ("location", "place_id", "country", "admin1", "lat", "lon", "geo_precision")


class UnknownEvent(InputError, LookupError):
    """No event has this id."""

    exit_code = 1


@dataclass(frozen=True)
class Item:
    """One event under review: as extracted now, and what was decided about it."""

    key: str
    extracted: Event
    decision: Decision | None = None

    @property
    def diff(self) -> dict[str, list[Any]]:
        """Fields extracted differently now than when decided: {field: [then, now]}."""
        if self.decision is None:
            return {}
        return content_diff(self.decision.extracted_record(), event_record(self.extracted))

    @property
    def status(self) -> str:
        d = self.decision
        if d is None:
            return "unreviewed"
        if d.decision == "reject":
            return "rejected"
        if self.diff:
            return "changed"
        return "edited" if d.fields else "accepted"

    @property
    def current(self) -> Event:
        """The event as the reviewer would sign it now: the extraction, with their edits."""
        d = self.decision
        if d is None or d.decision == "reject":
            return self.extracted
        if not self.diff:
            return d.event
        rec = event_record(self.extracted)
        rec.update({k: v for k, v in event_record(d.event).items() if k in d.fields})
        for name in d.fields:
            if getattr(d.event, name) is None:
                rec.pop(name, None)
        return Event.from_dict(rec)


def content_diff(then: Mapping[str, Any], now: Mapping[str, Any]) -> dict[str, list[Any]]:
    names = [n for n in EVENT_FIELDS if n not in _IGNORED_IN_DIFF and n != "id"]
    out = {}
    for name in names:
        a, b = then.get(name), now.get(name)
        if name == "sources":
            a, b = _quotes(a), _quotes(b)
        if a != b:
            out[name] = [a, b]
    return out


def _quotes(sources: Any) -> list[Any]:
    return sorted((s.get("doc"), s.get("quote")) for s in sources or [])


def match_decisions(events: Sequence[Event], store: DecisionStore) -> list[Item]:
    """Pair each event with its decision: by key, else by the evidence they share most."""
    keys = assign_keys(events)
    items: list[Item | None] = [None] * len(events)
    used: set[str] = set()
    for i, (ev, key) in enumerate(zip(events, keys)):
        dec = store.get(key)
        if dec is not None:
            items[i] = Item(key, ev, dec)
            used.add(key)
    taken = set(keys)
    free = [d for d in store if d.key not in taken]
    by_span: dict[Span, list[Decision]] = {}
    for d in free:
        for span in spans_of(d.event):
            by_span.setdefault(span, []).append(d)
    pairs: list[tuple[float, int, str]] = []
    for i, ev in enumerate(events):
        if items[i] is not None:
            continue
        mine = spans_of(ev)
        for d in {d.key: d for s in mine for d in by_span.get(s, [])}.values():
            theirs = spans_of(d.event)
            pairs.append((len(mine & theirs) / len(mine | theirs), i, d.key))
    for _, i, dkey in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if items[i] is None and dkey not in used:
            items[i] = Item(dkey, events[i], store.get(dkey))
            used.add(dkey)
    return [it if it is not None else Item(k, ev) for it, ev, k in zip(items, events, keys)]


class ReviewDesk:
    """What the server serves: the items, the report texts, and :meth:`decide`.

    ``reports`` maps a doc name to its clean text (what source offsets point into).
    """

    def __init__(self, events: Sequence[Event], store: DecisionStore,
                 reports: Mapping[str, Any] | None = None, reviewer: str | None = None) -> None:
        self.store = store
        self.reviewer = reviewer
        self.reports = dict(reports or {})
        self._lock = threading.Lock()
        self._items = {it.key: it for it in match_decisions(events, store)}

    def items(self) -> list[Item]:
        return list(self._items.values())

    def item(self, key: str) -> Item:
        try:
            return self._items[key]
        except KeyError:
            raise UnknownEvent(f"no event with id {key!r}") from None

    def decide(self, key: str, decision: str, reason: str | None = None,
               fields: Mapping[str, Any] | None = None, reviewer: str | None = None) -> Item:
        """Record a decision and write it to the decisions file before returning."""
        if decision not in DECISIONS:
            raise InputError(f"'decision' must be one of: {', '.join(DECISIONS)} "
                             f"(got {decision!r})")
        if reason is not None and not isinstance(reason, str):
            raise InputError("'reason' must be text")
        if reviewer is not None and not isinstance(reviewer, str):
            raise InputError("'reviewer' must be text")
        if decision == "reject" and reason not in REJECT_REASONS:
            raise InputError(f"a rejection needs a 'reason' from: {', '.join(REJECT_REASONS)}")
        if fields is not None and not isinstance(fields, Mapping):
            raise InputError("'fields' must be an object of event fields")
        if decision != "edit" and fields:
            raise InputError("'fields' are only for decision 'edit'")
        with self._lock:
            item = self.item(key)
            base = item.current
            event = base if decision != "edit" else _edited(base, fields or {})
            extracted = event_record(item.extracted)
            new = event_record(event)
            changed = tuple(f for f in EDITABLE_FIELDS if extracted.get(f) != new.get(f))
            if decision == "reject":
                event, changed = item.extracted, ()
            # an edit that changes nothing is an acceptance; an acceptance of corrections, an edit
            kind = "reject" if decision == "reject" else ("edit" if changed else "accept")
            dec = Decision(key=key, decision=kind, event=event,
                           reason=reason or None, fields=changed,
                           original={f: extracted.get(f) for f in changed},
                           reviewer=reviewer or self.reviewer, decided_at=now_utc())
            self.store.put(dec)
            item = Item(key, item.extracted, dec)
            self._items[key] = item
            return item


def _edited(base: Event, fields: Mapping[str, Any]) -> Event:
    """``base`` with ``fields`` changed; a new place_id alone brings its coordinates."""
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise InputError(f"{unknown[0]!r} cannot be edited "
                         f"(editable: {', '.join(EDITABLE_FIELDS)})")
    rec = event_record(base)
    changes = dict(fields)
    new_place = changes.get("place_id")
    if new_place and "lat" not in changes and new_place != rec.get("place_id"):
        changes = {**_place_fields(str(changes["place_id"])), **changes}
    elif ("lat" in changes or "lon" in changes) and "place_id" not in changes:
        changes["place_id"] = None  # a point clicked on the map is no gazetteer place
    for name, value in changes.items():
        if value is None or value == "":
            rec.pop(name, None)
        else:
            rec[name] = value
    try:
        return Event.from_dict(rec, record="edit")
    except ValidationError as err:
        raise InputError(str(err).removeprefix("record edit, ")) from None


def _place_fields(place_id: str) -> dict[str, Any]:
    from gazetteer import default_gazetteer
    from geo.events_io import _KIND_PRECISION

    gaz = default_gazetteer()
    place = gaz.get(place_id)
    if place is None:
        raise InputError(f"{place_id!r} is not in the gazetteer")
    return {"location": place.name, "lat": place.lat, "lon": place.lon,
            "country": place.country,
            "admin1": gaz.admin1_of(place) if place.kind != "country" else None,
            "geo_precision": _KIND_PRECISION.get(place.kind)}
