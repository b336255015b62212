"""`geo import acled|ucdp FILE.csv`: other data sets into the event model."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geo.cli_support import cli_errors

__all__ = ["app"]

app = typer.Typer(help="Read ACLED and UCDP GED exports into the event model.", no_args_is_help=True)

_Out = Annotated[Path | None, typer.Option("--out", "-o", help="File to write (any `geo export` format, from its extension; default: GeoJSON on stdout).", show_default=False)]
_Fmt = Annotated[str | None, typer.Option("--format", "-f", help="Output format (default: from --out's extension).", show_default=False)]


def _run(kind: str, path: Path, out: Path | None, fmt: str | None) -> None:
    with cli_errors(code=2):
        import sys

        from geo.exc import InputError
        from geo.imports import IMPORTERS

        result = IMPORTERS[kind](path)
        for err in result.errors:
            typer.echo(f"geo: {path}: {err}", err=True)
        if not result.events:
            raise InputError(f"{path}: no row could be imported")
        if out is None:
            from geo.export.geojson import geojson_text

            sys.stdout.write(geojson_text(result.events))
        else:
            from geo.export import export_frame, format_for
            from geo.frame import to_frame

            export_frame(to_frame(result.events), out, fmt or format_for(out))
        skipped = f"; {len(result.errors)} row(s) skipped" if result.errors else ""
        typer.echo(f"imported {len(result.events)} event(s) from {path}{skipped}", err=True)


@app.command("acled")
def acled(path: Annotated[Path, typer.Argument(help="An ACLED CSV export.")], out: _Out = None,
          fmt: _Fmt = None) -> None:
    """Import an ACLED CSV export: precision codes, event types, actors and sides, sources.

    Example:
        geo import acled acled-syria-2024.csv --out acled.gpkg
    """
    _run("acled", path, out, fmt)


@app.command("ucdp")
def ucdp(path: Annotated[Path, typer.Argument(help="A UCDP GED CSV export.")], out: _Out = None,
         fmt: _Fmt = None) -> None:
    """Import a UCDP GED CSV export: precision codes, deaths (best/low/high), sides, sources.

    Example:
        geo import ucdp ged-iraq.csv --out ucdp.geojson
    """
    _run("ucdp", path, out, fmt)
