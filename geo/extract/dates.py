"""Time expressions: explicit dates, weekdays and months read against the publication date.

News reports date events relative to the day they appear ("on Tuesday", "last week",
"earlier this month") and often leave out the year.  Each expression resolves to a date
with a precision (day, week, month, year) and a *kind* that says how much to trust it:
``explicit`` (the text names the day), ``weekday``, ``relative``, ``month``, ``year``.
``qualifier`` marks spans ("since October 7", "from … until …"), which describe
aggregates rather than one event.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["MONTHS", "WEEKDAYS", "TimeExpr", "find_times"]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:night|morning|evening|afternoon))?"
_ORD = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(r"\b(?:" + _WD.replace("?P<wd>", "?P<wd1>") + r",?\s+)?" + _MON + r"\s+" + _DAY
                       + r"\b(?:,?\s+" + _YEAR + r")?", re.IGNORECASE)),
    ("dmy", re.compile(r"\b(?:" + _WD.replace("?P<wd>", "?P<wd1>") + r",?\s+)?(?:the\s+)?" + _DAY
                       + r"\s+(?:of\s+)?" + _MON + r"(?:,?\s+" + _YEAR + r")?\b", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?P<mod>late|early|last|this|next|on|since)?\s*" + _WD + _PART + r"\b", re.IGNORECASE)),
    ("month", re.compile(r"\b(?P<mod>early|mid|late|since|until|from|in|during|by)?[\s-]*" + _MON
                         + r"(?:(?:,?\s+" + _YEAR + r")|\s+of\s+(?P<rel>this|last)\s+year)?\b", re.IGNORECASE)),
    ("relative", re.compile(
        r"\b(?P<rel>yesterday|today|tonight|last night|overnight|this morning|earlier today|"
        r"(?:over|in|during) the (?:past|last) (?:24|48|twenty-four|forty-eight) hours|"
        r"(?:over|in|during) (?:a|the) (?:24|48)-hour period|"
        r"(?:over|in|during) the (?:past|last) (?:day|few days|several days|two days|three days)|"
        r"(?:earlier|late|later) this week|this week|last week|(?:over )?the (?:past|last) week|"
        r"(?:over|at|during) the weekend|this weekend|last weekend|earlier this month|this month|last month|earlier this year|"
        r"this year|last year|(?:over|in) (?:the )?(?:past|last|recent) (?:weeks|months|years)|"
        r"in recent (?:days|weeks|months|years)|over recent (?:days|weeks|months))\b", re.IGNORECASE)),
    ("year", re.compile(r"\b(?P<mod>in|since|until|from|during|by)\s+" + _YEAR + r"\b", re.IGNORECASE)),
    # fixed-date holidays ("on Christmas morning", "on New Year's Eve"): the most recent
    # before publication unless a year is given
    ("holiday", re.compile(r"\b(?P<hol>Christmas(?: Day| Eve)?|New Year(?:[’']s)? (?:Day|Eve))(?:,?\s+" + _YEAR + r")?\b")),
    # "on the 18th": a day of the month the report is written in (or of the one before)
    ("ordinal", re.compile(r"\b(?:on|by|since|until)\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?"
                           r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|century|anniversary|time|day|floor|division|brigade))",
                           re.IGNORECASE)),
]
_SECOND_DAY = re.compile(r"\bfor (?:a|the) (?P<ord>second|third|fourth|fifth|2nd|3rd|4th|5th) (?:straight |consecutive )?(?:day|night)\b", re.IGNORECASE)
_SPAN_BEFORE = re.compile(r"\b(?:since|from|until|till|through|between|starting|(?:began|begun|started|broke out|erupted)"
                          r"\s+(?:in|on))\s+(?:early |late |mid-?)?(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One time expression, resolved."""

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: str  # day | week | month | year
    kind: str  # explicit | weekday | relative | month | year
    qualifier: str | None = None  # "since", "until", "from" … (a span, not a point)
    note: str | None = None
    repeat_days: int = 0  # "for a second day": the event also happened this many days before
    date_start: dt.date | None = None
    date_end: dt.date | None = None


def _year_for(month: int, day: int, published: dt.date) -> int:
    """The year that puts month/day closest before publication (news looks back)."""
    year = published.year
    try:
        if dt.date(year, month, day) > published + dt.timedelta(days=7):
            year -= 1
    except ValueError:
        pass
    return year


def _weekday_before(wd: int, published: dt.date) -> dt.date:
    return published - dt.timedelta(days=(published.weekday() - wd) % 7)


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, 15), dt.date(year, month, last)


_MONTH_PREFIXES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE_WORDS = ("yesterday", "today", "tonight", "night", "overnight", "morning", "hour", "week", "month",
                   "year", "past", "recent", "days")


def _present(text: str) -> set[str]:
    """Which kinds of time expression could be in ``text`` (plain substring tests: fast)."""
    lower = text.lower()
    found = set()
    if _DIGIT.search(text):
        found.add("digit")
    if any(m in text for m in _MONTH_PREFIXES):
        found.add("month")
    if "day" in lower and any(w in lower for w in _WEEKDAY_NAMES):
        found.add("weekday")
    if any(w in lower for w in _RELATIVE_WORDS):
        found.add("relative")
    if "Christmas" in text or "New Year" in text:
        found.add("holiday")
    return found


_DIGIT = re.compile(r"\d")


def find_times(text: str, published: dt.date | None) -> list[TimeExpr]:
    """All time expressions in ``text``, resolved against ``published`` (may be None)."""
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    present = _present(text)
    if not present:
        return []
    for kind, pat in _PATTERNS:
        if kind in ("iso", "year", "ordinal") and "digit" not in present:
            continue
        if kind in ("mdy", "dmy") and not ("digit" in present and "month" in present):
            continue
        if kind == "month" and "month" not in present:
            continue
        if kind == "weekday" and "weekday" not in present:
            continue
        if kind == "relative" and "relative" not in present:
            continue
        if kind == "holiday" and "holiday" not in present:
            continue
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            if not free(s, e):
                continue
            expr = _resolve(kind, m, text, published)
            if expr is None:
                continue
            taken.append((s, e))
            found.append(expr)
    found.sort(key=lambda t: t.start)
    rep = _SECOND_DAY.search(text)
    if rep:
        n = _ORD[rep.group("ord").lower()] - 1
        best = min((t for t in found if t.precision == "day"), default=None,
                   key=lambda t: abs(t.start - rep.start()))
        if best is not None:
            i = found.index(best)
            found[i] = TimeExpr(best.start, best.end, best.text, best.date, best.precision,
                                best.kind, best.qualifier, best.note, n)
    return found


def _qualifier(text: str, start: int, mod: str | None) -> str | None:
    if mod and mod.lower() in ("since", "until", "from", "by"):
        return mod.lower()
    m = _SPAN_BEFORE.search(text[max(0, start - 25):start])
    return m.group(0).split()[0].lower() if m else None


def _resolve(kind: str, m: re.Match[str], text: str, pub: dt.date | None) -> TimeExpr | None:
    s, e, raw = m.start(), m.end(), m.group(0).strip()
    gd = m.groupdict()
    if kind == "iso":
        try:
            d = dt.date(int(gd["year"]), int(gd["m"]), int(gd["day"]))
        except ValueError:
            return None
        return TimeExpr(s, e, raw, d, "day", "explicit", _qualifier(text, s, None))
    if kind == "holiday":
        name = gd["hol"].lower()
        month, day = (12, 24 if "eve" in name else 25) if name.startswith("christmas") else \
            ((12, 31) if "eve" in name else (1, 1))
        year = int(gd["year"]) if gd.get("year") else (_year_for(month, day, pub) if pub else None)
        if year is None:
            return None
        return TimeExpr(s, e, raw, dt.date(year, month, day), "day", "explicit", _qualifier(text, s, None))
    if kind == "ordinal":
        if pub is None:
            return None
        day = int(gd["day"])
        year, month = (pub.year, pub.month) if day <= pub.day else \
            ((pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12))
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        return TimeExpr(s, e, raw, d, "day", "explicit", _qualifier(text, s, None),
                        f"'{raw}' read as a day of the month of publication, or of the month before")
    if kind in ("mdy", "dmy"):
        month, day = MONTHS[gd["mon"].lower().rstrip(".")], int(gd["day"])
        year = int(gd["year"]) if gd.get("year") else (_context_year(text, s) or (_year_for(month, day, pub) if pub else None))
        if year is None:
            return TimeExpr(s, e, raw, None, "day", "explicit", _qualifier(text, s, None))
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        note = None
        wd_name = gd.get("wd1") or _weekday_before_text(text, s)
        if wd_name and pub:
            wd = WEEKDAYS[wd_name.lower()]
            if d.weekday() != wd:
                said = (f"the report says '{raw}', but {d.isoformat()} was a "
                        f"{calendar.day_name[d.weekday()]}; ")
                if abs((pub - d).days) <= 7:
                    # A weekday is written relative to the day of writing; a slipped date
                    # (yesterday's date copied from a wire) is the commoner error.
                    by_weekday = _weekday_before(wd, pub)
                    note = said + (f"dated to the {wd_name.capitalize()} before publication "
                                   f"({by_weekday.isoformat()})")
                    d = by_weekday
                else:
                    note = said + "kept the date"
        return TimeExpr(s, e, raw, d, "day", "explicit", _qualifier(text, s, None), note)
    if kind == "weekday":
        mod = (gd.get("mod") or "").lower()
        if mod == "next":
            return None
        if pub is None:
            return TimeExpr(s, e, raw, None, "day", "weekday", _qualifier(text, s, mod))
        d = _weekday_before(WEEKDAYS[gd["wd"].lower()], pub)
        if mod == "last" and d == pub:
            d -= dt.timedelta(days=7)
        return TimeExpr(s, e, raw, d, "day", "weekday", _qualifier(text, s, mod))
    if kind == "month":
        mod = (gd.get("mod") or "").lower()
        mon = gd["mon"]
        if mon.lower().rstrip(".") == "may" and not gd.get("year") and not gd.get("rel") and mod not in ("in", "since", "until", "from", "during", "early", "mid", "late", "by"):
            return None  # "may" the modal verb
        if mon[0].islower():
            return None
        month = MONTHS[mon.lower().rstrip(".")]
        if gd.get("year"):
            year = int(gd["year"])
        elif pub is None:
            return TimeExpr(s, e, raw, None, "month", "month", _qualifier(text, s, mod))
        elif gd.get("rel") == "last":
            year = pub.year - 1
        elif gd.get("rel") == "this":
            year = pub.year
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        first, mid, last = _month_span(year, month)
        return TimeExpr(s, e, raw, mid, "month", "month", _qualifier(text, s, mod),
                        date_start=first, date_end=last)
    if kind == "year":
        year = int(gd["year"])
        return TimeExpr(s, e, raw, dt.date(year, 7, 1), "year", "year",
                        _qualifier(text, s, gd.get("mod")), date_start=dt.date(year, 1, 1),
                        date_end=dt.date(year, 12, 31))
    if kind == "relative":
        rel = gd["rel"].lower()
        if pub is None:
            return TimeExpr(s, e, raw, None, "day", "relative")
        return _relative(s, e, raw, rel, pub)
    return None


_YEAR_BEFORE = re.compile(r"\b(?:in|of|during|since)\s+(?:(?:the\s+)?(?:summer|spring|autumn|fall|winter|early|late|mid)\s+(?:of\s+)?)?"
                          r"(?P<year>(?:19|20)\d\d)\b(?![-/]\d)", re.IGNORECASE)


def _context_year(text: str, start: int) -> int | None:
    """The year a sentence has set before a date that gives none ("in the summer of 2019,
    … on Aug. 12 of that year"): the last "in/of/during YEAR" before it."""
    found = [m for m in _YEAR_BEFORE.finditer(text, 0, start)]
    return int(found[-1].group("year")) if found else None


def _weekday_before_text(text: str, start: int) -> str | None:
    m = re.search(_WD + r"\W*(?:\w+\W+)?$", text[max(0, start - 25):start], re.IGNORECASE)
    return m.group("wd") if m else None


def _relative(s: int, e: int, raw: str, rel: str, pub: dt.date) -> TimeExpr:
    day = dt.timedelta(days=1)
    if rel in ("today", "tonight", "this morning", "earlier today"):
        return TimeExpr(s, e, raw, pub, "day", "relative")
    if rel in ("yesterday", "last night", "overnight") or "24" in rel or "twenty-four" in rel \
            or rel.endswith("past day") or rel.endswith("last day"):
        return TimeExpr(s, e, raw, pub - day, "day", "relative", date_start=pub - day, date_end=pub)
    if "48" in rel or "forty-eight" in rel or "days" in rel and "recent" not in rel:
        return TimeExpr(s, e, raw, pub - day, "week", "relative", date_start=pub - 3 * day, date_end=pub)
    if "weekend" in rel:
        sat = _weekday_before(5, pub)
        return TimeExpr(s, e, raw, sat, "week", "relative", date_start=sat, date_end=sat + day)
    if rel in ("last week", "the past week", "the last week", "over the past week", "over the last week"):
        return TimeExpr(s, e, raw, pub - 7 * day, "week", "relative",
                        date_start=pub - 10 * day, date_end=pub - 4 * day)
    if "week" in rel and "weeks" not in rel:
        start = pub - dt.timedelta(days=pub.weekday())
        return TimeExpr(s, e, raw, start + (pub - start) / 2, "week", "relative",
                        date_start=start, date_end=pub)
    if rel in ("earlier this month", "this month"):
        first = pub.replace(day=1)
        return TimeExpr(s, e, raw, first + (pub - first) / 2, "month", "relative",
                        date_start=first, date_end=pub)
    if rel == "last month":
        prev = pub.replace(day=1) - day
        first, mid, last = _month_span(prev.year, prev.month)
        return TimeExpr(s, e, raw, mid, "month", "relative", date_start=first, date_end=last)
    if rel in ("earlier this year", "this year"):
        return TimeExpr(s, e, raw, None, "year", "relative", qualifier="span")
    # recent weeks / past months / last year: a span — aggregates, never one event's date
    return TimeExpr(s, e, raw, None, "year", "relative", qualifier="span")
