"""When a mention happened: which of the times a sentence names dates it, and how surely.

A clause's own date wins ("on Tuesday"); a date that dates the telling ("said on
Tuesday") does not date the event; a clause with no date of its own takes one from its
sentence, except that a reaction is never dated by its cause; a cause ("… four days after
a missile barrage") is dated back from its reaction; an undated mention takes the last
date the report named (its "focus"), and failing all that the day before publication.
The ``quality`` of the answer (explicit, derived, reported, inherited, focus, default)
says how it was found, and decides which date wins when mentions are joined.

Its word lists and patterns, each with what it covers and examples: ``data/when.yaml``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.extract.dates import TimeExpr, find_times
from geo.extract.lexicon import pattern
from geo.extract.numbers import parse_number

if TYPE_CHECKING:
    from geo.extract.mention import Mention

__all__ = ["Focus", "When", "dates_ok", "is_reported", "repeat_days", "shift", "time_rank", "when_for"]

_GAP_AFTER = pattern("when", "gap_after")
_REPORTED_TIME = pattern("when", "reported_time")


@dataclass
class When:
    """A mention's date, its precision and how it was found."""

    date: dt.date | None
    precision: str
    quality: str  # explicit | reported | inherited | focus | default | derived
    start: dt.date | None = None
    end: dt.date | None = None
    note: str | None = None


def is_reported(text: str, t: TimeExpr) -> bool:
    """Whether ``t`` dates the telling ("said on Tuesday"), not the event."""
    return bool(_REPORTED_TIME.search(text[max(0, t.start - 50):t.start]))


def time_rank(w: When) -> int:
    """How surely a date was found (lower is surer): the surer wins when mentions join."""
    return {"explicit": 0, "derived": 1, "reported": 2, "inherited": 3, "focus": 4, "default": 5}[w.quality]


def dates_ok(a: When, b: When) -> bool:
    """Whether two mentions' dates allow them to be one event."""
    if a.date is None or b.date is None:
        return True
    if a.quality in ("explicit", "derived") and b.quality in ("explicit", "derived") \
            and a.precision == "day" and b.precision == "day":
        return a.date == b.date
    if a.precision != "day" or b.precision != "day":
        def span(w: When) -> tuple[dt.date, dt.date]:
            return (w.start or w.date, w.end or w.date)  # type: ignore[return-value]
        (a0, a1), (b0, b1) = span(a), span(b)
        slack = dt.timedelta(days=3)
        return a0 - slack <= b1 and b0 - slack <= a1
    return abs((a.date - b.date).days) <= 2


def shift(t: TimeExpr, by: int) -> TimeExpr:
    """``t`` with its offsets moved by ``by`` (clause offsets to sentence offsets)."""
    return TimeExpr(t.start + by, t.end + by, t.text, t.date, t.precision, t.kind, t.qualifier, t.note,
                    t.repeat_days, t.date_start, t.date_end)


def repeat_days(m: Mention) -> int:
    """"for a second day running": how many earlier days of strikes the mention implies."""
    return max((t.repeat_days for t in m.times), default=0)


class Focus:
    """The last date the report named before the sentence being read.

    Sentences that tell nothing are kept as text and searched for dates only when an
    undated mention asks: most reports never need it."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.focus: TimeExpr | None = None
        self.pending: list[str] = []  # sentences since the last one read in full

    def latest(self) -> TimeExpr | None:
        """The last date named before here (the "focus" an undated mention takes)."""
        for text in reversed(self.pending):
            dated = [t for t in find_times(text, self.published) if t.date is not None]
            if dated:
                self.focus = dated[-1]
                break
        self.pending.clear()
        return self.focus

    def told(self, text: str, times: list[TimeExpr]) -> None:
        """After a sentence that told an event: its last date of an event is the new focus."""
        dated = [t for t in times if t.date is not None]
        told = [t for t in dated if not is_reported(text, t)]  # "said late Wednesday" dates no event
        if told:
            self.focus = told[-1]
        if dated:
            self.pending.clear()


def when_for(m: Mention, times: list[TimeExpr], mentions: list[Mention], focus: Focus) -> When:
    """The date of mention ``m`` among its sentence's ``times`` and ``mentions``."""
    own = [t for t in m.times if t.date is not None and t.qualifier is None and t.precision != "year"]
    if own:
        # the most precise, and of those the nearest the trigger ("… began in October and
        # peaked in late January, when a drone strike killed three")
        t = min(own, key=lambda t: (t.precision != "day", abs(t.start - m.trigger_at)))
        quality = "reported" if m.reported_time else "explicit"
        return When(t.date, t.precision, quality, t.date_start, t.date_end, t.note)
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
                return When(t.date - dt.timedelta(days=days), "day", "derived",
                            note=f"dated from the reaction it caused ('{t.text}') and the gap the report gives")
            # The cause of a reaction happened before it: "In February the US struck …
            # after a drone attack killed three" puts the attack in the weeks before.
            start = t.date_start or t.date
            end = t.date_end or t.date
            start = start - dt.timedelta(days=30 if t.precision != "day" else 7)
            mid = t.date if t.precision != "day" else t.date - dt.timedelta(days=1)
            return When(mid, "month" if t.precision != "day" else "week", "inherited", start, end,
                        f"dated from the reaction it caused ('{t.text}')")
        return When(t.date, t.precision, "inherited", t.date_start, t.date_end, t.note)
    latest = focus.latest()
    if latest is not None and latest.precision != "year":
        t = latest
        return When(t.date, t.precision, "focus", t.date_start, t.date_end)
    pub = focus.published
    if pub is None:
        return When(None, "day", "default")
    return When(pub - dt.timedelta(days=1), "week", "default", pub - dt.timedelta(days=7), pub,
                "the report gives no date; dated to the day before publication")
