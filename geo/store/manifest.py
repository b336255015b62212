"""The store's manifest: what the dataset holds, and what was ingested into it and when.

The manifest (``manifest.json``) is the store's single source of truth.  Partition files
not listed in it do not exist as far as every reader is concerned: an ingest writes its
new files beside the old ones and then replaces the manifest in one ``os.replace``, so an
interrupted ingest leaves the previous manifest, and with it the previous store, intact.
Each listed file carries its row count, size, date range and bounding box, so a query
can skip whole files before opening them and a reader can tell a file edited by hand.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.atomic import write_text_atomic
from geo.exc import InputError

__all__ = ["FORMAT", "MANIFEST_NAME", "VERSION", "Ingested", "Manifest", "PartFile",
           "StoreError"]

FORMAT = "geo-event-store"
VERSION = 1
MANIFEST_NAME = "manifest.json"


class StoreError(InputError):
    """A store that is missing, half-written, from a newer version, or edited by hand."""


@dataclass(frozen=True)
class PartFile:
    """One Parquet file of a month partition, as the manifest describes it."""

    path: str  # relative to the store directory, with forward slashes
    rows: int
    bytes: int
    min_date: dt.date | None
    max_date: dt.date | None
    bbox: tuple[float, float, float, float] | None  # W, S, E, N of its located events

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "rows": self.rows, "bytes": self.bytes,
                "min_date": _iso(self.min_date), "max_date": _iso(self.max_date),
                "bbox": list(self.bbox) if self.bbox else None}

    @classmethod
    def from_dict(cls, d: Any, where: str) -> PartFile:
        try:
            bbox = d.get("bbox")
            return cls(path=str(d["path"]), rows=int(d["rows"]), bytes=int(d["bytes"]),
                       min_date=_date(d.get("min_date")), max_date=_date(d.get("max_date")),
                       bbox=tuple(float(v) for v in bbox) if bbox else None)  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise StoreError(f"{where}: a partition file entry is malformed ({err!r})") from None


@dataclass(frozen=True)
class Ingested:
    """One input the store has taken in: its hash makes a second ingest of it a no-op."""

    input: str
    sha256: str
    kind: str  # report, events, acled, ucdp
    at: str  # UTC timestamp, ISO 8601
    events: int  # events the input held (for a report: the events extracted from it)
    added: int  # new points (for reports: new points that cite this report)
    merged: int  # events merged into stored ones (for reports: … that cite it)
    duplicates: int  # events already stored

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Manifest:
    """Partitions (month → files) and the ingest log."""

    created: str
    updated: str
    partitions: dict[str, list[PartFile]] = field(default_factory=dict)
    ingested: list[Ingested] = field(default_factory=list)

    @property
    def files(self) -> list[PartFile]:
        return [f for month in sorted(self.partitions) for f in self.partitions[month]]

    @property
    def events(self) -> int:
        return sum(f.rows for f in self.files)

    def hashes(self) -> set[str]:
        return {i.sha256 for i in self.ingested}

    def to_json(self) -> str:
        doc = {"format": FORMAT, "version": VERSION, "created": self.created,
               "updated": self.updated, "events": self.events,
               "partitions": {m: [f.to_dict() for f in fs] for m, fs in sorted(self.partitions.items())},
               "ingested": [i.to_dict() for i in self.ingested]}
        return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"

    def save(self, directory: Path) -> None:
        write_text_atomic(directory / MANIFEST_NAME, self.to_json())

    @classmethod
    def new(cls) -> Manifest:
        now = utc_now()
        return cls(created=now, updated=now)

    @classmethod
    def load(cls, directory: Path) -> Manifest:
        path = directory / MANIFEST_NAME
        if not directory.exists():
            raise StoreError(f"{directory}: no such store (create one with `geo store init {directory}`)")
        if not directory.is_dir():
            raise StoreError(f"{directory}: is not a directory; expected an event store")
        if not path.is_file():
            raise StoreError(f"{path}: missing: {directory} is not an event store "
                             f"(create one with `geo store init {directory}`)")
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise StoreError(f"{path}: not valid JSON ({err}); the store's manifest is "
                             "damaged or half-written") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise StoreError(f"{path}: not a geo event store manifest (expected \"format\": \"{FORMAT}\")")
        version = doc.get("version")
        if not isinstance(version, int) or version < 1:
            raise StoreError(f"{path}: 'version' is {version!r}; expected a whole number")
        if version > VERSION:
            raise StoreError(f"{path}: written by a newer geo (store format {version}; this geo "
                             f"reads up to {VERSION}); upgrade geo to read it")
        parts = doc.get("partitions")
        log = doc.get("ingested")
        if not isinstance(parts, dict) or not isinstance(log, list):
            raise StoreError(f"{path}: expected 'partitions' (an object) and 'ingested' (a list)")
        try:
            partitions = {str(m): [PartFile.from_dict(f, str(path)) for f in fs]
                          for m, fs in parts.items()}
            ingested = [Ingested(**i) for i in log]
        except (TypeError, AttributeError) as err:
            raise StoreError(f"{path}: malformed entry ({err})") from None
        m = cls(created=str(doc.get("created", "")), updated=str(doc.get("updated", "")),
                partitions=partitions, ingested=ingested)
        if doc.get("events") != m.events:
            raise StoreError(f"{path}: says {doc.get('events')!r} events but its partition files "
                             f"add up to {m.events}; the manifest was edited by hand")
        return m


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _date(v: Any) -> dt.date | None:
    return dt.date.fromisoformat(v) if v else None
