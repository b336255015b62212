"""From a report's mentions to its events: one event per real event per report.

A report tells an event several times (the lead, the details, a table row, "the strikes"
later on).  Mentions are put together in reading order: a mention joins an earlier event
with the same attacker side, a compatible type, a compatible date and a compatible place
(the same site, or a town inside the governorate or country named before), and a definite
reference ("the strikes", "one of the strikes") joins the event it refers to.  Each
resulting event keeps every supporting sentence as a source, the most precise place and
date any mention gives, and notes on what had to be decided.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from gazetteer.index import haversine_km
from geo.extract.actors import OPPONENT, find_actors
from geo.extract.dates import TimeExpr, find_times
from geo.extract.numbers import Count, casualties, parse_number
from geo.extract.places import PlaceFinder, PlaceMention
from geo.extract.reader import Report
from geo.extract.rules import (
    UNIDENTIFIED,
    Clause,
    Mention,
    analyse_clause,
    has_trigger,
    is_blast,
    is_reported,
    normalise_quotes,
    place_is_location,
    split_clauses,
)
from geo.extract.text import Segment, segments
from geo.model import Event, Source

__all__ = ["PRECISION_RANK", "extract_report"]

PRECISION_RANK = {"site": 0, "town": 1, "admin1": 2, "country": 3, None: 4}
SCOPE = ("SY", "IQ", "JO")
_MILITIA_WEAPONS = ("rocket_attack", "drone_attack", "missile_attack", "artillery_attack", "ied_attack")
_COUNTRY_NAMES = {"SY": "Syria", "IQ": "Iraq", "JO": "Jordan", "LB": "Lebanon", "IR": "Iran", "IL": "Israel",
                  "TR": "Turkey", "YE": "Yemen", "SA": "Saudi Arabia", "KW": "Kuwait"}
_STRONG = ("explicit", "own")
_RETALIATION = re.compile(r"\b(?:retaliat\w*|respon(?:se|ded|ding)|reprisal|revenge|aveng\w*|answer\w*|repl(?:y|ied)|"
                          r"back)\b", re.IGNORECASE)
_ELSEWHERE = re.compile(r"\b(?:Houthis?|Ansar Allah|Red Sea|Gulf of Aden|Arabian Sea|Bab el-Mandeb|Mediterranean|"
                        r"Hodeidah|Sanaa|Yemen\w*|Lebanon|Lebanese|Gaza|West Bank|Tel Aviv|Beirut|Tehran|Iranian territory|"
                        r"Golan|Eilat|Haifa|Israeli territory|occupied territories|occupied Palestine)\b")
_GAP_AFTER = re.compile(r"\s*,?\s*(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                        r"(?P<unit>days?|weeks?)\s+after\b", re.IGNORECASE)
#: "at the same base", "toward the outpost": the site the report last named.
_SAME_SITE = re.compile(r"\b(?:at|on|toward|towards|over|against|near|inside|into|hit|struck|targeted)\s+the\s+(?:same\s+)?"
                        r"(?:base|outpost|garrison|airport|airfield|air base|camp|facility|site|field)\b|"
                        r"\b(?:forces|troops|personnel|soldiers) there\b", re.IGNORECASE)
#: "The depot was near Maysalun", "the site lies outside Albu Kamal": where a target is.
_LOCATED = re.compile(r"\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:depot|site|facility|warehouse|target|"
                      r"compound|building|base|outpost|camp|headquarters|house|vehicle|car)s?"
                      r"(?:\s+(?:was|were|is|are|lay|lies|sat|sits)\s+(?:located\s+|situated\s+)?(?:just\s+)?"
                      r"(?:near|in|at|outside|inside|close to|on the outskirts of|(?:north|south|east|west)\w*\s+of)|"
                      r",?\s+(?:known as|called|named)\b)", re.IGNORECASE)
#: "The first target was a training facility near Albu Kamal.", "The other was in the Al Qaim area."
_ONE_WAS = re.compile(r"\s*(?:One|Another|The (?:other|first|second|third|fourth|last|latter|former|targets?|sites?)|A (?:second|third))"
                      r"(?:\s+(?:one|site|target|location|strike|facility|place))?\s+(?:was|were|lay|hit)\b")
_BULLET = re.compile(r"\s*(?:[-*•]|\d+[.)])\s*")
#: A list item headed by a place: "- Al-Qaim, Iraq: …", "Albu Kamal – …".
_LIST_PLACE = re.compile(r"\s*(?:[-*•]\s+)?(?=[A-Z])[^:–—|.]{2,40}?\s*(?::|\s[–—])\s")
_DATELINE = re.compile(r"\s*[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+)*(?:,\s*[A-Z][\w .]{1,30}?)?\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s+")


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


@dataclass
class _When:
    date: dt.date | None
    precision: str
    quality: str  # explicit | reported | inherited | focus | default | derived
    start: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None


@dataclass
class _Draft:
    """An event being put together from one report's mentions."""

    m: Mention
    place: Any
    when: _When
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


def _time_rank(w: _When) -> int:
    return {"explicit": 0, "derived": 1, "reported": 2, "inherited": 3, "focus": 4, "default": 5}[w.quality]


def _dates_ok(a: _When, b: _When) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.quality in ("explicit", "derived") and b.quality in ("explicit", "derived") \
            and a.precision == "day" and b.precision == "day":
        return a.date == b.date
    if a.precision != "day" or b.precision != "day":
        def span(w: _When) -> tuple[dt.date, dt.date]:
            return (w.start or w.date, w.end or w.date)  # type: ignore[return-value]
        (a0, a1), (b0, b1) = span(a), span(b)
        slack = dt.timedelta(days=3)
        return a0 - slack <= b1 and b0 - slack <= a1
    return abs((a.date - b.date).days) <= 2


def _places_ok(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return True
    if a.id == b.id:
        return True
    if contains(a, b) or contains(b, a):
        return True
    return a.kind not in ("country", "governorate", "region") and b.kind not in ("country", "governorate", "region") \
        and a.country == b.country and km(a, b) < 10


def _types_ok(a: str, b: str) -> bool:
    return a == b or "attack" in (a, b)


class _Document:
    def __init__(self, report: Report, finder: PlaceFinder | None) -> None:
        self.report = report
        self.finder = finder
        self.drafts: list[_Draft] = []
        self.focus: TimeExpr | None = None
        self.pending: list[str] = []  # sentences since the last one read in full
        self.counter = 0
        self.default_country: Any = None
        self.listed = -2  # the last list item read as a place struck
        self.told = -2  # the last sentence that told an event

    # -- per-sentence analysis ---------------------------------------------------------
    def places_in(self, seg: Segment, text: str) -> list[PlaceMention]:
        if self.finder is None:
            return []
        found = self.finder.find(text)
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

    def run(self) -> list[Event]:
        segs = [s for s in segments(self.report.text) if s.kind in ("sentence", "row")]
        analysed = []
        country_votes: Counter[str] = Counter()
        for seg in segs:
            text = normalise_quotes(seg.text)
            mentions = self.mentions_in(seg, text) if has_trigger(text) else None
            if not mentions:
                analysed.append((seg, text, None, None))
                continue
            # places are looked up only in sentences that tell something
            places = self.places_in(seg, text)
            causes = [m.clause for m in mentions[1] if m.clause.sub] if seg.kind != "row" else []
            for p in places:
                # a cause's place ("… in retaliation for the drone attack in Jordan") says
                # where the cause happened, not where the report's events are
                if p.place.country in SCOPE and not any(c.covers(p.start) for c in causes):
                    country_votes[p.place.country] += 1 if p.precision == "country" else 2
            analysed.append((seg, text, places, mentions))
        if country_votes and self.finder is not None:
            cc = country_votes.most_common(1)[0][0]
            hits = self.finder._lookup(_COUNTRY_NAMES[cc])
            self.default_country = hits[0] if hits else None
        for n, (seg, text, places, mentions) in enumerate(analysed):
            if mentions is None:  # nothing told here: only its dates matter, and only if asked for
                self.pending.append(text)
                if _LOCATED.search(text):
                    self.locate(seg, text)
                elif _LIST_PLACE.match(text) and n > 0 and (analysed[n - 1][1].rstrip().endswith(":")
                                                             or self.listed == n - 1):
                    self.list_target(seg, text, n)
                elif self._bullet(seg) and n > 0 and (analysed[n - 1][1].rstrip().endswith(":")
                                                     or self.listed == n - 1):
                    self.list_target(seg, text, n, whole=True)  # "- a compound at Jurf al-Sakhar, …;"
                elif _ONE_WAS.match(text) and (0 < n - self.told <= 3 or self.listed == n - 1):
                    self.list_target(seg, text, n, whole=True)
                elif n == self.told + 1 and self.listed != n - 1 and not has_trigger(text):
                    # (a toll after a list is the list's total; "hurt in those attacks" is a sum)
                    self.toll_after(seg, text)
                continue
            self.sentence(seg, text, places, mentions, n)
        return self.finish()

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
                return [_shift(t, -cs) for t in sentence_times() if cl.covers(t.start)]

            m = analyse_clause(cl, [], clause_times)
            if m is not None:
                m.times = [_shift(t, cs) for t in m.times]
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
        dated = [t for t in times if t.date is not None]
        told = [t for t in dated if not is_reported(text, t)]  # "said late Wednesday" dates no event
        if told:
            self.focus = told[-1]
        if dated:
            self.pending.clear()

    def when_for(self, m: Mention, times: list[TimeExpr], mentions: list[Mention]) -> _When:
        own = [t for t in m.times if t.date is not None and t.qualifier is None and t.precision != "year"]
        if own:
            # the most precise, and of those the nearest the trigger ("… began in October and
            # peaked in late January, when a drone strike killed three")
            t = min(own, key=lambda t: (t.precision != "day", abs(t.start - m.trigger_at)))
            quality = "reported" if m.reported_time else "explicit"
            return _When(t.date, t.precision, quality, t.date_start, t.date_end, t.note)
        others = [t for t in times if t.date is not None and t not in m.times and t.precision != "year"
                  and (m.clause.sub or t.qualifier is None)
                  and not (not m.clause.sub and any(x is not m and x.clause.sub and x.clause.covers(t.start)
                                                    for x in mentions))]  # a reaction is not dated by its cause
        if others:
            t = sorted(others, key=lambda t: (t.qualifier is not None, t.precision != "day"))[0]
            if m.clause.sub:
                gap = _GAP_AFTER.match(m.clause.text)
                if gap and t.precision == "day" and t.date:
                    # "… four days after a missile barrage on Al Asad": the gap is told
                    n = parse_number(gap.group("n")) or 1
                    days = n * (7 if gap.group("unit").startswith("week") else 1)
                    return _When(t.date - dt.timedelta(days=days), "day", "derived",
                                 note=f"dated from the reaction it caused ('{t.text}') and the gap the report gives")
                # The cause of a reaction happened before it: "In February the US struck …
                # after a drone attack killed three" puts the attack in the weeks before.
                start = t.date_start or t.date
                end = t.date_end or t.date
                start = start - dt.timedelta(days=30 if t.precision != "day" else 7)
                mid = t.date if t.precision != "day" else t.date - dt.timedelta(days=1)
                return _When(mid, "month" if t.precision != "day" else "week", "inherited", start, end,
                             f"dated from the reaction it caused ('{t.text}')")
            return _When(t.date, t.precision, "inherited", t.date_start, t.date_end, t.note)
        focus = self._latest_time()
        if focus is not None and focus.precision != "year":
            t = focus
            return _When(t.date, t.precision, "focus", t.date_start, t.date_end)
        pub = self.report.published
        if pub is None:
            return _When(None, "day", "default")
        return _When(pub - dt.timedelta(days=1), "week", "default", pub - dt.timedelta(days=7), pub,
                     "the report gives no date; dated to the day before publication")

    def _latest_time(self) -> TimeExpr | None:
        """The last date the text named before here (the "focus" an undated mention takes).
        Sentences without a trigger are only searched for dates when this is asked."""
        for text in reversed(self.pending):
            dated = [t for t in find_times(text, self.report.published) if t.date is not None]
            if dated:
                self.focus = dated[-1]
                break
        self.pending.clear()
        return self.focus

    def place_mention(self, seg: Segment, text: str, m: Mention, times: list[TimeExpr],
                      mentions: list[Mention], main_places: list[PlaceMention] | None, n: int) -> None:
        chosen = _choose_places(m.places, text)
        if m.side1 == "unknown" and m.clause.sub and m.event_type not in _MILITIA_WEAPONS \
                and _RETALIATION.search(text):
            # the cause of a reaction came from the other side ("struck back for the attack")
            main = next((x for x in mentions if not x.clause.sub and x.side1 in OPPONENT), None)
            if main is not None:
                m.side1, m.side_inferred = OPPONENT[main.side1], True
                m.actor1 = m.actor1 or UNIDENTIFIED.get(m.side1)
        if m.side1 == "unknown" and (m.anaphoric or m.definite) and self.drafts:
            last = max(self.drafts, key=lambda d: d.order)  # "the missiles struck …": the attack told last
            m.side1, m.actor1, m.side_inferred = last.m.side1, last.m.actor1, True
        if m.side1 == "unknown":
            m.side1 = self._side_from_context(m)
            if m.side1 == "unknown" and m.event_type != "airstrike" and any(
                    pm.place.kind in ("military_base", "oil_field") and pm.place.country in SCOPE
                    for pm, _ in chosen):
                m.side1 = "iran_aligned"  # an unclaimed attack on a base of the coalition
            if m.side1 == "unknown":
                return
            if m.side1 == "iran_aligned" and not m.actor1:
                m.actor1 = UNIDENTIFIED["iran_aligned"]
                m.side_inferred = True
        if not chosen and m.clause.sub and main_places:
            # A cause told without a place ("… following rocket fire at a US base") is
            # placed no closer than the country of the reaction: the two sites differ.
            first = _choose_places(main_places, text)[:1]
            chosen = [(self._country_mention(pm), None) for pm, _ in first]
            chosen = [c for c in chosen if c[0] is not None]
        when = self.when_for(m, times, mentions)
        has_time = when.quality in ("explicit", "reported", "inherited")
        if m.generic and not has_time:
            return
        if m.anaphoric:
            self.refer(m, chosen, when, seg, n)
            return
        if not chosen and _SAME_SITE.search(m.clause.text):
            site = next((d.place for d in sorted(self.drafts, key=lambda d: -d.order)
                         if d.place is not None and _prec(d.place) == "site"), None)
            if site is not None:  # "a drone was sent at the same base"
                chosen = [(PlaceMention(0, 0, site.name, site, "site"), None)]
        if not chosen:
            if not has_time or self.default_country is None or m.side1 not in ("us", "iran_aligned"):
                return
            if _ELSEWHERE.search(m.clause.text):
                return  # "in the Red Sea, the Houthis attacked …": not the report's country
            chosen = [(PlaceMention(0, 0, self.default_country.name, self.default_country, "country"), None)]
        split = self.counter if len(chosen) > 1 else None
        for pm, note in chosen:
            d = _Draft(m, pm.place, when, [(seg.text, seg.start, seg.end)],
                       row=n if seg.kind == "row" else None, split=split,
                       notes=[x for x in (when.note, note) if x], killed=m.killed, injured=m.injured)
            if d.row is not None:
                d.rows.add(n)
            self.add(d)
            for k in range(1, _repeat(m) + 1):
                prior = _When(when.date - dt.timedelta(days=k), "day", "derived") if when.date else when
                where = self._country_mention(pm)  # the report does not say where the earlier strikes were
                note = (f"the report speaks of strikes for day {k + 1} running; "
                        "this is the earlier day it implies")
                self.add(_Draft(m, where.place if where else pm.place, prior, [(seg.text, seg.start, seg.end)],
                                derived=True, notes=[note]))
        self.counter += 1

    def _bullet(self, seg: Segment) -> bool:
        """Whether ``seg`` is a list item ("- a compound at …"): the reader keeps the marker
        out of the segment, so look at what opens its line."""
        line_start = self.report.text.rfind("\n", 0, seg.start) + 1
        return bool(_BULLET.fullmatch(self.report.text[line_start:seg.start]))

    def list_target(self, seg: Segment, text: str, n: int, whole: bool = False) -> None:
        """"- Al-Qaim, Iraq: militia positions near the crossing" under a line that
        introduces a list, or "The second was a safe house near Mayadeen": one more
        place struck in the event told last."""
        if not self.drafts or self.finder is None:
            return
        if re.search(r"\b\d+\s+(?:attacks|strikes|incidents|times)\b", text):
            return  # "Al-Tanf garrison: 17 attacks." is a tally, not a target
        head = None if whole else _LIST_PLACE.match(text)
        places = [p for p in self.places_in(seg, text) if (head is None or p.end <= head.end())
                  and p.precision != "country"]
        # the event the list belongs to: the last one told in a main clause, not a cause
        base = max(self.drafts, key=lambda d: (not d.m.clause.sub, d.order))
        if not places or base.m.side1 not in ("us", "iran_aligned"):
            return
        self.listed = n
        chosen = [pm for pm, _ in _choose_places(places, text)] if whole else places[:1]
        for pm in chosen:  # "The targets were a camp near Albu Kamal and a depot near Mayadeen."
            self.add(_Draft(base.m, pm.place, base.when, [(seg.text, seg.start, seg.end)],
                            notes=["one of the places listed for this attack"]))

    def toll_after(self, seg: Segment, text: str) -> None:
        """"Police said four people were killed.": a toll told in the sentence right after
        an event, with no event of its own, is that event's."""
        last = max(self.drafts, key=lambda d: d.order) if self.drafts else None
        if last is None or last.killed is not None or last.injured is not None:
            return
        killed, injured = casualties(text)
        if killed is not None or injured is not None:
            last.killed, last.injured = killed, injured
            last.quotes.append((seg.text, seg.start, seg.end))

    def locate(self, seg: Segment, text: str) -> None:
        """"The depot was near Maysalun in Deir ez-Zor": a sentence that only says where
        the target of the last event lies makes that event's place more precise."""
        if not self.drafts or self.finder is None:
            return
        last = max(self.drafts, key=lambda d: d.order)
        chosen = _choose_places(self.places_in(seg, text), text)
        for pm, _note in chosen:
            new = pm.place
            if last.place is not None and PRECISION_RANK[_prec(new)] >= PRECISION_RANK[_prec(last.place)]:
                continue
            if last.place is not None and not (contains(last.place, new) or new.country == last.place.country):
                continue
            last.place = new
            last.quotes.append((seg.text, seg.start, seg.end))
            return

    def _country_mention(self, pm: PlaceMention) -> PlaceMention | None:
        if pm.precision == "country" or self.finder is None:
            return pm
        hits = [p for p in self.finder._lookup(_COUNTRY_NAMES.get(pm.place.country, pm.place.country))
                if p.kind == "country"]
        return PlaceMention(pm.start, pm.end, hits[0].name, hits[0], "country") if hits else None

    def _side_from_context(self, m: Mention) -> str:
        if m.event_type in _MILITIA_WEAPONS:
            return "iran_aligned"  # unclaimed rockets, drones and roadside bombs in this war
        if is_blast(m.trigger):
            return "unknown"  # a blast nobody is said to have caused is not put on a side
        kinds = Counter(d.m.side1 for d in self.drafts if d.m.event_type == m.event_type or m.event_type == "attack")
        return kinds.most_common(1)[0][0] if kinds else "unknown"

    def add(self, d: _Draft) -> None:
        for old in reversed(self.drafts):
            if self._joinable(old, d):
                self._merge(old, d)
                return
        self.counter += 1
        d.order = self.counter
        self.drafts.append(d)

    def _joinable(self, old: _Draft, new: _Draft) -> bool:
        if old.m.side1 != new.m.side1 or not _types_ok(old.m.event_type, new.m.event_type):
            return False
        if new.split is not None and old.split == new.split:
            return False
        if new.rows and old.rows and not new.rows & old.rows:
            return False
        if new.row is not None and old.rows and new.row not in old.rows:
            return False
        if not _dates_ok(old.when, new.when):
            return False
        if not _places_ok(old.place, new.place):
            return False
        if old.derived != new.derived and old.when.date != new.when.date:
            return False
        return True

    def _merge(self, old: _Draft, new: _Draft, anaphor: bool = False) -> None:
        if new.place is not None and (old.place is None or PRECISION_RANK[_prec(new.place)] < PRECISION_RANK[_prec(old.place)]):
            old.place = new.place
        if _time_rank(new.when) < _time_rank(old.when) or (
                _time_rank(new.when) == _time_rank(old.when) and new.when.precision == "day" and old.when.precision != "day"):
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

    def refer(self, m: Mention, chosen: list[tuple[PlaceMention, str | None]], when: _When,
              seg: Segment, n: int) -> None:
        """A definite reference ("the strikes") adds detail to the event it refers to."""
        own_time = when.quality in ("explicit", "reported")
        candidates = [d for d in self.drafts if not d.derived
                      and (d.m.side1 == m.side1 or (m.side_inferred and not m.clause.sub))
                      and (not own_time or _dates_ok(d.when, when))]
        candidates = [d for d in candidates if _types_ok(d.m.event_type, m.event_type)] or candidates
        candidates.sort(key=lambda d: (d.m.side1 == m.side1, d.order), reverse=True)
        places = [pm.place for pm, _ in chosen] or [None]
        used: set[int] = set()
        for place in places:
            target = next((d for d in candidates if id(d) not in used and _places_ok(d.place, place)
                           and (place is None or not (d.rows and d.place is not None and d.place.id != place.id and not contains(place, d.place)))), None)
            if target is None:
                if place is not None and not candidates and PRECISION_RANK[_prec(place)] <= 1 \
                        and m.side1 in ("us", "iran_aligned"):
                    # "the strike in Jurf al-Sakhar killed …" as the report's first word on it
                    d = _Draft(m, place, when, [(seg.text, seg.start, seg.end)],
                               notes=[when.note] if when.note else [], killed=m.killed, injured=m.injured)
                    self.add(d)
                    continue
                if place is None or not candidates or PRECISION_RANK[_prec(place)] > 1:
                    continue
                # "… a training facility near X and a safe house near Y": a second target
                # of the strikes already told becomes an event of its own, on their date.
                base = candidates[0]
                d = _Draft(base.m, place, when if own_time else base.when, [(seg.text, seg.start, seg.end)],
                           notes=list(base.notes), killed=None, injured=None)
                self.counter += 1
                d.order = self.counter
                self.drafts.append(d)
                used.add(id(d))
                continue
            used.add(id(target))
            if (m.killed is not None or m.injured is not None) and re.search(r"s\b", m.trigger or "") \
                    and (place is None or _prec(place) in ("country", "admin1")) \
                    and sum(d.m is target.m and not d.derived for d in self.drafts) > 1:
                # "the raids killed 16 in Iraq": a toll for several of the places struck is
                # no one place's toll
                m.killed = m.injured = None
            sharper = place is not None and PRECISION_RANK[_prec(place)] < PRECISION_RANK[_prec(target.place)]
            news = sharper or (m.killed is not None and target.killed is None) or (
                m.injured is not None and target.injured is None) or (
                m.targets_count is not None and target.m.targets_count is None) or (
                own_time and _time_rank(when) < _time_rank(target.when))
            if not news:
                continue  # "the strikes" that adds nothing is not evidence of its own
            extra = _Draft(m, place if sharper else target.place, when if own_time else target.when,
                           [(seg.text, seg.start, seg.end)], killed=m.killed, injured=m.injured)
            m.event_type = target.m.event_type
            self._merge(target, extra, anaphor=True)

    # -- output -------------------------------------------------------------------------
    def finish(self) -> list[Event]:
        from geo.extract.background import sort_news

        sort_news(self)
        out = []
        for d in self.drafts:
            if d.place is None:
                continue
            out.append(self.to_event(d))
        return out

    def to_event(self, d: _Draft) -> Event:
        r = self.report
        p = d.place
        m = d.m
        sources = tuple(Source(doc=r.doc, title=r.title, outlet=r.outlet, published=r.published,
                               url=r.url, quote=q, start=s, end=e) for q, s, e in d.quotes)
        precision = _prec(p)
        conf = 0.45
        conf += {"explicit": 0.25, "derived": 0.15, "reported": 0.2, "inherited": 0.1, "focus": 0.0,
                 "default": -0.15}[d.when.quality]
        conf += {"site": 0.15, "town": 0.15, "admin1": 0.1, "country": 0.0}[precision]
        conf += 0.0 if m.side_inferred else 0.1
        conf += min(0.1, 0.03 * (len(d.quotes) - 1))
        notes = list(dict.fromkeys(d.notes))
        if m.reporter:
            notes.append(f"reported by {m.reporter}")
        return Event(
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
            confidence=round(max(0.05, min(0.95, conf)), 2), sources=sources,
            notes="; ".join(notes) or None,
        )


def _prec(place: Any) -> str:
    from geo.extract.places import PRECISION_OF_KIND

    return PRECISION_OF_KIND.get(place.kind, "town") if place is not None else None  # type: ignore[return-value]


def _repeat(m: Mention) -> int:
    return max((t.repeat_days for t in m.times), default=0)


def _shift(t: TimeExpr, by: int) -> TimeExpr:
    return TimeExpr(t.start + by, t.end + by, t.text, t.date, t.precision, t.kind, t.qualifier, t.note,
                    t.repeat_days, t.date_start, t.date_end)



_NEAR = re.compile(r"(?:\bnear|\bclose to|\boutside|\bnot far from|\bin the vicinity of|\bon the outskirts of|"
                   r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of)\s+(?:the\s+)?"
                   r"(?:(?:city|town|village|base|area)\s+of\s+)?$", re.IGNORECASE)


def _choose_places(places: list[PlaceMention], text: str) -> list[tuple[PlaceMention, str | None]]:
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
        if re.match(r",\s*(?:some\s+|about\s+|\d+\s*(?:km|kilomet\w+|miles)\s+)?(?:north|south|east|west)\w*\s+of\s+(?:the\s+)?"
                    r"(?:(?:city|town|capital)\s+of\s+)?$", between, re.IGNORECASE):
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


def extract_report(report: Report, finder: PlaceFinder | None) -> list[Event]:
    """The events one report tells (see the module docstring for how mentions combine)."""
    return _Document(report, finder).run()
