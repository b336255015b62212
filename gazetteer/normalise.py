"""How a place name becomes the keys the index is searched by.

Reports spell the same place many ways ("Deir ez-Zor", "Deir Ezzor", "Dayr az-Zawr",
"Deir al-Zour", "دير الزور").  Two keys absorb most of that:

* :func:`exact_key` — case, diacritics, apostrophes, hyphens and spaces removed: the
  same letters in the same order.  A hit here is an exact match (score 100).
* :func:`name_key` — additionally drops Arabic articles (al-, el-, ad-, ash-, az-…,
  also assimilated as in "Ezzor"), folds "Albu"/"Abu"/"Bou" to one form, strips
  descriptive words ("Patrol Base", "the city of", "province", "air base"…) and folds
  transliteration variants (e/a, o/u, ou/u, ee/i, y/i, aw/u, q/k, dh/z, final -ah/-eh,
  doubled letters).  A hit here is a normalised match.

Descriptive words are not thrown away blindly: they hint at the kind of place meant
("Deir Ezzor province" is the governorate, "Shaddadi base" the base), returned by
:func:`query_keys` as ``kind_hint``.  Both sides of a comparison go through the same
functions, so a fold that merges two spellings merges them everywhere.

This module imports nothing heavy: it is on the start-up path of every lookup.
:mod:`unidecode` is imported only for scripts other than Latin and Arabic.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from geo.exc import UnusableName

__all__ = [
    "MAX_NAME_LENGTH", "QueryKeys", "check_name", "exact_key", "name_key", "query_keys",
    "is_arabic",
]

MAX_NAME_LENGTH = 200

_APOSTROPHES = "'’‘ʿʾʼ`´ʻ"
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_ARABIC_FOLD = str.maketrans({
    "\u0640": None,  # tatweel
    "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "ۀ": "ه", "ئ": "ي", "ؤ": "و",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NON_WORD = re.compile(r"[^\w]+|_")

# Articles as separate tokens ("al", "ash" in "Ash Shaddadah", "ez" in "Deir ez-Zor").
_ARTICLES = frozenset(
    "al el il ul ad ed ud ar er ur as es us ash esh ush az ez uz at et ut an en un "
    "ath adh l".split()
)
# An article written joined and assimilated: "Ezzor", "Assukhnah", "Arraqqa".
_ASSIMILATED = re.compile(r"^[ae]([dtrsznl])\1(?=[a-z]{2})")

# Descriptive words: (tokens, kind hint).  Longest first, so "air base" wins over "base".
_AREA = "governorate"
_BASE = "military_base"
_SETTLEMENT = "settlement"
_LEADING: tuple[tuple[tuple[str, ...], str | None], ...] = tuple(sorted((
    (("the", "city", "of"), _SETTLEMENT), (("city", "of"), _SETTLEMENT),
    (("the", "town", "of"), _SETTLEMENT), (("town", "of"), _SETTLEMENT),
    (("the", "village", "of"), _SETTLEMENT), (("village", "of"), _SETTLEMENT),
    (("patrol", "base"), _BASE), (("forward", "operating", "base"), _BASE),
    (("fob",), _BASE), (("camp",), _BASE), (("base",), _BASE), (("outpost",), _BASE),
    (("garrison",), _BASE), (("governorate", "of"), _AREA), (("province", "of"), _AREA),
    (("the",), None), (("محافظه",), _AREA), (("مدينه",), _SETTLEMENT),
    (("قاعده",), _BASE), (("مخيم",), _BASE), (("بلده",), _SETTLEMENT),
), key=lambda item: -len(item[0])))
_TRAILING: tuple[tuple[tuple[str, ...], str | None], ...] = tuple(sorted((
    (("province",), _AREA), (("governorate",), _AREA), (("countryside",), _AREA),
    (("muhafazah",), _AREA), (("garrison",), _BASE), (("air", "base"), _BASE),
    (("airbase",), _BASE), (("military", "base"), _BASE), (("base",), _BASE),
    (("outpost",), _BASE), (("camp",), _BASE), (("patrol", "base"), _BASE),
    (("airport",), "airport"), (("airfield",), "airport"), (("air", "field"), "airport"),
    (("city",), _SETTLEMENT), (("town",), _SETTLEMENT), (("village",), _SETTLEMENT),
    (("border", "crossing"), "border_crossing"), (("crossing",), "border_crossing"),
    (("oil", "field"), "oil_field"), (("gas", "field"), "oil_field"),
    (("oilfield",), "oil_field"), (("field",), "oil_field"),
), key=lambda item: -len(item[0])))

# Which place kinds each hint prefers.
KIND_HINTS: dict[str, frozenset[str]] = {
    _AREA: frozenset({"governorate"}),
    _BASE: frozenset({"military_base", "airport"}),
    _SETTLEMENT: frozenset({"city", "town", "village"}),
    "airport": frozenset({"airport", "military_base"}),
    "border_crossing": frozenset({"border_crossing"}),
    "oil_field": frozenset({"oil_field"}),
}

# Transliteration folds, applied in this order to the joined Latin key.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("ee", "i"), ("oo", "u"), ("ou", "u"), ("aw", "u"), ("dh", "z"), ("ck", "k"),
    ("q", "k"), ("e", "a"), ("o", "u"), ("y", "i"), ("w", "u"),
)
_DOUBLED = re.compile(r"([a-z])\1+")


class QueryKeys(NamedTuple):
    """The keys of one name: what it is searched under, and the kind it hints at.

    ``trimmed`` holds the exact keys of the name with its descriptive words removed one at
    a time ("Damascus countryside province" -> "damascuscountryside", "damascus").
    """

    exact: str
    name: str
    kind_hint: str | None
    arabic: bool
    trimmed: tuple[str, ...] = ()


def is_arabic(text: str) -> bool:
    return _ARABIC.search(text) is not None


def check_name(name: object) -> str:
    """Return ``name`` stripped, or raise :class:`UnusableName` saying what is wrong."""
    if not isinstance(name, str):
        raise UnusableName(f"a place name must be text, not {type(name).__name__}")
    text = name.strip()
    if not text:
        raise UnusableName("empty place name; expected a name such as 'Deir ez-Zor'")
    if len(text) > MAX_NAME_LENGTH:
        raise UnusableName(
            f"place name too long ({len(text)} characters; at most {MAX_NAME_LENGTH})")
    if _CONTROL.search(text):
        raise UnusableName(
            f"place name {_shorten(text)!r} contains control characters; expected plain text")
    if not any(ch.isalnum() for ch in text):
        raise UnusableName(
            f"place name {_shorten(text)!r} has no letters or digits; expected a name")
    return text


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@lru_cache(maxsize=262_144)
def _tokens(text: str) -> tuple[str, ...]:
    """Lower-case word tokens without diacritics or apostrophes; Arabic letters folded."""
    for ch in _APOSTROPHES:
        if ch in text:
            text = text.replace(ch, "")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    if not stripped.isascii():
        stripped = _fold_scripts(stripped)
    return tuple(tok for tok in _NON_WORD.split(stripped) if tok)


def _fold_scripts(text: str) -> str:
    """Fold Arabic letter variants; transliterate any other non-Latin script."""
    if is_arabic(text):
        return text.translate(_ARABIC_FOLD)
    from unidecode import unidecode  # only for Cyrillic, Hebrew, Turkish dotless i…

    return unidecode(text).casefold()


def exact_key(text: str) -> str:
    """The letters and digits of ``text``: no case, diacritics, apostrophes or spaces."""
    return "".join(_tokens(text))


def _strip_descriptors(tokens: list[str], trimmed: list[str]) -> str | None:
    """Remove descriptive words in place; append the exact key after each removal."""
    hint: str | None = None
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for phrase, kind in _LEADING:
            n = len(phrase)
            if len(tokens) > n and tuple(tokens[:n]) == phrase:
                del tokens[:n]
                hint = hint or kind
                changed = True
                trimmed.append("".join(tokens))
                break
        for phrase, kind in _TRAILING:
            n = len(phrase)
            if len(tokens) > n and tuple(tokens[-n:]) == phrase:
                del tokens[-n:]
                hint = hint or kind
                changed = True
                trimmed.append("".join(tokens))
                break
    return hint


def _drop_articles(tokens: list[str], arabic: bool) -> list[str]:
    out: list[str] = []
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if arabic:
            if tok.startswith("ال") and len(tok) > 3:
                tok = tok[2:]
            out.append(tok)
            continue
        if tok in _ARTICLES and i < last:
            continue
        if tok in ("albu", "abu", "abou", "bou", "abo"):
            tok = "bu"
        elif tok.startswith("albu") and len(tok) > 6:
            tok = tok[2:]
        else:
            tok = _ASSIMILATED.sub(r"\1", tok)
        if tok.endswith(("ah", "eh")) and len(tok) > 3:
            tok = tok[:-1]
        out.append(tok)
    return out


def _fold_latin(key: str) -> str:
    for old, new in _FOLDS:
        if old in key:
            key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key)


@lru_cache(maxsize=262_144)
def query_keys(text: str) -> QueryKeys:
    """Both keys of ``text`` and the kind its descriptive words hint at (cached)."""
    tokens = list(_tokens(text))
    exact = "".join(tokens)
    arabic = is_arabic(exact)
    trimmed: list[str] = []
    hint = _strip_descriptors(tokens, trimmed)
    tokens = _drop_articles(tokens, arabic)
    joined = "".join(tokens)
    name = joined if arabic else _fold_latin(joined)
    return QueryKeys(exact, name or exact, hint, arabic, tuple(trimmed))


def name_key(text: str) -> str:
    """The normalised key of ``text`` (see the module docstring)."""
    return query_keys(text).name
