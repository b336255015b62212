"""`geo export`: events → a GIS file (GeoJSON, and the formats other stages register)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geo.cli_support import StoreOption, cli_errors, decisions_option, read_events_frame, reviewed_only_option

__all__ = ["export"]


def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write (atomically).",
                                      show_default=False)],
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="Output format, e.g. geojson (default: from --out's extension).",
        show_default=False)] = None,
    events: Annotated[Path | None, typer.Option(
        "--events", help="Events file to read: .geojson/.json or curated .yaml "
                         "(default: the seed events).", show_default=False)] = None,
    store: StoreOption = None,
    decisions: Annotated[Path | None, decisions_option(
        "unreviewed ones kept unless --reviewed-only "
        "(without --events or --store: the signed events)")] = None,
    reviewed_only: Annotated[bool, reviewed_only_option()] = False,
) -> None:
    """Export events to a GIS file.

    Without --events, exports the embedded seed events.  GeoJSON output follows RFC 7946
    (WGS84 lon/lat, no crs, 6 decimals; unlocated events get a null geometry), with one
    Feature per event and every field of the event model as properties.  An existing
    output file is left untouched when anything goes wrong.

    Example:
        geo export --format geojson --out events.geojson
        geo export --events curated.yaml --out curated.geojson
        geo export --store war-store/ --out everything.gpkg
        geo export --events extracted.geojson --decisions decisions.yaml --out reviewed.gpkg
    """
    with cli_errors():
        from geo.export import export_frame, format_for

        name = fmt.lower() if fmt else format_for(out)
        # read_frame validates GeoJSON and YAML record by record, and reads GeoPackage and
        # GeoParquet (our own exports) straight into a frame: a million events stay fast
        if decisions is not None:
            from geo.review.apply import reviewed_events

            frame, _ = reviewed_events(events, decisions, reviewed_only, store)
        else:
            frame = read_events_frame(events, store, nested=False)
        export_frame(frame, out, name)
        n = len(frame)
        typer.echo(f"exported {n} event{'s' if n != 1 else ''} to {out} ({name})")
