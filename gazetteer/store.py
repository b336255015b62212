"""Compact storage for the index: a few long strings and arrays instead of ~100,000 objects.

A cold ``geo gazetteer lookup`` must not spend its time creating Python objects for
places and names it will never look at.  So the compiled index keeps

* each text column of the places (ids, names, kinds, …) as one string with an offsets
  array (a cell is one slice; a whole column is split only when a scan needs it), and
  the numeric columns as :mod:`array` arrays;
* each key table (exact keys, normalised keys) as its sorted keys joined in one string
  with an offsets array, searched by bisection, plus a postings array of row numbers.

Unpickling that is a handful of memory copies (a few milliseconds for the whole index).
"""
from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence

__all__ = ["Rows", "KeyTable", "ALIAS_SEP"]

ALIAS_SEP = "\x1e"
# Row tuple layout (the Place fields in order): id, name, kind, lat, lon, country, admin1,
# population, source, aliases (ALIAS_SEP-joined), code.
_TEXT = (0, 1, 2, 5, 6, 8, 9, 10)


class Rows(Sequence[tuple]):
    """The places as a read-only sequence of row tuples, stored column-wise."""

    def __init__(self, text: tuple[tuple[str, array], ...], lat: array, lon: array,
                 population: array, size: int) -> None:
        self._text, self._lat, self._lon, self._pop, self._size = text, lat, lon, population, size
        self._split: dict[int, list[str]] = {}

    @classmethod
    def build(cls, rows: Iterable[tuple]) -> Rows:
        rows = list(rows)
        text = []
        for c in _TEXT:
            cells = ["" if r[c] is None else str(r[c]) for r in rows]
            offsets = array("I", [0])
            for cell in cells:
                offsets.append(offsets[-1] + len(cell))
            text.append(("".join(cells), offsets))
        return cls(tuple(text), array("d", (r[3] for r in rows)),
                   array("d", (r[4] for r in rows)),
                   array("q", (-1 if r[7] is None else r[7] for r in rows)), len(rows))

    def state(self) -> tuple:
        return (self._text, self._lat, self._lon, self._pop, self._size)

    def cell(self, field: int, i: int) -> str:
        """One text cell (field = position in the row tuple)."""
        joined, offsets = self._text[_TEXT.index(field)]
        return joined[offsets[i]:offsets[i + 1]]

    def column(self, field: int) -> list[str]:
        """One whole text column, split on first use (for scans: ids, kinds)."""
        col = self._split.get(field)
        if col is None:
            joined, offsets = self._text[_TEXT.index(field)]
            col = self._split[field] = [joined[offsets[i]:offsets[i + 1]]
                                        for i in range(self._size)]
        return col

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._size))]
        if i < 0:
            i += self._size
        pop = self._pop[i]
        cell = self.cell
        return (
            cell(0, i), cell(1, i), cell(2, i), self._lat[i], self._lon[i], cell(5, i),
            cell(6, i) or None, None if pop < 0 else pop, cell(8, i), cell(9, i),
            cell(10, i) or None,
        )

    def __iter__(self) -> Iterator[tuple]:
        return (self[i] for i in range(self._size))

    def point(self, i: int) -> tuple[float, float]:
        return self._lat[i], self._lon[i]


class _Keys(Sequence[str]):
    """The sorted keys of a KeyTable, sliced out of one string on demand (for bisect)."""

    def __init__(self, blob: str, offsets: array) -> None:
        self._blob, self._offsets = blob, offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self._blob[self._offsets[i]:self._offsets[i + 1]]


class KeyTable:
    """key -> row numbers, searched by bisection over sorted keys held in one string."""

    def __init__(self, blob: str, offsets: array, starts: array, postings: array) -> None:
        self._blob, self._offsets, self._starts, self._postings = blob, offsets, starts, postings
        self.keys = _Keys(blob, offsets)

    @classmethod
    def build(cls, table: dict[str, list[int]]) -> KeyTable:
        keys = sorted(table)
        offsets, starts, postings = array("I", [0]), array("I", [0]), array("I")
        for key in keys:
            offsets.append(offsets[-1] + len(key))
            postings.extend(table[key])
            starts.append(len(postings))
        return cls("".join(keys), offsets, starts, postings)

    def state(self) -> tuple:
        return (self._blob, self._offsets, self._starts, self._postings)

    def get(self, key: str) -> tuple[int, ...]:
        """The rows filed under ``key`` (empty when none)."""
        i = bisect.bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            return tuple(self._postings[self._starts[i]:self._starts[i + 1]])
        return ()

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self.get(key))

    def __len__(self) -> int:
        return len(self.keys)
