"""Counts in report prose: digits or words, "at least", ranges, and what they count.

Casualties are read from the clause that tells the event ("killed at least five members",
"killed 4 … and injured 4 others", "three US troops were killed", "No US personnel were
injured"); a count comes back as (value, low, high) so "at least five" keeps its floor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["NUM", "Count", "casualties", "parse_number", "target_count"]

_UNITS = {
    "zero": 0, "no": 0, "none": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "a dozen": 12, "half a dozen": 6, "a couple of": 2, "a pair of": 2, "both": 2,
}
_WORD = (r"(?:half a dozen|a dozen|a couple of|a pair of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
         r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|"
         r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
         r"(?:a|an)(?!\s+(?:number|few|lot|handful|series|total|wave|string|range|variety|majority|minority|group|unit)\b)|"
         r"no|dozen|single|both)")
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + _WORD + r")"
_APPROX = r"(?:(?P<q>at least|at a minimum|more than|over|up to|as many as|nearly|almost|about|around|roughly|some|approximately|an estimated|a total of|a further|another|at most)\s+)?"
_RANGE = r"(?P<n>" + NUM + r")(?:\s*(?:-|–|to|or)\s*(?P<n2>" + NUM + r"))?"
_VICTIM = (r"(?:[\w’'.-]+\s+){0,4}?(?:people|persons?|civilians?|soldiers?|troops|personnel|service ?members?|"
           r"servicemembers?|members?|fighters?|militants?|militiam[ae]n|gunm[ae]n|contractors?|americans?|"
           r"service people|others|sailors?|marines?|guards?|officers?|operatives?|commanders?|leaders?|children|"
           r"child|wom[ae]n|m[ae]n|workers?|staff|individuals?|dead|killed|wounded|injured|casualties)")


def parse_number(text: str) -> int | None:
    """'12' → 12, 'twenty-one' → 21, 'a dozen' → 12, 'no' → 0; None when not a number."""
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    if t in _UNITS:
        return _UNITS[t]
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in _UNITS and parts[1] in _UNITS:
        return _UNITS[parts[0]] + _UNITS[parts[1]]
    return None


@dataclass(frozen=True, slots=True)
class Count:
    value: int
    low: int | None = None
    high: int | None = None


def _count(m: re.Match[str]) -> Count | None:
    n = parse_number(m.group("n"))
    if n is None:
        return None
    n2 = parse_number(m.group("n2")) if m.group("n2") else None
    q = (m.group("q") or "").lower()
    if n2 is not None and n2 > n:
        return Count(n, n, n2)
    if q in ("at least", "more than", "over", "at a minimum"):
        return Count(n, n + (1 if q in ("more than", "over") else 0), None)
    if q in ("up to", "as many as", "at most", "nearly", "almost"):
        return Count(n, None, n)
    return Count(n)


_KILL_V = r"(?:killed|killing|kills|kill|left|leaving|martyred)"
_HURT_V = r"(?:injured|injuring|injures|injure|wounded|wounding|wounds|wound|hurt|hurting)"
_PASSIVE = r"(?:were|was|have been|had been|are|is|been|being|got)\s+(?:\w+\s+)?"


def _patterns(verb: str, noun: str, toll: str) -> list[re.Pattern[str]]:
    return [
        # "killed at least five members", "killing 3 US soldiers"
        re.compile(r"\b" + verb + r"\s+" + _APPROX + _RANGE + r"\b(?=\s+" + _VICTIM + r"|\s*(?:people|others|and|,|\.|$))", re.IGNORECASE),
        # "three US troops were killed", "No US personnel were injured", "four members of the PMF were killed"
        re.compile(r"\b" + _APPROX + _RANGE + r"\s+" + _VICTIM[:-1] + r")?(?:\s+of\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?)?,?\s*"
                   r"(?:(?:including|among them)[^,]{0,40},\s*)?" + _PASSIVE + verb + r"\b", re.IGNORECASE),
        # "nine people working with the militias, at least three of them Syrians, were killed"
        re.compile(r"\b" + _APPROX + _RANGE + r"\s+" + _VICTIM + r"(?:\s+[\w’'-]+){0,5}?,\s*"
                   r"(?:[\w’' -]{1,30}?of (?:them|whom)[^,]{0,30}),\s*" + _PASSIVE + verb + r"\b", re.IGNORECASE),
        # "5 dead", "two people killed", "four wounded"
        re.compile(r"\b" + _APPROX + _RANGE + r"\s+(?:(?:[\w’'-]+\s+){0,3}?(?:people|soldiers|troops|"
                   r"personnel|members|fighters|militants|civilians|others|militiamen)\s+)?" + noun + r"\b", re.IGNORECASE),
        # "injuries to 56 personnel", "the death toll rose to 4"
        re.compile(r"\b" + toll + r"\s+(?:[\w’'…-]+\s+){0,6}?(?:to|of|at)\s+" + _APPROX + _RANGE + r"\b", re.IGNORECASE),
        # "SOHR put the dead from those strikes at four", "estimated the number of wounded at 20"
        re.compile(r"\b(?:put|puts|putting|placed|places|estimated|estimates|set|sets)\s+(?:the\s+)?"
                   r"(?:number of\s+(?:people\s+|those\s+)?)?" + noun + r"(?:\s+toll)?\s+(?:[\w’'-]+\s+){0,5}?at\s+"
                   + _APPROX + _RANGE + r"\b", re.IGNORECASE),
    ]


_KILLED = _patterns(_KILL_V, r"(?:dead|killed|died|deaths|death|fatalities)",
                    r"(?:deaths|death toll|toll|fatalities)")
_INJURED = _patterns(_HURT_V, r"(?:injured|wounded|hurt|injuries)", r"(?:injuries|wounds|casualties)") + [
    # "eight US service members were treated for traumatic brain injuries"
    re.compile(r"\b" + _APPROX + _RANGE + r"\s+" + _VICTIM[:-1] + r")?,?\s*" + _PASSIVE
               + r"(?:treated|evaluated|hospitali[sz]ed)\s+(?:for\s+(?:[\w-]+\s+){0,3}(?:injur|wound|concussion|trauma))?",
               re.IGNORECASE)]
# which of the two pattern lists can match at all (each list is costly: it tries every word)
_KILL_STEMS = ("kill", "dead", "die", "death", "fatalit", "toll", "left", "leaving", "martyr")
_HURT_STEMS = ("injur", "wound", "hurt", "harm", "casualt", "treated", "evaluated", "hospitali")
_CASUALTY_STEMS = _KILL_STEMS + _HURT_STEMS
_KILL_WORD = re.compile("|".join(_KILL_STEMS), re.IGNORECASE)
_HURT_WORD = re.compile("|".join(_HURT_STEMS), re.IGNORECASE)
_NONE = re.compile(r"\bno (?:\w+ ){0,2}(?:casualties|injuries|deaths|fatalities)\b|\bwithout (?:causing )?(?:any )?(?:casualties|injuries)\b|"
                   r"\b(?:neither|none)\b[^.;]{0,40}\bcaused (?:any )?(?:casualties|injuries)\b|"
                   r"\bneither (?:damage|casualties|injuries) nor (?:damage|casualties|injuries)\b|"
                   # "no one was hurt", "no US troops were harmed": hurt covers the dead too
                   r"\b(?:no one|nobody|no (?:[\w.-]+ ){0,2}(?:troops|personnel|soldiers|Americans|service ?members|"
                   r"people|civilians|staff|forces))\s+(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?"
                   r"(?:hurt|harmed)\b", re.IGNORECASE)


#: Where a count can begin (a digit, a number word, or a word of _APPROX): the patterns that
#: open with a count are tried only there, which is several times faster than a scan.
_COUNT_START = re.compile(
    r"\b(?=\d|(?:at|more|over|up|as|nearly|almost|about|around|roughly|some|approximately|an?|another|"
    r"half|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|no|"
    r"dozen|single|both)\b)", re.IGNORECASE)
_OPENS_WITH_COUNT = r"\b" + _APPROX


def _matches(pat: re.Pattern[str], text: str, starts: list[int]):
    if not pat.pattern.startswith(_OPENS_WITH_COUNT):
        yield from pat.finditer(text)
        return
    for start in starts:
        m = pat.match(text, start)
        if m is not None:
            yield m


def _first(patterns: list[re.Pattern[str]], text: str) -> Count | None:
    best: tuple[int, Count] | None = None
    starts = [m.start() for m in _COUNT_START.finditer(text)]
    for i, pat in enumerate(patterns):
        for m in _matches(pat, text, starts):
            if i == 0 and re.match(r"(?:left|leaving)\b", m.group(0), re.IGNORECASE) and "dead" not in text[m.end():m.end() + 40]:
                continue
            c = _count(m)
            if c is not None and c.value < 100000:
                if best is None or m.start() < best[0]:
                    best = (m.start(), c)
                break
    return best[1] if best else None


def casualties(text: str) -> tuple[Count | None, Count | None]:
    """(killed, injured) told in one clause; None where the clause says nothing."""
    lower = text.lower()
    firsts = [i for i in (lower.find(w) for w in _CASUALTY_STEMS) if i >= 0]
    if not firsts:
        return None, None
    first, last = min(firsts), max(lower.rfind(w) for w in _CASUALTY_STEMS)
    # the counts sit next to the casualty words: search only around them
    window = text[max(0, first - 90):last + 90] if last - first < 300 else text
    killed = _first(_KILLED, window) if _KILL_WORD.search(window) else None
    injured = _first(_INJURED, window) if _HURT_WORD.search(window) else None
    if _NONE.search(text):
        killed = killed or Count(0)
        injured = injured or Count(0)
    return killed, injured


_TARGETS = re.compile(r"\b" + _RANGE + r"\s+(?:[\w-]+\s+){0,3}?(?:targets|sites|locations|facilities|"
                      r"positions|storehouses|depots|buildings|bunkers|compounds|structures|"
                      r"headquarters|warehouses|camps)\b", re.IGNORECASE)


_TARGET_NOUN = re.compile(r"targets|sites|locations|facilities|positions|storehouses|depots|buildings|"
                          r"bunkers|compounds|structures|headquarters|warehouses|camps", re.IGNORECASE)


def target_count(text: str) -> int | None:
    """'nine targets', '5 weapons cache facilities' → the number of targets struck."""
    m = _TARGETS.search(text) if _TARGET_NOUN.search(text) else None
    if not m:
        return None
    n = parse_number(m.group("n"))
    return n if n and n > 0 and m.group("n").lower() not in ("a", "an") else None
