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

__all__ = ["OPPONENT", "REPORTER", "ActorMention", "canonical_name", "find_actors"]

#: In this war, the side that an attack on one side most likely came from.
OPPONENT = {"us": "iran_aligned", "iran_aligned": "us", "isis": "us", "israel": "iran_aligned"}
REPORTER = "reporter"

_Q = r"[’'`]?"
_HEAD = (r"(?:\s+(?:-?led\s+)?(?:military|armed|air|naval|special|service|coalition|combat|army|"
         r"Army|Air|Force|Navy|Marine|Special|Operations|defense|diplomatic|occupation|"
         r"forces?|troops?|soldiers?|personnel|service ?members|servicemembers|members|marines|"
         r"sailors|contractors?|bases?|outposts?|installations?|positions?|facilit(?:y|ies)|sites?|"
         r"garrisons?|convoys?|embassy|consulate|jets?|warplanes?|aircraft|fighters?|bombers?|"
         r"drones?|helicopters?|officials?|commanders?|patrols?)){0,3}")
_IRAN_ADJ = (r"(?:pro-Iran(?:ian)?|Iran(?:ian)?[- ](?:backed|aligned|linked|allied|supported|sponsored|"
             r"funded|armed|affiliated|proxy)|Tehran-backed)")
_GROUP = (r"(?:\s+(?:Shia|Shiite|Iraqi|Syrian|armed|militant|paramilitary|proxy|terrorist)){0,2}"
          r"(?:\s+(?:militia|militias|militiamen|militants?|groups?|forces|fighters|factions?|proxies|"
          r"brigades?|targets|sites|facilities|positions|members|armed groups|"
          r"militia groups?|militia sites|militia forces|militia members|militia group[’']s))?")

# (regex, canonical name, side, role) — longest match wins; reporters are listed first.
_LEXICON: list[tuple[str, str, str, str]] = [
    (r"Syrian Observatory(?: for Human Rights)?|SOHR|Observatory", "SOHR", "other", "reporter"),
    (r"Iran(?:ian)?(?:'s)? (?:state |state-run |official )?(?:media|TV|television|news agency)|IRNA|Tasnim|Fars news agency|Press TV", "Iranian media", "iran_aligned", "reporter"),
    (r"(?:state|local|Syrian state|Iraqi state) (?:media|TV|television)|SANA", "state media", "other", "reporter"),
    (r"Washington Post|New York Times|Wall Street Journal|Reuters|Associated Press|AP|AFP|Agence France-Presse|Al Jazeera|Al-Jazeera|BBC|CNN|Sabereen(?: News)?|Al-Mayadeen TV|Al Mayadeen TV", "news agency", "other", "reporter"),
    (r"Washington Institute(?: for Near East Policy)?|(?i:local sources?|witnesses|activists|war monitor)", "observer", "other", "reporter"),
    (r"U\.?S\.? Central Command|US Central Command|Central Command|CENTCOM|Centcom", "CENTCOM", "us", "both"),
    (r"Pentagon|Department of Defense|Defense Department|DoD|Defense Secretary(?: Lloyd Austin)?|Lloyd Austin|Secretary Austin|President Biden|Joe Biden|Biden administration|Biden|White House|Washington", "US government", "us", "both"),
    (r"(?:U\.?S\.?|US|United States|American|America[’']s)(?:-led)?" + _HEAD + r"|Americans?|America", "United States", "us", "actor"),
    (r"[Cc]oalition(?:\s+(?:forces|troops|aircraft|jets|warplanes))?|Operation Inherent Resolve|OIR", "US-led coalition", "us", "actor"),
    (r"(?:F-15Es?|F-15|F-16s?|F-35s?|F/A-18s?|A-10s?|B-1Bs?|B-1s?|B-52s?|MQ-9s?(?: Reapers?)?|AC-130s?|Apache(?:s| helicopters)?)(?:\s+(?:fighter|strike|attack))?(?:\s+(?:jets?|aircraft|fighters|bombers|drones|warplanes|gunships))?", "US aircraft", "us", "actor"),
    (r"Kata" + _Q + r"i?e?b Hez?b[ou]llah|Kata" + _Q + r"ib Hizb?allah|Kataeb Hezbollah|KH", "Kataib Hezbollah", "iran_aligned", "actor"),
    (r"Harakat Hezbollah al-Nujaba|Harakat al-Nujaba|al-Nujaba|Nujaba", "Harakat al-Nujaba", "iran_aligned", "actor"),
    (r"Kata" + _Q + r"ib Sayyid al-Shuhada", "Kataib Sayyid al-Shuhada", "iran_aligned", "actor"),
    (r"Islamic Resistance in Iraq|Islamic Resistance|IRI|(?<=[Tt]he )Resistance", "Islamic Resistance in Iraq", "iran_aligned", "actor"),
    (r"Islamic Revolutionary Guards?(?:\s+Corps?)?(?:\s*\(IRGC\))?(?:\s+Quds Force)?|Revolutionary Guards?(?:\s+Corps?)?(?:\s+Quds Force)?|IRGC(?:-QF| Quds Force)?|Quds Force|(?<=[Tt]he )Guards", "IRGC", "iran_aligned", "actor"),
    (r"Hez?b[ou]llah|Hizballah", "Hezbollah", "iran_aligned", "actor"),
    (r"Houthis?(?:\s+rebels|\s+movement)?|Ansar Allah", "Houthis", "iran_aligned", "actor"),
    (r"Popular Mobili[sz]ation (?:Forces|Units|Committee)|PMF|PMU|Hashd al-Shaabi|al-Hashd al-Shaabi", "Popular Mobilization Forces", "iran_aligned", "actor"),
    (r"Fatemiyoun|Zainabiyoun|Liwa Fatemiyoun|Liwa Zainabiyoun|Imam Ali Brigades?|Asa" + _Q + r"ib Ahl al-Haq", "Iran-aligned militia", "iran_aligned", "actor"),
    (_IRAN_ADJ + _GROUP, "Iran-aligned militias", "iran_aligned", "actor"),
    (r"(?:Iranian|Iran[’']s|Tehran[’']s)\s+(?:proxies|proxy groups?|allies|militias)|(?:Shia|Shiite)\s+militias?|[Pp]roxy groups?|Iranian-proxy groups?|Iranian groups?|Iranian militias?", "Iran-aligned militias", "iran_aligned", "actor"),
    (r"(?i:militia(?:s|men)?(?:\s+(?:groups?|forces|fighters|members|sites|positions|headquarters))?|militants?|armed groups)", "militias", "iran_aligned", "actor"),
    (r"Iranian(?:\s+(?:forces|military|regime|government|drones?|missiles?))?|Iran|Tehran", "Iran", "iran_aligned", "actor"),
    ((r"Israel(?:i)?(?:\s+(?:military|forces|air force|Air Force|jets|warplanes|aircraft|army|Defense Forces))?|IDF|"
      r"Israel Defense Forces|(?i:Zionist (?:regime|entity|enemy))"), "Israel", "israel", "actor"),
    (r"ISIS|ISIL|Islamic State|Daesh|IS militants", "ISIS", "isis", "actor"),
    (r"(?:Syrian (?:government|regime|army|military|Arab Army|forces)|Assad(?:[’']s)? (?:regime|government|forces)|government forces|SAA)", "Syrian government", "syria_government", "actor"),
    (r"(?:Syrian Democratic Forces|SDF|Kurdish-led (?:forces|SDF)|YPG|Kurdish (?:fighters|forces|militia groups?))", "SDF", "sdf", "actor"),
    (r"Russia(?:n)?(?:\s+(?:forces|military|jets|warplanes))?|Moscow", "Russia", "russia", "actor"),
    (r"Turkey|Turkish(?:\s+(?:forces|military|army|jets|drones))?|Türkiye|Ankara", "Turkey", "turkey", "actor"),
    (r"Hamas", "Hamas", "other", "actor"),
    (r"Jordan(?:ian)?(?:[’']s)?\s+(?:air force|Air Force|warplanes|jets|military|army|armed forces|forces)|Jordanian", "Jordan", "other", "actor"),
    ((r"Hay[ae]t Tahrir al-Sham|HTS|Syrian National Army|SNA|Free Syrian Army|FSA|(?:Syrian )?rebels?|"
      r"(?:armed )?opposition (?:fighters|forces|factions|groups)"), "Syrian opposition", "other", "actor"),
    (r"Iraqi (?:government|army|security forces|military|prime minister|forces)|Baghdad", "Iraqi government", "other", "actor"),
]

_WORD = re.compile(r"(?<![\w’'/-])[\w’'/.-]+")
_LOWER_FIRST = ("militia", "militant", "armed", "pro-iran", "proxy", "coalition", "witnesses", "activists", "rebel", "opposition",
                "local", "war", "government", "state", "al-", "iran", "shia", "shiite", "tehran")
_PATTERN = re.compile("|".join(f"(?P<g{i}>\\b(?:{rx})\\b)" for i, (rx, *_rest) in enumerate(_LEXICON)))


_SPEAKER = re.compile(r"\b(?:officials?|spokes(?:man|woman|person|people)|commanders?)$", re.IGNORECASE)
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
        out.append(ActorMention(m.start(), m.end(), surface, name, side, role))
    return tuple(out)


def canonical_name(mention: ActorMention) -> str:
    """A readable actor name: the surface phrase without a leading article."""
    t = re.sub(r"^(?:the|The)\s+", "", mention.text).strip()
    return t[:1].upper() + t[1:] if t else mention.name
