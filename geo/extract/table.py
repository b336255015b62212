"""Events as aligned text lines, for people reading `geo extract --format table`."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from geo.model import Event

__all__ = ["table_lines"]

_COLUMNS = (("date", 10), ("prec", 5), ("type", 13), ("attacker", 26), ("side", 12), ("place", 24),
            ("cc", 2), ("geo", 7), ("killed", 6), ("injured", 7), ("conf", 4), ("doc", 0))


def _cut(value: object, width: int) -> str:
    text = "" if value is None else str(value)
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text.ljust(width) if width else text


def table_lines(events: Iterable[Event]) -> Iterator[str]:
    """A header, then one line per event (streamed; nothing is held in memory)."""
    yield "  ".join(_cut(name, w) for name, w in _COLUMNS).rstrip()
    for ev in events:
        docs = ",".join(dict.fromkeys(s.doc for s in ev.sources))
        row = (ev.event_date, ev.date_precision, ev.event_type, ev.actor1, ev.actor1_side, ev.location,
               ev.country, ev.geo_precision, ev.killed, ev.injured,
               f"{ev.confidence:.2f}" if ev.confidence is not None else "", docs)
        yield "  ".join(_cut(v, w) for v, (_, w) in zip(row, _COLUMNS)).rstrip()
