"""Candidate pairs of statements: entity blocks and embedding cells (an IVF index)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

from rashomon.link.claims.statements import CELL_MAX, CELL_SIZE, PAIR_MIN, _Stmt


def _kmeans(vectors: np.ndarray, k: int, seed: int = 0, rounds: int = 6) -> np.ndarray:
    """Centroids of a spherical k-means (cosine), k-means++-lite seeded."""
    rng = np.random.default_rng(seed)
    n = len(vectors)
    centroids = vectors[rng.choice(n, size=min(k, n), replace=False)].copy()
    for _ in range(rounds):
        assign = np.argmax(vectors @ centroids.T, axis=1)
        for c in range(len(centroids)):
            members = vectors[assign == c]
            if len(members):
                mean = members.sum(axis=0)
                centroids[c] = mean / max(float(np.linalg.norm(mean)), 1e-9)
    return centroids


def embedding_cells(vectors: np.ndarray, probes: int = 2, seed: int = 0) -> list[np.ndarray]:
    """Blocks of statement indices: an IVF partition of the embeddings.

    At most 256 cells per level, so assignment stays linear; each statement
    is put in its ``probes`` nearest cells; cells larger than :data:`CELL_MAX`
    are split again (with one probe)."""
    n = len(vectors)
    if n <= CELL_MAX:
        return [np.arange(n)]
    out: list[np.ndarray] = []

    def split(indices: np.ndarray, probe: int, depth: int) -> None:
        if len(indices) <= CELL_MAX or depth > 4:
            out.append(indices)
            return
        k = min(256, max(2, math.ceil(len(indices) / CELL_SIZE)))
        sub = vectors[indices]
        centroids = _kmeans(sub, k, seed + depth)
        sims = sub @ centroids.T
        nearest = np.argsort(-sims, axis=1)[:, :probe]
        for c in range(len(centroids)):
            members = indices[np.any(nearest == c, axis=1)]
            if len(members) == len(indices):  # no progress: give up splitting
                out.append(members)
            elif len(members) > 1:
                split(members, 1, depth + 1)

    split(np.arange(n), probes, 0)
    return out


def candidate_pairs(
    stmts: Sequence[_Stmt], vectors: np.ndarray, blocks: Iterable[np.ndarray]
) -> dict[tuple[int, int], float]:
    """Cross-document pairs with cosine ≥ :data:`PAIR_MIN`, found inside the blocks."""
    doc_codes: dict[str, int] = {}
    docs = np.array([doc_codes.setdefault(s.mention.doc, len(doc_codes)) for s in stmts])
    found_i, found_j, found_s = [], [], []
    for block in blocks:
        if len(block) < 2:
            continue
        block = np.asarray(block)
        sims = vectors[block] @ vectors[block].T
        rows, cols = np.nonzero(np.triu(sims >= PAIR_MIN, k=1))
        i, j = block[rows], block[cols]
        keep = docs[i] != docs[j]
        found_i.append(np.minimum(i, j)[keep])
        found_j.append(np.maximum(i, j)[keep])
        found_s.append(sims[rows, cols][keep])
    if not found_i:
        return {}
    i = np.concatenate(found_i)
    j = np.concatenate(found_j)
    sims = np.concatenate(found_s)
    codes, first = np.unique(i.astype(np.int64) * len(stmts) + j, return_index=True)
    return {
        (int(a), int(b)): float(c)
        for a, b, c in zip(i[first].tolist(), j[first].tolist(), sims[first].tolist(), strict=True)
    }


def _score(a: _Stmt, b: _Stmt, similarity: float) -> float:
    score = similarity
    shared = len(set(a.entities) & set(b.entities))
    score += 0.03 * min(shared, 2)
    if {t.value for t in a.times} & {t.value for t in b.times}:
        score += 0.03
    if any(not k.endswith("|") for k in a.by_key.keys() & b.by_key.keys()):
        score += 0.03
    return score
