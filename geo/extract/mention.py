"""One clause's account of an event: a :class:`Mention`, or nothing.

This is where the deciders meet.  A clause with a trigger (:mod:`~geo.extract.triggers`)
that is not ruled out (:mod:`~geo.extract.not_events`) becomes a mention with its times
(:mod:`~geo.extract.when`), its attacker, target and teller (:mod:`~geo.extract.roles`),
its type and casualties, and a flag for a definite reference to an event already told
(:mod:`~geo.extract.discourse`).  Places are attached later, by the document pass.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from geo.extract.clauses import Clause
from geo.extract.dates import TimeExpr
from geo.extract.discourse import is_definite_subject, refers_back, tells_own_event
from geo.extract.not_events import (
    is_generic,
    is_partitive_verb,
    is_tally,
    not_told_as_event,
    summary_of_many,
    talk_about_an_event,
)
from geo.extract.numbers import Count, casualties, target_count
from geo.extract.places import PlaceMention
from geo.extract.roles import read_roles, reporter_name, sides, target_phrase
from geo.extract.text import normalise_quotes
from geo.extract.triggers import (
    event_type,
    first_trigger,
    is_determiner,
    np_start_word,
    trigger_shape,
)
from geo.extract.when import is_reported

__all__ = ["Mention", "analyse_clause"]


@dataclass
class Mention:
    """One clause's account of an event, before the document's mentions are put together."""

    event_type: str
    side1: str
    actor1: str | None
    side2: str
    actor2: str | None
    side_inferred: bool
    anaphoric: bool
    clause: Clause
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    reported_time: bool = False
    killed: Count | None = None
    injured: Count | None = None
    targets: str | None = None
    targets_count: int | None = None
    reporter: str | None = None
    notes: list[str] = field(default_factory=list)
    generic: bool = False
    definite: bool = False  # "The missiles struck …": a subject that refers back to an attack told
    trigger: str | None = None  # the words that told the event ("airstrikes", "came under fire")
    trigger_at: int = 0  # where they start (in the clause; in the sentence once placed)




def analyse_clause(clause: Clause, places: list[PlaceMention],
                   times: list[TimeExpr] | Callable[[], list[TimeExpr]]) -> Mention | None:
    """A :class:`Mention` for one clause, or None when it tells no (real, single) event.

    ``times`` may be a function: time expressions cost more to find than most clauses
    take to reject, so they are only read for a clause that passes the first tests."""
    text = normalise_quotes(clause.text)
    trig = first_trigger(text)
    if trig is None:
        return None
    tword = trig.group("t").lower()
    t0, t1 = trig.start(), trig.end()
    before = text[:t0]
    if not_told_as_event(text, tword, t0, t1):
        return None
    if callable(times):
        times = times()
    own_times = [t for t in times if t.date is not None and t.qualifier is None and t.precision in ("day", "week", "month")]
    span_times = [t for t in times if t.qualifier is not None]
    if summary_of_many(text, t0, own_times):
        return None
    np_word, _mods = np_start_word(text, t0)
    head, plural, nominal = trigger_shape(tword)
    if np_word in ("that", "this") and plural:
        np_word = None  # "reported that explosions were heard": a conjunction, not "that strike"
    if plural and nominal and is_tally(text, t0, head, own_times, span_times):
        return None
    if is_partitive_verb(before, nominal):
        return None
    anaphoric = refers_back(before, nominal, is_determiner(np_word))
    generic = is_generic(before, plural, nominal, np_word, own_times)
    if talk_about_an_event(before, nominal, anaphoric):
        return None
    if anaphoric and tells_own_event(text, t1, own_times):
        anaphoric = False
    agent, patient, reporter = read_roles(text, tword, t0, t1)
    side1, actor1, side_inferred, side2, actor2 = sides(agent, patient, tword)
    etype = event_type(text, trig, side1)
    killed, injured = casualties(text)
    mention = Mention(
        event_type=etype, side1=side1, actor1=actor1, side2=side2, actor2=actor2,
        side_inferred=side_inferred, anaphoric=anaphoric, clause=clause, places=places,
        times=times, killed=killed, injured=injured, targets=target_phrase(text, t1),
        targets_count=target_count(text), reporter=reporter_name(reporter),
        generic=generic, trigger=tword, trigger_at=t0,
        definite=is_definite_subject(before),
    )
    reported = [t for t in times if is_reported(text, t)]
    if reported and len(reported) < len(times):
        mention.times = [t for t in times if t not in reported]  # the event's own date wins
    mention.reported_time = bool(reported) and all(t in reported for t in own_times)
    return mention
