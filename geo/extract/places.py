"""Place mentions: candidate name spans checked against the gazetteer, exact names only.

Only capitalised spans ("Albu Kamal", "Patrol Base Shaddadi", "Tower 22"), spans with an
Arabic article ("al-Omar") and those followed by a kind word ("Deir Ezzor province",
"Ain al-Asad air base") are looked up, and only exact or normalised matches count, so a
common word never becomes a place.  Longest match wins, left to right.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from geo.exc import GeoError

__all__ = ["PRECISION_OF_KIND", "REGION_COUNTRIES", "PlaceFinder", "PlaceMention"]

PRECISION_OF_KIND = {
    "military_base": "site", "border_crossing": "site", "oil_field": "site", "airport": "site",
    "city": "town", "town": "town", "village": "town", "governorate": "admin1", "region": "admin1",
    "country": "country",
}
#: Countries whose GeoNames towns we accept from running text (the war and its neighbours).
REGION_COUNTRIES = frozenset({"SY", "IQ", "JO", "IR", "IL", "LB", "PS", "TR", "YE", "SA", "KW", "BH",
                              "QA", "AE", "OM", "EG", "CY"})
_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F\u0600-\u06FF][\w’'`\-.]*[\w]|[A-Za-z\u0600-\u06FF]|\d+")
_CONNECT = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|ez|ibn|bin|abu|bab|ras|tal|tell|deir|"
                      r"of|de|du|la)$|^(?:al|el|ad|ar|as|ash|at|az|an|ed|ez|abu)-\w", re.IGNORECASE)
_KIND_WORDS = {"province", "governorate", "base", "airbase", "airport", "airfield", "field", "border",
               "crossing", "garrison", "camp", "city", "town", "village", "district", "region",
               "valley", "dam", "air", "gas", "oil", "plant", "outpost", "desert", "area",
               "complex", "refinery", "bridge"}
_STOP = {"the", "a", "an", "on", "in", "at", "late", "early", "this", "that", "these", "those", "it",
         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
         "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december", "us", "u.s", "u.s.", "president", "secretary", "staff", "sgt",
         "general", "gen", "according", "since", "after", "following", "however", "meanwhile"}
_SHORT_NAMES = {"UAE", "KSA"}
#: One-word names that are a place only as part of a longer name ("Green Village",
#: "Victory base", "al-Omar", "al-Asad") and alone are a common word or a person's name.
_AMBIGUOUS = {"green", "capital", "victory", "victoria", "union", "tower", "mission", "omar", "asad",
              "assad", "tamim", "zone", "village", "base", "camp", "patrol", "field",
              "soleimani", "suleimani", "muhandis", "nasrallah"}  # (and men killed in this war)
_DEMONYMS = {"syrian", "iraqi", "iranian", "israeli", "jordanian", "lebanese", "kurdish", "american",
             "russian", "turkish", "arab", "shia", "shiite", "sunni", "yemeni", "saudi", "us-led",
             "palestinian", "western", "eastern", "southern", "northern", "central"}


def _fold(name: str) -> str:
    from unidecode import unidecode

    return re.sub(r"[^a-z0-9]", "", unidecode(name).lower())


_DIRECTION = re.compile(r"(?:(?:north|south)(?:-?(?:east|west))?|east|west|central)(?:ern)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Any  # gazetteer.Place
    precision: str
    direction: str | None = None  # "eastern Syria" → "east"
    others: tuple[Any, ...] = field(default=())  # other places of the same name


class PlaceFinder:
    """Finds place mentions in text through a gazetteer (``lookup(name, fuzzy=False)``)."""

    def __init__(self, gazetteer: Any) -> None:
        self.gaz = gazetteer
        self._lookup = lru_cache(maxsize=200_000)(self._lookup_uncached)

    def _lookup_uncached(self, name: str) -> tuple[Any, ...]:
        if name.lower() in _AMBIGUOUS:
            return ()
        try:
            matches = self.gaz.lookup(name, limit=4, fuzzy=False)
        except (GeoError, ValueError):
            return ()
        out = []
        for m in matches:
            p = m.place
            if p.id.startswith("gn:"):
                if p.country not in REGION_COUNTRIES and p.kind != "country":
                    continue
                # GeoNames keeps many alternate spellings that are also English words or
                # demonyms ("Syrian"); from running text, take a GeoNames row only by its name.
                if name.lower() in _DEMONYMS:
                    continue
                if _fold(name) != _fold(p.name) and " " not in name and not _trusted_alias(name, p, m.score):
                    continue
                if p.kind == "village" and " " not in name and "-" not in name:
                    continue
            out.append(p)
        return tuple(out)

    def find(self, text: str) -> list[PlaceMention]:
        return list(self._find(text))

    def _find(self, text: str):
        pos = 0
        # the sentence's tokens, once: each candidate name reads the five from its start
        all_tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
        index = {t[0]: i for i, t in enumerate(all_tokens)}
        for start_m in _NAME_START.finditer(text):
            if start_m.start() < pos:
                continue
            base = start_m.start()
            i = index.get(base)
            if i is None:
                continue
            tokens = all_tokens[i:i + 5]
            tok = tokens[0][2]
            if tok.lower().rstrip(".") in _STOP or (tok.isupper() and len(tok) <= 5 and not tok.isdigit()
                                                   and tok not in _SHORT_NAMES):
                continue
            k = 1  # the longest run of name-like tokens from here
            while k < len(tokens) and _joins(text, tokens[k - 1], tokens[k]):
                k += 1
            best = None
            for j in range(k, 0, -1):
                last = tokens[j - 1][2]
                if last.lower() in _STOP or (j > 1 and _CONNECT.fullmatch(last) and not last[0].isupper()):
                    continue
                name = _POSSESSIVE.sub("", text[base:tokens[j - 1][1]])
                found = self._lookup(name)
                if found:
                    best = (name, found)
                    break
            if best is None:
                continue
            name, found = best
            end = base + len(name)
            place = found[0]
            pos = end
            yield PlaceMention(base, end, name, place, PRECISION_OF_KIND.get(place.kind, "town"),
                               _direction(text, base), found[1:])


def _trusted_alias(name: str, place: Any, score: float) -> bool:
    """A one-word alternate spelling is taken from running text only for a town of the
    theatre, spelled exactly as GeoNames has it and long enough not to be a common word
    ("Musayyib" for Al-Musayab; not "Bay" or "Mission")."""
    return (score >= 100 and place.country in ("SY", "IQ", "JO") and place.kind in ("city", "town")
            and len(name) >= 5 and name[0].isupper() and not name.isupper())


_NAME_START = re.compile(r"(?<![\w’'\-.])(?:[A-Z\u00C0-\u00DE\u0600-\u06FF]|(?:al|el|ad|ar|as|ash|at|az|an)-\w)")
_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an)-\w")
_POSSESSIVE = re.compile(r"[’']s$")


def _starts_name(tok: str) -> bool:
    c = tok[0]
    if c.isupper():
        return True
    if c in "ae" and "-" in tok[:4]:
        return bool(_ARTICLE.match(tok))
    return "\u0600" <= c <= "\u06ff"


def _joins(text: str, prev: tuple[int, int, str], tok: tuple[int, int, str]) -> bool:
    """Whether ``tok`` continues a name that ``prev`` is part of ("Deir" + "ez-Zor")."""
    if text[prev[1]:tok[0]] not in (" ", "-") or _POSSESSIVE.search(prev[2]):
        return False
    word = tok[2]
    return _starts_name(word) or bool(_CONNECT.match(word)) or word.isdigit() or word.lower() in _KIND_WORDS


def _direction(text: str, start: int) -> str | None:
    m = re.search(r"(\w+)\s+$", text[max(0, start - 20):start])
    if m and _DIRECTION.match(m.group(1)):
        return m.group(1).lower().replace("ern", "")
    m = re.search(r"(\w+)\s+(?:part|parts|region|areas?) of\s+(?:the\s+)?$", text[max(0, start - 40):start])
    if m and _DIRECTION.match(m.group(1)):
        return m.group(1).lower().replace("ern", "")
    return None
