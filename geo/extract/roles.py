"""Who did what to whom: the attacker, the target and the one who tells of it.

Actors are found by :mod:`geo.extract.actors` (names with their sides); this module
decides the role each plays in one clause.  Whoever speaks reports ("…, the Pentagon
said"), unless it tells its own act ("the group said it struck …", "claimed the attack");
"attacks by X" and "X struck" name the attacker; "on X", "targeting X", "X were killed"
name the target; a defender ("US forces shot down two drones") is the target, not the
attacker; whoever blames is not the one blamed.  When no attacker is named the side is
inferred from the target's (unclaimed rockets on a US base come from the other side).

Its word lists and patterns, each with what it covers and examples: ``data/roles.yaml``.
"""
from __future__ import annotations

from geo.extract.actors import OPPONENT, ActorMention, canonical_name, find_actors
from geo.extract.lexicon import names, pattern
from geo.extract.triggers import is_blast, is_preposition, words_before

__all__ = ["UNIDENTIFIED", "read_roles", "reporter_name", "sides", "target_phrase"]

#: The actor named for a side when the report names none.
UNIDENTIFIED = names("roles", "unidentified")
_DEFEND = pattern("roles", "defend")
_INTERCEPT = pattern("roles", "intercept")
_BLAME = pattern("roles", "blame")
_TARGET_CUE = pattern("roles", "target_cue")
_AFFIL_BY = pattern("roles", "affiliated_by")
_AGENT_BY = pattern("roles", "agent_by")
_PASSIVE = pattern("roles", "passive")
_VICTIM_AFTER = pattern("roles", "victim_after")
_SPEECH_AFTER = pattern("roles", "speech_after")
_SPEECH_OF_OWN_ACT = pattern("roles", "speech_of_own_act")
_CLAIMED = pattern("roles", "claimed")
_ANNOUNCES = pattern("roles", "announces")
_ACCORDING_TO = pattern("roles", "according_to")
_ATTRIBUTED_TO = pattern("roles", "attributed_to")
_VICTIM_BEFORE = pattern("roles", "victim_before")
_DURING_RAID = pattern("roles", "during_raid")
_RAID_TRIGGER = pattern("roles", "raid_trigger")
_OWN_MEMBERS_HIT = pattern("roles", "own_members_hit")
_TARGET_PHRASE = pattern("roles", "target_phrase")
_TARGET_PHRASE_END = pattern("roles", "target_phrase_end")


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
        if a.start > t1 and _SPEECH_AFTER.match(after) and text[max(0, a.start - 2):a.start].strip() in (",", ""):
            reporter = reporter or a  # "…, Defense Secretary Lloyd Austin said": the teller, after the fact
            continue
        if a.role == "reporter" or (_SPEECH_AFTER.match(after) and a.end <= t0
                                    and not _SPEECH_OF_OWN_ACT.match(text[a.end:a.end + 60])):
            # whoever speaks first reports; "X said it struck …" is X telling its own act, a
            # group that "claimed" an attack owns it, and CENTCOM "announced strikes" it made
            if a.role == "reporter" or not _CLAIMED.match(after):
                reporter = reporter or a
                announces = _ANNOUNCES.match(text[a.end:t0])
                if a.role != "both" or a.start > t0 or not announces:
                    continue
        if _ACCORDING_TO.search(pre):
            reporter = reporter or a
            continue
        if _ATTRIBUTED_TO.search(pre):
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
        if a.end <= t0 and _VICTIM_BEFORE.search(pre) and not _AGENT_BY.search(pre):
            patient = patient or a  # "militants killed three US troops in a drone strike"
            continue
        if a.end <= t0 and _VICTIM_AFTER.match(text[a.end:a.end + 40]) and _DURING_RAID.search(text[:t0]) \
                and _RAID_TRIGGER.match(tword):
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
    if agent is None and patient is None and reporter is not None and reporter.side in OPPONENT \
            and _OWN_MEMBERS_HIT.search(text):
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
    m = _TARGET_PHRASE.search(text[t1 - 12 if t1 > 12 else 0:])
    if not m:
        return None
    words = _TARGET_PHRASE_END.split(m.group(1).strip())[0]
    return words.strip(" ,.") or None
