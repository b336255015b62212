"""What words start an event, what type of event they tell, and the shape of their phrase.

A clause tells an event only if it holds a trigger: a noun or verb of attack ("airstrikes",
"bombed", "a drone attack", "came under fire", "rockets were fired at").  The trigger and
the words around it then decide the event type (rocket, missile, drone, artillery, IED,
air strike, or a plain "attack" when nothing says more), and the noun phrase it heads
("the strikes", "two drones", "attacks") tells later rules whether it is plural, nominal
and how it is determined, which is how tallies and references to earlier events are told
apart from a new event.

Its word lists and patterns, each with what it covers and examples: ``data/triggers.yaml``.
"""
from __future__ import annotations

import re

from geo.extract.lexicon import pattern, words
from geo.extract.numbers import parse_number

__all__ = ["event_type", "first_trigger", "has_trigger", "is_blast", "np_start_word", "trigger_shape",
           "weapon_type", "words_before"]

_BLAST = pattern("triggers", "blast")
_WITH_WEAPON = pattern("triggers", "with_weapon")
_TRIGGER = pattern("triggers", "trigger")
#: In order: the first type whose words a trigger holds is its type.
_TYPE_WORDS = [(etype, pattern("triggers", f"type_{etype}")) for etype in
               ("rocket_attack", "missile_attack", "drone_attack", "artillery_attack", "ied_attack", "airstrike")]
#: A substring test rules a sentence out far faster than the trigger pattern can.
_TRIGGER_KEYS = words("triggers", "trigger_keys")
_MILITARY_RAID = pattern("triggers", "military_raid")
_VERB_TRIGGER = pattern("triggers", "verb_trigger")
_VERB_PHRASE_TRIGGER = pattern("triggers", "verb_phrase_trigger")
_VERB_AFTER_WEAPON = pattern("triggers", "verb_after_weapon")
_BARE_STRIKE = pattern("triggers", "bare_strike")
_GROUND_RAID = pattern("triggers", "type_raid")
_DET = frozenset(words("triggers", "determiners"))
_INDEF = frozenset(words("triggers", "indefinites"))
_PREP = frozenset(words("triggers", "prepositions"))
_AUX = frozenset(words("triggers", "auxiliaries"))
#: A word, for counting words back from a position (structure, not a lexicon).
_WORD = re.compile(r"[\w’'\-.]+")


def is_blast(trigger: str | None) -> bool:
    """Whether an event was told only as a blast ("explosions were heard"): nobody is named."""
    return bool(_BLAST.match(trigger or ""))


def has_trigger(text: str) -> bool:
    """A cheap test whether a sentence could tell an event at all."""
    lower = text.lower()
    return any(k in lower for k in _TRIGGER_KEYS) and _TRIGGER.search(text) is not None


def words_before(text: str, pos: int, n: int) -> list[str]:
    """The last ``n`` words before ``pos`` (looking back at most 80 characters)."""
    return _WORD.findall(text[max(0, pos - 80):pos])[-n:]


def first_trigger(clause: str) -> re.Match[str] | None:
    """The first word that tells an attack; a "raid" only when it is a military one."""
    for m in _TRIGGER.finditer(clause):
        word = m.group("t").lower()
        if word in ("raid", "raids", "raided") and not _MILITARY_RAID.search(clause):
            continue
        return m
    return None


def np_start_word(clause: str, pos: int) -> tuple[str | None, list[str]]:
    """The determiner (or preposition/verb) that opens the noun phrase ending at ``pos``."""
    words = words_before(clause, pos, 6)
    seen: list[str] = []
    for w in reversed(words):
        lw = w.lower()
        if lw in _DET or lw in _INDEF or parse_number(lw) is not None:
            return lw, seen
        if lw in _PREP or lw.endswith("ed") or lw in _AUX:
            return None, seen
        seen.append(lw)
        if len(seen) >= 4:
            break
    return None, seen


def is_determiner(word: str | None) -> bool:
    """Whether ``word`` makes a noun phrase definite ("the", "those", "its"): a reference back."""
    return word in _DET


def is_preposition(word: str) -> bool:
    """Whether ``word`` (lower case) is a preposition or conjunction, which no subject follows."""
    return word in _PREP


def trigger_shape(tword: str) -> tuple[str, bool, bool]:
    """``(head, plural, nominal)`` of a trigger: "rocket and drone attacks hit" is plural,
    "two rockets were fired" is a verb (not a count of attacks), "struck" is a verb."""
    # "rocket and drone attacks hit …": the noun phrase before the verb decides plurality
    head = _VERB_AFTER_WEAPON.sub("", tword)
    plural = any(w.endswith("s") and not w.endswith(("ss", "us")) for w in head.split()) and head != "targeted"
    nominal = not _VERB_TRIGGER.match(tword) and not _VERB_PHRASE_TRIGGER.search(tword)
    return head, plural, nominal


def event_type(text: str, trig: re.Match[str], side1: str) -> str:
    """The event type the trigger and the words around it name, given the attacker's side."""
    word = trig.group("t").lower()
    if word.startswith("raid") and "air raid" not in text[max(0, trig.start() - 4):trig.end()].lower() \
            and _GROUND_RAID.search(text[max(0, trig.start() - 60):trig.end() + 60]):
        return "raid"  # troops on the ground, not aircraft
    if side1 == "unknown" and _BARE_STRIKE.fullmatch(word):
        weapon = weapon_type(text[max(0, trig.start() - 30):trig.start()]) or _weapon_with(text, trig)
        return weapon or "airstrike"  # "an explosive drone struck"; else an unattributed strike is an air strike
    for etype, rx in _TYPE_WORDS:
        if rx.search(word):
            return "airstrike" if side1 in ("us", "israel") and etype == "drone_attack" else etype
    around = text[max(0, trig.start() - 30):trig.end() + 60]
    found = [etype for etype, rx in _TYPE_WORDS if rx.search(around)]
    if side1 in ("us", "israel"):
        if "missile_attack" in found and "airstrike" not in found:
            return "missile_attack"
        return "airstrike"
    for etype in found:
        if etype != "airstrike":
            return etype
    weapon = _weapon_with(text, trig) if side1 not in ("us", "israel") else None
    if weapon:
        return weapon
    return "airstrike" if found and side1 not in ("iran_aligned",) else "attack"


def weapon_type(text: str) -> str | None:
    """The militia-weapon event type a phrase names (rocket, missile, drone, artillery, IED)."""
    return next((etype for etype, rx in _TYPE_WORDS[:5] if rx.search(text)), None)


def _weapon_with(text: str, trig: re.Match[str]) -> str | None:
    used = _WITH_WEAPON.search(text, trig.end())
    return weapon_type(used.group(1)) if used else None
