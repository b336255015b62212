"""Who did it, read from the whole report: the side of an attack that its own clause
does not name.

A clause that names no attacker gets a side from its weapon or its victim
(:mod:`geo.extract.roles`, :mod:`geo.extract.discourse`): an unclaimed drone is the
militias', a strike that killed Guards officers is the Americans'.  That is this war's
usual pattern, and wrong in the reports about its other strikers: in a story about
Turkey's campaign against the PKK, "a drone struck a car near Qamishli" is Turkish; in
one about Israel's strikes on Iranian targets, "an air strike near Aleppo killed a
Guards officer" is Israeli; and a strike "blamed on Israel" or "attributed to Jordan" is
theirs whatever the weapon.  This pass runs over a report's events once they are put
together and corrects the sides that were only inferred:

* a side the sentence itself blames ("blamed on", "attributed to", "a suspected Israeli
  strike") wins;
* an unclaimed air strike that CENTCOM or the Pentagon announces is American;
* otherwise, when every side the report names as an attacker is one striker other than
  the two main parties (Israel, Turkey, Jordan, Iran), an inferred strike that did not
  hit the US-led coalition is that striker's;
* an air strike whose air force is named nowhere ("warplanes struck …") takes the one the
  report blames anywhere ("attributed both strikes to Jordanian jets"), or is dropped;
* "X did not say who was behind the strikes": X is a speaker, not the striker.

Its word lists and patterns are in ``data/attribution.yaml``.

Iran's own forces are told apart from its allies here too: an attack whose named actor is
the Iranian state or the IRGC firing from Iran is side ``iran``.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from geo.extract.actors import REPORTER, find_actors
from geo.extract.lexicon import pattern
from geo.vocab import AIR_FORCE_SIDES

__all__ = ["THIRD_STRIKERS", "blamed_side", "blamed_sides", "settle_sides"]

#: Strikers other than the two main parties, whose reports tell their own campaigns.
THIRD_STRIKERS = frozenset({"israel", "turkey", "jordan", "iran"})
_BLAME = pattern("attribution", "blame")
_STATE = pattern("attribution", "iranian_state")
_US_ANNOUNCERS = frozenset({"CENTCOM", "US government"})
_UNSAID = pattern("attribution", "unsaid")
_FROM_IRAN = pattern("attribution", "from_iran")


#: Countries named as the one to blame ("attributed to Jordan"), where the name of the
#: country is not itself an actor of the lexicon.
_COUNTRY_SIDE = pattern("attribution", "country_blamed")


_BLAME_KEYS = ("blam", "attribut", "ascrib", "pinned", "believed", "thought", "suspect", "accus")


def blamed_side(text: str) -> str | None:
    """The side a sentence blames for an attack ("a strike blamed on Israel"), if any."""
    return next(iter(blamed_sides(text)), None)


def blamed_sides(text: str) -> list[str]:
    """Every side ``text`` blames, in order (a substring test first: most text blames nobody)."""
    lower = text.lower()
    if not any(k in lower for k in _BLAME_KEYS):
        return []
    out = []
    for m in _BLAME.finditer(text):
        country = _COUNTRY_SIDE.match(text, m.end())
        if country:
            out.append(country.lastgroup)
            continue
        actors = [a for a in find_actors(text[m.end():m.end() + 60]) if a.role != REPORTER]
        if actors and actors[0].start <= 2 and actors[0].side not in ("other", "unknown"):
            out.append(actors[0].side)
    return out


def _hit_coalition(d: Any) -> bool:
    if d.m.side2 == "us":
        return True
    return d.place is not None and d.place.kind in ("military_base", "oil_field") and d.m.event_type != "airstrike"


def _own_forces(d: Any) -> bool:
    """Whether ``d`` was made by Iran's own forces rather than a group it backs."""
    if _FROM_IRAN.search(d.quotes[0][0]) and (d.m.side1 == "iran_aligned" or d.m.side_inferred):
        return True  # "missiles fired from Iranian territory": whoever the sentence names
    return d.m.side1 == "iran_aligned" and bool(d.m.actor1 and _STATE.match(d.m.actor1.strip()))


def settle_sides(book: Any, text: str = "") -> None:
    """Correct the inferred sides of one report's drafts from what the report says
    (``text`` is the whole report: blame may come sentences after the strike); drop the
    air strikes whose air force the report never names."""
    for d in book.drafts:
        if _own_forces(d):
            d.m.side1 = "iran"  # Iran's own forces, not the groups it backs
        if _UNSAID.search(d.quotes[0][0]):
            # "The Pentagon did not say who was behind the strikes": who spoke is not who struck
            d.m.side1, d.m.actor1, d.m.side_inferred = "unknown", None, True
    named = Counter(d.m.side1 for d in book.drafts if not d.m.side_inferred and d.m.side1 not in ("other", "unknown"))
    third = next(iter(named)) if len(named) == 1 and next(iter(named)) in THIRD_STRIKERS else None
    # the air strikes' blame, not that of the attacks they answer
    blamed_in_report = set(blamed_sides(text)) & AIR_FORCE_SIDES
    report_blames = next(iter(blamed_in_report)) if len(blamed_in_report) == 1 else None
    for d in book.drafts:
        blamed = blamed_side(" ".join(q for q, _s, _e in d.quotes))
        if blamed and blamed != d.m.side1 and (d.m.side_inferred or d.m.side1 == "unknown"):
            d.m.side1, d.m.actor1 = blamed, None
            d.notes.append(f"attributed by the report to {blamed.replace('_', ' ')}")
        elif d.m.side_inferred and d.m.side1 != "us" and d.m.event_type == "airstrike" \
                and d.m.reporter in _US_ANNOUNCERS:
            # "CENTCOM said an airstrike killed an ISIS leader": the US announces its own strikes
            d.m.side1, d.m.actor1 = "us", d.m.reporter
        elif third and d.m.side_inferred and d.m.side1 != third and not _hit_coalition(d):
            d.m.side1, d.m.actor1 = third, None
            d.notes.append("the attacker is not named; the report tells only this striker's attacks")
        elif d.m.side1 == "unknown" and d.m.event_type == "airstrike" and report_blames:
            d.m.side1, d.m.actor1 = report_blames, None
            d.notes.append(f"the report attributes its strikes to {report_blames.replace('_', ' ')}")
    book.drafts[:] = [d for d in book.drafts if d.m.side1 != "unknown" or d.m.event_type == "explosion"]
