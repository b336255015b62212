"""Where a sentence is cut into clauses, and which clause tells a cause rather than the news.

"The US struck militia sites after a drone attack killed three soldiers" tells two events:
the strikes (the report's news) and the drone attack (their cause).  A sentence is cut at
the words that join a reaction to its cause ("after", "in response to", "in retaliation
for", "answered A with B", "struck back for A") and at contrasts ("but", "while"); each
clause tells at most one event, and a clause opened by a cause word is marked ``sub``: the
document pass dates and places it as background, not as the report's own news.

Its word lists and patterns, each with what it covers and examples: ``data/clauses.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass

from geo.extract.lexicon import pattern, source, words
from geo.extract.triggers import has_trigger

__all__ = ["CAUSE", "CAUSE_WORDS", "Clause", "split_clauses"]

#: The words that join a reaction to its cause; the clause they open tells the cause.
CAUSE_WORDS = source("clauses", "cause_words")
CAUSE = pattern("clauses", "cause")  # "after which" tells what came next
_SPLIT = pattern("clauses", "split")
#: A sentence without one of these cannot be cut by _SPLIT (a quick test before the scan).
_SPLIT_WORDS = words("clauses", "split_keys")
_LEAD_SUB = pattern("clauses", "lead_cause")
_LEAD_SUB_END = pattern("clauses", "lead_cause_end")
_AND_CLAUSE = pattern("clauses", "and_clause")
#: "answered A with B", "responded to A with B": A is the cause, B the reaction.
_ANSWERED = pattern("clauses", "answered")
#: "struck back for A", "retaliated on Friday for A": A is the cause.
_BACK_FOR = pattern("clauses", "back_for")
_DASH = pattern("clauses", "dash_aside")


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
                    rest = _DASH.split(sentence[m.end():], maxsplit=1)[0]
                    if not has_trigger(rest):
                        continue
                cuts.append(m.end())
    lead = _LEAD_SUB.match(sentence)
    if lead:
        # "After X, the US struck Y": the lead clause ends at the first comma before a
        # capitalised word or a subject ("the US …").
        m = _LEAD_SUB_END.search(sentence[lead.end():])
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


