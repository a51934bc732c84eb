"""Copied text: passages of at least ~25 words that one document took from another.

``find_reuse`` finds near-verbatim and lightly edited reuse (a few words
substituted, inserted or deleted; sentences reordered) between documents, for
instance an outlet running wire copy, or quoting an encyclopedia without
saying so. It works in three steps, each in its own module:

1. :mod:`~rashomon.link.shingles`: every document is cut into hashed word
   5-grams; one sort of all hashes finds the documents that share rare
   shingles. Shingles found in more than ``max_df`` documents are stock
   phrases and are ignored. Only pairs sharing at least ``min_shared`` rare
   shingles are looked at, so the cost grows near-linearly with the corpus,
   never with the number of document pairs.
2. :mod:`~rashomon.link.align`: for each candidate pair the shared shingles
   are chained and aligned word by word to exact passage boundaries.
3. Here: passages are kept if they are long enough, mostly matching, not a
   list of names or figures, and not a quotation; word spans become
   character offsets into :attr:`Document.text`.

Quotations. Two independent articles that both print the same 25-word
quotation of a politician share a passage, but nobody copied from anybody:
both heard (or read) the speaker. ``Reuse`` has no field to say so, so such a
passage is **not** reported when the words the two sides share lie (almost)
entirely inside quotation marks in both documents: at most ``max(3, 10%)``
of the aligned words outside them, which leaves room for a shared "he said";
attributions that differ ("Mr. Trump said in a statement" / "he said") are
not shared words and do not count. A quotation that one source
prints as its own prose, or a quotation copied together with the narrative
around it, *is* reported. Quotes are the quote extractor's business.

Direction: ``a`` is the document published first and ``earlier`` its id;
dates are compared at their common precision ("2008-03-01" vs
"2008-03-01T16:12" is a tie), and on a tie or an unknown date ``earlier`` is
None and ``a`` is the document that came first in the input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Levenshtein

from rashomon.link.align import Span, align_pair, merge, usable_shingles
from rashomon.link.blocks import Blocks, InProcess, split
from rashomon.link.shingles import (
    build_index,
    normalise,
    shingle_hashes,
    word_ids,
    word_spans,
    words_with_offsets,
)
from rashomon.model import Document, Passage, Reuse

#: Shingle length in words.
K = 5
#: Shingles found in more documents than this are stock phrases.
MAX_DF = 50
#: A pair of documents is aligned only if it shares this many distinct rare shingles.
MIN_SHARED = 3
#: Words aligned as equal, as a share of the shorter side's words.
MIN_COVERAGE = 0.6
#: Share of a passage's words that must be ordinary lowercase words (not a list
#: of names or a table of figures).
MIN_PROSE = 0.3

_OPENING = '"“‘«(['
_CLOSING = ".,;:!?\"”’'»)]"
_QUOTE_OR_BREAK = re.compile(r"[\"“”]|\n\s*\n")


def find_reuse(
    documents: Sequence[Document],
    min_words: int = 25,
    *,
    max_df: int = MAX_DF,
    min_shared: int = MIN_SHARED,
    blocks: Blocks | None = None,
) -> list[Reuse]:
    """Passages of at least ``min_words`` words shared by two documents.

    ``words`` of each result is the number of words of its shorter side and
    ``similarity`` the share of the longer side's words aligned as equal to a
    word of the other side (1.0: verbatim). For a passage copied in order this
    is the word-level normalised edit similarity; unlike it, swapped sentences
    cost only the words at the seams.
    Results are ordered by document pair (input order), then position.

    The candidate pairs are aligned in blocks on ``blocks`` (in this process
    by default); each block carries the documents of its pairs and their word
    ids, so a block's results do not depend on the others nor on where it ran.
    """
    ids = [word_ids(d.text) for d in documents]
    index = build_index(ids, K, max_df, max(1, min_shared))
    pairs = [(x, y) for x, y in index.pairs.tolist() if documents[x].id != documents[y].id]
    # A word's id is Python's hash of it, which differs from process to process: a
    # block gets the ids made here, or, for a text whose casefolding changes its
    # length (ids made word by word), its tokens.
    words: dict[int, np.ndarray | _Tokens] = {}
    for n in sorted({n for pair in pairs for n in pair}):
        text = documents[n].text
        same = len(normalise(text)) == len(text)
        words[n] = ids[n] if same else _Tokens.of(text, index.rare)
    del ids
    runner = blocks or InProcess()
    jobs = []
    for part in split(pairs, runner.parallelism):
        named = {n for pair in part for n in pair}
        jobs.append(PairBlock(part, {n: documents[n] for n in named}, {n: words[n] for n in named}))
    shared = (index.rare, min_words)
    found = [f for part in runner.map("reuse", align_block, jobs, shared) for f in part]
    found.sort(key=lambda f: f[:3])
    return [f[3] for f in found]


@dataclass
class PairBlock:
    """Candidate pairs (indices into the corpus), with the documents they name and
    those documents' word ids (or tokens)."""

    pairs: list[tuple[int, int]]
    documents: dict[int, Document]
    words: dict[int, np.ndarray | _Tokens]

    def __len__(self) -> int:
        return len(self.pairs)


def align_block(
    block: PairBlock, shared: tuple[np.ndarray, int]
) -> list[tuple[int, int, int, Reuse]]:
    """The passages of a block's pairs, each with its pair and first word for ordering;
    ``shared``: the index's rare shingles and the least words of a passage."""
    rare, min_words = shared
    cache: dict[int, _Tokens] = {}

    def tokens(n: int) -> _Tokens:
        if n not in cache:
            given = block.words[n]
            cache[n] = (
                given
                if isinstance(given, _Tokens)
                else _Tokens.of(block.documents[n].text, rare, given)
            )
        return cache[n]

    found: list[tuple[int, int, int, Reuse]] = []
    for x, y in block.pairs:
        dx, dy = block.documents[x], block.documents[y]
        tx, ty = tokens(x), tokens(y)
        # a list of names or figures is no evidence of copying, nor does it join
        # the stretches around it into one passage
        spans = [
            s
            for s in align_pair(tx.shingles, ty.shingles, tx.ids, ty.ids, K)
            if _prose(dx.text, tx.starts, s.a0, s.a1)
        ]
        for span in _keep(merge(spans), min_words):
            if _shared_quote(tx, ty, span):
                continue
            px = _passage(dx, tx, span.a0, span.a1)
            py = _passage(dy, ty, span.b0, span.b1)
            earlier = earlier_of(dx, dy)
            first, second = (py, px) if earlier == dy.id else (px, py)
            reuse = Reuse(
                a=first,
                b=second,
                words=min(span.a1 - span.a0, span.b1 - span.b0),
                similarity=round(span.matched / max(span.a1 - span.a0, span.b1 - span.b0), 4),
                earlier=earlier,
            )
            found.append((x, y, span.a0, reuse))
    return found


@dataclass
class _Tokens:
    """One candidate document's words with offsets, shingles and quotations,
    computed only for documents that have a candidate partner."""

    ids: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    shingles: tuple[np.ndarray, np.ndarray]  # usable hashes, sorted, and positions
    quotes: tuple[np.ndarray, np.ndarray]

    @classmethod
    def of(cls, text: str, rare: np.ndarray, ids: np.ndarray | None = None) -> _Tokens:
        """The tokens of ``text``; ``ids``, when given, are :func:`word_ids` of it."""
        if ids is None:
            ids, starts, ends = words_with_offsets(text)
        else:  # ids made in another process: only the offsets are made here
            spans = word_spans(text)
            if spans is None or len(spans[0]) != len(ids):
                raise ValueError("the word ids given are not this text's")
            starts, ends = spans
        # Casefolding a whole text and one word at a time can differ (a dotted
        # capital I); then the index's hashes are not this word sequence's.
        hashes = shingle_hashes(ids, K)
        # ``rare`` (the index's rare shingles) is sorted and unique: a binary search
        # beats np.isin's sort
        at = np.minimum(np.searchsorted(rare, hashes), max(len(rare) - 1, 0))
        usable = rare[at] == hashes if len(rare) else np.zeros(len(hashes), bool)
        shingles = usable_shingles(hashes, usable)
        return cls(ids, starts, ends, shingles, quoted_spans(text))


def _keep(spans: list[Span], min_words: int) -> list[Span]:
    """Long, mostly matching spans; of two overlapping on both sides, the longer."""
    good = [
        s
        for s in spans
        if min(s.a1 - s.a0, s.b1 - s.b0) >= min_words
        and s.matched >= MIN_COVERAGE * min(s.a1 - s.a0, s.b1 - s.b0)
    ]
    good.sort(key=lambda s: s.matched, reverse=True)
    kept: list[Span] = []
    for s in good:
        if not any(s.a0 < t.a1 and t.a0 < s.a1 and s.b0 < t.b1 and t.b0 < s.b1 for t in kept):
            kept.append(s)
    return kept


def _passage(doc: Document, tokens: _Tokens, w0: int, w1: int) -> Passage:
    """Character span of words [w0, w1), widened over an adjoining opening quote or
    bracket and the closing punctuation right after the last word."""
    start, end = int(tokens.starts[w0]), int(tokens.ends[w1 - 1])
    text = doc.text
    if start > 0 and text[start - 1] in _OPENING:
        start -= 1
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    return Passage(doc.id, start, end)


def _prose(text: str, starts: np.ndarray, w0: int, w1: int) -> bool:
    """Whether enough of the words are lowercase words (not names or numbers)."""
    lower = sum(1 for s in starts[w0:w1].tolist() if text[s].islower())
    return lower >= MIN_PROSE * (w1 - w0)


def quoted_spans(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Character spans inside double quotation marks, as sorted (starts, ends).

    Curly quotes pair up; straight ones toggle. A quote left open at the end
    of a paragraph (the newspaper habit for multi-paragraph quotations) ends
    there.
    """
    spans: list[tuple[int, int]] = []
    open_at = None
    for m in _QUOTE_OR_BREAK.finditer(text):
        ch = m.group()
        if ch[0] not in '"“”':  # a paragraph break closes an open quote
            if open_at is not None:
                spans.append((open_at, m.start()))
            open_at = None
        elif ch == "“" or (ch == '"' and open_at is None):
            open_at = m.start()
        elif open_at is not None:
            spans.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return (
        np.array([s for s, _ in spans], dtype=np.int64),
        np.array([e for _, e in spans], dtype=np.int64),
    )


def _shared_quote(tx: _Tokens, ty: _Tokens, span: Span) -> bool:
    """Whether what the two sides share lies inside quotation marks in both: at
    most ``max(3, 10%)`` of the aligned (equal) words of each side outside them."""
    a, b = tx.ids[span.a0 : span.a1].tolist(), ty.ids[span.b0 : span.b1].tolist()
    ea, eb = [], []
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "equal":
            ea.extend(range(span.a0 + op.src_start, span.a0 + op.src_end))
            eb.extend(range(span.b0 + op.dest_start, span.b0 + op.dest_end))
    if not ea:
        return False
    limit = max(3, 0.1 * len(ea))
    return _outside(tx, ea) <= limit and _outside(ty, eb) <= limit


def _outside(tokens: _Tokens, words: list[int]) -> int:
    """How many of these words lie outside quotation marks."""
    q0, q1 = tokens.quotes
    ws = tokens.starts[words]
    if len(q0) == 0:
        return len(ws)
    n = np.searchsorted(q0, ws, "right") - 1
    inside = (n >= 0) & (ws < q1[np.maximum(n, 0)])
    return int((~inside).sum())


def earlier_of(x: Document, y: Document) -> str | None:
    """The id of the document published first, comparing ISO dates at their
    common precision; None if either date is unknown or they tie."""
    if not x.published or not y.published:
        return None
    n = min(len(x.published), len(y.published))
    px, py = x.published[:n], y.published[:n]
    if px == py:
        return None
    return x.id if px < py else y.id
