"""`geo map`: events → one static, layered HTML map."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geo.cli_support import cli_errors

__all__ = ["map_"]


def map_(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write (atomically).",
                                      show_default=False)],
    events: Annotated[Path | None, typer.Option(
        "--events", help="Events file to map (.geojson, curated .yaml, or any format "
                         "`geo export` writes; default: the seed events).", show_default=False)] = None,
    title: Annotated[str | None, typer.Option("--title", help="The map's title.",
                                              show_default=False)] = None,
    cdn: Annotated[bool, typer.Option("--cdn", help="Link Leaflet and its plugins from their CDNs "
                                      "(a smaller page that needs the network) instead of "
                                      "inlining them.")] = False,
) -> None:
    """Render events to one self-contained HTML map, layered by actor side and filterable by date.

    The page needs no network: every script is inlined, and an offline outline base
    map (countries, governorates, rivers, towns) stands in when online tiles fail.
    One overlay per attacker side, counts by governorate, a heat map, a date-range
    filter, a timeline and a table of the events shown under the map, and a popup per
    event with every source.  Events placed only to a governorate or a country are drawn
    hollow, inside a dashed circle the size of the doubt.

    Example:
        geo map --out maps/seed.html
        geo map --out maps/web.html --cdn
        geo map --events extracted.geojson --out maps/extracted.html --title "Extracted"
    """
    with cli_errors():
        from geo.events_io import read_frame
        from geo.frame import to_frame
        from geo.mapping import write_map
        from geo.pipeline import seed_events

        frame = read_frame(events) if events is not None else to_frame(seed_events())
        write_map(frame, out, title=title, cdn=cdn)
        typer.echo(f"mapped {len(frame)} event{'s' if len(frame) != 1 else ''} to {out}")
