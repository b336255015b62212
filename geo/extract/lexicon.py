"""The word lists and patterns the extraction rules read, from ``geo/extract/data/*.yaml``.

Each data file belongs to the module named like it (``triggers.yaml`` to
:mod:`geo.extract.triggers`) and holds one entry per construction::

    deny:
      covers: a denial before the trigger ("denied", "rejected claims") tells no event
      flags: i                      # i: ignore case (omitted: case matters)
      pattern: '\\bden(?:y|ied|ies|ying)\\b|\\brejected claims\\b'
      examples:
        - text: The group denied that it had fired rockets at the base on Monday.
          expect: no_event

``pattern`` is one string or a list of strings joined without separator (for long
ones); ``${name}`` inside it is replaced by the pattern text of entry ``name`` of the
same file, ``${file.name}`` by that of another file (a shared fragment, such as the
verbs of speech).  ``words`` is a list of words instead of a pattern, ``names`` a
mapping.  ``examples`` are sentences in our own words with what the
extractor must make of them; ``tests/test_extract_data_files.py`` runs every one.

Patterns are compiled once, when the module that uses them is imported.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

__all__ = ["DATA_DIR", "entries", "entry", "names", "pattern", "source", "words"]

DATA_DIR = Path(__file__).with_name("data")
_FLAGS = {"i": re.IGNORECASE}
_REF = re.compile(r"\$\{(?:(\w+)\.)?(\w+)\}")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def entries(name: str) -> dict[str, dict[str, Any]]:
    """Every entry of data file ``name`` (``triggers`` for ``data/triggers.yaml``)."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as f:
        return yaml.load(f, Loader=_LOADER)


def entry(name: str, key: str) -> dict[str, Any]:
    """One entry; a missing one is a programming error, named in full."""
    try:
        return entries(name)[key]
    except KeyError:
        raise KeyError(f"geo/extract/data/{name}.yaml has no entry {key!r}") from None


def source(name: str, key: str) -> str:
    """The pattern text of an entry, with its ``${...}`` fragments filled in."""
    raw = entry(name, key)["pattern"]
    text = "".join(raw) if isinstance(raw, list) else raw
    return _REF.sub(lambda m: source(m.group(1) or name, m.group(2)), text)


def pattern(name: str, key: str) -> re.Pattern[str]:
    """The compiled pattern of an entry, with the flags it names."""
    flags = 0
    for f in entry(name, key).get("flags", ""):
        flags |= _FLAGS[f]
    return re.compile(source(name, key), flags)


def words(name: str, key: str) -> tuple[str, ...]:
    """The word list of an entry, in file order."""
    return tuple(entry(name, key)["words"])


def names(name: str, key: str) -> dict[str, str]:
    """The mapping of an entry (``names:``), in file order."""
    return dict(entry(name, key)["names"])
