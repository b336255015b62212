"""Sentences that tell no event of their own but add to the one told just before.

"The depot was near Maysalun in Deir ez-Zor." sharpens the last event's place; a list
under "The strikes hit:" ("- Al-Qaim, Iraq: militia positions …", "- a compound at Jurf
al-Sakhar") or "The second target was a safe house near Mayadeen." adds places struck in
it; "Police said four people were killed." right after an event gives its toll.

Its word lists and patterns, each with what it covers and examples: ``data/follow_up.yaml``.
"""
from __future__ import annotations

from geo.extract.attach import PRECISION_RANK, choose_places, contains, places_in, precision_of
from geo.extract.discourse import Draft, EventBook
from geo.extract.lexicon import pattern
from geo.extract.numbers import casualties
from geo.extract.places import PlaceFinder
from geo.extract.text import Segment
from geo.vocab import CODED_SIDES

__all__ = ["is_bullet", "list_target", "locate", "toll_after"]

_BULLET = pattern("follow_up", "bullet")
#: A list item headed by a place: "- Al-Qaim, Iraq: …", "Albu Kamal – …".
LIST_PLACE = pattern("follow_up", "list_place")
#: "The depot was near Maysalun", "the site lies outside Albu Kamal": where a target is.
LOCATED = pattern("follow_up", "located")
#: "The first target was a training facility near Albu Kamal.", "The other was in the Al Qaim area."
ONE_WAS = pattern("follow_up", "one_was")
_LIST_TALLY = pattern("follow_up", "list_tally")


def is_bullet(report_text: str, seg: Segment) -> bool:
    """Whether ``seg`` is a list item ("- a compound at …"): the reader keeps the marker
    out of the segment, so look at what opens its line."""
    line_start = report_text.rfind("\n", 0, seg.start) + 1
    return bool(_BULLET.fullmatch(report_text[line_start:seg.start]))


def list_target(book: EventBook, finder: PlaceFinder | None, seg: Segment, text: str,
                whole: bool = False) -> bool:
    """"- Al-Qaim, Iraq: militia positions near the crossing" under a line that
    introduces a list, or "The second was a safe house near Mayadeen": one more
    place struck in the event told last.  True when the sentence was read as one."""
    if not book.drafts or finder is None:
        return False
    if _LIST_TALLY.search(text):
        return False  # "Al-Tanf garrison: 17 attacks." is a tally, not a target
    head = None if whole else LIST_PLACE.match(text)
    places = [p for p in places_in(finder, seg, text) if (head is None or p.end <= head.end())
              and p.precision != "country"]
    # the event the list belongs to: the last one told in a main clause, not a cause
    base = max(book.drafts, key=lambda d: (not d.m.clause.sub, d.order))
    if not places or base.m.side1 not in CODED_SIDES:
        return False
    chosen = [pm for pm, _ in choose_places(places, text)] if whole else places[:1]
    for pm in chosen:  # "The targets were a camp near Albu Kamal and a depot near Mayadeen."
        book.add(Draft(base.m, pm.place, base.when, [(seg.text, seg.start, seg.end)],
                       notes=["one of the places listed for this attack"]))
    return True


def toll_after(book: EventBook, seg: Segment, text: str) -> None:
    """"Police said four people were killed.": a toll told in the sentence right after
    an event, with no event of its own, is that event's."""
    last = book.last()
    if last is None or last.killed is not None or last.injured is not None:
        return
    killed, injured = casualties(text)
    if killed is not None or injured is not None:
        last.killed, last.injured = killed, injured
        last.quotes.append((seg.text, seg.start, seg.end))


def locate(book: EventBook, finder: PlaceFinder | None, seg: Segment, text: str) -> None:
    """"The depot was near Maysalun in Deir ez-Zor": a sentence that only says where
    the target of the last event lies makes that event's place more precise."""
    if not book.drafts or finder is None:
        return
    last = max(book.drafts, key=lambda d: d.order)
    chosen = choose_places(places_in(finder, seg, text), text)
    for pm, _note in chosen:
        new = pm.place
        if last.place is not None and PRECISION_RANK[precision_of(new)] >= PRECISION_RANK[precision_of(last.place)]:
            continue
        if last.place is not None and not (contains(last.place, new) or new.country == last.place.country):
            continue
        last.place = new
        last.quotes.append((seg.text, seg.start, seg.end))
        return
