"""`geo extract` (reports → events) and `geo eval` (events → scores against a gold file)."""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated

import typer

from geo.cli_support import cli_errors, fail

__all__ = ["evaluate", "extract"]


def _parse_day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; expected YYYY-MM-DD such as 2024-11-12") from None


@contextlib.contextmanager
def _progress(enabled: bool) -> Iterator:
    """A spinner with a count of reports on stderr, only when stderr is a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} reports"),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extracting", total=None)
        yield lambda: bar.advance(task)


def extract(
    files: Annotated[list[str], typer.Argument(help="Report files (.txt, .md, .html) or directories; '-' reads stdin.",
                                               show_default=False)],
    published: Annotated[str | None, typer.Option("--published", help="Publication date YYYY-MM-DD for reports that do not give one (weekdays are read against it).")] = None,
    manifest: Annotated[Path | None, typer.Option("--manifest", help="YAML or CSV mapping report files to title, outlet, published, url.")] = None,
    merge: Annotated[bool, typer.Option("--merge", help="Merge events that several reports describe; disagreements go to 'disputed'.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="geojson (default) or table.")] = "geojson",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No per-file messages on stderr.")] = False,
    min_confidence: Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0,
                                                  help="Keep only events whose calibrated confidence is at least this (0-1; 0 keeps every candidate).")] = 0.3,
) -> None:
    """Extract strike and attack events from news reports.

    Prints a GeoJSON FeatureCollection: one Feature per event with its date and
    precision, type, actors and sides, place and precision, casualties, confidence and
    the sentence(s) it was read from (`sources`).  A file that cannot be read, or that
    tells no event, gets a one-line message on stderr and the others are still read;
    the exit status is non-zero only when no file could be read.

    Example:
        geo extract report.txt --published 2024-11-12
        geo extract reports/ --manifest manifest.yaml --merge > events.geojson
        geo extract reports/ --min-confidence 0.8      # about 9 in 10 right on our sets
        geo extract reports/ --min-confidence 0        # every candidate, for review
    """
    if fmt not in ("geojson", "table"):
        raise fail(f"unknown format {fmt!r}; expected geojson or table", 2)
    with cli_errors():
        from geo.extract import extract_paths, load_manifest

        pub = _parse_day(published)
        meta = load_manifest(manifest) if manifest else None
        stats = {"read": 0, "failed": 0}

        def on_error(message: str) -> None:
            stats["failed"] += 1
            typer.echo(f"geo: {message}", err=True)

        with _progress(True) as tick:
            def on_report(report, events) -> None:
                stats["read"] += 1
                if tick:
                    tick()
                if not quiet:
                    for w in report.warnings:
                        typer.echo(f"geo: warning: {w}", err=True)
                    if not events:
                        typer.echo(f"geo: {report.doc}: no strike or attack events found", err=True)

            events = extract_paths(files, published=pub, manifest=meta, on_error=on_error,
                                   on_report=on_report)
            if merge:
                from geo.extract.merge import merge_events

                events = iter(merge_events(events))
            if min_confidence > 0:
                events = (e for e in events if (e.confidence or 0.0) >= min_confidence)
            _write(events, fmt, output, lambda: stats["read"] > 0)
        if stats["read"] == 0:
            raise fail("no report could be read", 2)


def _write(events, fmt: str, output: Path | None, any_read) -> None:
    """Stream the events out; when no report could be read, write nothing at all (an
    empty FeatureCollection on stdout would look like a result, and an existing
    ``--output`` file must not be replaced by one)."""
    if output is None:
        _sink(_chunks(events, fmt), sys.stdout, any_read)
        sys.stdout.flush()
        return
    from geo.atomic import atomic_path

    with atomic_path(output) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        _sink(_chunks(events, fmt), fh, any_read)
        if not any_read():
            raise fail("no report could be read", 2)  # the old file stays as it was


def _sink(chunks: Iterator[str], out: IO[str], any_read) -> None:
    held: str | None = next(chunks)  # the header: written once a report has been read
    for chunk in chunks:  # pulling a chunk reads reports
        if not any_read():
            continue
        if held is not None:
            out.write(held)
            held = None
        out.write(chunk)


def _chunks(events, fmt: str) -> Iterator[str]:
    """The output piece by piece, one event at a time, so memory stays flat."""
    if fmt == "table":
        from geo.extract.table import table_lines

        for line in table_lines(events):
            yield line + "\n"
        return
    from geo.export.geojson import feature  # the project's one Feature shape

    yield '{"type": "FeatureCollection", "features": ['
    for i, ev in enumerate(events):
        text = json.dumps(feature(ev), ensure_ascii=False, allow_nan=False, default=str)
        yield ("\n" if i == 0 else ",\n") + text
    yield "\n]}\n"


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Hand-coded events (YAML/JSON) with doc, date, tolerance, side, place.")],
    predictions: Annotated[list[Path], typer.Argument(help="GeoJSON files printed by geo extract.", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score extracted events against hand-coded ones: precision, recall, F1, type and killed agreement.

    Matching is per document: the same attacker side, the date within the gold
    tolerance, and the place within 25 km (site/town), 150 km or the same admin1
    (admin1) or the same country (country).  Optional gold events never count against
    recall.

    Example:
        geo extract seeds/*.txt --manifest seeds/manifest.yaml > out.geojson
        geo eval seeds/gold.yaml out.geojson
    """
    with cli_errors():
        from geo.evaluate import evaluate_files, format_scores

        scores = evaluate_files(gold, predictions)
        typer.echo(json.dumps(scores.to_dict()) if as_json else format_scores(scores))
