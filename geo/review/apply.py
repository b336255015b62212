"""Decisions applied to events: the reviewed data set that maps and exports use.

Accepted events are kept as the reviewer signed them, corrected ones with their
corrections, rejected ones are dropped, and those nobody has looked at yet are kept but
named in ``unreviewed`` (the map draws them as a layer of their own).  A decision whose
event the rules no longer find is still part of the data set, as long as its report is
among the inputs: what a person signed does not vanish because a rule changed.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from geo.model import Event
from geo.review.desk import match_decisions
from geo.review.keys import Span, spans_of
from geo.review.store import DecisionStore

__all__ = ["Reviewed", "ReviewedList", "apply_decisions", "review_extracted", "reviewed_events",
           "reviewed_frame_events", "signed_events", "unreviewed_ids"]


@dataclass(frozen=True)
class Reviewed:
    """The reviewed events, and which of them (by event id) no one has reviewed."""

    events: list[Event]
    unreviewed: frozenset[str] = frozenset()
    rejected: int = 0
    spans_unreviewed: frozenset[Span] = field(default=frozenset(), repr=False)

    def without_unreviewed(self) -> list[Event]:
        return [e for e in self.events if e.id not in self.unreviewed]


def apply_decisions(events: Sequence[Event], store: DecisionStore,
                    docs: Iterable[str] | None = None) -> Reviewed:
    """Apply ``store`` to ``events``; ``docs`` (default: those of ``events``) bounds which
    decisions without a matching event are kept."""
    items = match_decisions(events, store)
    out: list[Event] = []
    unreviewed: set[str] = set()
    spans: set[Span] = set()
    rejected = 0
    for it in items:
        if it.decision is None:
            out.append(it.extracted)
            unreviewed.add(it.extracted.id)
            spans |= spans_of(it.extracted)
        elif it.decision.decision == "reject":
            rejected += 1
        else:
            out.append(it.decision.event)
    known = set(docs) if docs is not None else {s.doc for e in events for s in e.sources}
    matched = {it.key for it in items}
    for d in store:
        if d.key in matched or d.decision == "reject":
            continue
        if known and {s.doc for s in d.event.sources} <= known:
            out.append(d.event)
    return Reviewed(out, frozenset(unreviewed), rejected, frozenset(spans))


def unreviewed_ids(events: Iterable[Event], reviewed: Reviewed) -> frozenset[str]:
    """Which of ``events`` (merged or reconciled from ``reviewed.events``) rest only on
    unreviewed evidence: a merged event one of whose reports a person checked counts as
    reviewed."""
    checked = {s for e in reviewed.events if e.id not in reviewed.unreviewed for s in spans_of(e)}
    return frozenset(e.id for e in events
                     if spans_of(e) & reviewed.spans_unreviewed and not spans_of(e) & checked)


def signed_events(store: DecisionStore) -> list[Event]:
    """The events a person accepted or corrected: the curated set of a decisions file."""
    return [d.event for d in store if d.decision != "reject"]


class ReviewedList(list):  # type: ignore[type-arg]
    """A list of events that also says which of them no one has reviewed."""

    unreviewed: frozenset[str] = frozenset()


def review_extracted(curated: list[Event], reports: list[str | PathLike[str]],
                     decisions: str | PathLike[str], reviewed_only: bool = False) -> ReviewedList:
    """`geo build --decisions`: extract ``reports``, apply the decisions, merge across
    reports, reconcile with the curated events.  Without reports, the decisions' signed
    events join the curated ones."""
    from geo.extract import extract_paths
    from geo.extract.merge import merge_events, reconcile

    store = _existing_store(decisions)
    docs: set[str] = set()
    extracted = (list(extract_paths(reports, on_report=lambda r, _: docs.add(r.doc)))
                 if reports else [])
    reviewed = apply_decisions(extracted, store, docs if reports else
                               {s.doc for d in store for s in d.event.sources})
    kept = reviewed.without_unreviewed() if reviewed_only else reviewed.events
    out = ReviewedList(reconcile(curated, merge_events(kept)))
    out.unreviewed = frozenset() if reviewed_only else unreviewed_ids(out, reviewed)
    return out


def reviewed_frame_events(events: Sequence[Event] | None, decisions: str | PathLike[str],
                          reviewed_only: bool = False) -> ReviewedList:
    """`geo map`/`geo export --decisions`: ``events`` (an events file's) reviewed, or the
    decisions' signed events when no events are given."""
    store = _existing_store(decisions)
    if events is None:
        return ReviewedList(signed_events(store))
    reviewed = apply_decisions(events, store)
    out = ReviewedList(reviewed.without_unreviewed() if reviewed_only else reviewed.events)
    out.unreviewed = frozenset() if reviewed_only else reviewed.unreviewed
    return out


def _existing_store(path: str | PathLike[str]) -> DecisionStore:
    from geo.exc import InputError

    if not Path(path).is_file():
        raise InputError(f"{path}: no such decisions file (`geo review` writes one)")
    return DecisionStore(path)


def reviewed_events(events_file: str | PathLike[str] | None, decisions: str | PathLike[str],
                    reviewed_only: bool = False, store: str | PathLike[str] | None = None
                    ) -> tuple[object, frozenset[str]]:
    """A GeoDataFrame of the reviewed events of ``events_file`` (or of the event store
    ``store``) and the unreviewed ids."""
    from geo.cli_support import read_event_list
    from geo.frame import to_frame

    events = read_event_list(Path(events_file) if events_file is not None else None,
                             Path(store) if store is not None else None)
    out = reviewed_frame_events(events, decisions, reviewed_only)
    return to_frame(out), out.unreviewed
