"""`geo review`: a person accepts, corrects or rejects extracted events; decisions stick.

    from geo.review import DecisionStore, ReviewDesk, apply_decisions
    store = DecisionStore("decisions.yaml")
    desk = ReviewDesk(events, store, reviewer="dana")
    desk.decide(desk.items()[0].key, "reject", reason="not an event")
    reviewed = apply_decisions(events, store)      # what maps and exports use

Layers: :mod:`~geo.review.keys` (stable keys from evidence), :mod:`~geo.review.store`
(the decisions file), :mod:`~geo.review.desk` (matching and deciding),
:mod:`~geo.review.apply` (the reviewed data set), :mod:`~geo.review.stats`, and
:mod:`~geo.review.server` (the local web page and its JSON API).
"""
from __future__ import annotations

from geo.review.apply import Reviewed, apply_decisions, signed_events, unreviewed_ids
from geo.review.desk import STATUSES, Item, ReviewDesk, UnknownEvent, match_decisions
from geo.review.keys import assign_keys, normalise_quote
from geo.review.stats import ReviewStats, review_stats
from geo.review.store import REJECT_REASONS, Decision, DecisionStore

__all__ = [
    "REJECT_REASONS", "STATUSES", "Decision", "DecisionStore", "Item", "ReviewDesk",
    "ReviewStats", "Reviewed", "UnknownEvent", "apply_decisions", "assign_keys",
    "match_decisions", "normalise_quote", "review_stats", "signed_events", "unreviewed_ids",
]
