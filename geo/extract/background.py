"""A report's news and its background: which events a report tells as its own news, and
which it only retells, gives as a cause or a comparison, counts in a tally or shows in a
picture caption.

GDELT-style extraction floods a map with background: "… came days after a drone killed
three soldiers" becomes a second event on the report's date, "the largest of more than
140 attacks" becomes a country-wide point, "Mourners carry a coffin …" becomes a strike.
This pass runs over a report's events once its mentions are put together
(:mod:`geo.extract.discourse`), and for each decides how the report tells it:

* **news** — told in a main clause without a retelling cue, or told again that way;
* **background** — told only in a cause clause beside a reaction ("… in retaliation for
  the attack on Tower 22"), or with a retelling cue (``data/background.yaml``);
* **caption** — told only in a picture caption or credit;
* **correction** — told only in a correction note ("An earlier version of this story
  said …"), which says what did not happen as first told.

Background that matches an event the report tells as news is joined to it (its sources
added, never a second point); background dated to the day and placed to a site or town
is kept, marked in ``notes``, with a lower confidence; the rest of the background and
every caption- or correction-only event is dropped.  Tallies placed to a country are
dropped too, and so is any event told as more than ``STALE_DAYS`` older than its report
unless it is precise.  Last, what only echoes a sharper event is joined to it
(:func:`_absorbed`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from geo.extract.attach import PRECISION_RANK, contains, precision_of
from geo.extract.discourse import EventBook, places_ok, types_ok
from geo.extract.when import dates_ok

__all__ = ["STALE_DAYS", "Cue", "cues", "sentence_role", "sort_news"]

#: An event this many days older than its report is background, not the report's news.
STALE_DAYS = 45

_DATA = Path(__file__).resolve().parent / "data" / "background.yaml"
_WEAK = ("an attack named as what the news came after", "the cause of a reaction",
         "a comparison with earlier attacks")


@dataclass(frozen=True, slots=True)
class Cue:
    """One construction that marks a telling as background, a tally or a caption."""

    kind: str  # retelling | tally | caption
    covers: str
    pattern: re.Pattern[str]
    strong: bool  # also marks an event told in a main clause (not only a cause clause)
    unless_before: re.Pattern[str] | None = None  # words that, before the cue, cancel it
    keys: tuple[str, ...] = ()  # one of these substrings must be in the text (a fast pre-test)

    def search(self, text: str) -> bool:
        if self.keys:
            lower = text.lower()
            if not any(k in lower for k in self.keys):
                return False
        m = self.pattern.search(text)
        return bool(m) and not (self.unless_before and self.unless_before.search(text, 0, m.start()))


@lru_cache(maxsize=1)
def cues() -> tuple[Cue, ...]:
    import yaml

    data = yaml.load(_DATA.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    out = []
    for kind in ("retelling", "tally", "caption", "correction"):
        for entry in data.get(kind) or []:
            strong = not any(entry["covers"].startswith(w) for w in _WEAK)
            unless = entry.get("unless_before")
            out.append(Cue(kind, entry["covers"], re.compile(entry["pattern"], re.IGNORECASE), strong,
                           re.compile(unless, re.IGNORECASE) if unless else None,
                           tuple(str(k).lower() for k in entry.get("keys") or ())))
    return tuple(out)


def _first(kind: str, text: str, strong_only: bool = False) -> Cue | None:
    return next((c for c in cues() if c.kind == kind and (c.strong or not strong_only) and c.search(text)),
                None)


def sentence_role(text: str, *, cause_clause: bool = False, line: str | None = None) -> str:
    """How one sentence tells its event: ``news``, ``background``, ``tally``,
    ``caption`` or ``correction``.  ``cause_clause`` says the event sits in a clause that gives a cause
    ("after …", "in retaliation for …"); ``line`` is the paragraph the sentence is in (a
    caption is a line of its own)."""
    if _first("caption", line if line is not None else text):
        return "caption"
    if _first("correction", line if line is not None else text):
        return "correction"
    if _first("retelling", text, strong_only=not cause_clause):
        return "background"
    if _first("tally", text):
        return "tally"
    return "news"


def _line(text: str, start: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return text[a:b if b >= 0 else len(text)]


def _role(book: Any, text: str, d: Any) -> str:
    """How the report tells draft ``d``: the best role of any of its sentences."""
    roles = []
    for i, (quote, start, _end) in enumerate(d.quotes):
        line = _line(text, start)
        if i == 0:
            sub = d.m.clause.sub
            clause = d.m.clause.text
            # a cause clause is background when a reaction is told beside it
            beside = sub and any(o is not d and o.quotes[0][1] == start and not o.m.clause.sub for o in book.drafts)
            role = sentence_role(quote if sub else clause, cause_clause=sub, line=line if len(line) < 400 else quote)
            if role == "news" and beside:
                role = "background"
        else:
            role = sentence_role(quote, line=line if len(line) < 400 else quote)
        roles.append(role)
    for best in ("news", "background", "tally", "caption", "correction"):
        if best in roles:
            return best
    return "news"


def _precise(d: Any) -> bool:
    return (d.when.quality in ("explicit", "derived") and d.when.precision == "day"
            and d.place is not None and precision_of(d.place) in ("site", "town"))


def _retold(d: Any, news: list[Any]) -> Any:
    """The news event that background draft ``d`` retells, if any."""
    for n in sorted(news, key=lambda n: -n.order):
        if n.m.side1 != d.m.side1 and not d.m.side_inferred:
            continue
        if not types_ok(n.m.event_type, d.m.event_type):
            continue
        coarse = d.place is not None and precision_of(d.place) in ("admin1", "country")
        if not (places_ok(n.place, d.place) or (coarse and n.place is not None
                                                and n.place.country == d.place.country)):
            continue
        if dates_ok(n.when, d.when) or d.when.quality in ("inherited", "focus", "default"):
            return n
    return None


def _stale(d: Any, published: dt.date | None) -> bool:
    """Whether ``d`` happened well before the report: news is recent, so an event told
    as months old is background however the sentence tells it."""
    last = d.when.end or d.when.date
    return published is not None and last is not None and (published - last).days > STALE_DAYS


def sort_news(book: EventBook, text: str, published: dt.date | None = None) -> None:
    """Decide news from background for every draft in ``book`` (one report's events;
    ``text`` is the report's, ``published`` its date), joining retellings to the news they
    retell and dropping what cannot stand alone."""
    if not book.drafts:
        return
    roles = {id(d): _role(book, text, d) for d in book.drafts}
    for d in book.drafts:
        if roles[id(d)] == "news" and _stale(d, published):
            roles[id(d)] = "background"
    news = [d for d in book.drafts if roles[id(d)] == "news"]
    keep = []
    for d in book.drafts:
        role = roles[id(d)]
        d.told = role
        if role == "news":
            keep.append(d)
            continue
        if role == "tally" and not (d.place is not None and precision_of(d.place) == "country"):
            d.told = "news"  # a count that still names one place is that place's event
            keep.append(d)
            continue
        target = _retold(d, news) if role == "background" else None
        if target is not None:
            book._merge(target, d, anaphor=True)
            continue
        if role == "background" and _precise(d):
            d.notes.append("told as background in this report (a retelling, a cause or a comparison)")
            keep.append(d)
    book.drafts[:] = _absorbed(keep)


def _absorb(into: Any, d: Any, note: str) -> None:
    """Add ``d``'s sentences to ``into`` as evidence, leaving its fields as they are."""
    for q in d.quotes:
        if q not in into.quotes:
            into.quotes.append(q)
    if note not in into.notes:
        into.notes.append(note)


def _absorbed(drafts: list[Any]) -> list[Any]:
    """Join what only summarises or echoes the report's sharper events to them:

    * a lead that sums up strikes placed no closer than a country or governorate ("Turkish
      jets struck targets across northern Iraq") when the report goes on to name the
      places, on the same days, of the same side;
    * a blast nobody is said to have caused at the place and on the day of an attack the
      report tells ("explosions were heard at the base" after the rockets hit it);
    * an attack whose side was only inferred, at the place and on the day of one whose
      attacker the report names ("an air strike killed five Guards officers in Mezzeh"
      beside "the Israeli strike in Mezzeh").

    Their counts are left out: a summary's toll is the sum of its parts, not one part's.
    """
    out = list(drafts)
    for d in sorted(drafts, key=lambda d: d.order):
        if d.place is None or d not in out:
            continue
        coarse = precision_of(d.place) in ("admin1", "country")
        blast = d.m.event_type == "explosion" and d.m.side1 == "unknown"
        refers = d.m.anaphoric or d.m.definite  # "Wednesday's strike", "the raid"
        if d.m.side_inferred:
            named = next((n for n in out if n is not d and n.place is not None and not n.m.side_inferred
                          and n.m.side1 != d.m.side1 and types_ok(n.m.event_type, d.m.event_type)
                          and dates_ok(n.when, d.when) and abs(_day(n) - _day(d)) <= 1
                          and places_ok(n.place, d.place)), None)
            if named is not None:
                _absorb(named, d, "a telling that names nobody, at the same place and time, is taken as this one")
                out.remove(d)
                continue
        if not (coarse or blast or refers):
            continue
        for n in sorted((x for x in out if x is not d and x.place is not None), key=lambda x: x.order):
            sharper = PRECISION_RANK[precision_of(n.place)] < PRECISION_RANK[precision_of(d.place)]
            if not dates_ok(n.when, d.when) or abs(_day(n) - _day(d)) > 1:
                continue
            if refers and not coarse and not blast:
                if n.m.side1 == d.m.side1 and types_ok(n.m.event_type, d.m.event_type) \
                        and (places_ok(n.place, d.place) or contains(d.place, n.place)) and n.order < d.order:
                    _absorb(n, d, "a later reference to this attack")
                    out.remove(d)
                    break
                continue
            same_sentence = n.quotes[0][1] == d.quotes[0][1]  # "explosions were heard after drones struck …"
            if blast and n.m.side1 != "unknown" and (places_ok(n.place, d.place) or same_sentence):
                if _CLAIMED.search(" ".join(q for q, _s, _e in n.quotes)):
                    # "he believed it had been hit by an American air strike": a claim about
                    # the blast, not an attack of its own; the blast stays of unknown cause
                    _absorb(d, n, f"blamed on {n.m.side1.replace('_', ' ')} in the report (a claim)")
                    out.remove(n)
                else:
                    _absorb(n, d, "a blast told at the same place and time is taken as this attack's")
                    out.remove(d)
                break
            if coarse and sharper and n.m.side1 == d.m.side1 and types_ok(n.m.event_type, d.m.event_type) \
                    and contains(d.place, n.place):
                _absorb(n, d, "the report's summary of several strikes also names this one")
                out.remove(d)
                break
    return out


_CLAIMED = re.compile(r"\b(?:believed|believes|suspected|suspects|accused|accuses|blamed|blames|claimed|claims|"
                      r"alleged|said it was|may have been|might have been)\b", re.IGNORECASE)


def _day(d: Any) -> int:
    return d.when.date.toordinal() if d.when.date else 0

