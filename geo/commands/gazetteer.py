"""`geo gazetteer lookup` and `geo gazetteer reverse`: thin commands over :mod:`gazetteer`."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from geo.cli_support import cli_errors

if TYPE_CHECKING:
    from gazetteer import Gazetteer, Match

__all__ = ["app", "lookup", "reverse"]

app = typer.Typer(help="Resolve place names to coordinates, offline.", no_args_is_help=True)

_JSON_HELP = "Print JSON instead of text."


def _gazetteer(places: list[Path] | None, online: bool) -> Gazetteer:
    from gazetteer import Gazetteer, default_gazetteer
    from gazetteer.config import config_places

    if not places and not online:
        return default_gazetteer()
    return Gazetteer(places_files=[*config_places(), *(places or [])], online=online)


def _line(match: Match) -> str:
    p = match.place
    where = ", ".join(part for part in (p.admin1 if p.kind != "governorate" else None,
                                        p.country) if part)
    extra = f"{match.distance_km:.1f} km away" if match.distance_km is not None \
        else f"score {match.score:g} ({match.method})"
    return f"{p.name}\t{p.lat:.5f}, {p.lon:.5f}\t{p.kind}\t{where}\t[{p.id}]\t{extra}"


def _emit(matches: list[Match], as_json: bool, as_list: bool) -> None:
    if as_json:
        data = [m.to_dict() for m in matches] if as_list else matches[0].to_dict()
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for match in matches:
            typer.echo(_line(match))


@app.command("lookup")
def lookup(
    name: Annotated[str, typer.Argument(help="The place name as a report spells it.")],
    country: Annotated[str | None, typer.Option(
        "--country", "-c", help="Prefer places in this country (ISO code, e.g. SY).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="List every candidate, best first.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help=_JSON_HELP)] = False,
    places: Annotated[list[Path] | None, typer.Option(
        "--places", help="Your own places file (CSV or YAML); its rows win. Repeatable.")] = None,
    online: Annotated[bool, typer.Option(
        "--online", help="Ask Nominatim (OpenStreetMap) for names nothing offline matches."),
    ] = False,
    limit: Annotated[int, typer.Option(help="At most this many candidates with --all.")] = 10,
) -> None:
    """Find a place by name, as reports spell it.

    Case, accents, al-/ash- articles, transliteration variants, descriptive words
    ("province", "air base"), Arabic script and typos are tolerated.  An unknown name
    exits with status 1 and names the closest candidates.

    Example:

        geo gazetteer lookup "Deir Ezzor"

        geo gazetteer lookup "Abu Kamal" --all --json
    """
    with cli_errors():
        from geo.exc import PlaceNotFound

        gaz = _gazetteer(places, online)
        if all_:
            matches = gaz.lookup(name, country=country, limit=max(limit, 1))
            if not matches:
                raise PlaceNotFound(name.strip(), gaz.suggestions(name, country))
        else:
            matches = [gaz.resolve(name, country=country)]
        _emit(matches, as_json, as_list=all_)


@app.command("reverse", context_settings={"ignore_unknown_options": True})
def reverse(
    lat: Annotated[str, typer.Argument(help="Latitude in decimal degrees (-90 to 90).")],
    lon: Annotated[str, typer.Argument(help="Longitude in decimal degrees (-180 to 180).")],
    as_json: Annotated[bool, typer.Option("--json", help=_JSON_HELP)] = False,
    places: Annotated[list[Path] | None, typer.Option(
        "--places", help="Your own places file (CSV or YAML). Repeatable.")] = None,
) -> None:
    """Name the nearest town, city or site to a point, with its governorate and country.

    Example:

        geo gazetteer reverse 33.32 38.70
    """
    with cli_errors():
        match = _gazetteer(places, False).reverse(lat, lon)  # type: ignore[arg-type]
        _emit([match], as_json, as_list=False)
