"""Who took part and where: the entity mentions attached to a trigger by the parse.

Why through the dependency tree: in news sentences the participants of an
event are its syntactic arguments (subject, object, agent, "against"/"by"
obliques) and its place the "in/at/near" phrase, while the other names of the
sentence often belong to other events ("Hamas said Israel struck Gaza").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from rashomon.model import EntityMention

from .lexicon import (
    ARGUMENT_PREPOSITIONS,
    LIGHT_VERBS,
    NEGATING_DETERMINERS,
    NEGATING_HEADS,
    NOUN_ARGUMENT_DEPS,
    PLACE_LABELS,
    PLACE_PREPOSITIONS,
    VERB_ARGUMENT_DEPS,
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Inside a noun phrase, the links that still name the same argument
# ("leaders of Hamas", "the Israeli army", "Obama and Medvedev").
PHRASE_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos", "conj", "pobj", "prep"})
CLAUSE_LINKS = frozenset({"conj", "xcomp", "advcl", "ccomp", "pcomp", "relcl", "acl"})
# Heads through which a trigger inherits a subject it does not have itself.
SUBJECT_SHARING = frozenset({"conj", "xcomp", "advcl"})


@dataclass(slots=True)
class EntityIndex:
    """Token index -> entity mention of one document."""

    by_token: dict[int, EntityMention] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, mentions: list[EntityMention]) -> EntityIndex:
        index = cls()
        starts = [t.idx for t in doc]
        for mention in mentions:
            first = max(0, bisect.bisect_right(starts, mention.start) - 1)
            for i in range(first, len(doc)):
                token = doc[i]
                if token.idx >= mention.end:
                    break
                if token.idx + len(token) > mention.start:
                    index.by_token.setdefault(i, mention)
        return index

    def at(self, token: Token) -> EntityMention | None:
        return self.by_token.get(token.i)


def phrase_mentions(token: Token, index: EntityIndex, depth: int = 3) -> list[EntityMention]:
    """The entity mentions a noun phrase names: its head's, else those inside it."""
    own = index.at(token)
    found = [own] if own is not None else []
    if depth == 0:
        return found
    for child in token.children:
        if child.dep_ not in PHRASE_DEPS:
            continue
        if child.dep_ == "prep" and child.lower_ not in ("of", "from"):
            continue
        if child.dep_ in ("compound", "amod", "nmod", "poss") and own is not None:
            continue  # part of the same name
        found.extend(phrase_mentions(child, index, depth - 1))
    return found


def _conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.conjuncts if c.i > token.i)]


@dataclass(slots=True)
class Arguments:
    participants: list[str] = field(default_factory=list)
    place: str | None = None

    def add(self, mention: EntityMention) -> None:
        if mention.key not in self.participants:
            self.participants.append(mention.key)


def _prepositional(prep: Token, index: EntityIndex, args: Arguments, places: list[str]) -> None:
    lower = prep.lower_
    for obj in prep.children:
        if obj.dep_ not in ("pobj", "pcomp"):
            continue
        for head in _conjuncts(obj):
            for mention in phrase_mentions(head, index):
                if lower in PLACE_PREPOSITIONS and mention.type in PLACE_LABELS:
                    places.append(mention.key)
                elif lower in ARGUMENT_PREPOSITIONS or lower in PLACE_PREPOSITIONS:
                    args.add(mention)


def _direct(token: Token, index: EntityIndex, args: Arguments, places: list[str]) -> None:
    """Arguments hanging off one token."""
    verbal = token.pos_ in ("VERB", "AUX", "ADJ")
    for child in token.children:
        dep = child.dep_
        if dep == "prep" or (dep == "agent" and verbal):
            _prepositional(child, index, args, places)
        elif (verbal and dep in VERB_ARGUMENT_DEPS) or (not verbal and dep in NOUN_ARGUMENT_DEPS):
            for head in _conjuncts(child):
                for mention in phrase_mentions(head, index):
                    args.add(mention)


def find_arguments(trigger: Token, index: EntityIndex) -> tuple[Arguments, list[str]]:
    """Participants of the trigger and the places attached to it (nearest first)."""
    args = Arguments()
    places: list[str] = []
    _direct(trigger, index, args, places)
    verbal = trigger.pos_ in ("VERB", "AUX")
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in trigger.children)
    head = trigger.head
    if verbal and not has_subject and trigger.dep_ in SUBJECT_SHARING and head.i != trigger.i:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS:
                for conj in _conjuncts(child):
                    for mention in phrase_mentions(conj, index):
                        args.add(mention)
    if trigger.dep_ in ("relcl", "acl") and head.i != trigger.i:
        for mention in phrase_mentions(head, index, depth=1):
            args.add(mention)
    if not verbal and trigger.dep_ in ("dobj", "obj") and head.lemma_ in LIGHT_VERBS:
        _direct(head, index, args, places)  # "Israel carried out an airstrike"
    return args, places


def clause_places(trigger: Token, index: EntityIndex) -> list[str]:
    """Places attached to the clauses above the trigger, nearest first."""
    places: list[str] = []
    token = trigger
    while token.head.i != token.i and token.dep_ in CLAUSE_LINKS | {"dobj", "nsubj", "pobj"}:
        token = token.head
        for child in token.children:
            if child.dep_ == "prep":
                _prepositional(child, index, Arguments(), places)
    return places


def sentence_place(sent: Span, index: EntityIndex) -> str | None:
    """The first place in the sentence introduced by "in/at/near"."""
    for token in sent:
        mention = index.at(token)
        if mention is None or mention.type not in PLACE_LABELS:
            continue
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS:
            return mention.key
        if token.head.dep_ == "pobj" and token.head.head.lower_ in PLACE_PREPOSITIONS:
            return mention.key
    return None


def is_negated(trigger: Token) -> bool:
    """ "did not attack", "no attack", "denied attacking", "did not launch an attack"."""
    if any(c.dep_ == "neg" for c in trigger.children):
        return True
    if any(c.dep_ == "det" and c.lower_ in NEGATING_DETERMINERS for c in trigger.children):
        return True
    head = trigger.head
    if trigger.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":
        head = head.head  # "refused to take part in the attack" / "denied involvement in"
    if head.i == trigger.i:
        return False
    if head.lemma_ in NEGATING_HEADS and trigger.dep_ in (
        "xcomp",
        "ccomp",
        "dobj",
        "pcomp",
        "pobj",
    ):
        return True
    if trigger.dep_ in ("dobj", "obj") and head.lemma_ in LIGHT_VERBS:
        return any(c.dep_ == "neg" for c in head.children)
    return False
