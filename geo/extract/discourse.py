"""Which mentions are one event: joining a report's later mentions to what it told before.

A report tells an event several times: the lead, the details, a table row, "the strikes"
later on.  Mentions are joined in reading order: a mention joins an earlier event with the
same attacker side, a compatible type, date and place (the same site, or a town inside
the governorate or country named before).  A definite reference ("the strikes", "one of
the strikes") only adds detail (a sharper place, a toll, a date) to the event it refers
to; it never makes one of its own unless it names a new site.  An attack nobody is said
to have made takes its side from the discourse: the cause of a US reaction came from the
other side, "the missiles" are the last attack's, unclaimed rockets are the militias'.

Its word lists and patterns, each with what it covers and examples: ``data/discourse.yaml``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from geo.extract.actors import OPPONENT
from geo.vocab import AIR_FORCE_SIDES, CODED_SIDES
from geo.extract.attach import PRECISION_RANK, SCOPE, contains, km, precision_of
from geo.extract.lexicon import pattern, words
from geo.extract.numbers import Count
from geo.extract.places import PlaceMention
from geo.extract.roles import UNIDENTIFIED
from geo.extract.text import Segment
from geo.extract.triggers import is_blast
from geo.extract.when import When, dates_ok, is_reported, time_rank

if TYPE_CHECKING:
    from geo.extract.dates import TimeExpr
    from geo.extract.mention import Mention

__all__ = ["MILITIA_WEAPONS", "Draft", "EventBook", "is_definite_subject", "refers_back", "settle_side",
           "tells_own_event"]

MILITIA_WEAPONS = words("discourse", "militia_weapons")
_NOT_COALITION = frozenset(words("discourse", "not_coalition_bases"))
#: A sentence that tells a reaction: the cause it names came from the other side.
_RETALIATION = pattern("discourse", "retaliation")
_REFERS_BACK = pattern("discourse", "refers_back")
_ONLY_DATES = pattern("discourse", "only_dates")
_DEFINITE_SUBJECT = pattern("discourse", "definite_subject")
_PLURAL = pattern("discourse", "plural_trigger")


def refers_back(before: str, nominal: bool, is_det: bool) -> bool:
    """"the strikes", "one of the strikes", "both of the attacks": a reference to an event
    already told (``is_det``: the noun phrase opens with a determiner)."""
    return nominal and (is_det or bool(_REFERS_BACK.search(before)))


def tells_own_event(text: str, t1: int, own_times: list[TimeExpr]) -> bool:
    """"the strike in X on Tuesday" tells its own event, though definite; "the attack
    happened on Sunday" only dates one already told."""
    return any(t.precision == "day" and not is_reported(text, t) for t in own_times) \
        and not _ONLY_DATES.match(text[t1:])


def is_definite_subject(before: str) -> bool:
    """"The missiles struck …": a subject that refers back to an attack told."""
    return bool(_DEFINITE_SUBJECT.search(before))


@dataclass
class Draft:
    """An event being put together from one report's mentions."""

    m: Mention
    place: Any
    when: When
    quotes: list[tuple[str, int, int]]
    row: int | None = None
    derived: bool = False
    split: int | None = None
    notes: list[str] = field(default_factory=list)
    killed: Count | None = None
    injured: Count | None = None
    rows: set[int] = field(default_factory=set)
    order: int = 0
    told: str = "news"  # how the report tells it (geo.extract.background)


def places_ok(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return True
    if a.id == b.id:
        return True
    if contains(a, b) or contains(b, a):
        return True
    return a.kind not in ("country", "governorate", "region") and b.kind not in ("country", "governorate", "region") \
        and a.country == b.country and km(a, b) < 10


def types_ok(a: str, b: str) -> bool:
    return a == b or "attack" in (a, b)


class EventBook:
    """The events of one report so far, in the order they were last told."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.counter = 0

    def last(self) -> Draft | None:
        """The event told (or added to) last."""
        return max(self.drafts, key=lambda d: d.order) if self.drafts else None

    def side_from_context(self, m: Mention) -> str:
        """The side of an attack nobody is said to have made, from its weapon and the report."""
        if m.event_type in MILITIA_WEAPONS:
            return "iran_aligned"  # unclaimed rockets, drones and roadside bombs in this war
        if is_blast(m.trigger):
            return "unknown"  # a blast nobody is said to have caused is not put on a side
        kinds = Counter(d.m.side1 for d in self.drafts if d.m.event_type == m.event_type or m.event_type == "attack")
        if not kinds and m.event_type == "airstrike":
            # "jets pounded the slopes": aircraft of the one air force the report names
            kinds = Counter(d.m.side1 for d in self.drafts if d.m.side1 in AIR_FORCE_SIDES and not d.m.side_inferred)
        return kinds.most_common(1)[0][0] if kinds else "unknown"

    def add(self, d: Draft) -> None:
        """Join ``d`` to the latest event it can be one with, or keep it as a new event."""
        for old in reversed(self.drafts):
            if self._joinable(old, d):
                self._merge(old, d)
                return
        self.counter += 1
        d.order = self.counter
        self.drafts.append(d)

    def _joinable(self, old: Draft, new: Draft) -> bool:
        """Same side, compatible type, date and place, and not two places of one split."""
        if old.m.side1 != new.m.side1 or not types_ok(old.m.event_type, new.m.event_type):
            return False
        if new.split is not None and old.split == new.split:
            return False
        if new.rows and old.rows and not new.rows & old.rows:
            return False
        if new.row is not None and old.rows and new.row not in old.rows:
            return False
        if not dates_ok(old.when, new.when):
            return False
        if not places_ok(old.place, new.place):
            return False
        if old.derived != new.derived and old.when.date != new.when.date:
            return False
        return True

    def _merge(self, old: Draft, new: Draft, anaphor: bool = False) -> None:
        if new.place is not None and (old.place is None or PRECISION_RANK[precision_of(new.place)] < PRECISION_RANK[precision_of(old.place)]):
            old.place = new.place
        if time_rank(new.when) < time_rank(old.when) or (
                time_rank(new.when) == time_rank(old.when) and new.when.precision == "day" and old.when.precision != "day"):
            old.when = new.when
            old.notes = [n for n in old.notes if "gives no date" not in n]
        if old.derived and not new.derived:
            old.derived = False
            old.m = new.m if old.m.side_inferred and not new.m.side_inferred else old.m
        if old.m.event_type == "attack" and new.m.event_type != "attack":
            old.m.event_type = new.m.event_type
        if old.m.side_inferred and not new.m.side_inferred:
            old.m.actor1, old.m.side_inferred = new.m.actor1, False
        old.killed = old.killed or new.killed
        old.injured = old.injured or new.injured
        old.m.targets_count = old.m.targets_count or new.m.targets_count
        if new.killed is not None or new.injured is not None or not anaphor:
            old.m.reporter = old.m.reporter or new.m.reporter
        if not anaphor:
            old.m.targets = old.m.targets or new.m.targets
            old.m.actor2 = old.m.actor2 or new.m.actor2
        old.rows |= new.rows
        for q in new.quotes:
            if q not in old.quotes:
                old.quotes.append(q)
        for note in new.notes:
            if note not in old.notes and not ("gives no date" in note and old.when.quality != "default"):
                old.notes.append(note)
        self.counter += 1
        old.order = self.counter

    def refer(self, m: Mention, chosen: list[tuple[PlaceMention, str | None]], when: When,
              seg: Segment, n: int) -> None:
        """A definite reference ("the strikes") adds detail to the event it refers to."""
        own_time = when.quality in ("explicit", "reported")
        candidates = [d for d in self.drafts if not d.derived
                      and (d.m.side1 == m.side1 or (m.side_inferred and not m.clause.sub))
                      and (not own_time or dates_ok(d.when, when))]
        candidates = [d for d in candidates if types_ok(d.m.event_type, m.event_type)] or candidates
        candidates.sort(key=lambda d: (d.m.side1 == m.side1, d.order), reverse=True)
        places = [pm.place for pm, _ in chosen] or [None]
        used: set[int] = set()
        for place in places:
            target = next((d for d in candidates if id(d) not in used and places_ok(d.place, place)
                           and (place is None or not (d.rows and d.place is not None and d.place.id != place.id and not contains(place, d.place)))), None)
            if target is None:
                if place is not None and not candidates and PRECISION_RANK[precision_of(place)] <= 1 \
                        and m.side1 in CODED_SIDES:
                    # "the strike in Jurf al-Sakhar killed …" as the report's first word on it
                    d = Draft(m, place, when, [(seg.text, seg.start, seg.end)],
                               notes=[when.note] if when.note else [], killed=m.killed, injured=m.injured)
                    self.add(d)
                    continue
                if place is None or not candidates or PRECISION_RANK[precision_of(place)] > 1:
                    continue
                # "… a training facility near X and a safe house near Y": a second target
                # of the strikes already told becomes an event of its own, on their date.
                base = candidates[0]
                d = Draft(base.m, place, when if own_time else base.when, [(seg.text, seg.start, seg.end)],
                           notes=list(base.notes), killed=None, injured=None)
                self.counter += 1
                d.order = self.counter
                self.drafts.append(d)
                used.add(id(d))
                continue
            used.add(id(target))
            if (m.killed is not None or m.injured is not None) and _PLURAL.search(m.trigger or "") \
                    and (place is None or precision_of(place) in ("country", "admin1")) \
                    and sum(d.m is target.m and not d.derived for d in self.drafts) > 1:
                # "the raids killed 16 in Iraq": a toll for several of the places struck is
                # no one place's toll
                m.killed = m.injured = None
            sharper = place is not None and PRECISION_RANK[precision_of(place)] < PRECISION_RANK[precision_of(target.place)]
            news = sharper or (m.killed is not None and target.killed is None) or (
                m.injured is not None and target.injured is None) or (
                m.targets_count is not None and target.m.targets_count is None) or (
                own_time and time_rank(when) < time_rank(target.when))
            if not news:
                continue  # "the strikes" that adds nothing is not evidence of its own
            extra = Draft(m, place if sharper else target.place, when if own_time else target.when,
                           [(seg.text, seg.start, seg.end)], killed=m.killed, injured=m.injured)
            m.event_type = target.m.event_type
            self._merge(target, extra, anaphor=True)

    # -- output -------------------------------------------------------------------------


def settle_side(m: Mention, text: str, mentions: list[Mention], book: EventBook,
                chosen: list[tuple[PlaceMention, str | None]]) -> bool:
    """Give an attack nobody is said to have made a side from the discourse; False when
    none can be given (the mention is then no event)."""
    if m.side1 == "unknown" and m.clause.sub and m.event_type not in MILITIA_WEAPONS \
            and _RETALIATION.search(text):
        # the cause of a reaction came from the other side ("struck back for the attack")
        main = next((x for x in mentions if not x.clause.sub and x.side1 in OPPONENT), None)
        if main is not None:
            m.side1, m.side_inferred = OPPONENT[main.side1], True
            m.actor1 = m.actor1 or UNIDENTIFIED.get(m.side1)
    if m.side1 == "unknown" and (m.anaphoric or m.definite) and book.drafts:
        last = max(book.drafts, key=lambda d: d.order)  # "the missiles struck …": the attack told last
        m.side1, m.actor1, m.side_inferred = last.m.side1, last.m.actor1, True
    if m.side1 == "unknown":
        m.side1 = book.side_from_context(m)
        coalition_base = any(pm.place.kind in ("military_base", "oil_field") and pm.place.country in SCOPE
                             and pm.place.id not in _NOT_COALITION for pm, _ in chosen)
        if m.side1 == "unknown" and m.event_type != "airstrike" and coalition_base:
            m.side1 = "iran_aligned"  # an unclaimed attack on a base of the coalition
        if m.side1 == "unknown" and is_blast(m.trigger):
            # an explosion nobody is said to have caused is an event of its own side,
            # "unknown", where the report places it to a site or a town (the blame the
            # report gives is read later: geo.extract.attribution)
            m.event_type = "explosion"
            return any(precision_of(pm.place) in ("site", "town") for pm, _ in chosen)
        if m.side1 == "unknown" and m.event_type == "airstrike" and chosen:
            # "warplanes struck two houses in Arman": an air strike whose air force the
            # report may name later ("attributed both strikes to Jordanian jets"); kept
            # open until geo.extract.attribution has read the whole report
            m.side_inferred = True
            return True
        if m.side1 == "unknown":
            return False
        if m.side1 == "iran_aligned" and not m.actor1:
            m.actor1 = UNIDENTIFIED["iran_aligned"]
            m.side_inferred = True
    return True
