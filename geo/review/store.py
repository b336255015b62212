"""The decisions file: every accept, correction and rejection, written at once.

The file is a curated events file (the format of ``seeds/events.yaml``) whose records
carry the review besides the event itself::

    title: geo review decisions
    events:
    - key: rv-3f1c0a9b2d4e          # the stable key (see geo.review.keys)
      decision: edit                # accept | edit | reject
      reason: wrong town            # rejections: one of REJECT_REASONS
      fields: [location, place_id]  # what the reviewer changed
      original: {location: Al Qaim, place_id: cur:al-qaim}   # the extracted values
      reviewer: dana
      decided_at: '2026-12-04T18:02:11Z'
      event_date: '2024-02-02'
      ...                           # the event as decided, in the curated format

The whole file is rewritten atomically (geo.atomic) after every decision, so killing
the server or closing the browser never loses one.  Each record's YAML is kept as text
once dumped, so rewriting a file of thousands of decisions costs a join, not a dump.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from geo.atomic import write_text_atomic
from geo.exc import InputError, ValidationError
from geo.model import EVENT_FIELDS, Event

__all__ = ["DECISIONS", "REJECT_REASONS", "REVIEW_KEYS", "Decision", "DecisionStore",
           "event_record"]

DECISIONS: tuple[str, ...] = ("accept", "edit", "reject")

#: Why an extracted event is not one: the short list the page offers (keys 1–4).
REJECT_REASONS: tuple[str, ...] = (
    "not an event", "background/duplicate", "out of scope", "wrong report",
)

#: Keys a decision record holds besides the event's own fields.
REVIEW_KEYS: tuple[str, ...] = ("key", "decision", "reason", "fields", "original",
                                "reviewer", "decided_at")

_HEADER = ("# Review decisions written by `geo review` (one record per reviewed event).\n"
           "title: geo review decisions\n")


def event_record(event: Event) -> dict[str, Any]:
    """An event as a curated record: its fields in model order, empty ones left out."""
    rec = {}
    for name, value in event.to_dict().items():
        if name == "id" or value is None or value == {} or value == []:
            continue
        if name == "sources":
            value = [{k: v for k, v in s.items() if v is not None} for s in value]
        rec[name] = value
    return rec


@dataclass(frozen=True)
class Decision:
    """One reviewer's verdict on one event, and the event as they left it."""

    key: str
    decision: str
    event: Event
    reason: str | None = None
    fields: tuple[str, ...] = ()
    original: Mapping[str, Any] = field(default_factory=dict)
    reviewer: str | None = None
    decided_at: str | None = None

    def extracted_record(self) -> dict[str, Any]:
        """The event as extracted when it was decided (edits undone)."""
        rec = event_record(self.event)
        for name in self.fields:
            value = self.original.get(name)
            if value is None:
                rec.pop(name, None)
            else:
                rec[name] = value
        return rec

    def to_record(self) -> dict[str, Any]:
        head: dict[str, Any] = {"key": self.key, "decision": self.decision}
        if self.reason:
            head["reason"] = self.reason
        if self.fields:
            head["fields"] = list(self.fields)
            head["original"] = {k: self.original.get(k) for k in self.fields}
        head["reviewer"] = self.reviewer
        head["decided_at"] = self.decided_at
        return {**head, **event_record(self.event)}

    @classmethod
    def from_record(cls, rec: Any, *, file: str, record: int) -> Decision:
        if not isinstance(rec, Mapping):
            raise ValidationError("a decision must be a mapping", file=file, record=record)
        key, decision = rec.get("key"), rec.get("decision")
        if not isinstance(key, str) or not key:
            raise ValidationError("a decision needs its 'key'", file=file, record=record,
                                  field="key")
        if decision not in DECISIONS:
            raise ValidationError(f"{decision!r} is not one of: {', '.join(DECISIONS)}",
                                  file=file, record=f"{record} ({key})", field="decision")
        fields_ = rec.get("fields") or []
        original = rec.get("original") or {}
        if not isinstance(fields_, list) or not all(f in EVENT_FIELDS for f in fields_):
            raise ValidationError("must be a list of event field names", file=file,
                                  record=f"{record} ({key})", field="fields")
        if not isinstance(original, Mapping):
            raise ValidationError("must map field names to values", file=file,
                                  record=f"{record} ({key})", field="original")
        body = {k: v for k, v in rec.items() if k not in REVIEW_KEYS}
        event = Event.from_dict(body, file=file, record=f"{record} ({key})")
        return cls(key=key, decision=decision, event=event, reason=_opt(rec.get("reason")),
                   fields=tuple(fields_), original=dict(original),
                   reviewer=_opt(rec.get("reviewer")), decided_at=_opt(rec.get("decided_at")))


class DecisionStore:
    """The decisions of one file, by key; ``put`` writes the file before it returns.

    Safe to share between threads (the server's request handlers): one lock guards the
    records and the write.
    """

    def __init__(self, path: str | PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._decisions: dict[str, Decision] = {}
        self._text: dict[str, str] = {}
        if self.path.exists():
            self._load()

    def __len__(self) -> int:
        return len(self._decisions)

    def __iter__(self) -> Iterator[Decision]:
        return iter(list(self._decisions.values()))

    def __contains__(self, key: object) -> bool:
        return key in self._decisions

    def get(self, key: str) -> Decision | None:
        return self._decisions.get(key)

    def put(self, decision: Decision) -> Decision:
        """Record ``decision`` (replacing an earlier one for its key) and rewrite the file."""
        with self._lock:
            texts = {**self._text, decision.key: _dump(decision.to_record())}
            write_text_atomic(self.path, _HEADER + "events:\n" + "".join(texts.values()))
            # only once it is on disk: a decision that could not be written was not made
            self._text = texts
            self._decisions[decision.key] = decision
        return decision

    def _load(self) -> None:
        import yaml

        file = str(self.path)
        try:
            text = self.path.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"{file}: not UTF-8 text (byte {err.start})") from None
        except IsADirectoryError:
            raise InputError(f"{file}: is a directory; expected a decisions .yaml file") from None
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            data = yaml.load(text, Loader=loader)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f"line {mark.line + 1}: " if mark else ""
            raise InputError(f"{file}: {where}not valid YAML") from None
        if data is None:
            return
        if not isinstance(data, Mapping) or not isinstance(data.get("events") or [], list):
            raise InputError(f"{file}: expected a decisions file (a mapping with an 'events:' "
                             "list, as `geo review` writes)")
        for i, rec in enumerate(data.get("events") or [], start=1):
            dec = Decision.from_record(rec, file=file, record=i)
            self._decisions[dec.key] = dec
            self._text[dec.key] = _dump(dec.to_record())


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _dump(record: dict[str, Any]) -> str:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump([record], Dumper=dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)


def _opt(v: Any) -> str | None:
    return None if v is None or v == "" else str(v)
