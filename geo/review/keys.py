"""Stable review keys: an event is known by the report and the sentences it rests on.

A decision must survive re-extraction after the rules change, so the key never depends
on what the rules concluded (date, place, type, a random id) but only on the evidence:
each source's report (``doc``) and its supporting sentence, normalised so that a change
of quotes, dashes, spacing or case — or of character offsets, when page furniture is
cleaned differently — leaves the key as it was.

    >>> span_of(Source(doc="r.txt", quote="The US  struck “five” targets."))
    ('r.txt', 'the us struck five targets')
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence

from geo.model import Event, Source

__all__ = ["Span", "assign_keys", "key_of_spans", "normalise_quote", "span_of", "spans_of"]

#: (doc, normalised quote) — or (doc, "@start-end") for a source given without its quote.
Span = tuple[str, str]

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise_quote(text: str) -> str:
    """Lower case, compatibility forms, and every run of punctuation or space as one space."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", folded).strip()


def span_of(source: Source) -> Span:
    """The identity of one piece of evidence."""
    if source.quote:
        return source.doc, normalise_quote(source.quote)
    if source.start is not None:
        return source.doc, f"@{source.start}-{source.end}"
    return source.doc, ""


def spans_of(event: Event) -> frozenset[Span]:
    return frozenset(span_of(s) for s in event.sources)


def key_of_spans(spans: Iterable[Span], extra: Sequence[str] = ()) -> str:
    """``rv-`` and 12 hex digits of a hash over the sorted spans (and ``extra`` words)."""
    payload = json.dumps([sorted(spans), list(extra)], ensure_ascii=False)
    return "rv-" + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]


def assign_keys(events: Sequence[Event]) -> list[str]:
    """One key per event, unique within ``events``, in order.

    Two events of one report may rest on the same sentence ("a depot near A and a camp
    near B"); they are told apart by the place (then the type) the extractor gave them,
    and only as a last resort by their order.  An event without sources (hand-made
    data) falls back to its content id.
    """
    base = [key_of_spans(spans_of(e)) if e.sources else e.id for e in events]
    counts: dict[str, int] = {}
    for k in base:
        counts[k] = counts.get(k, 0) + 1
    keys: list[str] = []
    seen: set[str] = set()
    for ev, k in zip(events, base):
        if counts[k] > 1:
            words = [ev.place_id or ev.location or "", ev.event_type]
            k = key_of_spans(spans_of(ev), words)
            n = 1
            while k in seen:
                n += 1
                k = key_of_spans(spans_of(ev), [*words, str(n)])
        seen.add(k)
        keys.append(k)
    return keys
