"""`geo gazetteer …` (being built)."""
from __future__ import annotations

import typer

app = typer.Typer(help="Resolve place names to coordinates, offline.", no_args_is_help=True)
