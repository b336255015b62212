"""One exception hierarchy for the whole tool.

Every error a user can cause derives from :class:`GeoError`; the CLI turns it into a
one-line message and an exit status (``exit_code``) at the boundary, so no command ever
shows a traceback for bad input.  Children also inherit the matching built-in
(``ValueError``, ``LookupError``, ``OSError``…) so library callers can catch either way,
as geopy does with ``GeocoderTimedOut(GeopyError, TimeoutError)``.
"""
from __future__ import annotations

__all__ = [
    "GeoError",
    "InputError",
    "ValidationError",
    "GazetteerError",
    "PlaceNotFound",
    "UnusableName",
    "OnlineLookupError",
    "ExtractionError",
    "ExportError",
]


class GeoError(Exception):
    """Root of every error this tool raises on purpose."""

    exit_code: int = 1


class InputError(GeoError, ValueError):
    """The user's input (a file, an argument) cannot be used as given."""

    exit_code = 2


class ValidationError(InputError):
    """A record in an events or places file breaks the data model.

    The message names the file, the record and the field, so the user can go straight
    to the line to fix.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        record: str | int | None = None,
        field: str | None = None,
    ) -> None:
        self.file, self.record, self.field = file, record, field
        where = []
        if file:
            where.append(str(file))
        if record is not None:
            where.append(f"record {record}")
        if field:
            where.append(f"field '{field}'")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class GazetteerError(GeoError):
    """The gazetteer cannot answer (bad data file, unusable name)."""


class PlaceNotFound(GazetteerError, LookupError):
    """No place matches a name; ``suggestions`` holds the closest names we know."""

    exit_code = 1

    def __init__(self, name: str, suggestions: list[str] | tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = f"; closest: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(f"no place matches {name!r}{hint}")


class UnusableName(InputError, GazetteerError):
    """A place name that cannot be looked up at all (empty, too long, control characters,
    only punctuation).  Exit status 1, like a name that matches nothing."""

    exit_code = 1


class OnlineLookupError(GazetteerError, ConnectionError):
    """The online geocoder (Nominatim) failed or could not be reached."""


class ExtractionError(GeoError):
    """A report could not be read or understood."""

    exit_code = 2


class ExportError(GeoError, OSError):
    """An output file could not be written; nothing half-written is left behind."""
