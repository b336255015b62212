"""Who did what to whom: the attacker, the target and the one who tells of it.

Actors are found by :mod:`geo.extract.actors` (names with their sides); this module
decides the role each plays in one clause.  Whoever speaks reports ("…, the Pentagon
said"), unless it tells its own act ("the group said it struck …", "claimed the attack");
"attacks by X" and "X struck" name the attacker; "on X", "targeting X", "X were killed"
name the target; a defender ("US forces shot down two drones") is the target, not the
attacker; whoever blames is not the one blamed.  When no attacker is named the side is
inferred from the target's (unclaimed rockets on a US base come from the other side).
"""
from __future__ import annotations

import re

from geo.extract.actors import OPPONENT, ActorMention, canonical_name, find_actors
from geo.extract.triggers import is_blast, is_preposition, words_before

__all__ = ["SPEECH", "UNIDENTIFIED", "read_roles", "reporter_name", "sides", "target_phrase"]

#: The actor named for a side when the report names none.
UNIDENTIFIED = {"iran_aligned": "Unidentified Iran-aligned group", "us": "United States"}
_SPEECH = (r"(?:said|says|announced|stated|reported|confirmed|claimed|told|added|noted|wrote|posted|tweeted|"
           r"described|detailed|disclosed|revealed|acknowledged)")
#: "US forces engaged / shot down two attack drones": the subject defended, it did not attack.
_DEFEND = re.compile(r"\b(?:engaged|intercepted|intercepting|shot down|shooting down|downed|repelled|repulsed|"
                     r"fought off|fended off|thwarted|foiled|countered|neutrali[sz]ed|defeated|detected|spotted|"
                     r"tracked)\s+(?:[\w’'-]+\s+){0,5}$", re.IGNORECASE)
_INTERCEPT = re.compile(r"(?:intercepted|shot down|downed|destroyed|engaged|brought down)\b", re.IGNORECASE)
#: "Washington holds the group responsible for the attack", "blamed Kataib Hezbollah for …"
_BLAME = re.compile(r"\b(?:holds?|held|holding|blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|"
                    r"attribut(?:e|es|ed|ing))\b", re.IGNORECASE)
_TARGET_CUE = re.compile(
    r"(?:\b(?:on|against|at|targeting|targeted|target|toward|towards|hit|hitting|struck|striking|bombed|"
    r"bombing|attacked|attacking|killed|killing|injured|injuring|wounded|wounding|directed at|aimed at|"
    r"hitting|of)\s+(?:the\s+|a\s+|an\s+|two\s+|three\s+|\d+\s+|several\s+)?)$", re.IGNORECASE)
_AFFIL_BY = re.compile(r"\b(?:backed|used|funded|supported|run|armed|equipped|operated|controlled|owned|"
                       r"linked|aligned|led|occupied|manned|held|built|sponsored|financed|trained|"
                       r"established|founded|associated|affiliated|frequented|cited|reported|claimed)\s+by\s+$", re.IGNORECASE)
_AGENT_BY = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+|two\s+|three\s+|four\s+|\d+\s+|several\s+)?$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|came|come|comes|got|get)\s+(?:\w+\s+)?"
                      r"(?:under|targeted|attacked|struck|hit|bombed|shelled|killed|injured|wounded|"
                      r"raided|overrun|carried out|conducted|launched|mounted|staged|executed)\b", re.IGNORECASE)
_VICTIM_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:(?:were|was|have been|had been|are|is)\s+(?:\w+\s+)?"
                           r"(?:killed|injured|wounded|hurt|targeted|attacked|hit|struck)|died|were dead|"
                           r"lost their lives|perished|(?:killed|injured|wounded|hurt)\s+(?:in|by|when|during))\b", re.IGNORECASE)
SPEECH = _SPEECH


def read_roles(text: str, tword: str, t0: int, t1: int
               ) -> tuple[ActorMention | None, ActorMention | None, ActorMention | None]:
    """``(agent, patient, reporter)`` of the event told by trigger ``text[t0:t1]``."""
    actors = find_actors(text)
    agent: ActorMention | None = None
    patient: ActorMention | None = None
    subject: ActorMention | None = None
    reporter: ActorMention | None = None
    passive = bool(_PASSIVE.search(text[max(0, t0 - 30):t1 + 25])) or tword.startswith("came under")
    for a in actors:
        pre = text[max(0, a.start - 40):a.start]
        after = text[a.end:a.end + 30]
        if a.start > t1 and re.match(r"\s*(?:\w+\s+)?" + _SPEECH + r"\b", after) and text[max(0, a.start - 2):a.start].strip() in (",", ""):
            reporter = reporter or a  # "…, Defense Secretary Lloyd Austin said": the teller, after the fact
            continue
        if a.role == "reporter" or (re.match(r"\s*(?:\w+\s+)?" + _SPEECH + r"\b", after) and a.end <= t0
                                    and not re.match(r"\s*(?:\w+\s+)?" + _SPEECH + r"\s+(?:(?:on|in|via)\s+[\w-]+\s+)?(?:that\s+)?"
                                                     r"(?:it|its|they|their)\b(?!\s+(?:own\s+)?(?:\w+\s+)?(?:members|fighters|men)\s+(?:were|had been|have been))",
                                                     text[a.end:a.end + 60])):
            # whoever speaks first reports; "X said it struck …" is X telling its own act, a
            # group that "claimed" an attack owns it, and CENTCOM "announced strikes" it made
            if a.role == "reporter" or not re.match(r"\s*(?:\w+\s+)?(?:claimed|claims)\b", after):
                reporter = reporter or a
                announces = re.match(r"\s*(?:\w+\s+)?(?:announced|confirmed|reported|claimed|said)\s+(?:(?:new|fresh|more|"
                                     r"the|its|a|an|further|two|three|four|five|\d+)\s+){0,3}$", text[a.end:t0])
                if a.role != "both" or a.start > t0 or not announces:
                    continue
        if re.search(r"\baccording to\s+(?:a\s+|the\s+)?(?:statement\s+from\s+(?:the\s+)?)?$", pre, re.IGNORECASE):
            reporter = reporter or a
            continue
        if re.search(r"\b(?:attribut\w+|blam\w+|pinned)\s+(?:it|them|the \w+)\s+(?:to|on)\s+(?:the\s+)?$", pre, re.IGNORECASE):
            agent = agent or a  # "the monitor attributed it to pro-Iran fighters"
            continue
        if _AFFIL_BY.search(pre):
            if patient is None and a.start > t0:
                patient = a
            continue
        if _AGENT_BY.search(pre) and (passive or t0 < a.start < t1 + 25):  # "attacks by X", "… were hit by X"
            agent = agent or a
            continue
        if a.start >= t0 and _TARGET_CUE.search(text[max(0, a.start - 30):a.start]):
            if patient is None:
                patient = a
            continue
        if a.end <= t0 and re.search(r"\b(?:killed|killing|kills|injured|injuring|wounded|wounding|targeted|"
                                     r"targeting|attacked|attacking|hit|hitting|struck|striking)\s+"
                                     r"(?!(?:in|by|during|when|after|with)\b)(?:[\w-]+\s+){0,3}$", pre, re.IGNORECASE) \
                and not _AGENT_BY.search(pre):
            patient = patient or a  # "militants killed three US troops in a drone strike"
            continue
        if a.end <= t0 and _VICTIM_AFTER.match(text[a.end:a.end + 40]) and re.search(
                r"\b(?:during|in the course of)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$", text[:t0], re.IGNORECASE) \
                and re.match(r"raids?|operations?|assaults?", tword):
            agent = agent or a  # "seven US troops were injured during a raid": the raiders
            continue
        if a.end <= t0 and _VICTIM_AFTER.match(text[a.end:a.end + 40]):
            patient = patient or a  # "three US soldiers were killed when a drone struck …"
            continue
        if a.end <= t1:
            words = words_before(text, a.start, 1)
            if not words or not is_preposition(words[-1].lower()):
                subject = a  # the closest subject before the trigger
            continue
    if agent is None and patient is None and reporter is not None and reporter.side in OPPONENT and re.search(
            r"\b(?:its|their)\s+(?:own\s+)?(?:\w+\s+)?(?:members|fighters|commanders?|men|soldiers|troops|personnel|leaders?)\s+"
            r"(?:were|was|had been|have been|has been)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|martyred)", text, re.IGNORECASE):
        patient = reporter  # "the PMF said four of its members were killed in the strike": it was hit
    if subject is not None and agent is None and _BLAME.search(text[subject.end:t0]):
        # the one blamed is the attacker; whoever blames is not
        blamed = next((a for a in actors if subject.end <= a.start < t0 and a.role != "reporter"), None)
        reporter = reporter or subject
        if blamed is None:  # "Washington holds the group responsible": the blamer was hit
            patient = patient or subject
        subject, agent = None, blamed
    if subject is not None and agent is None:
        if (passive and subject.end <= t0) or _DEFEND.search(text[subject.end:t0]) or _INTERCEPT.match(tword):
            patient = patient or subject
        elif subject.role != "reporter":
            agent = subject
    if patient is None:
        for a in actors:
            if a.start >= t0 and a.role != "reporter" and a is not reporter and (agent is None or a.side != agent.side):
                patient = a
                break
    return agent, patient, reporter


def sides(agent: ActorMention | None, patient: ActorMention | None, tword: str
          ) -> tuple[str, str | None, bool, str, str | None]:
    """``(side1, actor1, side_inferred, side2, actor2)``: with no attacker named, the side
    opposite the target's ("three US soldiers were killed" → an Iran-aligned attack)."""
    side_inferred = False
    if agent is not None:
        side1, actor1 = agent.side, canonical_name(agent)
    elif patient is not None and patient.side in OPPONENT and not is_blast(tword):
        side1, side_inferred = OPPONENT[patient.side], True
        actor1 = UNIDENTIFIED.get(side1, side1)
    else:
        side1, actor1, side_inferred = "unknown", None, True
    if patient is not None and (agent is None or patient.side != agent.side or patient is not agent):
        side2, actor2 = patient.side, canonical_name(patient)
    else:
        side2 = OPPONENT.get(side1, "unknown") if side1 in ("us",) else "unknown"
        actor2 = None
    return side1, actor1, side_inferred, side2, actor2


def reporter_name(a: ActorMention | None) -> str | None:
    """How the teller is named in the notes ("reported by …")."""
    if a is None:
        return None
    return a.text if a.name in ("news agency", "observer") else a.name


def target_phrase(text: str, t1: int) -> str | None:
    """The words naming what was hit, after the trigger ("on a logistics hub")."""
    m = re.search(r"\b(?:on|against|targeting|targeted|at|hit|struck)\s+((?:[\w’'\-]+\s*){1,10})", text[t1 - 12 if t1 > 12 else 0:])
    if not m:
        return None
    words = re.split(r"\s+(?:in|near|on|at|across|along|,|which|that|after|close)\b", m.group(1).strip())[0]
    return words.strip(" ,.") or None
