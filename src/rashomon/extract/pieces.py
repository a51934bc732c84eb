"""Long texts analysed whole, in pieces: a 300-page report is one document.

spaCy refuses a text over ``nlp.max_length`` and its memory grows with the
text; some extractors also look at the whole document for each mention. So a
text longer than :data:`PIECE_CHARS` is cut into pieces at paragraph
boundaries (else line, sentence or word boundaries; a hard cut only for a
text without any), each piece is analysed as a document of its own, and the
findings are merged with their offsets shifted back, so every finding points
into the full text. Per-document cost then grows linearly with the length,
whatever the extractors do inside a piece.

What a piece cannot see: a short name resolved from a full name in an earlier
piece ("Barksdale" after "William Barksdale" 100,000 characters before) keeps
its own key. Pieces are long (tens of pages), so that is rare.

Why by hand: splitting at the last paragraph break before a limit and shifting
offsets is a few lines; no library does the merge of our data model.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from typing import Any

from rashomon.model import Document, DocumentAnalysis

# Characters per piece: a long magazine article fits in one; a report of
# hundreds of pages becomes a few dozen pieces, each parsed in about a second.
PIECE_CHARS = 100_000

# Where to cut, best first; each pattern matches the separator the cut follows.
BOUNDARIES = (
    re.compile(r"\n[ \t]*\n\s*"),  # a paragraph break
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?][\"'”’)\]]*\s+"),  # a sentence end
    re.compile(r"\s+"),  # a word boundary
)


def needs_pieces(text: str, limit: int | None = None) -> bool:
    return len(text) > (limit or PIECE_CHARS)


def piece_bounds(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` spans that cover ``text`` in order, each at most ``limit`` long.

    Each cut falls after the last separator of the best kind found in the
    second half of the window, so no piece is shorter than half the limit
    (except the last).
    """
    limit = limit or PIECE_CHARS
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = window_end
        for pattern in BOUNDARIES:
            found = last_match_end(pattern, text, start + limit // 2, window_end)
            if found is not None:
                cut = found
                break
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def last_match_end(pattern: re.Pattern[str], text: str, low: int, high: int) -> int | None:
    """Where the last match of ``pattern`` inside ``text[low:high]`` ends, or ``None``."""
    end = None
    for match in pattern.finditer(text, low, high):
        end = match.end()
    return end


def shift_offsets(item: Any, by: int) -> None:
    """Add ``by`` to every character offset of a finding, in place.

    Offsets are the ``int`` fields named ``start``, ``end`` or ending in
    ``_start``/``_end``, on the finding and on any dataclass it holds.
    """
    for field in dataclasses.fields(item):
        value = getattr(item, field.name)
        name = field.name
        if isinstance(value, int) and not isinstance(value, bool):
            if name in ("start", "end") or name.endswith(("_start", "_end")):
                setattr(item, name, value + by)
        elif dataclasses.is_dataclass(value):
            shift_offsets(value, by)
        elif isinstance(value, list):
            for element in value:
                if dataclasses.is_dataclass(element):
                    shift_offsets(element, by)


FINDING_LISTS = tuple(
    f.name for f in dataclasses.fields(DocumentAnalysis) if f.name not in ("document", "words")
)


def pieces_of(document: Document, limit: int | None = None) -> Iterator[tuple[int, Document]]:
    """``(offset, piece)`` for each piece: a copy of the document holding that span."""
    for start, end in piece_bounds(document.text, limit):
        yield start, dataclasses.replace(document, text=document.text[start:end])


def analyse_in_pieces(
    document: Document,
    analyse: Callable[[Document], DocumentAnalysis],
    limit: int | None = None,
) -> DocumentAnalysis:
    """One analysis of the whole document from ``analyse`` run on each piece."""
    merged = DocumentAnalysis(document=document)
    for offset, piece in pieces_of(document, limit):
        part = analyse(piece)
        merged.words += part.words
        for name in FINDING_LISTS:
            findings = getattr(part, name)
            for finding in findings:
                shift_offsets(finding, offset)
            getattr(merged, name).extend(findings)
    return merged
