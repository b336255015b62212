"""What is told like an event but is not one: denials, threats, habits, trends and tallies.

A trigger word alone does not make an event.  "The group denied any attack", "US forces
may strike again", "militias regularly fire rockets at the base", "attacks rose sharply",
"it was the third time this month" and "nearly 200 attacks since October" all hold one;
none tells a single attack that happened.  The tests here rule such clauses out before
(and, for tallies, after) their times are read: each returns True for a clause that tells
no event of its own.

Its word lists and patterns, each with what it covers and examples: ``data/not_events.yaml``.
"""
from __future__ import annotations

from geo.extract.dates import TimeExpr
from geo.extract.lexicon import pattern
from geo.extract.numbers import parse_number
from geo.extract.triggers import words_before

__all__ = ["is_generic", "is_tally", "not_told_as_event", "summary_of_many", "talk_about_an_event"]

_HYPO = pattern("not_events", "hypothetical")
_NEG = pattern("not_events", "negation")
_DENY = pattern("not_events", "deny")
_AGGREGATE = pattern("not_events", "aggregate")
_SERIES = pattern("not_events", "series")
_WEAK_AGG = pattern("not_events", "weak_aggregate")
_APPROX_NUM = pattern("not_events", "approx_number")
_HABIT = pattern("not_events", "habit")
_TIMES = pattern("not_events", "times_count")
_LIGHT = pattern("not_events", "light_verb")
_NTH_TIME = pattern("not_events", "nth_time")
_TREND = pattern("not_events", "trend")
_NEG_INDEF = pattern("not_events", "negated_indefinite")
_INFINITIVE = pattern("not_events", "infinitive")
_CONDITION_AFTER = pattern("not_events", "condition_after")
_FROM_BEFORE = pattern("not_events", "from_before")
_NOT_HAPPENED = pattern("not_events", "not_happened")
_SINCE = pattern("not_events", "since_anchor")
_SUMMARY = pattern("not_events", "summary_of_many")
_PARTITIVE = pattern("not_events", "partitive")
_TALK_ABOUT = pattern("not_events", "talk_about")
_TALK_ABOUT_REF = pattern("not_events", "talk_about_reference")


def not_told_as_event(text: str, tword: str, t0: int, t1: int) -> bool:
    """Whether the clause around trigger ``text[t0:t1]`` denies, negates, supposes or
    generalises it ("denied", "not a single attack", "may strike", "regularly", "rose")."""
    before = text[:t0]
    window = " ".join(words_before(text, t0, 8))
    if _DENY.search(before):
        return True
    if _NEG.search(" ".join(words_before(text, t0, 4))) or _NEG_INDEF.search(before):
        return True  # "there has not been a single confirmed attack"
    if _HYPO.search(window) or _INFINITIVE.search(before) and not tword.startswith(("launched", "fired")):
        return True
    if _CONDITION_AFTER.search(text[t1:t1 + 40]) or _FROM_BEFORE.search(before):
        return True
    if _NOT_HAPPENED.match(text[t1:]):
        return True  # "the attack had not taken place inside the kingdom"
    if _SINCE.search(before):
        return True  # "since attacks began in October", "since the Jan. 28 attack": a time anchor
    lower = text.lower()
    if _HABIT.search(text) or ("times" in lower and _TIMES.search(text)) or _TREND.search(text[t0:t1 + 80]) \
            or (("time" in lower or "such" in lower) and _NTH_TIME.search(text)):
        return True
    return False


def _has_day(own_times: list[TimeExpr]) -> bool:
    return any(t.precision == "day" for t in own_times)


def summary_of_many(text: str, t0: int, own_times: list[TimeExpr]) -> bool:
    """"Most earlier drones … had been shot down": a summary of many, unless a day is given."""
    return bool(_SUMMARY.match(text[:t0])) and not _has_day(own_times)


def is_tally(text: str, t0: int, head: str, own_times: list[TimeExpr], span_times: list[TimeExpr]) -> bool:
    """Whether a plural noun trigger ("attacks") counts many events rather than telling one:
    "hundreds of attacks", "several attacks this week", "nearly 200 attacks since October"."""
    before = text[:t0]
    pre_np = " ".join(words_before(text, t0, 5))
    if _AGGREGATE.search(pre_np) or _APPROX_NUM.search(before[-60:]):
        return True
    if span_times and not _has_day(own_times):
        return True
    if (_WEAK_AGG.search(" ".join(words_before(text, t0, 3))) or _SERIES.search(pre_np)) \
            and not _has_day(own_times):
        return True  # "several attacks this week", "a series of drone attacks on bases"
    n = next((parse_number(w) for w in reversed(words_before(text, t0, 3)) if parse_number(w) is not None), None)
    no_day = not _has_day(own_times)
    if n is not None and ((n >= 20 and span_times) or (n >= 5 and head.endswith("attacks") and no_day
                                                        and (n >= 20 or not _LIGHT.search(before)))):
        return True  # "Al-Tanf garrison: 17 attacks", "nearly 200 attacks since October"
    return False


def is_partitive_verb(before: str, nominal: bool) -> bool:
    """"two of the drones were shot down": a verb trigger after "N of the" tells part of a salvo."""
    return bool(_PARTITIVE.search(before)) and not nominal


def is_generic(before: str, plural: bool, nominal: bool, np_word: str | None, own_times: list[TimeExpr]) -> bool:
    """"Attacks on bases": a bare plural with no time and no verb of doing is talk of attacks
    in general; it becomes an event only if the clause also gives its time."""
    return plural and nominal and np_word is None and not _LIGHT.search(before) and not own_times


def talk_about_an_event(before: str, nominal: bool, anaphoric: bool) -> bool:
    """"the president condemned the attack": talk about an event, not a telling of it."""
    return bool(nominal and _TALK_ABOUT.search(before) or anaphoric and _TALK_ABOUT_REF.search(before))
