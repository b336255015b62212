"""The main job, end to end: seeds → events → map and GeoJSON.

``seed_events`` is the embedded default data set (the analyst-curated ``events.yaml``
coded from the seed reports); ``build`` turns a seeds directory into ``index.html`` and
``events.geojson``.  ``collect_events`` is the one seam where more event sources join the
curated ones (extraction from ``seeds/reports/`` reconciled with the curated records).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from geo.exc import InputError
from geo.model import Event

__all__ = [
    "EVENTS_FILE",
    "GEOJSON_NAME",
    "MAP_NAME",
    "MAP_TITLE",
    "BuildResult",
    "build",
    "collect_events",
    "default_seeds_dir",
    "seed_events",
]

EVENTS_FILE = "events.yaml"
GEOJSON_NAME = "events.geojson"
MAP_NAME = "index.html"
MAP_TITLE = "US forces and Iran-aligned groups: strikes and attacks"


@dataclass(frozen=True)
class BuildResult:
    """What ``build`` wrote: the events, and the files."""

    events: tuple[Event, ...]
    out_dir: Path
    geojson: Path
    map: Path

    @property
    def date_range(self) -> tuple[dt.date, dt.date] | None:
        days = sorted(d for d in (e.event_date or e.date_start for e in self.events) if d)
        return (days[0], days[-1]) if days else None

    def summary(self) -> str:
        """One line for the terminal: how many events, when, and where they went."""
        span = self.date_range
        when = f" ({span[0]} to {span[1]})" if span else ""
        files = f"{self.map} and {self.geojson}"
        n = len(self.events)
        return f"built {n} event{'s' if n != 1 else ''}{when}: {files}"


def default_seeds_dir() -> Path:
    """The repository's ``seeds/`` (beside the package), else ``./seeds``."""
    import geo

    beside = Path(geo.__file__).resolve().parents[1] / "seeds"
    return beside if (beside / EVENTS_FILE).is_file() else Path("seeds")


def seed_events(seeds_dir: str | PathLike[str] | None = None) -> list[Event]:
    """The curated events of a seeds directory (default: the embedded seed data set)."""
    from geo.events_io import load_events

    d = Path(seeds_dir) if seeds_dir is not None else default_seeds_dir()
    if not d.is_dir():
        raise InputError(f"{d}: no such seeds directory")
    path = d / EVENTS_FILE
    if not path.is_file():
        raise InputError(f"{d}: no {EVENTS_FILE} in the seeds directory; expected the curated "
                         "events file there")
    return load_events(path)


def collect_events(seeds_dir: str | PathLike[str] | None = None,
                   reports: Sequence[str | PathLike[str]] = (),
                   decisions: str | PathLike[str] | None = None,
                   reviewed_only: bool = False,
                   base: Sequence[Event] | None = None) -> list[Event]:
    """Every event a build maps: the curated seed events, and those of ``reports``.

    Events extracted from the reports are merged across reports, then reconciled with
    the curated ones: a curated record corrects or confirms the extracted events it
    matches.  The seed reports themselves (``seeds/reports/``) are not extracted by
    default: they restate the very reports the curated file was coded from, so they
    would add copies of its citations, not new facts.  ``base`` (the events of a store)
    takes the place of the curated seed events.

    With ``decisions`` (a `geo review` file), the extracted events are reviewed first:
    rejected ones dropped, accepted and corrected ones as signed, unreviewed ones kept
    (and listed in the result's ``unreviewed`` attribute) unless ``reviewed_only``.
    """
    curated = list(base) if base is not None else seed_events(seeds_dir)
    if not reports and decisions is None:
        return curated
    from geo.extract import extract_paths
    from geo.extract.merge import merge_events, reconcile

    if decisions is None:
        return reconcile(curated, merge_events(list(extract_paths(list(reports)))))
    from geo.review.apply import review_extracted

    return review_extracted(curated, list(reports), decisions, reviewed_only)


def build(seeds_dir: str | PathLike[str] | None = None,
          out_dir: str | PathLike[str] = "maps",
          reports: Sequence[str | PathLike[str]] = (),
          decisions: str | PathLike[str] | None = None,
          reviewed_only: bool = False,
          base: Sequence[Event] | None = None) -> BuildResult:
    """Write ``out_dir/index.html`` and ``out_dir/events.geojson`` from a seeds directory.

    Deterministic: the same seeds give byte-identical files.  Every input is read and
    validated before anything is written, and each file is replaced atomically.
    """
    from geo.export.geojson import write_geojson

    events = collect_events(seeds_dir, reports, decisions, reviewed_only, base)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a directory; expected an output directory")
    map_path = _write_map(events, out / MAP_NAME, getattr(events, "unreviewed", ()))
    geojson = out / GEOJSON_NAME
    write_geojson(events, geojson)
    return BuildResult(events=tuple(events), out_dir=out, geojson=geojson, map=map_path)


def _write_map(events: list[Event], path: Path, unreviewed: frozenset[str] = frozenset()) -> Path:
    from geo.frame import to_frame
    from geo.mapping import write_map

    write_map(to_frame(events), path, title=MAP_TITLE, unreviewed=unreviewed)
    return path
