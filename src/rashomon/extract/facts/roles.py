"""The role a counted figure gives: who was killed, injured, arrested, by which word.

Shared by :mod:`counts` (figures the quantity extractor finds) and :mod:`tolls`
(tolls it leaves out: a written "one", "no one", a part of a group): the role
maps built from :mod:`lexicon`, the normalised value of a count, and whether a
verb's argument is the one the role counts.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from rashomon.extract.quantities.numbers import is_number_word
from rashomon.model import Quantity

from .lexicon import (
    FATAL_MODIFIERS,
    NON_PERSON_NOUNS,
    OBJECT_RESTRICTED,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    ROLE_ADJECTIVES,
    ROLE_NOUNS,
    ROLE_VERBS,
    TOLL_MODIFIERS,
)

PATIENT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "oprd"})
# Verbs whose subject undergoes the event: "two people died", "five fled".
UNACCUSATIVE = frozenset({"die", "perish", "disappear", "vanish", "flee", "drown", "survive"})
ROLE_OF_VERB = {lemma: role for role, lemmas in ROLE_VERBS.items() for lemma in lemmas}
ROLE_OF_NOUN = {lemma: role for role, lemmas in ROLE_NOUNS.items() for lemma in lemmas}
ROLE_OF_ADJECTIVE = {w: role for role, ws in ROLE_ADJECTIVES.items() for w in ws}
ROLE_OF_TOLL = {w: role for role, ws in TOLL_MODIFIERS.items() for w in ws}


def format_number(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


def count_value(q: Quantity) -> str | None:
    """The normalised value: "5", "4-6", ">=50", "<=10"; None when nothing is stated."""
    if q.low is not None and q.high is not None:
        if q.low == q.high:
            return format_number(q.low)
        return f"{format_number(q.low)}-{format_number(q.high)}"
    if q.low is not None:
        return ">=" + format_number(q.low)
    if q.high is not None:
        return "<=" + format_number(q.high)
    if q.value is not None:
        return format_number(q.value)
    return None


def number_tokens(span: Span) -> list[Token]:
    return [t for t in span if t.like_num or is_number_word(t.lower_)]


def names_people(counted: Token | None) -> bool:
    """Whether the counted noun names people (or nothing is named: "killed 5")."""
    if counted is None or counted.pos_ == "PROPN" or counted.ent_type_ == "NORP":
        return True
    word = counted.lower_
    if word in NON_PERSON_NOUNS:
        return False
    return (
        word in PERSON_NOUNS
        or counted.lemma_.lower() in PERSON_NOUNS
        or (len(word) > 5 and word.endswith(PERSON_SUFFIXES))
    )


def verb_role(governor: Token, relation: str, counted: Token | None) -> str | None:
    lemma = governor.lemma_.lower()
    role = ROLE_OF_VERB.get(lemma)
    if role is None:
        if lemma == "take" and any(
            c.dep_ == "prep"
            and c.lower_ == "into"
            and any(g.lower_ == "custody" for g in c.children)
            for c in governor.children
        ):
            return "arrested"
        return None
    restricted = OBJECT_RESTRICTED.get(lemma)
    if restricted is not None:
        if counted is None or counted.lemma_.lower() not in restricted:
            return None
    elif role != "affected" and not names_people(counted):
        return None
    if relation == "nsubj" and lemma not in UNACCUSATIVE:
        return None  # "three gunmen killed ...": the count is of the actors
    if relation not in PATIENT_DEPS and relation != "nsubj":
        return None
    if role == "shot" and any(c.lower_ in FATAL_MODIFIERS for c in governor.children):
        return "killed"
    return role
