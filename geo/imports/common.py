"""What the importers share: CSV reading with line numbers, actor sides, country codes."""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.exc import GeoError, InputError, ValidationError
from geo.export.acled_csv import COUNTRIES
from geo.model import Event

__all__ = ["ImportResult", "RowError", "read_rows", "side_of", "country_code", "import_rows",
           "admin1_name"]

#: Names ACLED and UCDP give governments and forces that the report lexicon does not cover.
_SIDE_WORDS: tuple[tuple[str, str], ...] = (
    ("united states", "us"), ("coalition", "us"), ("operation inherent resolve", "us"),
    ("islamic state", "isis"), ("isis", "isis"), ("daesh", "isis"),
    ("syrian democratic forces", "sdf"), ("sdf", "sdf"),
    ("government of syria", "syria_government"), ("military forces of syria", "syria_government"),
    ("government of iran", "iran"), ("military forces of iran", "iran"),
    ("government of jordan", "jordan"), ("military forces of jordan", "jordan"),
    ("popular mobilization", "iran_aligned"), ("ansar allah", "iran_aligned"),
    ("government of israel", "israel"), ("military forces of israel", "israel"),
    ("russia", "russia"), ("turkey", "turkey"), ("turkiye", "turkey"),
    ("unidentified", "unknown"),
)
_NAME_TO_CODE = {name.lower(): code for code, (_, name) in COUNTRIES.items()}
_NUMERIC_TO_CODE = {str(num): code for code, (num, _) in COUNTRIES.items()}


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class ImportResult:
    events: list[Event] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def side_of(actor: str | None) -> str:
    """An actor's side, from the report lexicon first, then the data sets' own names."""
    if not actor:
        return "unknown"
    from geo.extract.actors import REPORTER, find_actors

    for mention in find_actors(actor):
        if mention.role != REPORTER and mention.side:
            return mention.side
    low = actor.lower()
    return next((side for word, side in _SIDE_WORDS if word in low), "other")


def admin1_name(name: str | None, country: str | None) -> str | None:
    """A data set's governorate spelling ("Ninewa", "Dayr az Zawr governorate") as the
    gazetteer's canonical name ("Nineveh", "Deir ez-Zor"), so imported events query and
    score like ours; a name the gazetteer does not know is kept as written."""
    if not name or not name.strip():
        return None
    from gazetteer import default_gazetteer

    try:
        matches = default_gazetteer().lookup(name, country=country, limit=10)
    except GeoError:
        return name.strip()
    gov = next((m.place for m in matches if m.place.kind == "governorate"
                and (country is None or m.place.country == country)), None)
    return gov.name if gov else name.strip()


def country_code(name: str | None, numeric: str | None = None) -> str | None:
    if numeric and str(numeric).strip() in _NUMERIC_TO_CODE:
        return _NUMERIC_TO_CODE[str(numeric).strip()]
    if name:
        return _NAME_TO_CODE.get(name.strip().lower())
    return None


def read_rows(path: str | Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a CSV file; a file without the required columns is an error."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    try:
        fh = open(p, encoding="utf-8-sig", newline="")
    except OSError as err:
        raise InputError(f"{p}: cannot read ({err.strerror})") from None
    with fh:
        reader = csv.DictReader(fh)
        try:
            header = reader.fieldnames or []
        except (csv.Error, UnicodeDecodeError) as err:
            raise InputError(f"{p}: not a readable CSV file ({err})") from None
        missing = [c for c in required if c not in header]
        if missing:
            raise InputError(f"{p}: not this export's format: missing column(s) {', '.join(missing)}")
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as err:
                raise InputError(f"{p}: line {reader.line_num}: unreadable CSV ({err})") from None
            yield reader.line_num, row


def import_rows(path: str | Path, required: tuple[str, ...],
                convert: Callable[[dict[str, str], str, int], dict[str, Any]]) -> ImportResult:
    """Convert each row to an event; rows that fail are collected with their line numbers."""
    result = ImportResult()
    doc = Path(path).name
    for line, row in read_rows(path, required):
        try:
            result.events.append(Event.from_dict(convert(row, doc, line), file=doc, record=line))
        except ValidationError as err:
            message = str(err).split(": ", 1)[-1]
            result.errors.append(RowError(line, f"{err.field}: {message}" if err.field else message))
        except (GeoError, ValueError, TypeError) as err:
            result.errors.append(RowError(line, str(err)))
        except KeyError as err:
            result.errors.append(RowError(line, f"missing value for {err}"))
    return result
