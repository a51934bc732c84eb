"""Local alignment of one candidate document pair: shared shingles to exact passages.

Seed and extend. The seeds are the positions where the two documents share a
usable shingle (see :mod:`rashomon.link.shingles`). Seeds that follow one
another on nearly the same diagonal are chained: a copied passage with a few
words substituted, inserted or deleted still leaves runs of intact shingles a
few words apart, and the chain bridges the gaps. Each chain is then aligned
word by word (Levenshtein opcodes over word ids, :mod:`rapidfuzz`) inside a
window a few words wider than the chain, so the passage grows back over edits
near its ends that broke every shingle there, and stops where the matching
words stop. Chains that sit next to each other in both documents are merged,
in any order, so a copied paragraph whose sentences were reordered is one
passage rather than several short ones.

All positions here are word indices; :mod:`rashomon.link.reuse` maps them to
character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Levenshtein

#: Most word positions between two consecutive seeds of one chain.
MAX_GAP = 12
#: Most words inserted or deleted between two consecutive seeds of one chain.
MAX_DRIFT = 4
#: Words of context aligned on each side of a chain to recover edited ends.
PAD = 8
#: Passages this close (in words) in both documents are merged.
MERGE_GAP = 8
#: A shingle repeated within a document gives at most this many seeds per copy.
MAX_REPEAT = 4


@dataclass
class Span:
    """Words [a0, a1) of one document aligned to words [b0, b1) of the other."""

    a0: int
    a1: int
    b0: int
    b1: int
    matched: int  # words aligned as equal


def usable_shingles(hashes: np.ndarray, usable: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A document's usable shingle hashes, sorted, with their word positions."""
    positions = np.flatnonzero(usable)
    order = np.argsort(hashes[positions], kind="stable")
    return hashes[positions][order], positions[order]


def seeds(
    a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]
) -> list[tuple[int, int]]:
    """(i, j) where shingle i of a equals shingle j of b, sorted; the arguments are
    :func:`usable_shingles` of each document."""
    (ha, pa), (hb, pb) = a, b
    common = np.intersect1d(ha, hb)
    if len(common) == 0:
        return []
    bounds = zip(
        np.searchsorted(ha, common, "left").tolist(),
        np.searchsorted(ha, common, "right").tolist(),
        np.searchsorted(hb, common, "left").tolist(),
        np.searchsorted(hb, common, "right").tolist(),
        strict=True,
    )
    out = [
        (i, j)
        for a0, a1, b0, b1 in bounds
        for i in pa[a0 : min(a1, a0 + MAX_REPEAT)].tolist()
        for j in pb[b0 : min(b1, b0 + MAX_REPEAT)].tolist()
    ]
    out.sort()
    return out


def chain(seed_list: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group seeds (sorted by i) into chains that run forward on nearly one diagonal."""
    open_chains: list[list[tuple[int, int]]] = []
    done: list[list[tuple[int, int]]] = []
    for i, j in seed_list:
        best, best_drift = None, MAX_DRIFT + 1
        still_open = []
        for c in open_chains:
            li, lj = c[-1]
            if i - li > MAX_GAP:
                done.append(c)
                continue
            still_open.append(c)
            di, dj = i - li, j - lj
            if di > 0 and 0 < dj <= MAX_GAP:
                drift = abs(dj - di)
                if drift < best_drift:
                    best, best_drift = c, drift
        open_chains = still_open
        if best is not None:
            best.append((i, j))
        else:
            open_chains.append([(i, j)])
    return done + open_chains


def refine(c: list[tuple[int, int]], a: np.ndarray, b: np.ndarray, k: int) -> Span:
    """The exact word span of one chain, grown over small edits at its ends."""
    ci0, cj0 = c[0]
    ci1, cj1 = c[-1][0] + k, c[-1][1] + k
    wa0, wb0 = max(0, ci0 - PAD), max(0, cj0 - PAD)
    wa1, wb1 = min(len(a), ci1 + PAD), min(len(b), cj1 + PAD)
    blocks = [
        (op.src_start + wa0, op.src_end + wa0, op.dest_start + wb0, op.dest_end + wb0)
        for op in Levenshtein.opcodes(a[wa0:wa1].tolist(), b[wb0:wb1].tolist())
        if op.tag == "equal"
    ]
    core = [n for n, (s0, s1, _, _) in enumerate(blocks) if s1 > ci0 and s0 < ci1]
    if not core:  # cannot happen for a chain of exact shingles; keep the chain itself
        return Span(ci0, ci1, cj0, cj1, ci1 - ci0)
    first, last = core[0], core[-1]
    while first > 0 and _joins(blocks[first - 1], blocks[first]):
        first -= 1
    while last < len(blocks) - 1 and _joins(blocks[last], blocks[last + 1]):
        last += 1
    chosen = blocks[first : last + 1]
    matched = sum(s1 - s0 for s0, s1, _, _ in chosen)
    return Span(chosen[0][0], chosen[-1][1], chosen[0][2], chosen[-1][3], matched)


def _joins(left: tuple[int, int, int, int], right: tuple[int, int, int, int]) -> bool:
    """Whether two equal blocks are close enough to be one edited passage.

    A single matching word is only accepted across a one-word gap, so a stray
    "the" a few words away does not widen the passage.
    """
    gap = max(right[0] - left[1], right[2] - left[3])
    size = min(left[1] - left[0], right[1] - right[0])
    return gap <= 3 and (size >= 2 or gap <= 1)


def merge(spans: list[Span]) -> list[Span]:
    """Merge spans that overlap or nearly touch in both documents (any order)."""
    spans = sorted(spans, key=lambda s: (s.a0, s.b0))
    changed = True
    while changed:
        changed = False
        out: list[Span] = []
        for s in spans:
            for t in out:
                if (
                    s.a0 - t.a1 <= MERGE_GAP
                    and t.a0 - s.a1 <= MERGE_GAP
                    and s.b0 - t.b1 <= MERGE_GAP
                    and t.b0 - s.b1 <= MERGE_GAP
                ):
                    t.a0, t.a1 = min(t.a0, s.a0), max(t.a1, s.a1)
                    t.b0, t.b1 = min(t.b0, s.b0), max(t.b1, s.b1)
                    t.matched += s.matched
                    changed = True
                    break
            else:
                out.append(Span(s.a0, s.a1, s.b0, s.b1, s.matched))
        spans = out
    for s in spans:
        s.matched = min(s.matched, s.a1 - s.a0, s.b1 - s.b0)
    return spans


def align_pair(
    sa: tuple[np.ndarray, np.ndarray],
    sb: tuple[np.ndarray, np.ndarray],
    a: np.ndarray,
    b: np.ndarray,
    k: int,
) -> list[Span]:
    """Every aligned stretch between two documents, one per chain, not yet merged
    (any length: the caller filters them, then calls :func:`merge`).

    ``sa``/``sb`` are :func:`usable_shingles`, ``a``/``b`` the word ids."""
    return [refine(c, a, b, k) for c in chain(seeds(sa, sb))]
