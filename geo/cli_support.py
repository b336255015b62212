"""What every CLI command shares: turning library errors into one line and an exit status."""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from geo.exc import GeoError

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.model import Event

__all__ = ["StoreOption", "cli_errors", "decisions_option", "fail", "read_event_list", "read_events_frame",
           "reviewed_only_option", "store_dir"]

#: ``--store DIR`` for every command that reads events (``GEO_STORE`` when neither
#: ``--store`` nor ``--events`` is given).
StoreOption = Annotated[Path | None, typer.Option(
    "--store", help="Read the events of this event store (see `geo store`; also GEO_STORE) "
                    "instead of an events file.", show_default=False)]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` as one line on stderr and return the Exit to raise."""
    one_line = " ".join(str(message).split())
    typer.echo(f"geo: error: {one_line}", err=True)
    return typer.Exit(code)


@contextlib.contextmanager
def cli_errors(code: int | None = None) -> Iterator[None]:
    """Run a command body; a GeoError (or an OS error on a user's file) becomes one line.

    ``code`` overrides the error's own exit status where a command documents another.
    """
    try:
        yield
    except GeoError as err:
        raise fail(str(err), code if code is not None else err.exit_code) from None
    except (OSError, UnicodeError) as err:
        raise fail(str(err), code if code is not None else 2) from None
    except KeyboardInterrupt:
        raise fail("interrupted", 130) from None


def decisions_option(unreviewed: str) -> typer.models.OptionInfo:
    """`--decisions FILE` of the commands that read a `geo review` decisions file."""
    return typer.Option("--decisions", show_default=False, help=(
        "A `geo review` decisions file: rejected events dropped, accepted and corrected ones "
        f"as signed, {unreviewed}."))


def reviewed_only_option() -> typer.models.OptionInfo:
    return typer.Option("--reviewed-only",
                        help="With --decisions: leave out the events no one has reviewed.")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def store_dir(store: Path | None, events: Path | None = None) -> Path | None:
    """The store a reading command reads: ``--store``, else ``GEO_STORE`` unless ``--events``.

    Giving both ``--store`` and ``--events`` is an error: the user meant one of them.
    """
    from geo.exc import InputError

    if store is not None and events is not None:
        raise InputError("give --events FILE or --store DIR, not both")
    if store is not None:
        return store
    env = os.environ.get("GEO_STORE")
    return Path(env) if env and events is None else None


def read_events_frame(events: Path | None, store: Path | None, *,
                      nested: bool = True) -> gpd.GeoDataFrame:
    """The events of ``--events FILE``, ``--store DIR`` (or GEO_STORE), or the seed events."""
    directory = store_dir(store, events)
    if directory is not None:
        from geo.store import open_store

        return open_store(directory).frame(nested=nested)
    if events is not None:
        from geo.events_io import read_frame

        return read_frame(events, nested=nested)
    from geo.frame import to_frame
    from geo.pipeline import seed_events

    return to_frame(seed_events())


def read_event_list(events: Path | None, store: Path | None) -> list[Event] | None:
    """Validated events of ``--events`` or ``--store``; None when neither is given."""
    directory = store_dir(store, events)
    if directory is not None:
        from geo.store import open_store

        return open_store(directory).events()
    if events is not None:
        from geo.events_io import load_events

        return load_events(events)
    return None
