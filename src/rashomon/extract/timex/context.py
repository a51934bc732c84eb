"""What the spaCy parse tells us about a candidate: the tense of its clause,
and whether a bare number or month name is really a date.

Tense decides the direction of a relative expression: "said Tuesday" is the
Tuesday before the document date, "will meet on Tuesday" the one after; a
month without a year moves to the previous or next year the same way.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .anchoring import FUTURE, PAST, PRESENT

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
# Heads of an infinitive ("expected to begin on Tuesday") that look forward.
_FUTURE_HEADS = {
    "expect", "schedule", "plan", "due", "set", "intend", "aim", "hope", "prepare", "go",
    "propose", "likely", "poised", "scheduled", "expected", "slated", "planned", "going",
    "vow", "promise", "threaten", "pledge", "ready",
}  # fmt: skip
# Verbs that fix a day for something to come: "set the sentencing for June 28",
# "postponed the vote to March 3". The day they name lies after the setting, which a
# report tells on or near its own day, even in the past tense.
_SCHEDULING_VERBS = {
    "set", "schedule", "reschedule", "slate", "postpone", "delay", "adjourn", "move",
    "push",
}  # fmt: skip
_SCHEDULED_BY = {"for", "to"}  # the prepositions that carry the day fixed
_VERBS = ("VERB", "AUX")
_NON_TEMPORAL_UNITS = {"%", "percent", "per", "cent"}
_TEMPORAL_HEADS = {
    "season", "campaign", "election", "elections", "census", "war", "games", "olympics",
    "budget", "cup", "championship", "law", "act", "report", "survey", "study", "crisis",
}  # fmt: skip


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return FUTURE
    if not auxes and verb.dep_ == "conj" and verb.head.pos_ in _VERBS and depth < 3:
        return _verb_tense(verb.head, depth + 1)  # "started ... and peaked"
    if verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children):
        return FUTURE
    if any(a.tag_ == "VBD" for a in auxes if a.lower_ not in ("would", "could", "should")):
        return PAST
    if words & {"would", "could", "might", "may", "should", "must", "can"}:
        return None
    if verb.tag_ == "VBD":
        return PAST
    if "to" in words and verb.tag_ in ("VB", "VBN"):
        head = verb.head
        if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ in _FUTURE_HEADS:
            return FUTURE
        if verb.dep_ == "advcl":
            return None  # "(in order) to run through June": prospective, tense unknown
        if head is not verb and depth < 3 and head.pos_ in _VERBS + ("ADJ",):
            return _verb_tense(head, depth + 1)
        return None
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve", "'s"}:
        return PAST
    if verb.tag_ == "VBG" and words & {"is", "are", "'re", "am"}:
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP"):
        # "the vote is on Monday": a present copula with a date looks ahead
        return FUTURE if verb.lemma_ == "be" and verb.dep_ == "ROOT" else PRESENT
    return None


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """PAST, PRESENT or FUTURE for the verb that governs the span, or ``None``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    forward = scheduled = False
    for _ in range(6):
        if token.pos_ in _VERBS:
            tense = _verb_tense(token)
            if scheduled and token.lemma_.lower() in _SCHEDULING_VERBS and tense != FUTURE:
                return FUTURE  # "the judge set the sentencing for June 28"
            # "postponed until Saturday": the end of a delay lies ahead
            return FUTURE if forward and tense in (PRESENT, PAST) and token.tag_ != "VBD" else tense
        if token.dep_ == "prep" and token.lower_ in ("until", "till"):
            forward = True
        if token.dep_ == "prep" and token.lower_ in _SCHEDULED_BY:
            scheduled = True
        if token.head is token:
            break
        token = token.head
    return None


def is_year_like(doc: Doc, start: int, end: int) -> bool:
    """Whether a bare four-digit number reads as a year, not a count or an amount."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    token = span[-1]
    if token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
        return False
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _NON_TEMPORAL_UNITS:
        return False
    head = token.head
    if token.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS"):
        return head.lower_ in _TEMPORAL_HEADS
    return not (token.i > 0 and doc[token.i - 1].lower_ in ("no.", "number", "flight", "route"))


def is_month_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a lone month name is the month: not the modal "May" or a person."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    token = span[-1]
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    if token.tag_ == "MD" or token.ent_type_ in ("PERSON", "ORG", "GPE", "WORK_OF_ART"):
        return False
    if token.text == "May" and token.i + 1 < len(doc) and doc[token.i + 1].pos_ in _VERBS:
        return False
    previous = doc[token.i - 1].lower_ if token.i > 0 else ""
    return token.text != "May" or previous in (
        "in", "since", "by", "until", "till", "of", "from", "to", "before", "after", "during",
        "through", "early", "late", "mid", "last", "next", "this", "between", "and", "or",
        "on", "around", "throughout", "-",
    )  # fmt: skip


_AGE_BEFORE_RE = re.compile(r"\b(?:ages?|aged)\s+(?:of\s+)?$", re.IGNORECASE)


def is_age(text: str, start: int, end: int) -> bool:
    """Whether a duration is someone's age ("22-year-old", "89 years old", "ages 6 months")."""
    tail = text[end : end + 8].lower()
    if tail.startswith(("-old", " old", "-year-old")) or tail.lstrip(" -").startswith("old"):
        return True
    return bool(_AGE_BEFORE_RE.search(text[max(0, start - 12) : start]))


_RATE_RE = re.compile(r"^(?:a|an|per)\s+(hour|day|week|month|year)$", re.IGNORECASE)
_AMOUNT_BEFORE_RE = re.compile(
    r"(?:\d(?:[\d,.]*\d)?\s*(?:[mbk]n?|million|billion|thousand|percent|%)?|dollars|euros"
    r"|pounds|yuan|times|once|twice|barrels|tonnes|tons|hours|days|nights|shifts)\s+$",
    re.IGNORECASE,
)
_RATE_VALUES = {"hour": "PT1H", "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}


def rate_value(text: str, start: int, end: int) -> str | None:
    """The SET value of "a year" in "$40m a year" (a rate), or None."""
    match = _RATE_RE.match(text[start:end])
    if match is None:
        return None
    if not _AMOUNT_BEFORE_RE.search(text[max(0, start - 24) : start]):
        return None
    return _RATE_VALUES[match[1].lower()]


def is_ordinal_second(doc: Doc, end: int) -> bool:
    """Whether a span ending in "second" is the ordinal ("a second day", "second term")."""
    span = doc.char_span(end - 6, end, alignment_mode="expand")
    if span is None or span[-1].lower_ != "second":
        return False
    following = span[-1].i + 1
    return following < len(doc) and doc[following].pos_ in ("NOUN", "ADJ", "NUM", "PROPN")
