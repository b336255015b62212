"""Cutting a report into the units events are read from: sentences, headings, table rows.

Every unit keeps its character offsets in the report's text, so the quote an event carries
can be found again.  Headlines and section headings are kept apart: they summarise events
told in full elsewhere and carry no date.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Segment", "normalise_quotes", "segments", "split_sentences"]

_ABBREV = {
    "u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
    "cpl", "pfc", "pvt", "spc", "adm", "sen", "rep", "gov", "st", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "vs", "approx", "a.m",
    "p.m", "inc", "co", "corp", "ltd", "jr", "sr", "staff sgt", "mt", "ft", "est", "d.c",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+")


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence, heading or table row with its place in the text."""

    text: str
    start: int
    end: int
    kind: str  # "sentence", "heading" or "row"
    para: int
    cells: tuple[str, ...] = ()


def split_sentences(text: str, offset: int = 0) -> Iterator[tuple[str, int, int]]:
    """Sentences of one paragraph with absolute offsets; abbreviations do not end sentences."""
    start = 0
    for m in _END.finditer(text):
        before = text[start:m.start()].rsplit(None, 1)
        last = before[-1].lower().rstrip(".") if before else ""
        if m.group(0).startswith(".") and (last in _ABBREV or re.fullmatch(r"[a-z]", last)):
            continue
        end = m.end()
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            yield piece.strip(), offset + start + lead, offset + start + lead + len(piece.strip())
        start = end
    piece = text[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        yield piece.strip(), offset + start + lead, offset + start + lead + len(piece.strip())


def segments(text: str) -> Iterator[Segment]:
    """Walk the text line by line (a line is a paragraph) and yield its units in order."""
    pos = 0
    para = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        body = line.strip()
        if not body or body in "-*•" or _TABLE_RULE.match(body):
            continue
        para += 1
        lead = len(line) - len(line.lstrip())
        m = _BULLET.match(line)
        if m:
            lead = m.end()
        content = line[lead:].rstrip()
        start = line_start + lead
        if content.count("|") >= 1 and re.search(r"\S\s*\|\s*\S", content):
            cells = tuple(c.strip() for c in content.strip("|").split("|") if c.strip())
            if len(cells) >= 2:
                yield Segment(content, start, start + len(content), "row", para, cells)
                continue
        words = len(content.split())
        if words <= 20 and not re.search(r"[.!?:;\"”’)]$", content):
            yield Segment(content, start, start + len(content), "heading", para)
            continue
        for sent, s, e in split_sentences(content, start):
            yield Segment(sent, s, e, "sentence", para)


_QUOTES = str.maketrans({c: " " for c in "“”\"«»"})
_LONE_APOSTROPHE = re.compile(r"(?<![A-Za-z])[’‘'`]|[’‘'`](?![A-Za-z])")


def normalise_quotes(text: str) -> str:
    """Same-length copy without quotation marks, so "“Iranian-backed” militias" reads as words.

    Apostrophes inside words (Kata’ib, Syria’s) stay."""
    text = text.translate(_QUOTES)
    if "'" not in text and "’" not in text and "‘" not in text and "`" not in text:
        return text  # most sentences: no scan needed
    return _LONE_APOSTROPHE.sub(" ", text)
