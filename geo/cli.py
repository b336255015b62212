"""The `geo` command line: a thin layer composed from one small module per noun.

Each module under :mod:`geo.commands` holds its commands' bodies (a few lines over the
library); this file only composes them, as typer's docs recommend.  Nothing here imports
geopandas or folium: commands import what they need when they run.
"""
from __future__ import annotations

from typing import Annotated

import typer

from geo import __version__
from geo.commands import (build, export, extract, gazetteer, imports, map as map_cmd, query,
                          review, store)

__all__ = ["app", "main"]

app = typer.Typer(
    name="geo",
    help="Turn news reports of strikes and attacks into a geolocated, sourced event data set and maps.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"geo {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn news reports of strikes and attacks into a geolocated, sourced event data set and maps."""


app.add_typer(gazetteer.app, name="gazetteer")
app.command("build")(build.build)
app.command("map")(map_cmd.map_)
app.command("export")(export.export)
app.command("extract")(extract.extract)
app.command("eval")(extract.evaluate)
app.command("query")(query.query)
app.add_typer(imports.app, name="import")
app.add_typer(store.app, name="store")
app.command("ingest")(store.ingest)
app.command("review")(review.review)


def main() -> None:
    """Console-script entry point."""
    app()
