"""Who is who: a lexicon of actors with their aliases and sides, and of those who report.

An actor mention is the phrase a report uses ("Kata’ib Hezbollah", "Iranian-aligned
militia groups", "F-15E jets", "US personnel").  Reporters of claims (SOHR, Reuters,
"Iranian media") are kept apart: they say what happened but did not do it.  CENTCOM and
the Pentagon both act and announce, so they are actors that may also be reporters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["OPPONENT", "REPORTER", "ActorMention", "canonical_name", "find_actors"]

#: In this war, the side that an attack on one side most likely came from.
OPPONENT = {"us": "iran_aligned", "iran_aligned": "us", "isis": "us", "israel": "iran_aligned"}
REPORTER = "reporter"

_DATA = Path(__file__).resolve().parent / "data" / "actors.yaml"


def _load_lexicon() -> list[tuple[str, str, str, str]]:
    """(regex, canonical name, side, role) for each entry of ``data/actors.yaml``, in order."""
    import yaml

    data = yaml.load(_DATA.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    macros = data.get("macros") or {}

    def expand(rx: str) -> str:
        for key, value in macros.items():
            rx = rx.replace("${" + key + "}", value)
        return rx

    return [(expand(e["pattern"]), e["name"], e["side"], e["role"]) for e in data["actors"]]


# (regex, canonical name, side, role): at one position the first entry that matches wins.
_LEXICON: list[tuple[str, str, str, str]] = _load_lexicon()

_WORD = re.compile(r"(?<![\w’'/-])[\w’'/.-]+")
_LOWER_FIRST = ("militia", "militant", "armed", "pro-iran", "proxy", "coalition", "witnesses", "activists", "rebel", "opposition",
                "local", "war", "government", "state", "al-", "iran", "shia", "shiite", "tehran")
_PATTERN = re.compile("|".join(f"(?P<g{i}>\\b(?:{rx})\\b)" for i, (rx, *_rest) in enumerate(_LEXICON)))


_SPEAKER = re.compile(r"\b(?:officials?|spokes(?:man|woman|person|people)|commanders?)$", re.IGNORECASE)
#: A speaker's title right after a name: "Pentagon press secretary", "CENTCOM spokesman"
_TITLE_AFTER = re.compile(r"(?:[’']s)?\s+(?:deputy\s+)?(?:press secretary|spokes(?:man|woman|person)|official|officials|"
                          r"statement|spokes(?:people)|media office|press office|ambassador|envoy|embassy|"
                          r"(?:foreign |defence |defense )?minister|(?:foreign |defence |defense )?ministry)\b",
                          re.IGNORECASE)
_BACKED = re.compile(r"-(?:backed|allied|supported|trained|funded|armed|aligned|led|held|controlled|run|linked|"
                     r"occupied|dominated|affiliated)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    text: str
    name: str
    side: str
    role: str  # "actor", "reporter" or "both"


def find_actors(text: str) -> list[ActorMention]:
    """Actor and reporter mentions in ``text``, left to right, non-overlapping."""
    return list(_find(text))


@lru_cache(maxsize=256)  # a one-clause sentence is read twice: for its places, then its clause
def _find(text: str) -> tuple[ActorMention, ...]:
    out = []
    pos = 0
    for w in _WORD.finditer(text):
        start = w.start()
        word = w.group(0)
        if start < pos or not (word[0].isupper() or word.lower().startswith(_LOWER_FIRST)):
            continue
        m = _PATTERN.match(text, start)  # the full lexicon, tried only where a name can start
        if m is None:
            continue
        pos = m.end()
        i = int(m.lastgroup[1:])  # type: ignore[index]
        _rx, name, side, role = _LEXICON[i]
        surface = m.group(0)
        if surface in ("US", "IS") and m.start() > 0 and text[m.start() - 1:m.start()] == "-":
            continue
        if _BACKED.match(text, m.end()):
            pos = m.start()  # "US-backed Syrian Democratic Forces", "militia-held ground": an epithet
            continue
        if name == "news agency" and surface == "AP" and not re.search(r"\bAP\b", text[m.start():m.end() + 1]):
            continue
        if role == "actor" and _SPEAKER.search(surface):
            role = "reporter"  # "a US military official", "Iraqi security officials": they tell, not act
        elif _TITLE_AFTER.match(text, m.end()):
            role = "reporter"  # "Deputy Pentagon press secretary Sabrina Singh said": a speaker
        out.append(ActorMention(m.start(), m.end(), surface, name, side, role))
    return tuple(out)


def canonical_name(mention: ActorMention) -> str:
    """A readable actor name: the surface phrase without a leading article."""
    t = re.sub(r"^(?:the|The)\s+", "", mention.text).strip()
    return t[:1].upper() + t[1:] if t else mention.name
