"""What is told like an event but is not one: denials, threats, habits, trends and tallies.

A trigger word alone does not make an event.  "The group denied any attack", "US forces
may strike again", "militias regularly fire rockets at the base", "attacks rose sharply",
"it was the third time this month" and "nearly 200 attacks since October" all hold one;
none tells a single attack that happened.  The tests here rule such clauses out before
(and, for tallies, after) their times are read: each returns True for a clause that tells
no event of its own.
"""
from __future__ import annotations

import re

from geo.extract.dates import TimeExpr
from geo.extract.numbers import parse_number
from geo.extract.triggers import words_before

__all__ = ["is_generic", "is_tally", "not_told_as_event", "summary_of_many", "talk_about_an_event"]

_HYPO = re.compile(
    r"\b(?:may|might|could|would|will|shall|should|can|cannot|must|if|unless|whether|threat(?:en(?:s|ed|ing)?)?|"
    r"vow(?:s|ed|ing)?|warn(?:s|ed|ing)?|plan(?:s|ned|ning)?|prepared|ready|likely|expect(?:s|ed)?|anticipate[sd]?|aim(?:s|ed)? to|"
    r"seek(?:s|ing)? to|intend(?:s|ed)?|potential|possible|possibly|future|further|more|any|"
    r"risks?|fears?|to deter|to prevent|to counter|deterr?(?:ing|ence)|prevent(?:ing)?|capable|ability|able to|"
    r"vulnerable|in order to|avoid|would-be|reserves? the right|pledged?|promised?|suspend(?:s|ed|ing)?|"
    r"halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|pause[sd]?|pausing|resum(?:e|es|ed|ing)|"
    r"end(?:s|ed|ing)?)\b", re.IGNORECASE)
_NEG = re.compile(r"\b(?:not|never|no|n[’']t|neither|nor)\b", re.IGNORECASE)
_DENY = re.compile(r"\bden(?:y|ied|ies|ying)\b|\brejected claims\b|\bfalse(?:ly)? claim", re.IGNORECASE)
_AGGREGATE = re.compile(
    r"\b(?:hundreds|dozens|scores|thousands|numerous|countless|waves|rounds|spate|string|streak|"
    r"campaigns?|increase|rise|surge|uptick|escalation|number|frequent|repeated|regular|sporadic|"
    r"continued|continuing|ongoing|constant|persistent|almost-weekly|near-daily|near-monthly|"
    r"near-weekly|weekly|monthly|daily|nightly|tit-for-tat|years|months)\b", re.IGNORECASE)
_SERIES = re.compile(r"\b(?:series|succession|number)\s+of\b", re.IGNORECASE)
_WEAK_AGG = re.compile(r"\b(?:many|multiple|several|various|some|all|most|other)\b", re.IGNORECASE)
_APPROX_NUM = re.compile(r"\b(?:nearly|almost|about|around|approximately|roughly|some|more than|over|close to|well over|in excess of|"
                         r"at least|upwards of)\s+(\d+|[a-z]+)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_HABIT = re.compile(
    r"\b(?:regularly|routinely|frequently|often|occasionally|sporadically|repeatedly|periodically|"
    r"constantly|typically|usually|generally|sometimes|(?:has|have) long|on a (?:[\w-]+ )?basis|"
    r"every (?:day|week|month|night)|for (?:the past |the last )?(?:\w+ )?(?:months|weeks|years)|"
    r"(?:an?|one|two|three|\d+) (?:attacks?|strikes?) (?:a|per|each|every) "
    r"(?:day|week|month))\b|\b(?:conducts|carries out|launches)\b", re.IGNORECASE)
_TIMES = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens? of|hundreds of|several|many|"
                    r"multiple|numerous|countless)(?: more| other)? times\b", re.IGNORECASE)
_LIGHT = re.compile(r"\b(?:launched|launching|conducted|conducting|carried out|carrying out|made|mounted|"
                    r"staged|executed|fired|claimed|claims|claiming|undertook|performed|ordered|"
                    r"launches|conducts)\s+(?:[\w’'“”\"-]+\s+){0,4}$", re.IGNORECASE)
#: "It was the third time this month that …": a count of events, not one of them.
_NTH_TIME = re.compile(r"\bthe (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                       r"\d+(?:st|nd|rd|th)|latest|last) (?:time|such)\b", re.IGNORECASE)
#: A trend, not an event: "drone and rocket fire on US bases rose sharply", "attacks have been rarer".
_TREND = re.compile(r"\b(?:rose|risen|rising|increased|increasing|grew|grown|growing|surged|soared|slowed|slowing|"
                    r"eased|easing|subsided|waned|"
                    r"intensified|doubled|tripled|declined|declining|decreased|fell|fallen|dropped off|"
                    r"(?:have|has|had) been (?:rarer|less frequent|more frequent|fewer|more common))\b",
                    re.IGNORECASE)


def not_told_as_event(text: str, tword: str, t0: int, t1: int) -> bool:
    """Whether the clause around trigger ``text[t0:t1]`` denies, negates, supposes or
    generalises it ("denied", "not a single attack", "may strike", "regularly", "rose")."""
    before = text[:t0]
    window = " ".join(words_before(text, t0, 8))
    if _DENY.search(before):
        return True
    if _NEG.search(" ".join(words_before(text, t0, 4))) or re.search(
            r"\b(?:not|never|no)\s+(?:been\s+|had\s+|seen\s+)?(?:a|any|one)\s+(?:single\s+)?(?:[\w-]+\s+){0,2}$",
            before, re.IGNORECASE):
        return True  # "there has not been a single confirmed attack"
    if _HYPO.search(window) or re.search(r"(?<!response )(?<!according )(?<!reply )(?<!answer )(?<!due )(?<!prior )"
                                         r"(?<!retaliation )\bto\s+(?:\w+\s+)?$", before) \
            and not tword.startswith(("launched", "fired")):
        return True
    if re.search(r"\b(?:if|unless)\b", text[t1:t1 + 40], re.IGNORECASE) or re.search(r"\bfrom\s+$", before):
        return True
    if re.match(r"\s*(?:\w+\s+){0,2}?(?:had not|has not|did not|didn[’']t|never)\s+(?:taken place|take place|happened|happen|occurred|occur)",
                text[t1:], re.IGNORECASE):
        return True  # "the attack had not taken place inside the kingdom"
    if re.search(r"\bsince\s+(?:the\s+|a\s+|an\s+)?(?:[\w.-]+\s+){0,3}$", before, re.IGNORECASE):
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
    return bool(re.match(r"\s*(?:most|many|several|all|some)\b", text[:t0], re.IGNORECASE)) \
        and not _has_day(own_times)


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
    return bool(re.search(r"\b(?:one|some|all|most|none|two|three|four|five|six|seven|eight|nine|ten|\d+) of the\s+(?:\w+\s+){0,3}$",
                          before, re.IGNORECASE)) and not nominal


def is_generic(before: str, plural: bool, nominal: bool, np_word: str | None, own_times: list[TimeExpr]) -> bool:
    """"Attacks on bases": a bare plural with no time and no verb of doing is talk of attacks
    in general; it becomes an event only if the clause also gives its time."""
    return plural and nominal and np_word is None and not _LIGHT.search(before) and not own_times


def talk_about_an_event(before: str, nominal: bool, anaphoric: bool) -> bool:
    """"the president condemned the attack": talk about an event, not a telling of it."""
    return bool(nominal and re.search(r"\b(?:condemn|denounc|criticis|criticiz|prais|welcom|hail|mourn|deplor)\w*\s+"
                                      r"(?:[\w’'.-]+\s+){0,3}$", before, re.IGNORECASE) or anaphoric and re.search(
        r"\b(?:investigat|describ|call|blam)\w*\s+(?:[\w’'-]+\s+){0,3}$", before, re.IGNORECASE))
