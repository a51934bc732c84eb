"""Scare quotes: a name or label set in quotation marks by the writer.

A quoted stretch of at most three words that nobody is said to have said (no
verb of saying or naming just before or after it, no colon before it) and
that is not a capitalised title, or any phrase after "so-called",
"self-styled", "self-proclaimed" (with or without marks). The target is the
entity the quoted phrase names or is attached to in its own sentence (see
:func:`_target`), else None. Polarity is -0.5: putting a word in scare quotes
distances the writer from it.
"""

from __future__ import annotations

import re

from rashomon.extract.framing.context import FramingContext
from rashomon.extract.framing.labels import direct_target
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
    """The entity the quoted words name or are said of, in this sentence only.

    A name inside the marks; else a label at the same place that the parse tied
    to an entity; else the entity the quoted phrase is attached to: its noun
    when the phrase modifies a name ('the "moderate" Senator Collins'), the
    owner or apposition of the quoted noun ('Assad's "reforms"'), the subject
    of a copula ('Assad is a "reformer"'). Never the nearest name of a nearby
    sentence: an unattached scare quote has no target.
    """
    for mention in ctx.mentions:
        if mention.start >= start and mention.end <= end:
            return mention.key
    for term in labels:
        if term.start < end and start < term.end and term.target:
            return term.target
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.dep_ in ("amod", "compound", "nmod") and ctx.mention(root.head):
        return ctx.mention(root.head).key
    for child in root.children:
        if child.dep_ == "poss" and ctx.mention(child):
            return ctx.mention(child).key
    if root.pos_ in ("NOUN", "PROPN", "ADJ"):
        found = direct_target(ctx, root)
        if found is not None:
            return found.key
    return None


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
