"""`geo build`: the seed data set → a map and a GeoJSON file, in one command."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geo.cli_support import StoreOption, cli_errors, decisions_option, read_event_list, reviewed_only_option

__all__ = ["build"]


def build(
    seeds: Annotated[Path | None, typer.Option(
        "--seeds", help="Seeds directory holding events.yaml (default: the repository's seeds/).",
        show_default=False)] = None,
    out: Annotated[Path, typer.Option(
        "--out", help="Output directory for index.html and events.geojson.")] = Path("maps"),
    reports: Annotated[list[Path] | None, typer.Option(
        "--reports", help="Also extract events from these reports (files or directories): "
                          "merged across reports, then corrected or confirmed by the curated "
                          "events.", show_default=False)] = None,
    store: StoreOption = None,
    decisions: Annotated[Path | None, decisions_option(
        "unreviewed ones in a layer of their own")] = None,
    reviewed_only: Annotated[bool, reviewed_only_option()] = False,
) -> None:
    """Build the event map and GeoJSON from the seed data set.

    Reads the analyst-curated events (seeds/events.yaml), validates them, and writes
    OUT/index.html (the map) and OUT/events.geojson.  The same seeds always give
    byte-identical files; a bad seed file stops the build before anything is written.

    With --reports, events extracted from news reports join the curated ones: events that
    several reports describe are merged (disagreements kept in `disputed`), a curated
    record that matches an extracted event confirms it (its sources are added) and its
    values win, and the rest are mapped as extracted.

    With --store (or GEO_STORE), the store's events take the place of the seeds.

    Example:
        geo build
        geo build --seeds my-seeds/ --out site/
        geo build --reports new-reports/ --out site/
        geo build --store war-store/ --out site/
        geo build --reports new-reports/ --decisions decisions.yaml
    """
    with cli_errors():
        from geo.pipeline import build as run_build

        from geo.exc import InputError

        if store is not None and seeds is not None:
            raise InputError("give --seeds DIR or --store DIR, not both")
        base = read_event_list(None, store) if seeds is None else None
        result = run_build(seeds, out, reports=reports or (), decisions=decisions,
                           reviewed_only=reviewed_only, base=base)
        typer.echo(result.summary())
