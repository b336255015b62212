"""A user's own places file (CSV or YAML, the curated table's columns); its rows win.

CSV: a header row ``id,name,aliases,lat,lon,country,admin1,kind,population,code,source``
(only name, lat, lon and country are required; aliases are "|"-separated).  YAML: a list
of mappings with the same keys, or a mapping with such a list under ``places:``.  A row
whose ``id`` equals a built-in id (e.g. ``cur:tower-22``) replaces that place.
"""
from __future__ import annotations

import csv
from pathlib import Path

from gazetteer.place import Place
from gazetteer.sources.base import RANK_USER, PlaceSource, place_from_row
from geo.exc import InputError, ValidationError

__all__ = ["PlacesFile"]


class PlacesFile(PlaceSource):
    """Places from one user file; ids default to ``user:<slug of name>``."""

    name = "file"
    rank = RANK_USER

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()

    def places(self) -> list[Place]:
        rows = self._rows()
        places = [place_from_row(row, file=str(self.path), record=i, id_prefix="user:",
                                 default_source=f"places file {self.path.name}",
                                 default_kind="town")
                  for i, row in rows]
        return places

    def _rows(self) -> list[tuple[int, dict]]:
        if not self.path.is_file():
            raise InputError(f"places file not found: {self.path}; expected a .csv, .yaml "
                             "or .yml file")
        suffix = self.path.suffix.lower()
        if suffix == ".csv":
            with open(self.path, encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                if not reader.fieldnames or "name" not in reader.fieldnames:
                    raise ValidationError("no header row with a 'name' column; expected "
                                          "id,name,aliases,lat,lon,country,admin1,kind,…",
                                          file=str(self.path))
                return [(i, row) for i, row in enumerate(reader, start=2)]
        if suffix in (".yaml", ".yml"):
            return self._yaml_rows()
        raise InputError(f"places file {self.path} has an unknown extension "
                         f"{suffix or '(none)'!r}; expected .csv, .yaml or .yml")

    def _yaml_rows(self) -> list[tuple[int, dict]]:
        import yaml

        try:
            data = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            raise ValidationError(f"not valid YAML ({' '.join(str(err).split())})",
                                  file=str(self.path)) from None
        if isinstance(data, dict):
            data = data.get("places")
        if not isinstance(data, list):
            raise ValidationError("expected a list of places (or a 'places:' list)",
                                  file=str(self.path))
        rows = []
        for i, row in enumerate(data, start=1):
            if not isinstance(row, dict):
                raise ValidationError("expected a mapping with name, lat, lon, country…",
                                      file=str(self.path), record=i)
            rows.append((i, row))
        return rows
