"""Per-document lookups the quantity rules share: which tokens are masked
(temporal expressions, phone numbers), which entity or noun chunk a token is in.

Built once per document so that each rule is a dictionary lookup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from rashomon.extract.quantities.lexicon import NAME_LABELS, TEMPORAL_LABELS

# Phone numbers: "555-1234", "(202) 555-0100", "+44 20 7946 0958", "020 7946 0958".
PHONE_RE = re.compile(
    r"(?<![\w,.])(?:"
    r"\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){1,4}"
    r"|\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}"
    r"|0\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{3,4}"
    r"|\d{3}[.-]\d{3}[.-]\d{4}"
    r"|\d{3}-\d{4}"
    r")(?![\w,])"
)


@dataclass(slots=True)
class DocContext:
    doc: Doc
    text: str = ""  # doc.text, which spaCy rebuilds on every access
    blocked: set[int] = field(default_factory=set)  # masked token indices
    _chunk_of: dict[int, Span] | None = None
    name_ent_of: dict[int, Span] = field(default_factory=dict)
    temporal_ent_of: dict[int, Span] = field(default_factory=dict)
    # Digit strings used as model numbers somewhere in the document ("Boeing 787"):
    # then "the 787" elsewhere is the model too.
    label_numbers: set[str] = field(default_factory=set)


def chunk_of(ctx: DocContext, i: int) -> Span | None:
    """The noun chunk holding token ``i`` (chunks are computed on first use)."""
    if ctx._chunk_of is None:
        ctx._chunk_of = {}
        if ctx.doc.has_annotation("DEP"):
            for chunk in ctx.doc.noun_chunks:
                for k in range(chunk.start, chunk.end):
                    ctx._chunk_of[k] = chunk
    return ctx._chunk_of.get(i)


def _block_chars(ctx: DocContext, start: int, end: int) -> None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        ctx.blocked.update(range(span.start, span.end))


def _looks_like_range(text: str) -> bool:
    """ "300-1000" is a range, "555-1234" a phone number."""
    parts = text.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return False
    low, high = int(parts[0]), int(parts[1])
    return low < high and high % 100 == 0


def _names_a_model(doc: Doc, i: int) -> bool:
    """ "Boeing 787", "Airbus 380", "787-8": a number glued to a brand or a suffix.

    A number hyphenated to a lower-case noun is a measure, not a name: "a 60-page
    report", "the 12-word motto"."""
    prev = doc[i - 1]
    if prev.pos_ == "PROPN" and prev.is_alpha and prev.text[:1].isupper() and prev.is_title:
        return prev.ent_type_ not in TEMPORAL_LABELS
    if doc[i].ent_type_ == "PRODUCT":
        return True
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return (
        nxt is not None
        and not doc[i].whitespace_
        and nxt.text in ("-", "/")
        and i + 2 < len(doc)
        and not nxt.whitespace_
        and any(c.isalpha() for c in doc[i + 2].text)
        and not (doc[i + 2].is_lower and doc[i + 2].tag_ == "NN")
    )


def build_context(doc: Doc, masked: list[tuple[int, int]]) -> DocContext:
    text = doc.text
    ctx = DocContext(doc, text)
    for start, end in masked:
        if 0 <= start < end <= len(text):
            _block_chars(ctx, start, end)
    if any(c in text for c in "-+()"):
        for match in PHONE_RE.finditer(text):
            if not _looks_like_range(match.group()):
                _block_chars(ctx, match.start(), match.end())
    for tok in doc:
        if tok.text.isdigit() and tok.i > 0 and _names_a_model(doc, tok.i):
            ctx.label_numbers.add(tok.text)
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            target = ctx.name_ent_of
        elif ent.label_ in TEMPORAL_LABELS:
            target = ctx.temporal_ent_of
        else:
            continue
        for i in range(ent.start, ent.end):
            target[i] = ent
    return ctx
