"""`geo map`: events → one static, layered HTML map."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geo.cli_support import StoreOption, cli_errors, read_events_frame

__all__ = ["map_"]


def map_(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write (atomically).",
                                      show_default=False)],
    events: Annotated[Path | None, typer.Option(
        "--events", help="Events file to map (.geojson, curated .yaml, or any format "
                         "`geo export` writes; default: the seed events).", show_default=False)] = None,
    title: Annotated[str | None, typer.Option("--title", help="The map's title.",
                                              show_default=False)] = None,
    store: StoreOption = None,
) -> None:
    """Render events to one static HTML map, layered by actor side and filterable by date.

    Base maps (OpenStreetMap, CARTO light, Esri satellite), one overlay per attacker
    side, a date-range filter, a legend, and a popup per event with every source.
    Events placed only to a governorate or a country are drawn hollow, inside a dashed
    circle the size of the doubt.

    Example:
        geo map --out maps/seed.html
        geo map --events extracted.geojson --out maps/extracted.html --title "Extracted"
        geo map --store war-store/ --out maps/store.html
    """
    with cli_errors():
        from geo.mapping import write_map

        frame = read_events_frame(events, store)
        write_map(frame, out, title=title)
        typer.echo(f"mapped {len(frame)} event{'s' if len(frame) != 1 else ''} to {out}")
