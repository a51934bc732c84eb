"""The counted noun: what a number counts ("2,000 residents", "80% of the town").

Three readings, tried in order, all from the spaCy parse:

1. ``of`` + noun phrase right after the amount: "thousands of people",
   "80% of the town", "two of the victims".
2. The amount sits inside a noun chunk whose root follows it:
   "179 new aerial refueling tankers" -> "tankers".
3. The last number token is a ``nummod``/``quantmod`` of a noun a few tokens on.

Before these, a number hyphenated to a singular noun counts that noun: "a 60-page
report" gives 60 pages (of the report), "the 12-word motto" 12 words; read as
"60 ... report" it would look like a model name ("a 737 airliner") and be dropped.

The counted word is the head noun's text, lower-cased unless it is a proper noun.
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.extract.quantities.context import DocContext, chunk_of
from rashomon.extract.quantities.lexicon import TIME_WORDS
from rashomon.extract.quantities.numbers import is_number_word

_NOUNS = {"NOUN", "PROPN"}
_MAX_GAP = 5  # tokens allowed between the amount and its noun ("179 new aerial refueling")
_OF_STARTERS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"}


def through_hyphen(token: Token) -> Token:
    """The last word of a hyphenated noun: "co-workers" is counted as workers, not "co"
    (the tokenizer splits it at the hyphen, and the parse may make "co" the head)."""
    doc = token.doc
    current = token
    while (
        current.i + 2 < len(doc)
        and not current.whitespace_
        and doc[current.i + 1].text == "-"
        and not doc[current.i + 1].whitespace_
        and doc[current.i + 2].is_alpha
    ):
        current = doc[current.i + 2]
    return current


def counted_text(token: Token) -> str:
    return token.text if token.pos_ == "PROPN" else token.lower_


def _clean_gap(ctx: DocContext, start: int, stop: int) -> bool:
    """No punctuation (but hyphens) and no other number between start and stop."""
    doc = ctx.doc
    for i in range(start, stop):
        tok = doc[i]
        if tok.is_punct and tok.text not in "-–":
            return False
        if tok.like_num or is_number_word(tok.lower_):
            return False
        if tok.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ"):
            return False
    return True


def _usable(token: Token) -> bool:
    return (
        token.pos_ in _NOUNS
        and token.lower_ not in TIME_WORDS
        and not token.like_num
        and not any(c.isdigit() for c in token.text)
    )


def counted_after_hyphen(ctx: DocContext, end: int) -> Token | None:
    """The noun of "48-page" when token ``end`` is the hyphen right after the number and a
    noun phrase goes on after that noun ("a 60-page report")."""
    doc = ctx.doc
    if end + 2 >= len(doc) or doc[end].text not in ("-", "\u2013") or doc[end].whitespace_:
        return None
    noun = doc[end + 1]
    if noun.tag_ != "NN" or not _usable(noun) or doc[end - 1].whitespace_:
        return None
    if noun.head.i <= noun.i or doc[noun.head.i].pos_ not in _NOUNS:
        return None
    return noun


def counted_after_of(ctx: DocContext, end: int) -> Token | None:
    """The head of "of the town" when token ``end`` is "of"."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    chunk = chunk_of(ctx, end + 1)
    if chunk is None or chunk.start != end + 1:
        return None
    root = chunk.root
    if root.pos_ == "PRON" or not _usable(root):
        return None
    if doc[end + 1].pos_ not in _OF_STARTERS:
        return None
    return root


def counted_following(ctx: DocContext, last: int, end: int) -> Token | None:
    """The noun that the number ending at token ``last`` (exclusive ``end``) counts."""
    doc = ctx.doc
    chunk = chunk_of(ctx, last)
    if chunk is not None and chunk.root.i >= end:
        root = chunk.root
        if root.i - end <= _MAX_GAP and _usable(root) and _clean_gap(ctx, end, root.i):
            return root
    head = doc[last].head
    if (
        doc[last].dep_ in ("nummod", "quantmod", "compound", "amod", "nmod")
        and end <= head.i <= end + _MAX_GAP
        and _usable(head)
        and _clean_gap(ctx, end, head.i)
    ):
        return head
    return None
