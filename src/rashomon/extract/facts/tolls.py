"""Tolls the quantity extractor does not give as a total, read off the parse.

A written "one" ("one victim died"; the extractor leaves it out, being more
often a pronoun), none ("no one was hurt", "there were no injuries"), and a part
of a group that undergoes the event ("two of the four passengers died": at least
two). Hand-written over spaCy's dependency parse: no library reads tolls.
"""

from __future__ import annotations

from spacy.tokens import Span

from rashomon.model import FactMention, Quantity

from .context import FactContext
from .lexicon import INCREMENT_WORDS, NONE_DETERMINERS, NONE_SUBJECTS
from .roles import (
    ROLE_OF_ADJECTIVE,
    ROLE_OF_NOUN,
    ROLE_OF_VERB,
    format_number,
    names_people,
    number_tokens,
    verb_role,
)


def partitive_toll(ctx: FactContext, span: Span, q: Quantity) -> FactMention | None:
    """ "Two of the three victims died", "three of them were arrested": a part of a group
    that undergoes the event gives that event's toll, as a lower bound (at least two
    died: others outside the group may have died too). Not a part of another
    role's group ("two of the wounded died": those add to an earlier toll), nor an
    increment ("two more of them"), nor anything but the subject of the role's verb."""
    numbers = number_tokens(span)
    if not numbers:
        return None
    number = numbers[0]
    if number.dep_ not in ("nsubj", "nsubjpass") or number.head.i == number.i:
        return None
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if group is None or any(t.lower_ in INCREMENT_WORDS for t in span):
        return None
    governor = number.head
    role = verb_role(governor, number.dep_, group if group.pos_ == "NOUN" else None)
    if role is None:
        return None
    own = ROLE_OF_NOUN.get(group.lemma_.lower()) or ROLE_OF_ADJECTIVE.get(group.lower_)
    if own is not None and own != role:
        return None  # "two of the wounded died": a part of another toll
    event = ctx.events.get(governor.i) or ctx.event_of(governor)
    low = q.low if q.low is not None else q.value
    if event is None or low is None:
        return None
    end = group.idx + len(group)
    # at least that many: others outside the group named may have died too
    return ctx.fact(
        event,
        f"count:{role}",
        ">=" + format_number(low),
        q.start,
        max(q.end, end),
        tokens=[governor, *span],
        low=low,
        high=None,
        approximate=q.approximate,
        revised=ctx.revised(governor),
    )


ONE_BEFORE = frozenset({"no", "the", "that", "this", "any", "every", "each", "only"})


def one_of_a_kind(ctx: FactContext) -> list[Quantity]:
    """ "One victim died", "kills one person": a toll of one. The quantity extractor
    leaves a written "one" out (it is more often a pronoun or "one of the"); here it
    counts when it directly counts a person noun, and only as a toll by role."""
    found = []
    doc = ctx.doc
    for token in doc:
        if token.lower_ != "one" or token.dep_ != "nummod" or token.head.i != token.i + 1:
            continue
        noun = token.head
        before = doc[token.i - 1].lower_ if token.i > 0 else ""
        if before in ONE_BEFORE or before in INCREMENT_WORDS or not names_people(noun):
            continue
        if noun.pos_ != "NOUN" or noun.tag_ != "NN":
            continue
        start, end = token.idx, noun.idx + len(noun)
        found.append(
            Quantity(
                ctx.analysis.document.id, start, end, ctx.text[start:end], 1.0, counted=noun.text
            )
        )
    found.extend(one_more(ctx))
    return found


# "killing two and critically injuring a third": one more person, counted by the ordinal.
NEXT_ORDINALS = frozenset("second third fourth fifth sixth seventh eighth ninth tenth".split())


def one_more(ctx: FactContext) -> list[Quantity]:
    """ "Killing two and wounding a third": "a" and an ordinal as the object of a verb
    count one person more (the role comes from the verb, as for any toll)."""
    found = []
    doc = ctx.doc
    for token in doc:
        if token.lower_ not in NEXT_ORDINALS or token.i == 0 or doc[token.i - 1].lower_ != "a":
            continue
        if token.dep_ not in ("dobj", "obj", "nsubjpass") or token.head.pos_ != "VERB":
            continue
        start, end = doc[token.i - 1].idx, token.idx + len(token)
        found.append(Quantity(ctx.analysis.document.id, start, end, ctx.text[start:end], 1.0))
    return found


ZERO_ROLES = frozenset({"killed", "injured", "missing"})


def zero_counts(ctx: FactContext) -> list[FactMention]:
    """ "No one was killed", "there were no injuries": a toll of zero. Only for the
    casualties: "none of them has been charged" is about other people."""
    facts: list[FactMention] = []
    doc = ctx.doc
    for token in doc:
        lower = token.lower_
        subject_none = (lower in NONE_SUBJECTS) or (
            lower == "one" and token.i > 0 and doc[token.i - 1].lower_ == "no"
        )
        if subject_none and token.dep_ in ("nsubj", "nsubjpass"):
            governor = token.head
            role = verb_role(governor, token.dep_ if token.dep_ == "nsubjpass" else "nsubj", None)
            if role is None and token.dep_ == "nsubj" and governor.lemma_.lower() in ROLE_OF_VERB:
                role = None  # "nobody killed anyone": not a count of victims
            event = ctx.events.get(governor.i)
            if role in ZERO_ROLES and event:
                start = doc[token.i - 1].idx if lower == "one" else token.idx
                end = token.idx + len(token)
                facts.append(
                    ctx.fact(
                        event, f"count:{role}", "0", start, end, tokens=[token], low=0.0, high=0.0
                    )
                )
            continue
        role = ROLE_OF_NOUN.get(token.lemma_.lower())
        if role in ZERO_ROLES and token.pos_ == "NOUN" and token.tag_ in ("NNS", "NN"):
            det = [c for c in token.children if c.dep_ == "det" and c.lower_ in NONE_DETERMINERS]
            event = ctx.event_of(token)
            if det and event and token.lemma_.lower() not in ("toll", "life", "body"):
                start, end = det[0].idx, token.idx + len(token)
                facts.append(
                    ctx.fact(
                        event,
                        f"count:{role}",
                        "0",
                        start,
                        end,
                        tokens=[token],
                        low=0.0,
                        high=0.0,
                        negated=False,
                    )
                )
    return facts
