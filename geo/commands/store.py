"""`geo store init|info` and `geo ingest`: an event store that grows with each ingest."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from geo.cli_support import StoreOption, cli_errors, store_dir

_Target = Annotated[Path | None, typer.Option(
    "--store", help="The event store to add to (a directory made by `geo store init`; "
                    "also GEO_STORE).", show_default=False)]

__all__ = ["app", "ingest"]

app = typer.Typer(help="Create and inspect an event store (a partitioned GeoParquet dataset).",
                  no_args_is_help=True)


@app.command("init")
def init(directory: Annotated[Path, typer.Argument(help="A new or empty directory.")]) -> None:
    """Create an empty event store in DIRECTORY (an existing store is left as it is).

    Example:
        geo store init war-store/
    """
    with cli_errors(code=2):
        from geo.store import init_store

        store = init_store(directory)
        n = store.manifest.events
        typer.echo(f"event store {directory}: {n} event{'s' if n != 1 else ''}")


@app.command("info")
def info(store: StoreOption = None,
         as_json: Annotated[bool, typer.Option("--json", help="Print the manifest's figures as JSON.")] = False,
         ) -> None:
    """Counts, date range, inputs and size of an event store (its files are checked too).

    Example:
        geo store info --store war-store/
        GEO_STORE=war-store/ geo store info --json
    """
    with cli_errors(code=2):
        from geo.exc import InputError
        from geo.store import open_store
        from geo.store.report import describe, describe_json

        directory = store_dir(store)
        if directory is None:
            raise InputError("which store? give --store DIR (or set GEO_STORE)")
        s = open_store(directory)
        s.check()
        typer.echo(describe_json(s) if as_json else describe(s))


def ingest(
    sources: Annotated[list[Path], typer.Argument(help="Reports (.txt, .md, .html), events files (.geojson, .yaml, .gpkg, .parquet) and ACLED/UCDP CSV exports; directories are walked.", show_default=False)],
    store: _Target = None,
    published: Annotated[str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for reports that give none.", show_default=False)] = None,
    manifest: Annotated[Path | None, typer.Option("--manifest", help="Reports' metadata (YAML or CSV, as for `geo extract`).", show_default=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No per-file messages.")] = False,
) -> None:
    """Add events to a store: incremental and idempotent.

    An input already ingested (same SHA-256) is skipped; an event already stored is not
    added again; an event the merge rules call the same as a stored one (same attacker
    side, compatible types, dates within two days, compatible places) merges into it —
    sources added, disagreements in `disputed`.  An unreadable file is skipped with a
    message and the rest are ingested; an interrupted ingest leaves the store as it was.

    Example:
        geo ingest reports/2024-02-04/ --store war-store/ --published 2024-02-04
        geo ingest acled-2024-w05.csv ucdp-ged-24.csv --store war-store/
        geo ingest big.parquet --store war-store/
    """
    with cli_errors(code=2):
        from geo.exc import InputError
        from geo.query import parse_date
        from geo.store import ingest as run_ingest

        directory = store_dir(store)
        if directory is None:
            raise InputError("which store? give --store DIR (or set GEO_STORE)")
        day: dt.date | None = parse_date(published, "--published") if published else None
        summary = run_ingest(directory, sources, published=day, report_manifest=manifest,
                             on_message=(lambda m: None) if quiet else
                             (lambda m: typer.echo(f"geo: {m}", err=True)))
        typer.echo(summary.line())
        if not summary.inputs and summary.failed:
            raise typer.Exit(2)
