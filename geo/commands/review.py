"""`geo review`: a local review desk in the browser; `geo review --stats`: what it measured."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from geo.cli_support import StoreOption, cli_errors, fail

__all__ = ["review"]


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def review(
    inputs: Annotated[list[Path] | None, typer.Argument(
        help="Reports (.txt, .md, .html, or folders of them: extracted as `geo extract` does) "
             "and/or events files (.geojson, curated .yaml, any format `geo export` writes).",
        show_default=False)] = None,
    decisions: Annotated[Path, typer.Option(
        "--decisions", help="Decisions file (YAML), created if missing and rewritten "
                            "atomically after every decision.")] = Path("decisions.yaml"),
    port: Annotated[int, typer.Option(
        "--port", help="Port to listen on (0: any free port).")] = 8765,
    host: Annotated[str, typer.Option(
        "--host", help="Address to bind.  Anything but a loopback address requires the "
                       "token printed at start-up.")] = "127.0.0.1",
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Only print the URL.")] = False,
    reviewer: Annotated[str | None, typer.Option(
        "--reviewer", help="Name recorded with each decision (default: your user name).",
        show_default=False)] = None,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date YYYY-MM-DD for reports that give none.",
        show_default=False)] = None,
    manifest: Annotated[Path | None, typer.Option(
        "--manifest", help="YAML or CSV mapping report files to title, outlet, published, url.",
        show_default=False)] = None,
    store: StoreOption = None,
    stats: Annotated[Path | None, typer.Option(
        "--stats", help="Print what a decisions file says (accepted, corrected and which "
                        "fields, rejected and why, precision) and exit.",
        show_default=False)] = None,
) -> None:
    """Review extracted events in the browser: accept, correct or reject each one.

    Starts a local web server (127.0.0.1) and opens the review page: events lowest
    confidence first, the report with the supporting sentences highlighted, a map of the
    place and its uncertainty, the other candidate places.  Keys: a accept, r reject,
    e edit, j/k next/previous, Esc cancel.  Every decision is written at once to the
    decisions file; decisions stick across re-extraction (matched by report and
    evidence).  Ctrl+C stops the server.

    Example:
        geo review reports/ --decisions decisions.yaml
        geo review extracted.geojson --reviewer dana --no-browser --port 9000
        geo review --store war-store/ --no-browser
        geo review --stats decisions.yaml
    """
    with cli_errors():
        from geo.review import DecisionStore

        if stats is not None:
            if not stats.is_file():
                raise fail(f"{stats}: no such decisions file", 2)
            from geo.review import review_stats

            for line in review_stats(DecisionStore(stats)).lines():
                typer.echo(line)
            return
        from geo.cli_support import read_event_list, store_dir

        directory = store if store is not None else (store_dir(None) if not inputs else None)
        stored = read_event_list(None, directory) if directory is not None else None
        if not inputs and not stored:
            raise fail("give reports or events files to review, or --store DIR (or --stats DECISIONS)", 2)
        _serve(inputs or [], decisions, port, host, no_browser, reviewer or _user(), published, manifest,
               stored or [])


def _serve(inputs: list[Path], decisions: Path, port: int, host: str, no_browser: bool,
           reviewer: str, published: str | None, manifest: Path | None, stored: list) -> None:
    from geo.commands.extract import _parse_day
    from geo.extract import load_manifest
    from geo.review import ReviewDesk
    from geo.review.inputs import load_inputs
    from geo.review.server import bind_socket, create_app, is_loopback, new_token, serve

    if decisions.is_dir():
        raise fail(f"{decisions}: is a directory; expected a decisions .yaml file", 2)
    from geo.review import DecisionStore

    store = DecisionStore(decisions)
    got = load_inputs(inputs, published=_parse_day(published),
                      manifest=load_manifest(manifest) if manifest else None,
                      on_error=lambda m: typer.echo(f"geo: {m}", err=True), events=stored)
    desk = ReviewDesk(got.events, store, got.texts, reviewer=reviewer)
    loopback = is_loopback(host)
    token = None if loopback else new_token()
    app = create_app(desk, token=token) if loopback else create_app(desk, token, None)
    sock = bind_socket(host, port)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    url = f"http://{'[' + shown + ']' if ':' in shown else shown}:{sock.getsockname()[1]}/"
    if token:
        url += f"?token={token}"
    todo = sum(1 for it in desk.items() if it.status in ("unreviewed", "changed"))
    typer.echo(f"geo review: {len(desk.items())} events, {todo} to review; decisions in "
               f"{decisions}")
    if token:
        typer.echo(f"geo review: token {token} (needed because --host is not loopback)")
    typer.echo(f"geo review: open {url}  (Ctrl+C to stop)")
    if not no_browser:
        import webbrowser

        webbrowser.open(url)
    try:
        serve(app, sock)
    except KeyboardInterrupt:  # Ctrl+C is how a review ends: not an error
        pass
    n = len(store)
    typer.echo(f"geo review: stopped; {n} decision{'s' if n != 1 else ''} in {decisions}")
