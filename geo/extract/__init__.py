"""Extraction: news reports in, geolocated, dated, attributed strike/attack events out.

    from geo.extract import extract_text, extract_file, extract_paths
    events = extract_text(text, doc="report.txt", published=date(2024, 11, 12))

Rules, lexicons and the gazetteer do the work (no model is downloaded): see
:mod:`geo.extract.events` for the modules that decide what counts as an event and how
one report's mentions become one event per real event, and ``geo/extract/data/`` for
their word lists and patterns.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from geo.exc import ExtractionError
from geo.extract.reader import Report, iter_report_paths, load_manifest, read_report, read_text
from geo.model import Event

__all__ = [
    "Report",
    "extract_file",
    "extract_paths",
    "extract_report_events",
    "extract_text",
    "load_manifest",
    "place_finder",
    "read_report",
]

_FINDER: Any = None


def place_finder() -> Any:
    """The process-wide place finder over the default gazetteer (built on first use)."""
    global _FINDER
    if _FINDER is None:
        from gazetteer import default_gazetteer
        from geo.extract.places import PlaceFinder

        _FINDER = PlaceFinder(default_gazetteer())
    return _FINDER


def extract_report_events(report: Report, finder: Any = None) -> list[Event]:
    """The events one :class:`Report` tells."""
    from geo.extract.events import extract_report

    return extract_report(report, finder if finder is not None else place_finder())


def extract_text(text: str, *, doc: str, published: dt.date | None, title: str | None = None,
                 outlet: str | None = None, url: str | None = None) -> list[Event]:
    """Events in one report given as text (plain or Markdown with front matter)."""
    suffix = os.path.splitext(doc)[1] or ".txt"
    report = read_text(text, doc=doc, suffix=suffix, published=published,
                       meta={"title": title, "outlet": outlet, "url": url})
    return extract_report_events(report)


def extract_file(path: str | os.PathLike[str], *, published: dt.date | None = None,
                 manifest: Mapping[str, Mapping[str, Any]] | None = None) -> list[Event]:
    """Events in one report file; raises ExtractionError (one line) for unreadable input."""
    return extract_report_events(read_report(path, published=published, manifest=manifest))


def extract_paths(paths: Iterable[str | os.PathLike[str]], *, published: dt.date | None = None,
                  manifest: Mapping[str, Mapping[str, Any]] | str | os.PathLike[str] | None = None,
                  on_error: Callable[[str], None] | None = None,
                  on_report: Callable[[Report, list[Event]], None] | None = None) -> Iterator[Event]:
    """Stream the events of many reports (files or directories), one report at a time.

    A report that cannot be read is passed to ``on_error`` as a one-line message (or
    raised when no handler is given); the others are still processed.
    """
    if manifest is not None and not isinstance(manifest, Mapping):
        manifest = load_manifest(manifest)
    for path in iter_report_paths(paths):
        try:
            report = read_report(path, published=published, manifest=manifest)
        except ExtractionError as err:
            if on_error is None:
                raise
            on_error(str(err))
            continue
        events = extract_report_events(report)
        if on_report is not None:
            on_report(report, events)
        yield from events
