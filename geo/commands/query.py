"""`geo query`: events by region, distance, box, polygon file, time, actor and type."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from geo.cli_support import StoreOption, cli_errors, store_dir

__all__ = ["query"]

FORMATS = ("table", "json", "geojson", "csv")
ENGINES = ("arrow", "dask")


def query(
    events: Annotated[Path | None, typer.Option("--events", help="Events file (.geojson, .yaml, .gpkg, .parquet; default: the seed events).", show_default=False)] = None,
    region: Annotated[str | None, typer.Option("--region", help="A country (name or ISO code), a governorate in any spelling, or a named area ('Iraq-Syria border', 'Euphrates valley').", show_default=False)] = None,
    near: Annotated[str | None, typer.Option("--near", help="A place name or LAT,LON; needs --radius-km.", show_default=False)] = None,
    radius_km: Annotated[float | None, typer.Option("--radius-km", help="Geodesic radius around --near, in km.", show_default=False)] = None,
    bbox: Annotated[str | None, typer.Option("--bbox", help="W,S,E,N in degrees.", show_default=False)] = None,
    within: Annotated[Path | None, typer.Option("--within", help="A polygon file (GeoJSON, GeoPackage, Shapefile): events inside any polygon.", show_default=False)] = None,
    boundaries: Annotated[Path | None, typer.Option("--boundaries", help="Your own governorate polygons for --region (also GEO_BOUNDARIES).", show_default=False)] = None,
    since: Annotated[str | None, typer.Option("--since", help="First day, YYYY-MM-DD.", show_default=False)] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day, YYYY-MM-DD.", show_default=False)] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Text in the attacker's or target's name (any case).", show_default=False)] = None,
    side: Annotated[str | None, typer.Option("--side", help="Attacker side: us, iran_aligned, iran, israel, turkey, jordan, isis, …, unknown.", show_default=False)] = None,
    target_side: Annotated[str | None, typer.Option("--target-side", help="Side of the target (actor2_side), e.g. isis for strikes on the Islamic State.", show_default=False)] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="airstrike, drone_attack, rocket_attack, missile_attack, …", show_default=False)] = None,
    min_killed: Annotated[int | None, typer.Option("--min-killed", help="At least N killed.", show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, geojson or csv.")] = "table",
    map_out: Annotated[Path | None, typer.Option("--map", help="Also render the result as a map (HTML).", show_default=False)] = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows shown in the table (the summary counts all).")] = 100,
    store: StoreOption = None,
    engine: Annotated[str, typer.Option("--engine", help="arrow (this process) or dask (a dask.distributed cluster; needs --store).")] = "arrow",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786); default: a local cluster for this query.", show_default=False)] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Workers of the local Dask cluster (default: one per core).", show_default=False)] = None,
) -> None:
    """Select events: filters combine with AND; results are sorted by date.

    Region membership is decided by geometry.  Events placed only to a country never
    match a governorate or named-area query, and events placed only to a governorate never
    match a smaller radius; the summary line says how many were left out for that.

    Example:
        geo query --region "Deir ez-Zor" --since 2024-01-01
        geo query --near "Al-Tanf" --radius-km 50 --format geojson > tanf.geojson
        geo query --events big.parquet --side iran_aligned --type drone_attack --map drones.html
        geo query --store war-store/ --region Anbar --since 2024-01-01 --until 2024-01-31
        geo query --store war-store/ --region Anbar --engine dask --scheduler tcp://10.0.0.5:8786
    """
    with cli_errors(code=2):
        from geo.exc import InputError
        from geo.query import Query, load_table, parse_bbox, parse_date, run_query

        if fmt not in FORMATS:
            raise InputError(f"--format: {fmt!r} is not one of: {', '.join(FORMATS)}")
        q = Query(region=region, near=near, radius_km=radius_km,
                  bbox=parse_bbox(bbox) if bbox else None, within=within,
                  since=parse_date(since, "--since") if since else None,
                  until=parse_date(until, "--until") if until else None,
                  actor=actor, side=side, target_side=target_side, type=event_type, min_killed=min_killed,
                  boundaries=boundaries)
        if engine not in ENGINES:
            raise InputError(f"--engine: {engine!r} is not one of: {', '.join(ENGINES)}")
        directory = store_dir(store, events)
        if engine == "dask":
            if directory is None:
                raise InputError("--engine dask reads an event store: give --store DIR (or GEO_STORE)")
            from geo.store.dask_query import dask_query

            result = dask_query(directory, q, scheduler=scheduler, workers=workers)
        elif directory is not None:
            from geo.store import open_store
            from geo.store.scan import store_query

            result = store_query(open_store(directory), q)
        else:
            result = run_query(load_table(events), q)
        _print(result, fmt, limit)
        if map_out is not None:
            from geo.mapping import write_map

            write_map(_nested(result.frame), map_out, title=f"Query: {result.area or 'all events'}")


def _nested(frame):
    from geo.export.tabular import unflatten

    return unflatten(frame.copy())


def _print(result, fmt: str, limit: int) -> None:
    import sys

    if fmt == "table":
        _table(result, limit)
        typer.echo(result.summary())
        return
    frame = _nested(result.frame)
    if fmt == "geojson":
        from geo.export.geojson import geojson_text
        from geo.frame import from_frame

        sys.stdout.write(geojson_text(from_frame(frame)))
    elif fmt == "json":
        import json

        from geo.frame import from_frame

        typer.echo(json.dumps([e.to_dict() for e in from_frame(frame)], ensure_ascii=False, indent=1))
    else:
        import csv

        from geo.export.acled_csv import ACLED_COLUMNS, acled_rows

        writer = csv.DictWriter(sys.stdout, fieldnames=ACLED_COLUMNS, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(acled_rows(frame))
    typer.echo(result.summary(), err=True)


def _table(result, limit: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for col in ("date", "type", "attacker (side)", "target", "place (precision)", "killed", "id"):
        table.add_column(col, overflow="fold")
    for row in result.records(limit):
        date = row["event_date"].date().isoformat() if row["event_date"] else ""
        killed = "" if row["killed"] is None else str(row["killed"])
        table.add_row(date, row["event_type"], f"{row['actor1'] or '?'} ({row['actor1_side']})",
                      row["actor2"] or "", f"{row['location'] or row['country'] or ''} "
                      f"({row['geo_precision']})", killed, row["id"])
    Console(width=160, soft_wrap=False).print(table)
    if len(result) > limit:
        typer.echo(f"… {len(result) - limit} more (raise --limit, or use --format json|geojson|csv)")
