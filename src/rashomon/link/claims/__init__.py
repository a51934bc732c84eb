"""Claims across sources: statements that assert the same thing, and who disputes them.

Linking runs in three steps, each near-linear in the number of statements:

1. **Candidates.** Statements are compared only inside blocks: the statements
   naming the same (corpus) entity, when that block is small, and the cells of
   a hierarchical k-means partition of the sentence embeddings (an IVF index:
   each statement goes to its two nearest cells, big cells are split again).
   Within a block the cosine similarities are one small matrix product; never
   all pairs of the corpus.
2. **Groups.** Candidate pairs from different documents whose similarity
   (cosine, plus a little for a shared entity, date or counted thing) passes
   :data:`EDGE_MIN` are merged strongest first, and two groups merge only when
   their centroids stay close (:data:`MERGE_MIN`), so a chain of near
   neighbours does not snowball into one topic-sized group.
3. **Verdicts.** Inside a group, each pair of statements from different
   documents is checked for a conflict: a different number for the same counted
   thing (ranges and approximations that overlap agree), a date that cannot
   be the same, a different actor or object of the same kind, or a negation /
   denial on one side only. The representative is the statement most others
   agree with (then the most central); documents agreeing with it support the
   claim, documents whose every statement conflicts with it contradict it, with
   the reason and both sides' attributions. Documents that name the group's main
   entities but have no statement in it are *silent*.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from rashomon.link.claims.candidates import _score, candidate_pairs, embedding_cells
from rashomon.link.claims.conflicts import conflict, unrelated
from rashomon.link.claims.statements import (
    BLOCK_MAX,
    EDGE_MIN,
    MAX_GROUP_CHECK,
    MERGE_MIN,
    _statements,
    _Stmt,
    quantity_interval,
    time_interval,
)
from rashomon.model import (
    Claim,
    ClaimMention,
    Contradiction,
    DocumentAnalysis,
    MentionRef,
)

__all__ = [
    "candidate_pairs",
    "conflict",
    "embedding_cells",
    "link_claims",
    "quantity_interval",
    "time_interval",
    "top_agreed",
    "top_disputed",
    "unrelated",
]


def cluster(
    stmts: Sequence[_Stmt], vectors: np.ndarray, pairs: Mapping[tuple[int, int], float]
) -> list[list[int]]:
    """Groups of statement indices: strongest edges first, centroid-checked merges."""
    parent = list(range(len(stmts)))
    sums: dict[int, np.ndarray] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scored = sorted(
        ((_score(stmts[i], stmts[j], s), i, j) for (i, j), s in pairs.items()), reverse=True
    )
    for score, i, j in scored:
        if score < EDGE_MIN:
            break
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        si = sums.get(ri)
        sj = sums.get(rj)
        if si is None:
            si = vectors[ri].copy()
        if sj is None:
            sj = vectors[rj].copy()
        centroid_i = si / max(float(np.linalg.norm(si)), 1e-9)
        centroid_j = sj / max(float(np.linalg.norm(sj)), 1e-9)
        if float(centroid_i @ centroid_j) < MERGE_MIN:
            continue
        parent[rj] = ri
        sums[ri] = si + sj
        sums.pop(rj, None)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(stmts)):
        groups[find(i)].append(i)
    return list(groups.values())


# ---------------------------------------------------------------- verdicts


def claim_id(mention: ClaimMention) -> str:
    digest = hashlib.sha1(f"{mention.doc}:{mention.start}:{mention.end}".encode()).hexdigest()
    return "c" + digest[:10]


def _judge(
    group: list[int],
    stmts: Sequence[_Stmt],
    vectors: np.ndarray,
    docs_by_entity: Mapping[str, set[str]],
    published: Mapping[str, str | None],
) -> Claim:
    members = group[:MAX_GROUP_CHECK]
    sims = vectors[members] @ vectors[members].T
    n = len(members)
    conflicts: dict[tuple[int, int], str] = {}
    apart: set[tuple[int, int]] = set()
    for x in range(n):
        for y in range(n):
            if x == y:
                continue
            a, b = stmts[members[x]], stmts[members[y]]
            if a.mention.doc == b.mention.doc:
                continue
            if unrelated(a, b):
                apart.add((x, y))
                continue
            reason = conflict(a, b, float(sims[x, y]))
            if reason:
                conflicts[(x, y)] = reason

    def agreeing_docs(x: int) -> set[str]:
        return {
            stmts[members[y]].mention.doc
            for y in range(n)
            if y != x
            and (x, y) not in conflicts
            and (x, y) not in apart
            and stmts[members[y]].mention.doc != stmts[members[x]].mention.doc
        }

    centrality = sims.sum(axis=1)
    rep = max(range(n), key=lambda x: (len(agreeing_docs(x)), float(centrality[x]), -x))
    rep_stmt = stmts[members[rep]]
    support = {rep_stmt.mention.doc}
    disputed: dict[str, Contradiction] = {}
    for y in range(n):
        doc = stmts[members[y]].mention.doc
        if doc == rep_stmt.mention.doc or (y, rep) in apart:
            continue
        if (y, rep) in conflicts:
            m = stmts[members[y]].mention
            disputed.setdefault(doc, Contradiction(doc, m.start, m.end, conflicts[(y, rep)]))
        else:
            support.add(doc)
    for doc in support:
        disputed.pop(doc, None)
    kept = [i for y, i in enumerate(members) if (y, rep) not in apart] + group[len(members) :]
    mentions = [
        MentionRef(s.mention.doc, s.mention.start, s.mention.end, s.mention.text)
        for s in (stmts[i] for i in kept)
    ]
    silent = _silent(
        [stmts[i] for i in kept],
        support | disputed.keys(),
        docs_by_entity,
        published,
    )
    return Claim(
        id=claim_id(rep_stmt.mention),
        text=rep_stmt.mention.text,
        mentions=mentions,
        support=sorted(support),
        contradict=sorted(disputed.values(), key=lambda c: c.doc),
        silent=silent,
    )


def _silent(
    group: Sequence[_Stmt],
    covered: set[str],
    docs_by_entity: Mapping[str, set[str]],
    published: Mapping[str, str | None],
) -> list[str]:
    """Documents naming the group's main entities (up to two, each in at least
    half the statements) that have no statement in it; documents published
    before the claim's earliest date are not counted."""
    counts: dict[str, int] = defaultdict(int)
    for s in group:
        for e in set(s.entities) | ({s.speaker_entity} - {None}):
            if e in docs_by_entity:
                counts[e] += 1
    core = sorted((e for e, c in counts.items() if c * 2 >= len(group)), key=lambda e: -counts[e])[
        :2
    ]
    if not core:
        return []
    docs = set.intersection(*(docs_by_entity[e] for e in core)) - covered
    starts = [
        i[0] for s in group for t in s.times if (i := time_interval(t.value or "")) is not None
    ]
    if starts and docs:
        earliest = min(starts).isoformat()
        docs = {d for d in docs if not published.get(d) or (published[d] or "")[:10] >= earliest}
    return sorted(docs)


def link_claims(
    analyses: Sequence[DocumentAnalysis],
    key_to_entity: Mapping[tuple[str, str], str],
    min_sources: int = 2,
) -> list[Claim]:
    """The statements of all documents grouped into claims, with who supports,
    contradicts (and why) or is silent on each.

    ``key_to_entity`` maps (doc id, document-local entity key) to the corpus
    entity id (:func:`rashomon.link.entities.key_index`). Only claims made by at
    least ``min_sources`` documents are returned (single-source statements stay
    in each :attr:`DocumentAnalysis.claims`). Sorted by sources, then disputes.
    """
    stmts, vectors, docs_by_entity, published = _statements(analyses, key_to_entity)
    if not stmts:
        return []
    blocks: list[np.ndarray] = []
    members_by_entity: dict[str, list[int]] = defaultdict(list)
    for s in stmts:
        for e in s.entities:
            members_by_entity[e].append(s.index)
    for members in members_by_entity.values():
        if 2 <= len(members) <= BLOCK_MAX:
            blocks.append(np.array(members))
    blocks.extend(embedding_cells(vectors))
    pairs = candidate_pairs(stmts, vectors, blocks)
    claims: list[Claim] = []
    for group in cluster(stmts, vectors, pairs):
        if len({stmts[i].mention.doc for i in group}) < min_sources:
            continue
        group.sort(key=lambda i: (stmts[i].mention.doc, stmts[i].mention.start))
        claims.append(_judge(group, stmts, vectors, docs_by_entity, published))
    claims.sort(key=lambda c: (-(len(c.support) + len(c.contradict)), -len(c.contradict), c.id))
    return claims


def top_agreed(claims: Iterable[Claim], n: int = 10) -> list[Claim]:
    """The claims most sources support, undisputed ones first among equals."""
    return sorted(claims, key=lambda c: (-len(c.support), len(c.contradict), c.id))[:n]


def top_disputed(claims: Iterable[Claim], n: int = 10) -> list[Claim]:
    """The claims with the most contradicting sources (then the most sources)."""
    disputed = [c for c in claims if c.contradict]
    return sorted(
        disputed,
        key=lambda c: (-len({x.doc for x in c.contradict}), -len(c.support), c.id),
    )[:n]
