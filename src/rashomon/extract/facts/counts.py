"""Counted facts: how many were killed, injured, arrested; how much money, how many shots.

A quantity becomes a fact when the parse ties it to an event: it is the
object or passive subject of an event verb ("killed five people", "17 smugglers
were arrested"), the subject of a verb whose subject is what is counted ("two
people died"), a role noun or adjective ("five deaths", "nine injured"), or
the value of a toll ("the death toll rose to 7"). The role comes from
:mod:`lexicon`; a count tied to an event by the parse but with no role word
is counted under its counted noun ("fired 30 shots" -> ``count:shot``) or its
unit (``count:money``, ``count:percent``); such a figure that hangs on no event
word ("the pirates, in three boats, ...", "a 48-page indictment") belongs to the
nearest event of its sentence, since the link stage compares figures per
happening, not per word.

What is never a total, and so never a fact here: a part ("two of the
victims were children"), an increment ("another five", "three more"), a
duration; but a part that undergoes the event bounds its toll ("two of the
three victims died": at least two died).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from rashomon.model import EventMention, FactMention, Quantity

from .context import FactContext
from .lexicon import (
    INCREMENT_WORDS,
    MEASURES,
    MONEY_UNITS,
    PARTITIVE_AFTER,
    PERCENT_UNITS,
    TIME_UNITS,
    TOLL_NOUNS,
)
from .roles import (
    ROLE_OF_ADJECTIVE,
    ROLE_OF_NOUN,
    ROLE_OF_TOLL,
    ROLE_OF_VERB,
    count_value,
    number_tokens,
    verb_role,
)
from .tolls import one_of_a_kind, partitive_toll, zero_counts

SPLIT_THOUSANDS = re.compile(r", \d{3}\b")
# "a 3.2-megapixel camera", "the 48-page indictment", "the 35-word oath": the figure
# counts the word joined to it, not the noun after it (one camera, one indictment).
JOINED_UNIT = re.compile(r"[\d.,]+\s?-\s?([a-z]+)\b")
ARGUMENT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "nsubj", "attr", "oprd", "npadvmod"})
PARTITIVE_DETERMINERS = frozenset({"the", "those", "these", "them", "his", "her", "their", "its"})


def _is_part_or_increment(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_ in INCREMENT_WORDS:
        return True
    if after is not None and after.lower_ in PARTITIVE_AFTER:
        return True
    if after is not None and after.lower_ in INCREMENT_WORDS:
        return True
    for token in span:
        if token.lower_ in INCREMENT_WORDS and not _bound(token):
            return True
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ == "of" and following and following.lower_ in PARTITIVE_DETERMINERS:
            return True
    return False


def _bound(token: Token) -> bool:
    """ "more than 200 people": a bound on the figure, not an increment ("three more")."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "than"


def _coordinated(token: Token) -> bool:
    """ "a woman and two men were shot": a count inside a coordination is a part."""
    return token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)


MAGNITUDE_WORDS = frozenset({"magnitude", "richter"})


def _magnitude(span: Span) -> bool:
    """ "a 6.1-magnitude earthquake", "magnitude 6.4", "6.3 on the Richter scale"."""
    doc = span.doc
    near = doc[max(0, span.start - 3) : min(len(doc), span.end + 4)]
    inside = any("magnitude" in t.lower_ for t in span)
    return inside or any(t.lower_ in MAGNITUDE_WORDS for t in near)


def _listed(span: Span) -> bool:
    """ "12 Somali and 11 Yemeni pirates": a figure with another one joined to it. Not
    "Four died and 12 were hurt": a verb between the two figures makes two clauses."""
    doc = span.doc
    ahead = doc[span.end : min(len(doc), span.end + 3)]
    for i, token in enumerate(ahead):
        if token.pos_ in CLAUSE_POS:
            break
        if token.pos_ == "CCONJ" and i + 1 < len(ahead) and ahead[i + 1].like_num:
            return True
    behind = list(doc[max(0, span.start - 3) : span.start])
    for i in range(len(behind) - 1, -1, -1):
        if behind[i].pos_ in CLAUSE_POS:
            behind = behind[i + 1 :]
            break
    return any(t.pos_ == "CCONJ" for t in behind) and any(t.like_num for t in behind)


CLAUSE_POS = frozenset({"VERB", "AUX"})


def _counted_token(span: Span, q: Quantity) -> Token | None:
    if q.counted:
        for token in reversed(span):
            if token.text == q.counted or token.lower_ == q.counted.lower():
                return token
    return None


def _adjective_role(span: Span) -> tuple[str, Token] | None:
    """ "five dead", "nine injured": a role adjective right after the number."""
    doc = span.doc
    numbers = number_tokens(span)
    if not numbers:
        return None
    last = numbers[-1].i
    for i in (last + 1, last + 2):
        if i < len(doc) and doc[i].lower_ in ROLE_OF_ADJECTIVE:
            if i == last + 2 and doc[last + 1].pos_ not in ("NOUN", "PROPN"):
                continue
            return ROLE_OF_ADJECTIVE[doc[i].lower_], doc[i]
    return None


def _argument_head(token: Token) -> tuple[Token, str]:
    """Climb conjuncts ("3 soldiers and 2 civilians") to the phrase's relation."""
    current = token
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    return current, current.dep_


def _toll_role(governor: Token) -> tuple[str, Token | None] | None:
    """ "the death toll rose to 7", "the number of people killed is 5": the role of the
    toll, and the word that names it ("death", "killed") when there is one."""
    for child in governor.children:
        if child.dep_ not in ("nsubj", "nsubjpass") or child.lemma_.lower() not in TOLL_NOUNS:
            continue
        for mod in child.subtree:
            lemma = mod.lemma_.lower()
            if mod.i != child.i and (lemma in ROLE_OF_TOLL or mod.lower_ in ROLE_OF_TOLL):
                return ROLE_OF_TOLL.get(lemma) or ROLE_OF_TOLL[mod.lower_], mod
        if child.lemma_.lower() == "toll":
            return "killed", None
    return None


def measure_of(q: Quantity, counted: Token | None) -> tuple[str, float] | None:
    """The slot of a figure that counts no role, and the factor to its slot's unit:
    money, percent, a measure (distances in metres, weights in kg), else what it counts."""
    if q.unit in MONEY_UNITS:
        return f"count:money:{q.unit}", 1.0  # sums compare in one currency only
    if q.unit in PERCENT_UNITS:
        return "count:percent", 1.0
    for unit in (q.unit, counted.lower_ if counted is not None else None):
        if unit and unit.lower() in MEASURES:
            kind, factor = MEASURES[unit.lower()]
            return f"count:{kind}", factor
    if q.unit:
        return f"count:{q.unit}", 1.0
    if counted is not None and counted.pos_ == "NOUN":
        return f"count:{counted.lemma_.lower()}", 1.0
    return None


def _role_and_event(
    ctx: FactContext, span: Span, q: Quantity
) -> tuple[str, EventMention, Token, float] | None:
    """(slot, event, the word the figure hangs on, factor to the slot's unit)."""
    counted = _counted_token(span, q)
    if _magnitude(span):
        event = ctx.event_of(span.root) or _nearest_event(ctx, span.root)
        return ("count:magnitude", event, span.root, 1.0) if event else None
    if q.counted == "age" or _age_of_a_person(ctx, span, q):
        # "a 36-year-old man", "Marcus Bell, 24": the age of who the story is about,
        # a detail reports share (or dispute) about one person
        event = ctx.event_of(span.root) or _nearest_event(ctx, span.root)
        return ("count:age", event, span.root, 1.0) if event else None
    adjective = _adjective_role(span)
    if adjective is not None:
        role, word = adjective
        event = ctx.event_of(word) or ctx.event_of(span.root)
        return (f"count:{role}", event, word, 1.0) if event else None
    if counted is not None and counted.lemma_.lower() in ROLE_OF_NOUN:
        role = ROLE_OF_NOUN[counted.lemma_.lower()]
        event = ctx.event_of(counted)
        return (f"count:{role}", event, counted, 1.0) if event else None
    head = counted or (number_tokens(span) or [span.root])[-1]
    if counted is None and head.dep_ in ("nummod", "quantmod") and head.head.pos_ == "NOUN":
        counted = head.head  # "23 suspected pirates": the noun the number counts
        head = counted
    phrase, relation = _argument_head(head)
    governor = phrase.head
    if relation == "pobj":
        prep = phrase.head
        governor = prep.head
        relation = "pobj:" + prep.lower_
    if governor.i == phrase.i:
        return None
    toll = _toll_role(governor) if relation in ("pobj:to", "pobj:at", "attr") else None
    if toll is not None:
        role, word = toll
        # the event is what the toll counts ("killed", "deaths"), else the verb ("rose")
        event = (ctx.events.get(word.i) if word is not None else None) or ctx.event_of(governor)
        event = event or _sentence_event(ctx, governor)
        return (f"count:{role}", event, phrase, 1.0) if event else None
    role = verb_role(governor, relation, counted)
    if role is not None:
        if _coordinated(head) or _listed(span):
            return None  # "a woman and two men were shot": the two men are a part
        event = ctx.events.get(governor.i) or ctx.event_of(governor)
        return (f"count:{role}", event, phrase, 1.0) if event else None
    measure = measure_of(q, counted)
    if measure is None:
        return None
    event = ctx.events.get(governor.i)
    if event is None or not (relation in ARGUMENT_DEPS or relation.startswith("pobj:")):
        # a figure of the story that hangs on no event word ("the pirates, in three
        # boats, ..."): the nearest event above it, else the sentence's nearest event
        event = ctx.event_of(phrase) or _nearest_event(ctx, phrase)
    return (measure[0], event, phrase, measure[1]) if event else None


def _age_of_a_person(ctx: FactContext, span: Span, q: Quantity) -> bool:
    """ "Marcus Bell, 24, ...": a bare whole number in apposition to a person's name."""
    if q.unit or q.counted or q.value is None or not (0 < q.value < 120):
        return False
    if q.value != int(q.value) or len(span) != 1:
        return False
    token = span[0]
    if token.dep_ not in ("appos", "npadvmod", "amod", "nummod") or token.head.i == token.i:
        return False
    mention = ctx.entities.at(token.head)
    return mention is not None and mention.type == "PERSON" and token.i > token.head.i


def _nearest_event(ctx: FactContext, token: Token) -> EventMention | None:
    """The event mention of the token's sentence nearest to it."""
    best = None
    for candidate in token.sent:
        if candidate.i in ctx.events and (
            best is None or abs(candidate.i - token.i) < abs(best.i - token.i)
        ):
            best = candidate
    return ctx.events[best.i] if best is not None else None


def _sentence_event(ctx: FactContext, token: Token) -> EventMention | None:
    """The first event mention of the token's sentence (for tolls with no trigger above)."""
    for candidate in token.sent:
        if candidate.i in ctx.events:
            return ctx.events[candidate.i]
    return None


def count_facts(ctx: FactContext) -> list[FactMention]:
    """The counted facts of one document, one per quantity tied to an event."""
    facts: list[FactMention] = []
    for q, only_roles in [(q, False) for q in ctx.analysis.quantities] + [
        (q, True) for q in one_of_a_kind(ctx)
    ]:
        span = ctx.span(q.start, q.end)
        if span is None or len(span) == 0:
            continue
        if _is_part_or_increment(span):
            toll = None if only_roles else partitive_toll(ctx, span, q)
            if toll is not None:
                facts.append(toll)
            continue
        if SPLIT_THOUSANDS.match(ctx.text, q.end):
            continue  # "2, 000 feet": a number split by a space after its comma
        if q.counted != "age" and (
            (q.unit or "").lower() in TIME_UNITS or (q.counted or "").lower() in TIME_UNITS
        ):
            continue
        found = _role_and_event(ctx, span, q)
        if found is None:
            continue
        slot, event, anchor, factor = found
        if only_roles and slot.removeprefix("count:") not in ROLE_OF_VERB.values():
            continue
        slot = _joined_unit_slot(slot, ctx.text[q.start : q.end], q)
        if factor != 1.0:
            q = replace(
                q,
                value=_times(q.value, factor),
                low=_times(q.low, factor),
                high=_times(q.high, factor),
            )
        value = count_value(q)
        if value is None:
            continue
        facts.append(
            ctx.fact(
                event,
                slot,
                value,
                q.start,
                q.end,
                tokens=[anchor, *span],
                low=q.low if q.low is not None else q.value,
                high=q.high if q.high is not None else q.value,
                approximate=q.approximate,
                revised=ctx.revised(anchor),
            )
        )
    facts.extend(zero_counts(ctx))
    return facts


def _joined_unit_slot(slot: str, written: str, q: Quantity) -> str:
    """``count:page`` for "48-page indictment" where the counted noun was "indictment"."""
    joined = JOINED_UNIT.match(written)
    if joined is None or q.counted == "age" or slot != f"count:{(q.counted or '').lower()}":
        return slot
    word = joined.group(1)
    return slot if word == (q.counted or "").lower() else f"count:{word}"


def _times(x: float | None, factor: float) -> float | None:
    return None if x is None else round(x * factor, 3)
