"""Reading one sentence: event triggers, who did what to whom, and what is not an event.

A sentence is cut into clauses at the words that join a reaction to its cause ("after",
"in response to", "in retaliation for", "but"…): each clause tells at most one event, and
the cause of a strike is usually another event.  A clause becomes a :class:`Mention` when
it has a trigger ("airstrikes", "bombed", "a drone attack", "came under attack") that is
not negated, hypothetical ("may", "threatened to", "further attacks"), habitual
("regularly", "on a near-monthly basis") or an aggregate ("nearly 200 attacks since
October 7", "hundreds of rocket and drone attacks").  Definite references ("the strikes",
"one of the strikes") are marked anaphoric: they add detail to an event already told.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from geo.extract.actors import OPPONENT, ActorMention, canonical_name, find_actors
from geo.extract.dates import TimeExpr
from geo.extract.numbers import Count, casualties, parse_number, target_count
from geo.extract.places import PlaceMention

__all__ = ["UNIDENTIFIED", "Clause", "Mention", "analyse_clause", "has_trigger", "is_blast", "is_reported",
           "normalise_quotes", "split_clauses"]

#: The actor named for a side when the report names none.
UNIDENTIFIED = {"iran_aligned": "Unidentified Iran-aligned group", "us": "United States"}
_BLAST = re.compile(r"(?:explosions?|blasts?)\b", re.IGNORECASE)
#: "struck the base with drones and missiles": the first weapon named after "with".
_WITH_WEAPON = re.compile(r"\bwith\s+(?:[\w-]+\s+){0,2}?(drones?|rockets?|missiles?|mortars?)\b", re.IGNORECASE)


def is_blast(trigger: str | None) -> bool:
    """Whether an event was told only as a blast ("explosions were heard"): nobody is named."""
    return bool(_BLAST.match(trigger or ""))

#: The words that join a reaction to its cause; the clause they open tells the cause.
CAUSE_WORDS = (r"(?:in response to|in retaliation for|in reprisal for|in answer to|in reply to|"
               r"(?:a|an|the|its)\s+(?:\w+\s+){0,2}?(?:response|retaliation|reply|answer|reprisal)\s+(?:\w+\s+)?(?:to|for)|"
               r"as (?:a )?(?:response|retaliation|reprisal) (?:to|for)|responding to|retaliating for|"
               r"to avenge|in revenge for|(?:(?:a|an|one|two|three|four|five|six|seven|\d+)\s+)?(?:days?|hours?|weeks?)\s+after|"
               r"(?:shortly|soon|just)\s+after|(?<!went )(?<!goes )(?<!going )(?<!gone )after|"
               r"following|follow(?:s|ed))")
CAUSE = re.compile(r"\s*" + CAUSE_WORDS + r"\b(?!\s+which)", re.IGNORECASE)  # "after which" tells what came next
_SPLIT = re.compile(
    r"(?:,\s*|\s+)(?=(?:" + CAUSE_WORDS + r"|but|while|whereas)\b)"
    r"|;\s*|\s+[–—]\s+(?=[a-z])", re.IGNORECASE)
#: A sentence without one of these cannot be cut by _SPLIT (a quick test before the scan).
_SPLIT_WORDS = ("after", "follow", "respon", "retaliat", "repris", "answer", "reply", "aveng", "revenge",
                "but", "while", "whereas", ";", "–", "—")
_LEAD_SUB = re.compile(r"^(?:after|following|in response to|in retaliation for)\b", re.IGNORECASE)
_AND_CLAUSE = re.compile(r",\s+and\s+(?=(?:the\s+)?[A-Z][\w’'-]*\s+(?:[\w’'-]+\s+){0,3}?(?:[a-z]+ed|said|says|hit|struck)\b)")
#: "answered A with B", "responded to A with B": A is the cause, B the reaction.
_ANSWERED = re.compile(r"\b(?:answered|met|avenged|repaid|punished|countered|responded to|replied to|"
                       r"retaliated for|hit back at|struck back at)\s+(?P<cause>.+?)\s+(?P<with>with)\s+",
                       re.IGNORECASE)
#: "struck back for A", "retaliated on Friday for A": A is the cause.
_BACK_FOR = re.compile(r"\b(?:back|retaliated|retaliating|retaliation|reprisal|revenge)\b[^,;]{0,40}?\s(?=for\s)",
                       re.IGNORECASE)

_TRIGGER = re.compile(
    r"(?<![\w-])(?P<t>air ?strikes?|airstrikes?|air raids?|bombs? (?=(?:two|three|four|five|\d+|a|an|the|militia)\b)|(?:(?:drone|rocket|missile|mortar|artillery|precision|"
    r"retaliatory)[ -])?strikes?|struck|bomb(?:ed|ings?|ardments?)|dropped (?:\w+ ){0,3}bombs|"
    r"attack(?:s|ed)?|assaults?|raids?|raided|shell(?:ed|ing)|explosions?|blasts?|barrages?|"
    r"targeted|(?:launched|fired|lobbed|sent|flew|flown) (?:[\w-]+ ){0,3}(?:rockets?|missiles?|drones?|mortars?|projectiles?)|"
    r"(?:\w+ )?(?:more|others?) (?:were|was) (?:fired|launched|lobbed|sent) (?:at|toward|towards)|"
    r"(?:intercepted|shot down|downed|destroyed|engaged|brought down) (?:[\w-]+ ){0,3}(?:rockets?|missiles?|drones?|projectiles?)|"
    r"attempts? on|opens fire on|pound(?:s|ed)|hit (?:\w+ ){0,2}(?:targets|sites|positions|facilities|locations)|"
    r"came under (?:\w+ )?(?:fire|attack)|operation (?=targeting|against)|(?:rocket|mortar|artillery|drone) fire|"
    r"(?:operation|raid|strike|attack|assault)s? (?:\w+ )?took place|"
    r"(?:rockets?|missiles?|drones?|mortars?|mortar rounds|projectiles?|shells) (?:[\w-]+ ){0,4}?(?:were|was) "
    r"(?:\w+ )?(?:fired|launched|lobbed|sent|flown|aimed|directed|shot down|downed|intercepted|engaged|"
    r"brought down)|opened fire on|"
    r"(?:drones?|rockets?|missiles?|mortars?|projectiles?) (?:\w+ ){0,2}?(?:aimed|fired|launched|sent|flown) "
    r"(?:at|toward|towards|against|from)|"
    r"(?:drones?|rockets?|missiles?|mortars?|projectiles?|aircraft|jets?|warplanes?|planes?|helicopters?|"
    r"gunships?|bombers?) (?:\w+ ){0,4}?(?:hit|slammed into|landed (?:on|at|in|near)|came down|crashed|"
    r"exploded|went after|fell (?:on|near|inside|in|at))|"
    r"(?:drones?|rockets?|missiles?|aircraft|jets?|warplanes?|gunships?|helicopters?) (?:killed|wounded|injured))\b",
    re.IGNORECASE)
_TYPE_WORDS = [
    ("rocket_attack", re.compile(r"\brockets?\b|\bkatyushas?\b|\brocket-", re.IGNORECASE)),
    ("missile_attack", re.compile(r"\b(?:ballistic |cruise )?missiles?\b", re.IGNORECASE)),
    ("drone_attack", re.compile(r"\bdrones?\b|\bUAVs?\b|\bunmanned aerial\b|\bdrone-", re.IGNORECASE)),
    ("artillery_attack", re.compile(r"\bmortars?\b|\bartillery\b|\bshell(?:ed|ing|s)\b", re.IGNORECASE)),
    ("ied_attack", re.compile(r"\bIEDs?\b|\broadside bombs?\b|\bexplosive devices?\b|\bcar bomb", re.IGNORECASE)),
    ("airstrike", re.compile(r"\bair ?strikes?\b|\bairstrikes?\b|\bair raids?\b|\bwarplanes?\b|\bbomb(?:ed|ing|ings|s)\b|"
                             r"\bjets?\b|\bF-\d|\bbombers?\b|\bfighter", re.IGNORECASE)),
]
_SPEECH = (r"(?:said|says|announced|stated|reported|confirmed|claimed|told|added|noted|wrote|posted|tweeted|"
           r"described|detailed|disclosed|revealed|acknowledged)")
#: "US forces engaged / shot down two attack drones": the subject defended, it did not attack.
_DEFEND = re.compile(r"\b(?:engaged|intercepted|intercepting|shot down|shooting down|downed|repelled|repulsed|"
                     r"fought off|fended off|thwarted|foiled|countered|neutrali[sz]ed|defeated|detected|spotted|"
                     r"tracked)\s+(?:[\w’'-]+\s+){0,5}$", re.IGNORECASE)
_INTERCEPT = re.compile(r"(?:intercepted|shot down|downed|destroyed|engaged|brought down)\b", re.IGNORECASE)
#: "Washington holds the group responsible for the attack", "blamed Kataib Hezbollah for …"
_BLAME = re.compile(r"\b(?:holds?|held|holding|blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|"
                    r"attribut(?:e|es|ed|ing))\b", re.IGNORECASE)
_HYPO = re.compile(
    r"\b(?:may|might|could|would|will|shall|should|can|cannot|must|if|unless|whether|threat(?:en(?:s|ed|ing)?)?|"
    r"vow(?:s|ed|ing)?|warn(?:s|ed|ing)?|plan(?:s|ned|ning)?|prepared|ready|likely|expect(?:s|ed)?|anticipate[sd]?|aim(?:s|ed)? to|"
    r"seek(?:s|ing)? to|intend(?:s|ed)?|potential|possible|possibly|future|further|more|any|"
    r"risks?|fears?|to deter|to prevent|to counter|deterr?(?:ing|ence)|prevent(?:ing)?|capable|ability|able to|"
    r"vulnerable|in order to|avoid|would-be|reserves? the right|pledged?|promised?|suspend(?:s|ed|ing)?|"
    r"halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|pause[sd]?|pausing|resum(?:e|es|ed|ing)|"
    r"end(?:s|ed|ing)?)\b", re.IGNORECASE)
_NEG = re.compile(r"\b(?:not|never|no|n[’']t|neither|nor)\b", re.IGNORECASE)
_DENY = re.compile(r"\bden(?:y|ied|ies|ying)\b|\brejected claims\b|\bfalse(?:ly)? claim", re.IGNORECASE)
_AGGREGATE = re.compile(
    r"\b(?:hundreds|dozens|scores|thousands|numerous|countless|waves|rounds|spate|string|streak|"
    r"campaigns?|increase|rise|surge|uptick|escalation|number|frequent|repeated|regular|sporadic|"
    r"continued|continuing|ongoing|constant|persistent|almost-weekly|near-daily|near-monthly|"
    r"near-weekly|weekly|monthly|daily|nightly|tit-for-tat|years|months)\b", re.IGNORECASE)
_SERIES = re.compile(r"\b(?:series|succession|number)\s+of\b", re.IGNORECASE)
_WEAK_AGG = re.compile(r"\b(?:many|multiple|several|various|some|all|most|other)\b", re.IGNORECASE)
_APPROX_NUM = re.compile(r"\b(?:nearly|almost|about|around|approximately|roughly|some|more than|over|close to|well over|in excess of|"
                         r"at least|upwards of)\s+(\d+|[a-z]+)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_HABIT = re.compile(
    r"\b(?:regularly|routinely|frequently|often|occasionally|sporadically|repeatedly|periodically|"
    r"constantly|typically|usually|generally|sometimes|(?:has|have) long|on a (?:[\w-]+ )?basis|"
    r"every (?:day|week|month|night)|for (?:the past |the last )?(?:\w+ )?(?:months|weeks|years)|"
    r"(?:an?|one|two|three|\d+) (?:attacks?|strikes?) (?:a|per|each|every) "
    r"(?:day|week|month))\b|\b(?:conducts|carries out|launches)\b", re.IGNORECASE)
_TIMES = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens? of|hundreds of|several|many|"
                    r"multiple|numerous|countless)(?: more| other)? times\b", re.IGNORECASE)
_DET = {"the", "these", "those", "this", "that", "such", "its", "their", "his", "her", "our", "both"}
_INDEF = {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "another", "new", "fresh", "latest"}
_LIGHT = re.compile(r"\b(?:launched|launching|conducted|conducting|carried out|carrying out|made|mounted|"
                    r"staged|executed|fired|claimed|claims|claiming|undertook|performed|ordered|"
                    r"launches|conducts)\s+(?:[\w’'“”\"-]+\s+){0,4}$", re.IGNORECASE)
_NP_WORD = re.compile(r"^(?:[A-Za-z0-9’'\-.]+)$")
_PREP = {"in", "on", "at", "of", "with", "from", "for", "to", "against", "by", "under", "near", "about",
         "into", "over", "across", "between", "among", "toward", "towards", "through", "via", "as",
         "than", "and", "or", "including", "like", "such", "amid"}
_TARGET_CUE = re.compile(
    r"(?:\b(?:on|against|at|targeting|targeted|target|toward|towards|hit|hitting|struck|striking|bombed|"
    r"bombing|attacked|attacking|killed|killing|injured|injuring|wounded|wounding|directed at|aimed at|"
    r"hitting|of)\s+(?:the\s+|a\s+|an\s+|two\s+|three\s+|\d+\s+|several\s+)?)$", re.IGNORECASE)
_AFFIL_BY = re.compile(r"\b(?:backed|used|funded|supported|run|armed|equipped|operated|controlled|owned|"
                       r"linked|aligned|led|occupied|manned|held|built|sponsored|financed|trained|"
                       r"established|founded|associated|affiliated|frequented|cited|reported|claimed)\s+by\s+$", re.IGNORECASE)
_AGENT_BY = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+|two\s+|three\s+|four\s+|\d+\s+|several\s+)?$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|came|come|comes|got|get)\s+(?:\w+\s+)?"
                      r"(?:under|targeted|attacked|struck|hit|bombed|shelled|killed|injured|wounded|"
                      r"raided|overrun|carried out|conducted|launched|mounted|staged|executed)\b", re.IGNORECASE)
_VICTIM_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:(?:were|was|have been|had been|are|is)\s+(?:\w+\s+)?"
                           r"(?:killed|injured|wounded|hurt|targeted|attacked|hit|struck)|died|were dead|"
                           r"lost their lives|perished|(?:killed|injured|wounded|hurt)\s+(?:in|by|when|during))\b", re.IGNORECASE)
#: "It was the third time this month that …": a count of events, not one of them.
_NTH_TIME = re.compile(r"\bthe (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                       r"\d+(?:st|nd|rd|th)|latest|last) (?:time|such)\b", re.IGNORECASE)
#: A trend, not an event: "drone and rocket fire on US bases rose sharply", "attacks have been rarer".
_TREND = re.compile(r"\b(?:rose|risen|rising|increased|increasing|grew|grown|growing|surged|soared|slowed|slowing|"
                    r"eased|easing|subsided|waned|"
                    r"intensified|doubled|tripled|declined|declining|decreased|fell|fallen|dropped off|"
                    r"(?:have|has|had) been (?:rarer|less frequent|more frequent|fewer|more common))\b",
                    re.IGNORECASE)
_NOT_PLACE_AFTER = re.compile(r"^\s*(?:(?:has|have|had|also|strongly|officially|quickly|swiftly|,)\s+)*"
                              r"(?:said|says|condemned|denounced|accused|called|announced|stated|opposed|"
                              r"warned|vowed|blamed|urged|rejected|criticized|criticised|protested|"
                              r"summoned|responded|insisted|demanded|pressured|threatened|negotiat\w*|agreed|discuss\w*|"
                              r"signed|is|are|was|were|"
                              r"has|have|and|[–—])\b", re.IGNORECASE)
_LOCATIVE = re.compile(
    r"(?:\b(?:in|inside|into|across|throughout|within|on|at|over|near|hit|struck|targeting|targeted|"
    r"bombed|attacked|of|from)\s+(?:the\s+)?(?:(?:north|south)?(?:east|west)?(?:ern)?\s+|central\s+|northern\s+|"
    r"southern\s+|eastern\s+|western\s+)?(?:both\s+)?)$", re.IGNORECASE)
_LIST_AFTER_LOCATIVE = re.compile(r"\b(?:in|inside|across|throughout|within|on|at|into|both)\s+(?:the\s+)?"
                                  r"(?:[\w-]+\s+)?[A-Z][\w-]+(?:,\s*[A-Z][\w-]+)*,?\s+(?:and|or)\s+(?:in\s+)?"
                                  r"(?:(?:north|south|east|west)\w*\s+)?$")
_BACKGROUND_BEFORE = re.compile(r"(?:\bborders?\s+(?:of|with|between)\s+(?:the\s+)?|\bbased\s+in\s+|-based\s+|"
                                r"\b(?:war|campaign|offensive|conflict|fighting|genocide)\s+(?:in|on|against)\s+|"
                                r"\b(?:government|authorities|officials|ministry|parliament|leaders?)\s+in\s+|"
                                r"\b(?:broadcaster|channel|television|TV|newspaper|outlet|network|website|daily)\s+|"
                                r"\bfrom\s+|(?:\d+,?|\bnatives?|\bresidents?|\bcitizens?|\bmayor|\bgovernor|"
                                r"\bpeople|\bhometown|,)\s+of\s+)$", re.IGNORECASE)


_QUOTES = str.maketrans({c: " " for c in "“”\"«»"})
_LONE_APOSTROPHE = re.compile(r"(?<![A-Za-z])[’‘'`]|[’‘'`](?![A-Za-z])")


def normalise_quotes(text: str) -> str:
    """Same-length copy without quotation marks, so "“Iranian-backed” militias" reads as words.

    Apostrophes inside words (Kata’ib, Syria’s) stay."""
    text = text.translate(_QUOTES)
    if "'" not in text and "’" not in text and "‘" not in text and "`" not in text:
        return text  # most sentences: no scan needed
    return _LONE_APOSTROPHE.sub(" ", text)


#: Every trigger contains one of these (lower case): a substring test rules a sentence out
#: far faster than the trigger pattern can.
_TRIGGER_KEYS = ("strik", "struck", "bomb", "attack", "assault", "raid", "shell", "explo", "blast", "barrage",
                 "target", "launch", "fire", "lob", "sent", "flew", "flown", "under", "operation", "rocket",
                 "missile", "drone", "mortar", "projectile", "aircraft", "jet", "plane", "helicopter", "gunship",
                 "intercept", "shot down", "downed", "destroy", "engaged", "brought down", "attempt", "took place")


def has_trigger(text: str) -> bool:
    """A cheap test whether a sentence could tell an event at all."""
    lower = text.lower()
    return any(k in lower for k in _TRIGGER_KEYS) and _TRIGGER.search(text) is not None


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    start: int  # offset in the sentence
    end: int
    sub: bool  # a cause/background clause ("after …", "in response to …")
    #: a cause told inside this clause ("answered [A] with B"), blanked out of ``text``
    gap: tuple[int, int] | None = None

    def covers(self, pos: int) -> bool:
        """Whether sentence offset ``pos`` belongs to this clause (not to its gap)."""
        return self.start <= pos < self.end and not (self.gap and self.gap[0] <= pos < self.gap[1])


def split_clauses(sentence: str) -> list[Clause]:
    """Cut a sentence at the words that join an event to its cause or to a contrast."""
    cuts = [0]
    lower = sentence.lower()
    # the scans below try every word; most sentences hold none of their key words
    if any(w in lower for w in _SPLIT_WORDS):
        for m in _SPLIT.finditer(sentence):
            if m.start() > 0 and m.end() < len(sentence):
                if m.group(0).strip() in ("–", "—"):
                    # "against three bases — at al-Shaddadi, at Rukban and at al-Tanf — all in Syria":
                    # an aside between dashes is cut off only when it tells an event of its own
                    rest = re.split(r"\s[–—]\s", sentence[m.end():], maxsplit=1)[0]
                    if not has_trigger(rest):
                        continue
                cuts.append(m.end())
    lead = _LEAD_SUB.match(sentence)
    if lead:
        # "After X, the US struck Y": the lead clause ends at the first comma before a
        # capitalised word or a subject ("the US …").
        m = re.search(r",\s+(?=[A-Z]|the [A-Z]|the (?:US|U\.S\.|militia|group))", sentence[lead.end():])
        if m:
            cuts.append(lead.end() + m.end())
    causes: set[int] = set()
    m = _ANSWERED.search(sentence) if " with " in lower else None
    if m and has_trigger(m.group("cause")) and has_trigger(sentence[m.end():]):
        # the reaction is the sentence around the cause: its subject, verb and "with B"
        a, b = m.start("cause"), m.start("with")
        inner = [Clause(c.text, c.start, c.end, c.sub) for c in split_clauses(sentence[:a])]
        blank = sentence[:a] + " " * (b - a) + sentence[b:]
        return [Clause(blank, 0, len(sentence), False, (a, b)),
                Clause(sentence[a:b], a, b, True)] if not inner or len(inner) == 1 else \
            [*inner[:-1], Clause(blank[inner[-1].start:], inner[-1].start, len(sentence), False, (a, b)),
             Clause(sentence[a:b], a, b, True)]
    m = _BACK_FOR.search(sentence) if "for " in lower else None
    if m and has_trigger(sentence[m.end():m.end() + 60]) and has_trigger(sentence[:m.end()]):
        cuts.append(m.end())
        causes.add(m.end())
    for m in _AND_CLAUSE.finditer(sentence):
        # "…, and US forces answered with strikes": a second main clause with an event of its own
        if has_trigger(sentence[m.end():]):
            cuts.append(m.end())
    kept: list[int] = []
    for c in sorted(set(cuts)):
        # "four days after": one cut before the whole cause phrase, not one per word of it
        cm = CAUSE.match(sentence, kept[-1]) if kept else None
        if cm is not None and cm.end() > c:
            continue
        kept.append(c)
    cuts = kept
    out = []
    for a, b in zip(cuts, cuts[1:] + [len(sentence)]):
        piece = sentence[a:b]
        if not piece.strip():
            continue
        sub = a in causes or bool(CAUSE.match(piece))
        out.append(Clause(piece, a, b, sub))
    return out


@dataclass
class Mention:
    """One clause's account of an event, before the document's mentions are put together."""

    event_type: str
    side1: str
    actor1: str | None
    side2: str
    actor2: str | None
    side_inferred: bool
    anaphoric: bool
    clause: Clause
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    reported_time: bool = False
    killed: Count | None = None
    injured: Count | None = None
    targets: str | None = None
    targets_count: int | None = None
    reporter: str | None = None
    notes: list[str] = field(default_factory=list)
    generic: bool = False
    definite: bool = False  # "The missiles struck …": a subject that refers back to an attack told
    trigger: str | None = None  # the words that told the event ("airstrikes", "came under fire")
    trigger_at: int = 0  # where they start (in the clause; in the sentence once placed)


def _words_before(text: str, pos: int, n: int) -> list[str]:
    return re.findall(r"[\w’'\-.]+", text[max(0, pos - 80):pos])[-n:]


def _first_trigger(clause: str) -> re.Match[str] | None:
    """The first word that tells an attack; a "raid" only when it is a military one."""
    for m in _TRIGGER.finditer(clause):
        word = m.group("t").lower()
        if word in ("raid", "raids", "raided") and not re.search(
                r"\b(?:US|U\.S\.|American|Israeli|coalition|commando|helicopters?|special|air|jets?|warplanes?|"
                r"drones?|bomb\w*|strikes?|killed|killing)\b", clause, re.IGNORECASE):
            continue
        return m
    return None


def _np_start_word(clause: str, pos: int) -> tuple[str | None, list[str]]:
    """The determiner (or preposition/verb) that opens the noun phrase ending at ``pos``."""
    words = _words_before(clause, pos, 6)
    seen: list[str] = []
    for w in reversed(words):
        lw = w.lower()
        if lw in _DET or lw in _INDEF or parse_number(lw) is not None:
            return lw, seen
        if lw in _PREP or lw.endswith("ed") or lw in {"is", "are", "was", "were", "has", "have", "had"}:
            return None, seen
        seen.append(lw)
        if len(seen) >= 4:
            break
    return None, seen


def analyse_clause(clause: Clause, places: list[PlaceMention],
                   times: list[TimeExpr] | Callable[[], list[TimeExpr]]) -> Mention | None:
    """A :class:`Mention` for one clause, or None when it tells no (real, single) event.

    ``times`` may be a function: time expressions cost more to find than most clauses
    take to reject, so they are only read for a clause that passes the first tests."""
    text = normalise_quotes(clause.text)
    trig = _first_trigger(text)
    if trig is None:
        return None
    tword = trig.group("t").lower()
    t0, t1 = trig.start(), trig.end()
    before = text[:t0]
    window = " ".join(_words_before(text, t0, 8))
    # --- not an event ----------------------------------------------------------------
    if _DENY.search(before):
        return None
    if _NEG.search(" ".join(_words_before(text, t0, 4))) or re.search(
            r"\b(?:not|never|no)\s+(?:been\s+|had\s+|seen\s+)?(?:a|any|one)\s+(?:single\s+)?(?:[\w-]+\s+){0,2}$",
            before, re.IGNORECASE):
        return None  # "there has not been a single confirmed attack"
    if _HYPO.search(window) or re.search(r"(?<!response )(?<!according )(?<!reply )(?<!answer )(?<!due )(?<!prior )"
                                         r"(?<!retaliation )\bto\s+(?:\w+\s+)?$", before) \
            and not tword.startswith(("launched", "fired")):
        return None
    if re.search(r"\b(?:if|unless)\b", text[t1:t1 + 40], re.IGNORECASE) or re.search(r"\bfrom\s+$", before):
        return None
    if re.match(r"\s*(?:\w+\s+){0,2}?(?:had not|has not|did not|didn[’']t|never)\s+(?:taken place|take place|happened|happen|occurred|occur)",
                text[t1:], re.IGNORECASE):
        return None  # "the attack had not taken place inside the kingdom"
    if re.search(r"\bsince\s+(?:the\s+|a\s+|an\s+)?(?:[\w.-]+\s+){0,3}$", before, re.IGNORECASE):
        return None  # "since attacks began in October", "since the Jan. 28 attack": a time anchor
    lower = text.lower()
    if _HABIT.search(text) or ("times" in lower and _TIMES.search(text)) or _TREND.search(text[t0:t1 + 80]) \
            or (("time" in lower or "such" in lower) and _NTH_TIME.search(text)):
        return None
    if callable(times):
        times = times()
    own_times = [t for t in times if t.date is not None and t.qualifier is None and t.precision in ("day", "week", "month")]
    span_times = [t for t in times if t.qualifier is not None]
    if re.match(r"\s*(?:most|many|several|all|some)\b", text[:t0], re.IGNORECASE) \
            and not any(t.precision == "day" for t in own_times):
        return None  # "Most earlier drones … had been shot down": a summary of many
    np_word, np_mods = _np_start_word(text, t0)
    # "rocket and drone attacks hit …": the noun phrase before the verb decides plurality
    head = re.sub(r"\s+(?:hit|slammed into|landed (?:on|at|in|near)|came down|crashed|exploded|went after|fell \w+|"
                  r"killed|wounded|injured|(?:aimed|fired|launched|sent|flown) (?:at|toward|towards|against|from))$", "", tword)
    plural = any(w.endswith("s") and not w.endswith(("ss", "us")) for w in head.split()) and head != "targeted"
    nominal = not re.match(r"(?:struck|bombed|attacked|targeted|shelled|raided|launched|fired|lobbed|dropped|came|opened)", tword) \
        and not re.search(r" (?:were|was) |(?:aimed|fired|launched|sent|flown) (?:at|toward|towards|against|from)$", tword)
    # "two rockets were fired", "two drones aimed at": a verb, not a count of attacks
    pre_np = " ".join(_words_before(text, t0, 5))
    if np_word in ("that", "this") and plural:
        np_word = None  # "reported that explosions were heard": a conjunction, not "that strike"
    if plural and nominal:
        if _AGGREGATE.search(pre_np) or _APPROX_NUM.search(before[-60:]):
            return None
        if span_times and not any(t.precision == "day" for t in own_times):
            return None
        if (_WEAK_AGG.search(" ".join(_words_before(text, t0, 3))) or _SERIES.search(pre_np)) \
                and not any(t.precision == "day" for t in own_times):
            return None  # "several attacks this week", "a series of drone attacks on bases"
        n = next((parse_number(w) for w in reversed(_words_before(text, t0, 3)) if parse_number(w) is not None), None)
        no_day = not any(t.precision == "day" for t in own_times)
        if n is not None and ((n >= 20 and span_times) or (n >= 5 and head.endswith("attacks") and no_day
                                                            and (n >= 20 or not _LIGHT.search(before)))):
            return None  # "Al-Tanf garrison: 17 attacks", "nearly 200 attacks since October"
    if re.search(r"\b(?:one|some|all|most|none|two|three|four|five|six|seven|eight|nine|ten|\d+) of the\s+(?:\w+\s+){0,3}$",
                 before, re.IGNORECASE) and not nominal:
        return None
    anaphoric = nominal and (np_word in _DET or bool(re.search(r"\b(?:one of the|the other|both of the)\s+(?:[\w-]+\s+){0,3}$", before, re.IGNORECASE)))
    generic = plural and nominal and np_word is None and not _LIGHT.search(before) and not own_times
    if nominal and re.search(r"\b(?:condemn|denounc|criticis|criticiz|prais|welcom|hail|mourn|deplor)\w*\s+"
                             r"(?:[\w’'.-]+\s+){0,3}$", before, re.IGNORECASE) or anaphoric and re.search(
            r"\b(?:investigat|describ|call|blam)\w*\s+(?:[\w’'-]+\s+){0,3}$", before, re.IGNORECASE):
        return None  # "the president condemned the attack": talk about an event, not a telling of it
    if anaphoric and any(t.precision == "day" and not is_reported(text, t) for t in own_times) \
            and not re.match(r"\s*(?:happened|occurred|took place|came|began|started)\b", text[t1:], re.IGNORECASE):
        anaphoric = False  # "the strike in X on Tuesday" tells its own event ("the attack happened on Sunday" dates one)
    # --- who did what to whom ----------------------------------------------------------
    actors = find_actors(text)
    agent: ActorMention | None = None
    patient: ActorMention | None = None
    subject: ActorMention | None = None
    reporter: ActorMention | None = None
    passive = bool(_PASSIVE.search(text[max(0, t0 - 30):t1 + 25])) or tword.startswith("came under")
    for a in actors:
        pre = text[max(0, a.start - 40):a.start]
        after = text[a.end:a.end + 30]
        if a.start > t1 and re.match(r"\s*(?:\w+\s+)?" + _SPEECH + r"\b", after) and text[max(0, a.start - 2):a.start].strip() in (",", ""):
            reporter = reporter or a  # "…, Defense Secretary Lloyd Austin said": the teller, after the fact
            continue
        if a.role == "reporter" or (re.match(r"\s*(?:\w+\s+)?" + _SPEECH + r"\b", after) and a.end <= t0
                                    and not re.match(r"\s*(?:\w+\s+)?" + _SPEECH + r"\s+(?:(?:on|in|via)\s+[\w-]+\s+)?(?:that\s+)?"
                                                     r"(?:it|its|they|their)\b(?!\s+(?:own\s+)?(?:\w+\s+)?(?:members|fighters|men)\s+(?:were|had been|have been))",
                                                     text[a.end:a.end + 60])):
            # whoever speaks first reports; "X said it struck …" is X telling its own act, a
            # group that "claimed" an attack owns it, and CENTCOM "announced strikes" it made
            if a.role == "reporter" or not re.match(r"\s*(?:\w+\s+)?(?:claimed|claims)\b", after):
                reporter = reporter or a
                announces = re.match(r"\s*(?:\w+\s+)?(?:announced|confirmed|reported|claimed|said)\s+(?:(?:new|fresh|more|"
                                     r"the|its|a|an|further|two|three|four|five|\d+)\s+){0,3}$", text[a.end:t0])
                if a.role != "both" or a.start > t0 or not announces:
                    continue
        if re.search(r"\baccording to\s+(?:a\s+|the\s+)?(?:statement\s+from\s+(?:the\s+)?)?$", pre, re.IGNORECASE):
            reporter = reporter or a
            continue
        if re.search(r"\b(?:attribut\w+|blam\w+|pinned)\s+(?:it|them|the \w+)\s+(?:to|on)\s+(?:the\s+)?$", pre, re.IGNORECASE):
            agent = agent or a  # "the monitor attributed it to pro-Iran fighters"
            continue
        if _AFFIL_BY.search(pre):
            if patient is None and a.start > t0:
                patient = a
            continue
        if _AGENT_BY.search(pre) and (passive or t0 < a.start < t1 + 25):  # "attacks by X", "… were hit by X"
            agent = agent or a
            continue
        if a.start >= t0 and _TARGET_CUE.search(text[max(0, a.start - 30):a.start]):
            if patient is None:
                patient = a
            continue
        if a.end <= t0 and re.search(r"\b(?:killed|killing|kills|injured|injuring|wounded|wounding|targeted|"
                                     r"targeting|attacked|attacking|hit|hitting|struck|striking)\s+"
                                     r"(?!(?:in|by|during|when|after|with)\b)(?:[\w-]+\s+){0,3}$", pre, re.IGNORECASE) \
                and not _AGENT_BY.search(pre):
            patient = patient or a  # "militants killed three US troops in a drone strike"
            continue
        if a.end <= t0 and _VICTIM_AFTER.match(text[a.end:a.end + 40]) and re.search(
                r"\b(?:during|in the course of)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$", text[:t0], re.IGNORECASE) \
                and re.match(r"raids?|operations?|assaults?", tword):
            agent = agent or a  # "seven US troops were injured during a raid": the raiders
            continue
        if a.end <= t0 and _VICTIM_AFTER.match(text[a.end:a.end + 40]):
            patient = patient or a  # "three US soldiers were killed when a drone struck …"
            continue
        if a.end <= t1:
            words = _words_before(text, a.start, 1)
            if not words or words[-1].lower() not in _PREP:
                subject = a  # the closest subject before the trigger
            continue
    if agent is None and patient is None and reporter is not None and reporter.side in OPPONENT and re.search(
            r"\b(?:its|their)\s+(?:own\s+)?(?:\w+\s+)?(?:members|fighters|commanders?|men|soldiers|troops|personnel|leaders?)\s+"
            r"(?:were|was|had been|have been|has been)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|martyred)", text, re.IGNORECASE):
        patient = reporter  # "the PMF said four of its members were killed in the strike": it was hit
    if subject is not None and agent is None and _BLAME.search(text[subject.end:t0]):
        # the one blamed is the attacker; whoever blames is not
        blamed = next((a for a in actors if subject.end <= a.start < t0 and a.role != "reporter"), None)
        reporter = reporter or subject
        if blamed is None:  # "Washington holds the group responsible": the blamer was hit
            patient = patient or subject
        subject, agent = None, blamed
    if subject is not None and agent is None:
        if (passive and subject.end <= t0) or _DEFEND.search(text[subject.end:t0]) or _INTERCEPT.match(tword):
            patient = patient or subject
        elif subject.role != "reporter":
            agent = subject
    if patient is None:
        for a in actors:
            if a.start >= t0 and a.role != "reporter" and a is not reporter and (agent is None or a.side != agent.side):
                patient = a
                break
    side_inferred = False
    if agent is not None:
        side1, actor1 = agent.side, canonical_name(agent)
    elif patient is not None and patient.side in OPPONENT and not is_blast(tword):
        side1, side_inferred = OPPONENT[patient.side], True
        actor1 = UNIDENTIFIED.get(side1, side1)
    else:
        side1, actor1, side_inferred = "unknown", None, True
    if patient is not None and (agent is None or patient.side != agent.side or patient is not agent):
        side2, actor2 = patient.side, canonical_name(patient)
    else:
        side2 = OPPONENT.get(side1, "unknown") if side1 in ("us",) else "unknown"
        actor2 = None
    etype = _event_type(text, trig, side1)
    killed, injured = casualties(text)
    mention = Mention(
        event_type=etype, side1=side1, actor1=actor1, side2=side2, actor2=actor2,
        side_inferred=side_inferred, anaphoric=anaphoric, clause=clause, places=places,
        times=times, killed=killed, injured=injured, targets=_targets(text, t1),
        targets_count=target_count(text), reporter=_reporter_name(reporter),
        generic=generic, trigger=tword, trigger_at=t0,
        definite=bool(re.search(r"\b(?:the|these|those)\s+(?:[\w-]+\s+)?(?:missiles?|rockets?|drones?|strikes?|jets|"
                                r"warplanes|aircraft|bombs?|shells)\s+$", before, re.IGNORECASE)),
    )
    reported = [t for t in times if is_reported(text, t)]
    if reported and len(reported) < len(times):
        mention.times = [t for t in times if t not in reported]  # the event's own date wins
    mention.reported_time = bool(reported) and all(t in reported for t in own_times)
    return mention


def _reporter_name(a: ActorMention | None) -> str | None:
    if a is None:
        return None
    return a.text if a.name in ("news agency", "observer") else a.name


def is_reported(text: str, t: TimeExpr) -> bool:
    """Whether ``t`` dates the telling ("said on Tuesday"), not the event."""
    return bool(re.search(r"\b" + _SPEECH + r"\s+(?:(?:in|at) an? (?:statement|briefing|news conference|press "
                          r"conference|post|interview)\s+)?(?:on\s+|late\s+|early\s+)?$",
                          text[max(0, t.start - 50):t.start], re.IGNORECASE))


def _event_type(text: str, trig: re.Match[str], side1: str) -> str:
    word = trig.group("t").lower()
    if side1 == "unknown" and re.fullmatch(r"(?:precision |retaliatory )?(?:strikes?|struck)", word):
        weapon = _weapon_type(text[max(0, trig.start() - 30):trig.start()]) or _weapon_with(text, trig)
        return weapon or "airstrike"  # "an explosive drone struck"; else an unattributed strike is an air strike
    for etype, rx in _TYPE_WORDS:
        if rx.search(word):
            return "airstrike" if side1 in ("us", "israel") and etype == "drone_attack" else etype
    around = text[max(0, trig.start() - 30):trig.end() + 60]
    found = [etype for etype, rx in _TYPE_WORDS if rx.search(around)]
    if side1 in ("us", "israel"):
        if "missile_attack" in found and "airstrike" not in found:
            return "missile_attack"
        return "airstrike"
    for etype in found:
        if etype != "airstrike":
            return etype
    weapon = _weapon_with(text, trig) if side1 not in ("us", "israel") else None
    if weapon:
        return weapon
    return "airstrike" if found and side1 not in ("iran_aligned",) else "attack"


def _weapon_type(text: str) -> str | None:
    """The militia-weapon event type a phrase names (rocket, missile, drone, artillery, IED)."""
    return next((etype for etype, rx in _TYPE_WORDS[:5] if rx.search(text)), None)


def _weapon_with(text: str, trig: re.Match[str]) -> str | None:
    used = _WITH_WEAPON.search(text, trig.end())
    return _weapon_type(used.group(1)) if used else None


def _targets(text: str, t1: int) -> str | None:
    m = re.search(r"\b(?:on|against|targeting|targeted|at|hit|struck)\s+((?:[\w’'\-]+\s*){1,10})", text[t1 - 12 if t1 > 12 else 0:])
    if not m:
        return None
    words = re.split(r"\s+(?:in|near|on|at|across|along|,|which|that|after|close)\b", m.group(1).strip())[0]
    return words.strip(" ,.") or None


def place_is_location(text: str, pm: PlaceMention) -> bool:
    """False for a place that is not where anything happened: a country as an actor
    ("Iraq opposed …"), a border named as a reference, a home town, an adjective."""
    before = text[max(0, pm.start - 40):pm.start]
    after = text[pm.end:pm.end + 40]
    if re.match(r"[’']s\s+(?!(?:[A-Z][\w-]*\s+)*(?:province|governorate|city|town|region|desert|border|"
                r"[A-Z]))", after) and pm.precision == "country":
        return False  # "Iraq's security forces", "Lebanon's Hezbollah"
    if _BACKGROUND_BEFORE.search(before):
        return False
    far = re.search(r"\b(\d+)\s*(?:km|kilomet(?:re|er)s|miles)\s+(?:\(\d+ \w+\)\s+)?(?:[a-z-]+\s+)?(?:of|from)\s+"
                    r"(?:the\s+)?(?:(?:city|town|capital) of\s+)?$", before)
    if far and int(far.group(1)) >= 25:
        return False  # "some 77 km northeast of Erbil city": a reference point, not the place
    launch = re.search(r"\b(?:fired|launched|came|flown|flew in|sent|took off)\s+(?:[\w-]+\s+){0,4}?from\b(?P<rest>[^.;]*)$",
                       text[max(0, pm.start - 90):pm.start])
    if launch and not re.search(r"\b(?:toward|towards|at|against|on|into|targeting)\b", launch.group("rest")):
        return False  # "rockets fired from the town of Zummar in Nineveh province toward …": the launch point
    if pm.precision == "country" and re.match(r"\s+(?:Street|St\.|Road|Avenue|Square|Highway|Bridge|Hotel)\b", after):
        return False  # "Palestine Street" in Baghdad
    if _NOT_PLACE_AFTER.match(after) and not re.search(
            r"\b(?:in|at|on|near|of|across|throughout|inside|within|into|over)\s+(?:the\s+)?"
            r"(?:(?:north|south|east|west)\w*\s+|central\s+)?$", before, re.IGNORECASE):
        if pm.precision in ("country", "town"):
            return False
    if pm.precision == "country" and not _LOCATIVE.search(before) and not _LIST_AFTER_LOCATIVE.search(before) \
            and not re.match(r"\s*(?:\||$)", after):
        return False
    return True
