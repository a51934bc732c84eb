"""The quantity extractor: one parsed document in, its :class:`Quantity` list out."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from rashomon.extract.quantities.builder import Found, build
from rashomon.extract.quantities.context import build_context
from rashomon.extract.quantities.lexicon import (
    CURRENCY_PREFIXES,
    NUMBER_WORDS,
    SCALE_ABBREVIATIONS,
    VAGUE_MULTIPLIERS,
    VAGUE_PLURALS,
)
from rashomon.extract.quantities.numbers import is_number_word
from rashomon.model import Quantity

# Cheap pre-check: only tokens holding a digit or a currency sign, or words that
# can open an amount ("two", "hundreds", "a", "several") go to the rules.
_STARTS = frozenset("0123456789$£€¥₹₽₩₪~.")
_DIGIT = re.compile(r"\d")
_START_WORDS = (
    NUMBER_WORDS
    | set(VAGUE_PLURALS)
    | {phrase[0] for phrase in VAGUE_MULTIPLIERS}
    | {"a", "half"}
    | {code for code in CURRENCY_PREFIXES if code.isalpha()}
)


def _maybe_number(text: str) -> bool:
    return (
        text[0] in _STARTS
        or _DIGIT.search(text) is not None
        or text.lower() in _START_WORDS
        or ("-" in text and is_number_word(text))
    )


def _to_quantity(doc: Doc, text: str, doc_id: str, found: Found) -> Quantity:
    start = doc[found.start].idx
    last = doc[found.end - 1]
    end = last.idx + len(last.text)
    if last.text.endswith(".") and last.lower_.rstrip(".") in SCALE_ABBREVIATIONS:
        end -= 1  # "£3m." at the end of a sentence: leave the full stop out
    return Quantity(
        doc=doc_id,
        start=start,
        end=end,
        text=text[start:end],
        value=found.value,
        low=found.low,
        high=found.high,
        approximate=found.approximate,
        unit=found.unit,
        counted=found.counted,
    )


def find_quantities(doc: Doc, doc_id: str, masked: list[tuple[int, int]]) -> list[Quantity]:
    """Every counted amount in ``doc``, sorted by start offset.

    ``masked`` holds the character spans already claimed by temporal
    expressions; no quantity overlaps them. See the package docstring for the
    value/low/high conventions.
    """
    ctx = build_context(doc, masked)
    found: list[Found] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if i in ctx.blocked or not _maybe_number(tok.text):
            i += 1
            continue
        quantity, next_i = build(ctx, i)
        if quantity is not None:
            if found and quantity.start < found[-1].end:
                quantity.start = found[-1].end  # never overlap the previous one
            if quantity.start < quantity.end:
                found.append(quantity)
        i = max(next_i, i + 1)
    return [_to_quantity(doc, ctx.text, doc_id, f) for f in found]
