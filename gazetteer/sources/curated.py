"""The curated table (``gazetteer/data/places.csv``): what GeoNames lacks or gets wrong here.

Military bases and outposts, border crossings, militia-linked sites, every governorate of
Syria, Iraq and Jordan (with ISO 3166-2 codes and GeoNames admin1 codes), the countries,
and the key towns the reports name.  Each row cites the public source of its coordinates.
"""
from __future__ import annotations

import csv
from pathlib import Path

from gazetteer.place import Place
from gazetteer.sources.base import RANK_CURATED, PlaceSource, place_from_row

__all__ = ["CuratedTable", "CURATED_CSV"]

CURATED_CSV = Path(__file__).resolve().parents[1] / "data" / "places.csv"  # = compiled.CURATED_CSV


class CuratedTable(PlaceSource):
    """Rows of the curated CSV; ``geonames_admin1`` maps GeoNames admin1 codes to names."""

    name = "curated"
    rank = RANK_CURATED

    def __init__(self, path: Path = CURATED_CSV) -> None:
        self.path = Path(path)
        self._rows: list[dict[str, str]] | None = None

    def rows(self) -> list[dict[str, str]]:
        if self._rows is None:
            with open(self.path, encoding="utf-8", newline="") as fh:
                self._rows = list(csv.DictReader(fh))
        return self._rows

    def places(self) -> list[Place]:
        return [place_from_row(row, file=str(self.path), record=i, id_prefix="cur:",
                               default_source="curated")
                for i, row in enumerate(self.rows(), start=2)]

    def geonames_admin1(self) -> dict[tuple[str, str], str]:
        """(country, GeoNames admin1 code) -> canonical governorate name."""
        return {(row["country"], row["geonames_admin1"]): row["name"]
                for row in self.rows()
                if row.get("kind") == "governorate" and row.get("geonames_admin1")}
