"""What words start an event, what type of event they tell, and the shape of their phrase.

A clause tells an event only if it holds a trigger: a noun or verb of attack ("airstrikes",
"bombed", "a drone attack", "came under fire", "rockets were fired at").  The trigger and
the words around it then decide the event type (rocket, missile, drone, artillery, IED,
air strike, or a plain "attack" when nothing says more), and the noun phrase it heads
("the strikes", "two drones", "attacks") tells later rules whether it is plural, nominal
and how it is determined, which is how tallies and references to earlier events are told
apart from a new event.
"""
from __future__ import annotations

import re

from geo.extract.numbers import parse_number

__all__ = ["event_type", "first_trigger", "has_trigger", "is_blast", "np_start_word", "trigger_shape",
           "weapon_type", "words_before"]

_BLAST = re.compile(r"(?:explosions?|blasts?)\b", re.IGNORECASE)
#: "struck the base with drones and missiles": the first weapon named after "with".
_WITH_WEAPON = re.compile(r"\bwith\s+(?:[\w-]+\s+){0,2}?(drones?|rockets?|missiles?|mortars?)\b", re.IGNORECASE)

_TRIGGER = re.compile(
    r"(?<![\w-])(?P<t>air ?strikes?|airstrikes?|air raids?|bombs? (?=(?:two|three|four|five|\d+|a|an|the|militia)\b)|(?:(?:drone|rocket|missile|mortar|artillery|precision|"
    r"retaliatory)[ -])?strikes?|struck|bomb(?:ed|ings?|ardments?)|dropped (?:\w+ ){0,3}bombs|"
    r"attack(?:s|ed)?|assaults?|raids?|raided|shell(?:ed|ing)|explosions?|blasts?|barrages?|"
    r"targeted|(?:launched|fired|lobbed|sent|flew|flown) (?:[\w-]+ ){0,3}(?:rockets?|missiles?|drones?|mortars?|projectiles?)|"
    r"(?:\w+ )?(?:more|others?) (?:were|was) (?:fired|launched|lobbed|sent) (?:at|toward|towards)|"
    r"(?:intercepted|shot down|downed|destroyed|engaged|brought down) (?:[\w-]+ ){0,3}(?:rockets?|missiles?|drones?|projectiles?)|"
    r"attempts? on|opens fire on|pound(?:s|ed)|hit (?:\w+ ){0,2}(?:targets|sites|positions|facilities|locations)|"
    r"came under (?:\w+ )?(?:fire|attack)|operation (?=targeting|against)|(?:rocket|mortar|artillery|drone) fire|"
    r"(?:operation|raid|strike|attack|assault)s? (?:\w+ )?took place|"
    r"(?:rockets?|missiles?|drones?|mortars?|mortar rounds|projectiles?|shells) (?:[\w-]+ ){0,4}?(?:were|was) "
    r"(?:\w+ )?(?:fired|launched|lobbed|sent|flown|aimed|directed|shot down|downed|intercepted|engaged|"
    r"brought down)|opened fire on|"
    r"(?:drones?|rockets?|missiles?|mortars?|projectiles?) (?:\w+ ){0,2}?(?:aimed|fired|launched|sent|flown) "
    r"(?:at|toward|towards|against|from)|"
    r"(?:drones?|rockets?|missiles?|mortars?|projectiles?|aircraft|jets?|warplanes?|planes?|helicopters?|"
    r"gunships?|bombers?) (?:\w+ ){0,4}?(?:hit|slammed into|landed (?:on|at|in|near)|came down|crashed|"
    r"exploded|went after|fell (?:on|near|inside|in|at))|"
    r"(?:drones?|rockets?|missiles?|aircraft|jets?|warplanes?|gunships?|helicopters?) (?:killed|wounded|injured))\b",
    re.IGNORECASE)
_TYPE_WORDS = [
    ("rocket_attack", re.compile(r"\brockets?\b|\bkatyushas?\b|\brocket-", re.IGNORECASE)),
    ("missile_attack", re.compile(r"\b(?:ballistic |cruise )?missiles?\b", re.IGNORECASE)),
    ("drone_attack", re.compile(r"\bdrones?\b|\bUAVs?\b|\bunmanned aerial\b|\bdrone-", re.IGNORECASE)),
    ("artillery_attack", re.compile(r"\bmortars?\b|\bartillery\b|\bshell(?:ed|ing|s)\b", re.IGNORECASE)),
    ("ied_attack", re.compile(r"\bIEDs?\b|\broadside bombs?\b|\bexplosive devices?\b|\bcar bomb", re.IGNORECASE)),
    ("airstrike", re.compile(r"\bair ?strikes?\b|\bairstrikes?\b|\bair raids?\b|\bwarplanes?\b|\bbomb(?:ed|ing|ings|s)\b|"
                             r"\bjets?\b|\bF-\d|\bbombers?\b|\bfighter", re.IGNORECASE)),
]
#: Every trigger contains one of these (lower case): a substring test rules a sentence out
#: far faster than the trigger pattern can.
_TRIGGER_KEYS = ("strik", "struck", "bomb", "attack", "assault", "raid", "shell", "explo", "blast", "barrage",
                 "target", "launch", "fire", "lob", "sent", "flew", "flown", "under", "operation", "rocket",
                 "missile", "drone", "mortar", "projectile", "aircraft", "jet", "plane", "helicopter", "gunship",
                 "intercept", "shot down", "downed", "destroy", "engaged", "brought down", "attempt", "took place")
_DET = {"the", "these", "those", "this", "that", "such", "its", "their", "his", "her", "our", "both"}
_INDEF = {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "another", "new", "fresh", "latest"}
_PREP = {"in", "on", "at", "of", "with", "from", "for", "to", "against", "by", "under", "near", "about",
         "into", "over", "across", "between", "among", "toward", "towards", "through", "via", "as",
         "than", "and", "or", "including", "like", "such", "amid"}


def is_blast(trigger: str | None) -> bool:
    """Whether an event was told only as a blast ("explosions were heard"): nobody is named."""
    return bool(_BLAST.match(trigger or ""))


def has_trigger(text: str) -> bool:
    """A cheap test whether a sentence could tell an event at all."""
    lower = text.lower()
    return any(k in lower for k in _TRIGGER_KEYS) and _TRIGGER.search(text) is not None


def words_before(text: str, pos: int, n: int) -> list[str]:
    """The last ``n`` words before ``pos`` (looking back at most 80 characters)."""
    return re.findall(r"[\w’'\-.]+", text[max(0, pos - 80):pos])[-n:]


def first_trigger(clause: str) -> re.Match[str] | None:
    """The first word that tells an attack; a "raid" only when it is a military one."""
    for m in _TRIGGER.finditer(clause):
        word = m.group("t").lower()
        if word in ("raid", "raids", "raided") and not re.search(
                r"\b(?:US|U\.S\.|American|Israeli|coalition|commando|helicopters?|special|air|jets?|warplanes?|"
                r"drones?|bomb\w*|strikes?|killed|killing)\b", clause, re.IGNORECASE):
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
        if lw in _PREP or lw.endswith("ed") or lw in {"is", "are", "was", "were", "has", "have", "had"}:
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
    head = re.sub(r"\s+(?:hit|slammed into|landed (?:on|at|in|near)|came down|crashed|exploded|went after|fell \w+|"
                  r"killed|wounded|injured|(?:aimed|fired|launched|sent|flown) (?:at|toward|towards|against|from))$", "", tword)
    plural = any(w.endswith("s") and not w.endswith(("ss", "us")) for w in head.split()) and head != "targeted"
    nominal = not re.match(r"(?:struck|bombed|attacked|targeted|shelled|raided|launched|fired|lobbed|dropped|came|opened)", tword) \
        and not re.search(r" (?:were|was) |(?:aimed|fired|launched|sent|flown) (?:at|toward|towards|against|from)$", tword)
    return head, plural, nominal


def event_type(text: str, trig: re.Match[str], side1: str) -> str:
    """The event type the trigger and the words around it name, given the attacker's side."""
    word = trig.group("t").lower()
    if side1 == "unknown" and re.fullmatch(r"(?:precision |retaliatory )?(?:strikes?|struck)", word):
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
