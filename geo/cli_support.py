"""What every CLI command shares: turning library errors into one line and an exit status."""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import typer

from geo.exc import GeoError

__all__ = ["cli_errors", "decisions_option", "fail", "reviewed_only_option"]


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
