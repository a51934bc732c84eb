"""Coreference scores: MUC, B³, CEAF-e, LEA and the CoNLL F1.

Computed as the CoNLL-2012 reference scorer (v8.01) computes them.

Clusters are lists (or sets) of hashable mention ids; ``key`` is the gold
partition, ``response`` the system's. Definitions (Pradhan et al. 2014,
"Scoring Coreference Partitions of Predicted Mentions: A Reference
Implementation"; Moosavi & Strube 2016 for LEA):

* MUC (link-based): recall = Σ_K (|K| − |p(K)|) / Σ_K (|K| − 1), where p(K) is
  the partition of K by the response, a key mention absent from the response
  counting as its own part; precision swaps key and response. Singletons add
  nothing to MUC.
* B³: recall = Σ_K Σ_R |K∩R|² / |K| over Σ_K |K|; precision swaps the roles.
  As in the reference scorer, a mention missing from the other side adds
  nothing to the numerator (it is not made a singleton there).
* CEAF-e: the one-to-one alignment of key and response clusters maximising
  Σ φ₄, φ₄(K, R) = 2|K∩R| / (|K| + |R|) (Kuhn–Munkres); recall = Σφ₄ / #key,
  precision = Σφ₄ / #response.
* LEA: recall = Σ_K |K| · Σ_R link(K∩R) / link(K) over Σ_K |K|, link(n) =
  n(n−1)/2; a singleton has one self-link, resolved when the mention is a
  singleton on the other side too.
* CoNLL F1 = mean of the MUC, B³ and CEAF-e F1.

``remove_singletons`` drops one-mention clusters from a partition (the
"without singletons" setting: applied to key and response alike).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

Clusters = Sequence[Iterable[Hashable]]
PRF = tuple[float, float, float]


def _sets(clusters: Clusters) -> list[frozenset]:
    return [frozenset(c) for c in clusters if len(frozenset(c)) > 0]


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _prf(p_num: float, p_den: float, r_num: float, r_den: float) -> PRF:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return p, r, _f1(p, r)


def _index(clusters: list[frozenset]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def remove_singletons(clusters: Clusters) -> list[frozenset]:
    return [c for c in _sets(clusters) if len(c) > 1]


def _muc_recall(key: list[frozenset], response: list[frozenset]) -> tuple[float, float]:
    where = _index(response)
    num = den = 0.0
    for cluster in key:
        parts = {where.get(m, ("missing", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(key: Clusters, response: Clusters) -> PRF:
    k, r = _sets(key), _sets(response)
    r_num, r_den = _muc_recall(k, r)
    p_num, p_den = _muc_recall(r, k)
    return _prf(p_num, p_den, r_num, r_den)


def _b3_recall(key: list[frozenset], response: list[frozenset]) -> tuple[float, float]:
    where = _index(response)
    num = den = 0.0
    for cluster in key:
        counts: dict[int, int] = {}
        for m in cluster:
            if m in where:
                counts[where[m]] = counts.get(where[m], 0) + 1
        num += sum(c * c for c in counts.values()) / len(cluster)
        den += len(cluster)
    return num, den


def b_cubed(key: Clusters, response: Clusters) -> PRF:
    k, r = _sets(key), _sets(response)
    r_num, r_den = _b3_recall(k, r)
    p_num, p_den = _b3_recall(r, k)
    return _prf(p_num, p_den, r_num, r_den)


def ceaf_e(key: Clusters, response: Clusters) -> PRF:
    k, r = _sets(key), _sets(response)
    if not k or not r:
        return 0.0, 0.0, 0.0
    where = _index(r)
    similarity = np.zeros((len(k), len(r)))
    for i, cluster in enumerate(k):
        for m in cluster:
            j = where.get(m)
            if j is not None:
                similarity[i, j] += 1
    sizes_k = np.array([len(c) for c in k])[:, None]
    sizes_r = np.array([len(c) for c in r])[None, :]
    phi = 2 * similarity / (sizes_k + sizes_r)
    rows, cols = linear_sum_assignment(phi, maximize=True)
    total = float(phi[rows, cols].sum())
    return _prf(total, len(r), total, len(k))


def _links(n: int) -> float:
    return n * (n - 1) / 2


def _lea_recall(key: list[frozenset], response: list[frozenset]) -> tuple[float, float]:
    where = _index(response)
    num = den = 0.0
    for cluster in key:
        size = len(cluster)
        if size == 1:
            (m,) = cluster
            j = where.get(m)
            resolved = 1.0 if j is not None and len(response[j]) == 1 else 0.0
        else:
            counts: dict[int, int] = {}
            for m in cluster:
                if m in where:
                    counts[where[m]] = counts.get(where[m], 0) + 1
            resolved = sum(_links(c) for c in counts.values()) / _links(size)
        num += size * resolved
        den += size
    return num, den


def lea(key: Clusters, response: Clusters) -> PRF:
    k, r = _sets(key), _sets(response)
    r_num, r_den = _lea_recall(k, r)
    p_num, p_den = _lea_recall(r, k)
    return _prf(p_num, p_den, r_num, r_den)


def conll_f1(key: Clusters, response: Clusters) -> dict[str, PRF | float]:
    """Every metric, plus ``conll`` = mean of the MUC, B³ and CEAF-e F1 (a float)."""
    scores: dict[str, PRF | float] = {
        "muc": muc(key, response),
        "b3": b_cubed(key, response),
        "ceafe": ceaf_e(key, response),
        "lea": lea(key, response),
    }
    scores["conll"] = sum(scores[name][2] for name in ("muc", "b3", "ceafe")) / 3  # type: ignore[index]
    return scores
