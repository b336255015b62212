"""What the decisions say about the extractor: its precision as its users measure it."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from geo.review.store import DecisionStore

__all__ = ["ReviewStats", "edited_groups", "review_stats"]

#: Fields a new place changes together: counted once, as "place".
_PLACE = frozenset({"location", "place_id", "country", "admin1", "lat", "lon"})


def edited_groups(fields: tuple[str, ...]) -> list[str]:
    """The corrections a reviewer made, with the fields of one new place as one."""
    out = ["place"] if _PLACE & set(fields) else []
    return out + [f for f in fields if f not in _PLACE]


@dataclass(frozen=True)
class ReviewStats:
    accepted: int
    edited: int
    rejected: int
    edited_fields: dict[str, int]
    reasons: dict[str, int]
    reviewers: dict[str, int]

    @property
    def decided(self) -> int:
        return self.accepted + self.edited + self.rejected

    @property
    def precision(self) -> float | None:
        """Share of decided events that are real events (accepted or corrected)."""
        return (self.accepted + self.edited) / self.decided if self.decided else None

    @property
    def exact(self) -> float | None:
        """Share of decided events accepted as extracted, without a correction."""
        return self.accepted / self.decided if self.decided else None

    def lines(self) -> list[str]:
        def pct(x: float | None) -> str:
            return "n/a" if x is None else f"{100 * x:.1f}%"

        def detail(counts: dict[str, int]) -> str:
            return ", ".join(f"{k} {v}" for k, v in counts.items())

        out = [f"decided: {self.decided}",
               f"accepted: {self.accepted}",
               f"corrected: {self.edited}" + (f" ({detail(self.edited_fields)})"
                                              if self.edited_fields else ""),
               f"rejected: {self.rejected}" + (f" ({detail(self.reasons)})"
                                               if self.reasons else ""),
               f"precision: {pct(self.precision)} (accepted or corrected / decided)",
               f"exact: {pct(self.exact)} (accepted without a correction / decided)"]
        if self.reviewers:
            out.append(f"reviewers: {detail(self.reviewers)}")
        return out


def review_stats(store: DecisionStore) -> ReviewStats:
    kinds: Counter[str] = Counter()
    fields: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    reviewers: Counter[str] = Counter()
    for d in store:
        kinds[d.decision] += 1
        fields.update(edited_groups(d.fields))
        if d.decision == "reject":
            reasons[d.reason or "no reason"] += 1
        reviewers[d.reviewer or "unknown"] += 1
    return ReviewStats(kinds["accept"], kinds["edit"], kinds["reject"],
                       dict(fields.most_common()), dict(reasons.most_common()),
                       dict(reviewers.most_common()))
