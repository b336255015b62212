"""How far to trust one extracted event: a calibrated probability that it is right.

An analyst filters a map by confidence only if the number means something: of the events
given 0.8, about eight in ten should be real events, dated and placed as the scorer
requires.  So the number is not a hand-set score but a logistic model over the evidence
the extractor has (how the report tells the event, how precise its date and place are,
whether its attacker is named, how many sentences support it, whether the telling is
hedged or claimed), with weights fitted on the hand-coded development sets by
``benchmarks/calibrate.py`` and stored in ``data/confidence.yaml``.  The reliability
table of the fit (confidence bins against the share correct) is in benchmarks/README.md.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_MIN_CONFIDENCE", "FEATURES", "RECORDER", "confidence", "evidence"]

#: What `geo extract` keeps unless told otherwise: below this, fewer than one event in five
#: was right on the development sets, and dropping them raised F1 there (benchmarks/README.md).
DEFAULT_MIN_CONFIDENCE = 0.3

_DATA = Path(__file__).resolve().parent / "data" / "confidence.yaml"

#: The evidence an event's confidence is computed from, each 0 or 1 unless said.
FEATURES: tuple[str, ...] = (
    "date_explicit",     # the sentence gives the day, or a gap from a day it gives
    "date_reported",     # the date is when it was reported ("said on Tuesday")
    "date_borrowed",     # taken from an earlier sentence or the report's context
    "date_default",      # the report gives no date at all
    "date_coarse",       # known only to a week, a month or a year
    "place_site",        # a base, crossing, field or airport
    "place_town",
    "place_admin1",      # (country is the baseline)
    "side_inferred",     # the attacker is not named but inferred
    "background",        # told as background, kept because precise
    "cause_clause",      # told in a clause that gives a cause
    "support",           # further sentences that tell it: 0, 1, 2 or more (capped at 3)
    "hedged",            # "reportedly", "allegedly", "unconfirmed", "could not be verified"
    "claimed",           # a party's claim ("claimed", "said its fighters")
    "in_lead",           # told in the first two sentences of the report
    "toll",              # a death or injury toll is given
    "unspecified_type",  # the kind of attack is not said
)
_HEDGE = re.compile(r"\b(?:reportedly|allegedly|unconfirmed|unverified|could not (?:be )?(?:independently )?verif\w*|"
                    r"purported\w*|suspected|possibly|apparently|it was not clear|unclear)\b", re.IGNORECASE)
_CLAIM = re.compile(r"\b(?:claim(?:s|ed|ing)?|(?:said|says) (?:that )?its (?:fighters|mujahideen|forces|drones)|"
                    r"Telegram)\b", re.IGNORECASE)

_HEDGE_KEYS = ("reported", "alleged", "unconfirm", "unverif", "verif", "purport", "suspect", "possibl",
               "apparent", "not clear", "unclear")
_CLAIM_KEYS = ("claim", "said its", "says its", "said that its", "says that its", "telegram")

#: When set to a dict, every event's features are recorded in it by event id (for
#: ``benchmarks/calibrate.py``; never set in normal use).
RECORDER: dict[str, dict[str, float]] | None = None


@lru_cache(maxsize=1)
def _weights() -> tuple[float, dict[str, float]]:
    import yaml

    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return float(data["intercept"]), {k: float(v) for k, v in (data.get("weights") or {}).items()}


def evidence(d: Any, precision: str, lead_end: int) -> dict[str, float]:
    """The features of draft ``d`` (an event being put together), placed to ``precision``;
    ``lead_end`` is where the report's second sentence ends."""
    q = d.when.quality
    text = " ".join(quote for quote, _s, _e in d.quotes)
    lower = text.lower()
    return {
        "date_explicit": float(q in ("explicit", "derived")),
        "date_reported": float(q == "reported"),
        "date_borrowed": float(q in ("inherited", "focus")),
        "date_default": float(q == "default"),
        "date_coarse": float(d.when.precision != "day"),
        "place_site": float(precision == "site"),
        "place_town": float(precision == "town"),
        "place_admin1": float(precision == "admin1"),
        "side_inferred": float(bool(d.m.side_inferred)),
        "background": float(getattr(d, "told", "news") == "background"),
        "cause_clause": float(bool(d.m.clause.sub)),
        "support": float(min(3, len(d.quotes) - 1)),
        "hedged": float(any(k in lower for k in _HEDGE_KEYS) and bool(_HEDGE.search(text))),
        "claimed": float(any(k in lower for k in _CLAIM_KEYS) and bool(_CLAIM.search(text))),
        "in_lead": float(min(s for _q, s, _e in d.quotes) < lead_end),
        "toll": float(d.killed is not None or d.injured is not None),
        "unspecified_type": float(d.m.event_type == "attack"),
    }


def confidence(features: dict[str, float]) -> float:
    """The fitted probability that an event with these features is right (0.01–0.99)."""
    intercept, weights = _weights()
    z = intercept + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return round(min(0.99, max(0.01, 1.0 / (1.0 + math.exp(-z)))), 2)
