"""When an event happened: the date attached to its trigger, or inherited.

Why in this order: a date in the trigger's own clause ("On 14 August 1990
troops entered the city") is the event's date; failing that, news writing
puts the date once per sentence or paragraph; failing that, a past-tense
report is dated by its publication. A future or hypothetical event ("will
vote") is not given the publication date, since it did not happen then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from rashomon.model import TimeMention

# Point-like values only: durations (P3Y), sets and PRESENT_REF say nothing
# about when a single happening occurred.
DATED_VALUE = re.compile(r"^\d{2,4}")
DATED_TYPES = frozenset({"DATE", "TIME"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
PERFECT_AUX = frozenset({"have", "has", "had", "'ve"})
# Non-finite verbs take their tense from the verb they hang off.
NONFINITE_LINKS = frozenset({"conj", "advcl", "xcomp", "acl", "pcomp", "ccomp"})


@dataclass(slots=True)
class Anchor:
    time: TimeMention
    root: int  # token index of the expression's syntactic head
    governor: int  # the verb (or event noun) the expression attaches to
    past: bool = True  # is_past_or_reported of the governor, computed once per document


def _governor(token: Token, event_heads: frozenset[int]) -> int:
    """The nearest verb or event noun above a time expression's head."""
    current = token
    while current.head.i != current.i:
        current = current.head
        if current.pos_ in ("VERB", "AUX") or current.i in event_heads:
            return current.i
    return current.i


def anchors(doc: Doc, times: list[TimeMention], event_heads: frozenset[int]) -> list[Anchor]:
    """The dated time expressions of ``doc`` with the token each one modifies."""
    found: list[Anchor] = []
    for time in times:
        if time.type not in DATED_TYPES or not time.value or not DATED_VALUE.match(time.value):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        governor = _governor(root, event_heads)
        found.append(Anchor(time, root.i, governor, is_past_or_reported(doc[governor])))
    return found


def clause_chain(trigger: Token) -> set[int]:
    """The trigger and the tokens that share its clause's time: the verb it is an
    argument of, and the verbs it is coordinated with or the complement of."""
    chain = {trigger.i}
    token = trigger
    while token.head.i != token.i and token.dep_ in (
        "conj",
        "xcomp",
        "nsubj",
        "nsubjpass",
        "dobj",
        "obj",
        "pobj",
        "prep",
        "compound",
    ):
        token = token.head
        chain.add(token.i)
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("conj", "xcomp"):
            break
    for child in trigger.children:
        if child.dep_ == "conj":
            chain.add(child.i)
    return chain


def is_past_or_reported(trigger: Token) -> bool:
    """Past tense, perfect or passive past; nominals take their clause verb's tense,
    and auxiliary-less participles ("killing 12", "arrested and charged") their head's."""
    token = trigger
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return True  # a verbless headline ("Airstrike on Gaza"): reported news
    for _ in range(6):
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        finite = "Fin" in token.morph.get("VerbForm")
        if auxes or finite or token.dep_ not in NONFINITE_LINKS or token.head.i == token.i:
            break
        token = token.head
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return False
    if "Past" in token.morph.get("Tense") and finite:
        return True
    if any(a.lower_ in PERFECT_AUX for a in auxes):
        return True
    if any("Past" in a.morph.get("Tense") for a in auxes):
        return True
    return not auxes and not finite and token.head.i == token.i  # a participial headline


@dataclass(slots=True)
class TimeChoice:
    value: str | None = None
    text: str | None = None
    source: str = "none"


def paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def choose_time(
    doc: Doc,
    trigger: Token,
    found: list[Anchor],
    published: str | None,
    text: str | None = None,
) -> TimeChoice:
    """The time of the event at ``trigger``: explicit, sentence, paragraph or document."""
    chain = clause_chain(trigger)
    explicit = [a for a in found if a.governor in chain or a.root in chain]
    if explicit:
        best = min(explicit, key=lambda a: abs(a.root - trigger.i))
        return TimeChoice(best.time.value, best.time.text, "explicit")
    # Inherited dates must agree in tense with the trigger: "will meet next
    # week" does not date "was born" in the same paragraph.
    tense = is_past_or_reported(trigger)
    found = [a for a in found if a.past == tense]
    sent = trigger.sent
    in_sentence = [a for a in found if sent.start <= a.root < sent.end]
    if in_sentence:
        best = min(in_sentence, key=lambda a: abs(a.root - trigger.i))
        return TimeChoice(best.time.value, best.time.text, "sentence")
    p_start, p_end = paragraph_bounds(text if text is not None else doc.text, trigger.idx)
    in_paragraph = [a for a in found if p_start <= a.time.start < p_end]
    if in_paragraph:
        before = [a for a in in_paragraph if a.time.start < trigger.idx]
        if before:
            best = before[-1]
            return TimeChoice(best.time.value, best.time.text, "paragraph")
    if published and is_past_or_reported(trigger):
        return TimeChoice(published[:10], None, "document")
    return TimeChoice()
