"""Grouping scored pairs: average-linkage agglomeration, one connected component at a time.

Two clusters merge while the mean score of the pairs between them (an
unscored pair counts 0) is at least the threshold. A merge needs at least
one pair scored at or above the threshold, so no cluster ever spans two
connected components of the graph of such pairs: each component is
clustered on its own (:func:`cluster_components`), which keeps the work
local and lets a later incremental run recompute only the components that
new documents touch.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from rashomon.link.blocks import Blocks, InProcess, balance


def average_linkage(
    n: int, scores: dict[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Merge clusters of ``range(n)`` while their mean pair score >= threshold."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), s in scores.items():
        sums[a][b] = s
        sums[b][a] = s
    heap = [(-s, a, b, 1, 1) for (a, b), s in scores.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        _, a, b, size_a, size_b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        if len(members[a]) != size_a or len(members[b]) != size_b:
            continue  # stale entry
        members[a].extend(members.pop(b))
        neighbours = sums.pop(b)
        neighbours.pop(a, None)
        sums[a].pop(b, None)
        for c, s in neighbours.items():
            sums[c].pop(b, None)
            total = sums[a].get(c, 0.0) + s
            sums[a][c] = total
            sums[c][a] = total
        size = len(members[a])
        for c, total in sums[a].items():
            mean = total / (size * len(members[c]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, a, c, size, len(members[c])))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


Component = tuple[list[int], dict[tuple[int, int], float]]  # items, scores of local pairs


def cluster_components(
    n: int,
    left: np.ndarray,
    right: np.ndarray,
    scores: np.ndarray,
    threshold: float,
    blocks: Blocks | None = None,
) -> list[list[int]]:
    """:func:`average_linkage` run per connected component of the pairs scored >=
    threshold; every other item is a singleton. The components are clustered in
    batches of about equal size on ``blocks`` (in this process by default)."""
    strong = scores >= threshold
    graph = sparse.csr_matrix(
        (np.ones(int(strong.sum())), (left[strong], right[strong])), shape=(n, n)
    )
    _, label = connected_components(graph, directed=False)
    component_of_pair = label[left]
    inside = component_of_pair == label[right]
    order = np.argsort(component_of_pair[inside], kind="stable")
    pl, pr, ps = left[inside][order], right[inside][order], scores[inside][order]
    pc = component_of_pair[inside][order]
    bounds = np.flatnonzero(np.diff(pc)) + 1
    components: list[Component] = []
    seen: set[int] = set()
    for lo, hi in zip(np.r_[0, bounds], np.r_[bounds, len(pc)], strict=True):
        if lo == hi:
            continue
        items = sorted(set(pl[lo:hi].tolist()) | set(pr[lo:hi].tolist()))
        if len(items) < 2:
            continue
        local = {g: k for k, g in enumerate(items)}
        pair_scores = {
            (local[a], local[b]): s
            for a, b, s in zip(
                pl[lo:hi].tolist(), pr[lo:hi].tolist(), ps[lo:hi].tolist(), strict=True
            )
        }
        components.append((items, pair_scores))
        seen.update(items)
    runner = blocks or InProcess()
    if runner.parallelism <= 1:
        batches = [components] if components else []
    else:
        picks = balance([len(c[1]) for c in components], runner.parallelism)
        batches = [[components[k] for k in pick] for pick in picks]
    groups = [
        g for part in runner.map("event-clusters", cluster_batch, batches, threshold) for g in part
    ]
    groups += [[i] for i in range(n) if i not in seen]
    return sorted((sorted(g) for g in groups), key=lambda g: g[0])


def cluster_batch(components: list[Component], threshold: float) -> list[list[int]]:
    """The clusters of a batch of components, as corpus indices."""
    groups = []
    for items, pair_scores in components:
        for group in average_linkage(len(items), pair_scores, threshold):
            groups.append([items[k] for k in group])
    return groups
