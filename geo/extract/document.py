"""The per-report pass: from a report's sentences to its events, one per real event.

Sentences are read in order.  Those without a trigger cost a substring test; the others
are cut into clauses and read as mentions (:mod:`~geo.extract.mention`).  A first pass
finds the country the report is about (the places of its events, not of their causes),
for events it places no closer.  The second pass attaches each mention to a place
(:mod:`~geo.extract.attach`) and a date (:mod:`~geo.extract.when`), settles its side,
and joins it to the event it retells or refers to (:mod:`~geo.extract.discourse`);
sentences that tell nothing may still add to the last event
(:mod:`~geo.extract.follow_up`).  Each event keeps every sentence it was read from.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from geo.extract.attribution import settle_sides
from geo.extract import confidence as confidence_model
from geo.extract.background import sort_news
from geo.extract.confidence import confidence, evidence
from geo.extract.attach import (
    COUNTRY_NAMES,
    SCOPE,
    choose_places,
    is_elsewhere,
    places_in,
    points_to_same_site,
    precision_of,
)
from geo.extract.clauses import Clause, split_clauses
from geo.extract.dates import TimeExpr, find_times
from geo.extract.discourse import Draft, EventBook, settle_side
from geo.extract.follow_up import (
    LIST_PLACE,
    LOCATED,
    ONE_WAS,
    is_bullet,
    list_target,
    locate,
    toll_after,
)
from geo.extract.mention import Mention, analyse_clause
from geo.extract.numbers import casualties
from geo.extract.places import PlaceFinder, PlaceMention
from geo.extract.reader import Report
from geo.extract.text import Segment, normalise_quotes, segments
from geo.extract.triggers import has_trigger
from geo.extract.when import Focus, When, repeat_days, shift, when_for
from geo.model import Event, Source

__all__ = ["extract_report"]


#: Sides whose attacks may be placed to the report's country when the sentence names no
#: place: the two main parties, and Turkey and Jordan, which strike across their borders
#: into Iraq and Syria.  Israel's and Iran's strikes told in these reports often fell
#: outside them (Lebanon, Iran, Yemen), so they are placed only where the report says.
_DEFAULT_PLACED = frozenset({"us", "iran_aligned", "turkey", "jordan"})


class _Document:
    def __init__(self, report: Report, finder: PlaceFinder | None) -> None:
        self.report = report
        self.finder = finder
        self.book = EventBook()
        self.focus = Focus(report.published)
        self.default_country: Any = None
        self.lead_end = 0
        self.listed = -2  # the last list item read as a place struck
        self.told = -2  # the last sentence that told an event

    def run(self) -> list[Event]:
        segs = [s for s in segments(self.report.text) if s.kind in ("sentence", "row")]
        self.lead_end = segs[1].end if len(segs) > 1 else (segs[0].end if segs else 0)  # the lead: two sentences
        analysed = []
        country_votes: Counter[str] = Counter()
        for seg in segs:
            text = normalise_quotes(seg.text)
            mentions = self.mentions_in(seg, text) if has_trigger(text) else None
            if not mentions:
                analysed.append((seg, text, None, None))
                continue
            # places are looked up only in sentences that tell something
            places = places_in(self.finder, seg, text)
            causes = [m.clause for m in mentions[1] if m.clause.sub] if seg.kind != "row" else []
            for p in places:
                # a cause's place ("… in retaliation for the drone attack in Jordan") says
                # where the cause happened, not where the report's events are
                if p.place.country in SCOPE and not any(c.covers(p.start) for c in causes):
                    country_votes[p.place.country] += 1 if p.precision == "country" else 2
            analysed.append((seg, text, places, mentions))
        if country_votes and self.finder is not None:
            cc = country_votes.most_common(1)[0][0]
            hits = self.finder._lookup(COUNTRY_NAMES[cc])
            self.default_country = hits[0] if hits else None
        for n, (seg, text, places, mentions) in enumerate(analysed):
            if mentions is None:  # nothing told here: only its dates matter, and only if asked for
                self.focus.pending.append(text)
                self.untold(seg, text, n, analysed[n - 1][1] if n > 0 else None)
                continue
            self.sentence(seg, text, places, mentions, n)
        return self.finish()

    def untold(self, seg: Segment, text: str, n: int, previous: str | None) -> None:
        """A sentence that tells no event may add a place or a toll to the last one."""
        after_list = previous is not None and (previous.rstrip().endswith(":") or self.listed == n - 1)
        if LOCATED.search(text):
            locate(self.book, self.finder, seg, text)
        elif LIST_PLACE.match(text) and after_list:
            if list_target(self.book, self.finder, seg, text):
                self.listed = n
        elif is_bullet(self.report.text, seg) and after_list:
            if list_target(self.book, self.finder, seg, text, whole=True):  # "- a compound at Jurf al-Sakhar, …;"
                self.listed = n
        elif ONE_WAS.match(text) and (0 < n - self.told <= 3 or self.listed == n - 1):
            if list_target(self.book, self.finder, seg, text, whole=True):
                self.listed = n
        elif n == self.told + 1 and self.listed != n - 1 and not has_trigger(text):
            # (a toll after a list is the list's total; "hurt in those attacks" is a sum)
            toll_after(self.book, seg, text)

    def mentions_in(self, seg: Segment, text: str) -> tuple[list[TimeExpr], list[Mention]] | None:
        found: list[list[TimeExpr]] = []

        def sentence_times() -> list[TimeExpr]:  # read once, and only if a clause needs them
            if not found:
                found.append(find_times(text, self.report.published))
            return found[0]

        if seg.kind == "row":
            clauses = [Clause(text, 0, len(text), False)]
        else:
            clauses = split_clauses(text)
        mentions: list[Mention] = []
        silent: list[Clause] = []
        for cl in clauses:
            cs = cl.start

            def clause_times(cl: Clause = cl, cs: int = cs) -> list[TimeExpr]:
                return [shift(t, -cs) for t in sentence_times() if cl.covers(t.start)]

            m = analyse_clause(cl, [], clause_times)
            if m is not None:
                m.times = [shift(t, cs) for t in m.times]
                m.trigger_at += cs
                mentions.append(m)
            else:
                silent.append(cl)
        if len(mentions) == 1 and mentions[0].killed is None and mentions[0].injured is None:
            # "Three soldiers were killed after a drone attack on …": the toll sits in a
            # clause of its own, the attack in the clause that tells it
            for cl in silent:
                killed, injured = casualties(normalise_quotes(cl.text))
                if killed is not None or injured is not None:
                    mentions[0].killed, mentions[0].injured = killed, injured
                    break
        return (sentence_times(), mentions) if mentions else None

    def sentence(self, seg: Segment, text: str, places: list[PlaceMention],
                 found: tuple[list[TimeExpr], list[Mention]], n: int) -> None:
        times, mentions = found
        self.told = n
        for m in mentions:
            m.places = places if seg.kind == "row" else [p for p in places if m.clause.covers(p.start)]
        main_places = next((m.places for m in mentions if not m.clause.sub and m.places), None)
        for m in mentions:
            self.place_mention(seg, text, m, times, mentions, main_places, n)
        self.focus.told(text, times)

    def place_mention(self, seg: Segment, text: str, m: Mention, times: list[TimeExpr],
                      mentions: list[Mention], main_places: list[PlaceMention] | None, n: int) -> None:
        chosen = choose_places(m.places, text)
        if not settle_side(m, text, mentions, self.book, chosen):
            return
        if not chosen and m.clause.sub and main_places:
            # A cause told without a place ("… following rocket fire at a US base") is
            # placed no closer than the country of the reaction: the two sites differ.
            first = choose_places(main_places, text)[:1]
            chosen = [(self._country_mention(pm), None) for pm, _ in first]
            chosen = [c for c in chosen if c[0] is not None]
        when = when_for(m, times, mentions, self.focus)
        has_time = when.quality in ("explicit", "reported", "inherited")
        if m.generic and not has_time:
            return
        if m.anaphoric:
            self.book.refer(m, chosen, when, seg, n)
            return
        if not chosen and points_to_same_site(m.clause.text):
            site = next((d.place for d in sorted(self.book.drafts, key=lambda d: -d.order)
                         if d.place is not None and precision_of(d.place) == "site"), None)
            if site is not None:  # "a drone was sent at the same base"
                chosen = [(PlaceMention(0, 0, site.name, site, "site"), None)]
        if not chosen:
            if not has_time or self.default_country is None or m.side1 not in _DEFAULT_PLACED:
                return
            if is_elsewhere(m.clause.text):
                return  # "in the Red Sea, the Houthis attacked …": not the report's country
            chosen = [(PlaceMention(0, 0, self.default_country.name, self.default_country, "country"), None)]
        split = self.book.counter if len(chosen) > 1 else None
        for pm, note in chosen:
            d = Draft(m, pm.place, when, [(seg.text, seg.start, seg.end)],
                      row=n if seg.kind == "row" else None, split=split,
                      notes=[x for x in (when.note, note) if x], killed=m.killed, injured=m.injured)
            if d.row is not None:
                d.rows.add(n)
            self.book.add(d)
            for k in range(1, repeat_days(m) + 1):
                prior = When(when.date - dt.timedelta(days=k), "day", "derived") if when.date else when
                where = self._country_mention(pm)  # the report does not say where the earlier strikes were
                note = (f"the report speaks of strikes for day {k + 1} running; "
                        "this is the earlier day it implies")
                self.book.add(Draft(m, where.place if where else pm.place, prior, [(seg.text, seg.start, seg.end)],
                                    derived=True, notes=[note]))
        self.book.counter += 1

    def _country_mention(self, pm: PlaceMention) -> PlaceMention | None:
        if pm.precision == "country" or self.finder is None:
            return pm
        hits = [p for p in self.finder._lookup(COUNTRY_NAMES.get(pm.place.country, pm.place.country))
                if p.kind == "country"]
        return PlaceMention(pm.start, pm.end, hits[0].name, hits[0], "country") if hits else None

    # -- output -------------------------------------------------------------------------
    def finish(self) -> list[Event]:
        settle_sides(self.book, self.report.text)
        sort_news(self.book, self.report.text, self.report.published)
        return [self.to_event(d) for d in self.book.drafts if d.place is not None]

    def to_event(self, d: Draft) -> Event:
        r = self.report
        p = d.place
        m = d.m
        sources = tuple(Source(doc=r.doc, title=r.title, outlet=r.outlet, published=r.published,
                               url=r.url, quote=q, start=s, end=e) for q, s, e in d.quotes)
        precision = precision_of(p)
        features = evidence(d, precision, self.lead_end)
        notes = list(dict.fromkeys(d.notes))
        if m.reporter:
            notes.append(f"reported by {m.reporter}")
        event = Event(
            event_date=d.when.date, date_precision=d.when.precision,
            date_start=d.when.start if d.when.precision != "day" else None,
            date_end=d.when.end if d.when.precision != "day" else None,
            event_type=m.event_type, actor1=m.actor1, actor1_side=m.side1,
            actor2=m.actor2, actor2_side=m.side2 if m.side2 else "unknown",
            location=p.name, place_id=p.id, country=p.country, admin1=p.admin1 if precision != "country" else None,
            lat=p.lat, lon=p.lon, geo_precision=precision,
            killed=d.killed.value if d.killed else None,
            killed_low=d.killed.low if d.killed else None, killed_high=d.killed.high if d.killed else None,
            injured=d.injured.value if d.injured else None,
            injured_low=d.injured.low if d.injured else None,
            injured_high=d.injured.high if d.injured else None,
            targets=m.targets, targets_count=m.targets_count,
            confidence=confidence(features), sources=sources,
            notes="; ".join(notes) or None,
        )
        if confidence_model.RECORDER is not None:
            confidence_model.RECORDER[event.id] = features
        return event



def extract_report(report: Report, finder: PlaceFinder | None) -> list[Event]:
    """The events one report tells (see the module docstring for how mentions combine)."""
    return _Document(report, finder).run()
