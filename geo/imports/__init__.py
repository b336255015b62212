"""Reading other data sets into the event model: ACLED and UCDP GED exports.

Each reader returns the events it could read and the rows it could not (with their
line numbers), so one bad row never costs a whole import.
"""
from __future__ import annotations

from geo.imports.acled import read_acled
from geo.imports.common import ImportResult, RowError
from geo.imports.ucdp import read_ucdp

__all__ = ["read_acled", "read_ucdp", "ImportResult", "RowError", "IMPORTERS"]

IMPORTERS = {"acled": read_acled, "ucdp": read_ucdp}
