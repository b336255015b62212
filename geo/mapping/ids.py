"""Deterministic element ids, so the same events give byte-identical HTML.

folium/branca name every element with a random hex id (``_id``), which ends up in the
page as JavaScript variable names.  After a map is built we renumber every element of
its tree in document order; nothing else in the page is random.
"""
from __future__ import annotations

from typing import Any

__all__ = ["stabilise_ids"]


def stabilise_ids(root: Any) -> None:
    """Give every element under ``root`` (a branca Figure) an id from a counter."""
    counter = 0
    seen: set[int] = set()
    stack = [root]
    while stack:
        el = stack.pop(0)
        if id(el) in seen:
            continue
        seen.add(id(el))
        if hasattr(el, "_id"):
            counter += 1
            el._id = f"{counter:08x}"
        kids = list(getattr(el, "_children", {}).values())
        for part in ("header", "html", "script"):
            sub = getattr(el, part, None)
            if sub is not None and hasattr(sub, "_children"):
                kids.insert(0, sub)
        stack.extend(kids)
