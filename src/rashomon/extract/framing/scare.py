"""Scare quotes: a name or label set in quotation marks by the writer.

A quoted stretch of at most three words that nobody is said to have said (no
verb of saying or naming just before or after it, no colon before it) and
that is not a capitalised title, or any phrase after "so-called",
"self-styled", "self-proclaimed" (with or without marks). The target is the
entity named inside, else that of a label at the same place, else the
antecedent a label there would get. Polarity is -0.5: putting a word in scare
quotes distances the writer from it.
"""

from __future__ import annotations

import re

from rashomon.extract.framing.context import FramingContext
from rashomon.extract.framing.labels import antecedent
from rashomon.extract.quotes.cues import CUE_VERBS, SCARE_MAX_WORDS
from rashomon.extract.quotes.direct import find_segments
from rashomon.model import FramingTerm

SCARE_POLARITY = -0.5
SO_CALLED = re.compile(r"\b(?:so[- ]called|self[- ]styled|self[- ]proclaimed)\s+", re.IGNORECASE)
NAMING = frozenset(CUE_VERBS) | {"call", "dub", "label", "brand", "term", "describe", "chant"}
WINDOW = 4


def _is_title(words: list[str]) -> bool:
    return len(words) > 1 and all(w[:1].isupper() for w in words)


def _cue_near(ctx: FramingContext, start: int, end: int) -> bool:
    doc = ctx.doc
    text = doc.text
    if text[max(0, start - 3) : start].rstrip().endswith(":"):
        return True
    first = doc.char_span(start, end, alignment_mode="expand")
    if first is None:
        return True
    lo, hi = max(0, first.start - WINDOW), min(len(doc), first.end + WINDOW)
    return any(
        t.lemma_.lower() in NAMING
        for t in doc[lo:hi]
        if t.pos_ in ("VERB", "AUX") and not first.start <= t.i < first.end
    )


def _target(ctx: FramingContext, start: int, end: int, labels: list[FramingTerm]) -> str | None:
    for mention in ctx.mentions:
        if mention.start >= start and mention.end <= end:
            return mention.key
    for term in labels:
        if term.start < end and start < term.end and term.target:
            return term.target
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.root.pos_ not in ("NOUN", "PROPN"):
        return None
    word_class = ctx.word_class(span.root)
    person = bool(word_class and word_class.person)
    return antecedent(ctx, span.root, labels, person)


def find_scare_quotes(ctx: FramingContext, labels: list[FramingTerm]) -> list[FramingTerm]:
    text = ctx.doc.text
    terms: list[FramingTerm] = []
    seen: set[tuple[int, int]] = set()
    for seg in find_segments(text):
        if not seg.closed or seg.block:
            continue
        words = text[seg.start : seg.end].split()
        if not words or len(words) > SCARE_MAX_WORDS or _is_title(words):
            continue
        if text[seg.end - 1 : seg.end] in ".!?,":
            continue
        before = text[max(0, seg.outer_start - 14) : seg.outer_start]
        if not SO_CALLED.search(before) and _cue_near(ctx, seg.start, seg.end):
            continue
        seen.add((seg.start, seg.end))
        terms.append(
            FramingTerm(
                ctx.doc_id,
                seg.start,
                seg.end,
                text[seg.start : seg.end],
                "scare-quote",
                _target(ctx, seg.start, seg.end, labels),
                SCARE_POLARITY,
            )
        )
    for match in SO_CALLED.finditer(text):
        span = ctx.doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is None or text[match.end() : match.end() + 1] in "\"'“‘":
            continue
        token = span[0]
        head = token if token.pos_ in ("NOUN", "PROPN") else token.head
        if head.i < token.i or head.i - token.i > SCARE_MAX_WORDS:
            continue
        start, end = token.idx, head.idx + len(head)
        if (start, end) in seen:
            continue
        terms.append(
            FramingTerm(
                ctx.doc_id,
                match.start(),
                end,
                text[match.start() : end],
                "scare-quote",
                _target(ctx, start, end, labels),
                SCARE_POLARITY,
            )
        )
    return terms
