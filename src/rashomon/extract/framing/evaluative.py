"""Evaluative words: loaded adjectives, adverbs, verbs and nouns, and whom they are about.

Every content word is scored by :mod:`rashomon.extract.framing.lexicon`; the
loaded ones become terms. The target is found through the parse: the noun an
adjective modifies (a name, or a label already tied to a name), the subject
of a copula ("Assad is ruthless") or of a verb ("the regime slaughtered"; a
loaded verb whose subject is no known entity has no target, not another name
of its sentence),
the verb an adverb modifies, the name that owns a noun ("Kremlin propaganda");
failing that, the one entity the sentence names, if it names exactly one.
Otherwise the target is None (the word still counts for the source's tone).
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.extract.framing.context import FramingContext
from rashomon.model import EntityMention, FramingTerm

SUBJECTS = ("nsubj", "nsubjpass")
MAX_HOPS = 3


def _subject(ctx: FramingContext, verb: Token, label_at: dict[int, str]) -> str | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            found = _key(ctx, child, label_at)
            if found:
                return found
    return None


def _key(ctx: FramingContext, token: Token, label_at: dict[int, str]) -> str | None:
    mention: EntityMention | None = ctx.mention(token)
    if mention is not None:
        return mention.key
    if token.i in label_at:
        return label_at[token.i]
    for child in token.children:
        if child.dep_ in ("compound", "poss") and ctx.mention(child):
            return ctx.mention(child).key
    return None


def target_of(ctx: FramingContext, token: Token, label_at: dict[int, str]) -> str | None:
    """The document-local key the evaluative word is about, or None."""
    current = token
    for _ in range(MAX_HOPS):
        if (
            current.pos_ in ("ADJ", "NOUN", "PROPN")
            and current is not token
            or (current.dep_ in ("amod", "compound") and current is token)
        ):
            head = current.head if current is token else current
            found = _key(ctx, head, label_at)
            if found:
                return found
        if current.pos_ in ("VERB", "AUX"):
            found = _subject(ctx, current, label_at)
            if found:
                return found
            if current is token and any(c.dep_ in SUBJECTS for c in token.children):
                return None  # "Pelosi caved to the White House": about Pelosi, unnamed here
        if current.pos_ == "NOUN":
            found = _key(ctx, current, label_at)
            if found and current is not token:
                return found
            for child in current.children:
                if child.dep_ in ("compound", "poss") and ctx.mention(child):
                    return ctx.mention(child).key
        if current.head is current:
            break
        current = current.head
    sentence = token.sent
    keys = {m.key for i, m in ctx.token_mention.items() if sentence.start <= i < sentence.end}
    return next(iter(keys)) if len(keys) == 1 else None


def find_evaluative(
    ctx: FramingContext, labels: list[FramingTerm], skip: set[int]
) -> list[FramingTerm]:
    """Loaded words outside the label spans, each with its target (or None)."""
    label_at: dict[int, str] = {}
    for term in labels:
        if term.target is None:
            continue
        span = ctx.doc.char_span(term.start, term.end, alignment_mode="expand")
        if span is not None:
            label_at[span.root.i] = term.target
    terms: list[FramingTerm] = []
    for token in ctx.doc:
        if token.i in skip or not ctx.candidate(token):
            continue
        score = ctx.score(token)
        if score is None or not score.loaded:
            continue
        terms.append(
            FramingTerm(
                ctx.doc_id,
                token.idx,
                token.idx + len(token),
                token.text,
                "evaluative",
                target_of(ctx, token, label_at),
                round(score.polarity, 3),
            )
        )
    return terms
