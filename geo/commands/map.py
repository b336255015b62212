"""`geo map`: events → one static, layered HTML map."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geo.cli_support import StoreOption, cli_errors, decisions_option, read_events_frame, reviewed_only_option

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
    decisions: Annotated[Path | None, decisions_option(
        "unreviewed ones in a layer of their own "
        "(without --events or --store: the signed events)")] = None,
    reviewed_only: Annotated[bool, reviewed_only_option()] = False,
    cdn: Annotated[bool, typer.Option("--cdn", help="Link Leaflet and its plugins from their CDNs "
                                      "(a smaller page that needs the network) instead of "
                                      "inlining them.")] = False,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Map only events whose confidence is at least this (0-1); events without one are kept.")] = 0.0,
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
        geo map --store war-store/ --out maps/store.html
        geo map --events extracted.geojson --decisions decisions.yaml --out maps/reviewed.html
        geo map --events extracted.geojson --min-confidence 0.8 --out maps/sure.html
    """
    with cli_errors():
        from geo.mapping import write_map

        unreviewed: frozenset[str] = frozenset()
        if decisions is not None:
            from geo.review.apply import reviewed_events

            frame, unreviewed = reviewed_events(events, decisions, reviewed_only, store)
        else:
            frame = read_events_frame(events, store)
        if min_confidence > 0 and "confidence" in frame.columns:
            # curated events often carry no confidence: they are an analyst's, and stay
            frame = frame[frame["confidence"].isna() | (frame["confidence"] >= min_confidence)]
        write_map(frame, out, title=title, cdn=cdn, unreviewed=unreviewed)
        typer.echo(f"mapped {len(frame)} event{'s' if len(frame) != 1 else ''} to {out}")
