"""What `geo review` reviews: reports (extracted on the fly) and events files, mixed."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from geo.exc import ExtractionError, InputError
from geo.model import Event

__all__ = ["ReviewInputs", "is_events_file", "load_inputs"]


@dataclass
class ReviewInputs:
    events: list[Event] = field(default_factory=list)
    #: doc name → the report's clean text (what the evidence offsets point into)
    texts: dict[str, str] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)


def is_events_file(path: Path) -> bool:
    from geo.events_io import EVENT_READERS, READERS

    return path.is_file() and path.suffix.lower() in (set(EVENT_READERS) | set(READERS))


def load_inputs(paths: Iterable[str | PathLike[str]], *, published: dt.date | None = None,
                manifest: Mapping[str, Mapping[str, Any]] | None = None,
                on_error: Callable[[str], None] | None = None,
                events: Iterable[Event] = ()) -> ReviewInputs:
    """Events of every input: events files loaded, report files and folders extracted.

    A report whose events an events file already holds (the same ``doc``) is not
    extracted again: its text is what the page shows around their evidence, so
    ``geo review extracted.geojson reports/`` reviews the file with its reports.
    Unreadable reports go to ``on_error`` (and ``failed``); the rest are still read.
    ``events`` (those of an event store, say) are reviewed with them.
    Raises InputError when no input gave anything to review.
    """
    from geo.events_io import load_events
    from geo.extract import extract_report_events, read_report
    from geo.extract.reader import iter_report_paths

    out = ReviewInputs()
    out.events.extend(events)  # e.g. the events of an event store (``--store``)
    reports: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(f"{p}: no such report or events file")
        if is_events_file(p):
            out.events.extend(load_events(p))
        else:
            reports.append(p)

    known = {s.doc for e in out.events for s in e.sources}
    for path in iter_report_paths(reports):
        try:
            report = read_report(path, published=published, manifest=manifest)
        except ExtractionError as err:
            out.failed.append(str(err))
            if on_error is None:
                raise
            on_error(str(err))
            continue
        out.texts[report.doc] = report.text
        if report.doc not in known:  # a report of an events file given too: its text only
            out.events.extend(extract_report_events(report))
    if not out.events and not out.texts:
        raise InputError("nothing to review: no input could be read")
    return out
