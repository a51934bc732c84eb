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

import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from rashomon.extract.timex.intervals import day_range
from rashomon.model import (
    Claim,
    ClaimMention,
    Contradiction,
    DocumentAnalysis,
    MentionRef,
    Quantity,
    TimeMention,
)

EDGE_MIN = 0.66  # score a cross-document pair needs to be linked
MERGE_MIN = 0.66  # cosine two groups' centroids need to merge
PAIR_MIN = 0.55  # cosine below which a candidate pair is not even scored
ROLE_MIN = 0.70  # cosine for two statements to differ only in who did it / to whom
BLOCK_MAX = 200  # entity blocks bigger than this are left to the embedding cells
CELL_SIZE = 64  # target statements per embedding cell
CELL_MAX = 256  # cells bigger than this are split again
MAX_GROUP_CHECK = 200  # statements per group checked pairwise for conflicts

PERSON = {"PERSON"}
ORG_OR_PLACE = {"ORG", "GPE", "LOC", "FAC", "NORP"}


@dataclass(slots=True)
class _Stmt:
    """A statement with what linking needs from its document."""

    mention: ClaimMention
    index: int
    entities: list[str]  # corpus entity ids, in order of appearance, speaker excluded
    entity_names: dict[str, str]
    entity_kinds: dict[str, str]
    speaker_entity: str | None
    quantities: list[Quantity]
    times: list[TimeMention]
    attribution: str
    published: str | None
    negation_cue: str | None = None
    all_entities: set[str] = field(default_factory=set)
    by_key: dict[str, list[tuple[Quantity, tuple[float, float]]]] = field(default_factory=dict)
    time_spans: list[tuple[TimeMention, tuple[dt.date, dt.date]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for q in self.quantities:
            interval = quantity_interval(q)
            if interval is not None:
                self.by_key.setdefault(_counted_key(q), []).append((q, interval))
        for t in self.times:
            interval = time_interval(t.value or "")
            if interval is not None:
                self.time_spans.append((t, interval))


# ---------------------------------------------------------------- comparisons


def _counted_key(q: Quantity) -> str:
    if q.counted:
        word = q.counted.lower().split()[-1]
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        return f"{q.unit or ''}|{word}"
    return f"{q.unit or ''}|"


def _trailing_zeros(x: float) -> int:
    if x != int(x) or x == 0:
        return 0
    n, count = int(abs(x)), 0
    while n % 10 == 0:
        n //= 10
        count += 1
    return count


def quantity_interval(q: Quantity) -> tuple[float, float] | None:
    """The values a quantity allows: a range as written, ±15% around an
    approximate value, a bound stretched by half, an exact value with its
    rounding ("1,000" may be 1,020; "1,017" may not be 1,100)."""
    if q.low is not None and q.high is not None:
        low, high = sorted((q.low, q.high))
        if q.approximate:
            low, high = low * 0.9, high * 1.1
        return low, high
    if q.value is None:
        if q.low is not None:
            return q.low, q.low * 1.5
        if q.high is not None:
            return q.high / 1.5, q.high
        return None
    v = abs(q.value)
    if q.low is not None:  # "at least", "more than"
        return v, v * (1.5 if not q.approximate else 1.65)
    if q.high is not None:  # "up to", "nearly", "almost"
        return v / 1.5, v
    if q.approximate:
        return v * 0.85, v * 1.15
    tolerance = 0.05 if _trailing_zeros(v) >= 2 or v >= 1e6 else 0.005
    if v < 10 and v == int(v):
        tolerance = 0.0
    return v * (1 - tolerance), v * (1 + tolerance)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9


def time_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 date value covers ("2008" → the year, "2008-W09" → the week)."""
    return day_range(value)


def _number_conflict(a: _Stmt, b: _Stmt) -> tuple[Quantity, Quantity] | None:
    if not a.by_key or not b.by_key:
        return None
    for key in a.by_key.keys() & b.by_key.keys():
        qa, qb = a.by_key[key], b.by_key[key]
        if key == "|" and (len(qa) > 1 or len(qb) > 1):
            continue  # bare numbers: only when each side has exactly one
        if not any(_overlap(ia, ib) for _, ia in qa for _, ib in qb):
            return qa[0][0], qb[0][0]
    return None


def _date_conflict(a: _Stmt, b: _Stmt) -> tuple[TimeMention, TimeMention] | None:
    if not a.time_spans or not b.time_spans:
        return None
    for _, ia in a.time_spans:
        for _, ib in b.time_spans:
            if ia[0] <= ib[1] and ib[0] <= ia[1]:
                return None
    return a.time_spans[0][0], b.time_spans[0][0]


def _kind_class(label: str) -> str:
    if label in PERSON:
        return "person"
    if label in ORG_OR_PLACE:
        return "org-or-place"
    return label.lower()


def _role_conflict(a: _Stmt, b: _Stmt, similarity: float) -> tuple[str, str, str] | None:
    """(role, entity of a, entity of b) when the statements differ only in who."""
    if similarity < ROLE_MIN:
        return None
    only_a = [e for e in a.entities if e not in b.all_entities]
    only_b = [e for e in b.entities if e not in a.all_entities]
    for x in only_a:
        for y in only_b:
            if _kind_class(a.entity_kinds[x]) != _kind_class(b.entity_kinds[y]):
                continue
            first = bool(a.entities and b.entities and a.entities[0] == x and b.entities[0] == y)
            if first:
                return "actor", x, y
            if a.entity_kinds[x] in ("GPE", "LOC", "FAC") and b.entity_kinds[y] in (
                "GPE",
                "LOC",
                "FAC",
            ):
                return "place", x, y
            return "object", x, y
    return None


_NEG_CUE = re.compile(
    r"\b(denied|denies|deny|denying|refuted|refutes|rejected|dismissed|disputed|"
    r"did not|does not|do not|has not|have not|had not|was not|were not|is not|are not|"
    r"will not|would not|could not|cannot|can not|never|nobody|no one|none|nothing|no)\b|n't\b",
    re.IGNORECASE,
)


def _negation_cue(text: str) -> str:
    m = _NEG_CUE.search(text)
    if not m:
        return "negated"
    if m.group(0).lower() == "n't":
        start = text.rfind(" ", 0, m.start()) + 1
        return text[start : m.end()]
    return m.group(0)


def _different_subjects(a: _Stmt, b: _Stmt) -> bool:
    """Each side names an entity of the same kind that the other lacks.

    Then a different number or date says the statements are about different
    happenings (the £13bn RAF tanker deal and the $40bn USAF one), not that
    the sources disagree about one.
    """
    kinds_a = {_kind_class(a.entity_kinds[e]) for e in a.entities if e not in b.all_entities}
    kinds_b = {_kind_class(b.entity_kinds[e]) for e in b.entities if e not in a.all_entities}
    return bool(kinds_a & kinds_b)


def unrelated(a: _Stmt, b: _Stmt) -> bool:
    """Similar wording, but about different happenings: neither support nor dispute."""
    return bool(_number_conflict(a, b) or _date_conflict(a, b)) and _different_subjects(a, b)


def conflict(a: _Stmt, b: _Stmt, similarity: float) -> str | None:
    """Why statement ``a`` disputes ``b`` (None when they agree); ``a`` first."""
    if unrelated(a, b):
        return None
    pair = _number_conflict(a, b)
    dates = _date_conflict(a, b)
    if pair:
        return (
            f"different number: {pair[0].text} ({a.attribution}) "
            f"vs {pair[1].text} ({b.attribution})"
        )
    if dates:
        return (
            f"different date: {dates[0].text} ({a.attribution}) "
            f"vs {dates[1].text} ({b.attribution})"
        )
    if a.mention.negated != b.mention.negated:
        if a.mention.negated:
            return f"negation: '{a.negation_cue}' ({a.attribution}) vs affirmed ({b.attribution})"
        return f"negation: affirmed ({a.attribution}) vs '{b.negation_cue}' ({b.attribution})"
    role = _role_conflict(a, b, similarity)
    if role:
        kind, x, y = role
        return (
            f"different {kind}: {a.entity_names[x]} ({a.attribution}) vs "
            f"{b.entity_names[y]} ({b.attribution})"
        )
    return None


# ---------------------------------------------------------------- statements


def _statements(
    analyses: Sequence[DocumentAnalysis], key_to_entity: Mapping[tuple[str, str], str]
) -> tuple[list[_Stmt], np.ndarray, dict[str, set[str]], dict[str, str | None]]:
    stmts: list[_Stmt] = []
    vectors: list[np.ndarray] = []
    docs_by_entity: dict[str, set[str]] = defaultdict(set)
    published: dict[str, str | None] = {}
    for analysis in analyses:
        document = analysis.document
        doc_id = document.id
        published[doc_id] = document.published
        mentions = sorted(analysis.entity_mentions, key=lambda m: m.start)
        for m in mentions:
            eid = key_to_entity.get((doc_id, m.key))
            if eid is not None:
                docs_by_entity[eid].add(doc_id)
        outlet = document.outlet or document.source or doc_id
        for claim in analysis.claims:
            if claim.vector is None:
                continue
            vector = np.frombuffer(claim.vector, dtype=np.float16).astype(np.float32)
            inside = [m for m in mentions if m.start >= claim.start and m.end <= claim.end]
            speaker_entity = key_to_entity.get((doc_id, claim.speaker or ""))
            ids: list[str] = []
            names: dict[str, str] = {}
            kinds: dict[str, str] = {}
            all_ids: set[str] = set()
            rank = {key: n for n, key in enumerate(claim.entities)}  # actors first
            inside.sort(key=lambda m: (rank.get(m.key, len(rank)), m.start))
            for m in inside:
                eid = key_to_entity.get((doc_id, m.key), f"{doc_id}:{m.key}")
                all_ids.add(eid)
                names.setdefault(eid, m.text)
                kinds.setdefault(eid, m.type)
                if eid != speaker_entity and eid not in ids:
                    ids.append(eid)
            quantities = [
                q for q in analysis.quantities if q.start >= claim.start and q.end <= claim.end
            ]
            times = [
                t
                for t in analysis.times
                if t.start >= claim.start
                and t.end <= claim.end
                and t.type in ("DATE", "TIME")
                and t.value
                and t.value[:1].isdigit()
            ]
            attribution = claim.speaker or outlet
            stmt = _Stmt(
                claim,
                len(stmts),
                ids,
                names,
                kinds,
                speaker_entity,
                quantities,
                times,
                attribution,
                document.published,
                _negation_cue(claim.text) if claim.negated else None,
                all_ids,
            )
            stmts.append(stmt)
            vectors.append(vector)
    matrix = np.vstack(vectors) if vectors else np.zeros((0, 384), dtype=np.float32)
    if len(matrix):
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    return stmts, matrix, docs_by_entity, published


# ---------------------------------------------------------------- candidates


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


# ---------------------------------------------------------------- clustering


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
