"""Events of one document: trigger words with their participants, place and time.

``find_events`` finds the triggers itself; ``describe_event`` attaches the same
arguments and time to a trigger span given from outside (gold triggers in the
ECB+ benchmark, a span a reader selects). Modules, one job each:
:mod:`lexicon` (word tables), :mod:`derivation` (nominal -> verb, kinds),
:mod:`triggers` (which words are events), :mod:`arguments` (participants,
place, negation) and :mod:`timing` (which date applies).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from rashomon.model import EntityMention, EventMention, TimeMention

from .arguments import EntityIndex, clause_places, find_arguments, is_negated, sentence_place
from .derivation import base_lemma, kind_keys, verb_of
from .timing import Anchor, anchors, choose_time
from .triggers import find_triggers, trigger_bounds, trigger_lemma

__all__ = [
    "base_lemma",
    "describe_event",
    "find_events",
    "kind_keys",
    "verb_of",
]


@dataclass(slots=True)
class _DocContext:
    doc: Doc
    doc_id: str
    index: EntityIndex
    anchors: list[Anchor]
    published: str | None
    text: str  # Doc.text rebuilds the string on every access: read it once


def _context(
    doc: Doc,
    doc_id: str,
    entity_mentions: list[EntityMention],
    times: list[TimeMention],
    published: str | None,
    heads: frozenset[int],
) -> _DocContext:
    index = EntityIndex.build(doc, entity_mentions)
    return _DocContext(doc, doc_id, index, anchors(doc, times, heads), published, doc.text)


def _mention(ctx: _DocContext, head: Token, start: int, end: int, lemma: str) -> EventMention:
    args, places = find_arguments(head, ctx.index)
    place = (places or clause_places(head, ctx.index) or [None])[0]
    if place is None:
        place = sentence_place(head.sent, ctx.index)
    participants = [key for key in args.participants if key != place]
    when = choose_time(ctx.doc, head, ctx.anchors, ctx.published, ctx.text)
    sent = head.sent
    return EventMention(
        doc=ctx.doc_id,
        start=start,
        end=end,
        text=ctx.text[start:end],
        lemma=lemma,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        participants=participants,
        place=place,
        time_value=when.value,
        time_text=when.text,
        time_source=when.source,
        negated=is_negated(head),
    )


def find_events(
    doc: Doc,
    doc_id: str,
    entity_mentions: list[EntityMention],
    times: list[TimeMention],
    published: str | None,
) -> list[EventMention]:
    """The event mentions of a parsed document, in text order."""
    triggers = find_triggers(doc)
    ctx = _context(doc, doc_id, entity_mentions, times, published, frozenset(t.i for t in triggers))
    events = []
    for token in triggers:
        start, end = trigger_bounds(token)
        events.append(_mention(ctx, token, start, end, trigger_lemma(token)))
    return events


def _span_head(doc: Doc, start_char: int, end_char: int) -> Token:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        # Offsets inside whitespace: the nearest token at or after start.
        for token in doc:
            if token.idx + len(token) > start_char:
                return token
        return doc[-1]
    content = [t for t in span if t.pos_ in ("VERB", "NOUN", "PROPN", "ADJ")]
    root = span.root
    if root.pos_ in ("AUX", "ADP", "DET", "PART") and content:
        return content[-1]
    nouns = [t for t in span if t.pos_ == "NOUN"]
    if root.pos_ in ("NUM", "ADJ", "SYM", "PUNCT", "X") and nouns:
        return nouns[-1]  # "6.1 - magnitude earthquake", "first - degree murder": the noun
    return root


def describe_event(
    doc: Doc,
    doc_id: str,
    start_char: int,
    end_char: int,
    entity_mentions: list[EntityMention],
    times: list[TimeMention],
    published: str | None,
) -> EventMention:
    """The event mention for a given trigger span, with arguments and time attached."""
    head = _span_head(doc, start_char, end_char)
    heads = frozenset(t.i for t in find_triggers(doc)) | {head.i}
    ctx = _context(doc, doc_id, entity_mentions, times, published, heads)
    lemma = trigger_lemma(head) if head.i < len(doc) else doc.text[start_char:end_char].lower()
    return _mention(ctx, head, start_char, end_char, lemma)
