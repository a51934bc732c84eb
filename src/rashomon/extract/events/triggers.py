"""Which words are event triggers.

Why: not every verb reports a happening. Copulas, modals and states ("be",
"seem", "know") describe; reporting verbs ("said", "told") introduce quotes,
whose content is the event; aspectual and light verbs hand the event to their
complement ("began shelling", "carried out an attack"). Nouns are events when
they are listed event nominals or regular derivations of a verb
(:mod:`derivation`).

Verbs inside quotes are kept: a quoted "we struck the depot" is still a report
of the strike; the quote itself is recorded by the quotes extractor, so a
reader can see which events rest on a quote by overlap.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .derivation import is_event_nominal
from .lexicon import ASPECTUAL_VERBS, LIGHT_VERBS, REPORTING_VERBS, STATIVE_VERBS

# Triggers whose auxiliary is part of the expression ("was born").
AUX_IN_SPAN = frozenset({"bear"})
# Participles used as plain adjectives ("armed men") are not events, unless
# they are the kind of word news reports as a happening ("injured people").
EVENTIVE_PARTICIPLES = frozenset({"kill", "injure", "wound", "arrest", "detain", "displace"})


def is_event_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and is_event_nominal(token.lemma_)


def is_trigger(token: Token) -> bool:
    """Whether ``token`` heads an event mention."""
    if token.pos_ == "NOUN":
        return is_event_nominal(token.lemma_)
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma in STATIVE_VERBS or lemma in REPORTING_VERBS:
        return False
    if token.dep_ == "amod" and lemma not in EVENTIVE_PARTICIPLES:
        return False
    children = list(token.children)
    if lemma in ASPECTUAL_VERBS and any(c.dep_ == "xcomp" for c in children):
        return False
    # A light verb with an event noun as object hands the event to the noun.
    light = lemma in LIGHT_VERBS
    return not (light and any(c.dep_ in ("dobj", "obj") and is_event_noun(c) for c in children))


def trigger_lemma(token: Token) -> str:
    """The lemma, with a verb particle ("blow up", "carry out")."""
    lemma = token.lemma_.lower()
    particles = [c.lower_ for c in token.children if c.dep_ == "prt" and c.i == token.i + 1]
    return " ".join([lemma, *particles])


def trigger_bounds(token: Token) -> tuple[int, int]:
    """Character span of the trigger: the word, its adjacent particle, "was" of "was born"."""
    start, end = token.idx, token.idx + len(token)
    for child in token.children:
        if child.dep_ == "prt" and child.i == token.i + 1:
            end = child.idx + len(child)
        if token.lemma_ in AUX_IN_SPAN and child.dep_ == "auxpass" and child.i == token.i - 1:
            start = child.idx
    return start, end


def find_triggers(doc: Doc) -> list[Token]:
    return [token for token in doc if is_trigger(token)]
