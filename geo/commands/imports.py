"""`geo import …` (being built)."""
from __future__ import annotations

import typer

app = typer.Typer(help="Read ACLED and UCDP GED exports into the event model.", no_args_is_help=True)
