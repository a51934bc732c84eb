"""Events across documents: mentions of one real-world happening grouped into one :class:`Event`.

Two mentions are the same happening when they are the same kind of action
("struck" / "airstrike" / "attack"), at times that do not contradict, with
overlapping participants or place, told in similar words, in similar
documents. Pairs are scored only inside blocks that share a kind of action
(and, for very common kinds, similar wording found by MinHash LSH), so cost
grows near-linearly with the corpus; the scored pairs are then grouped by
average-linkage agglomerative clustering with a threshold tuned on the ECB+
validation topics (``benchmarks/ecbplus.py``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from rashomon.extract.events import base_lemma, kind_keys
from rashomon.extract.timex.intervals import day_range
from rashomon.model import DocumentAnalysis, Event, EventMention, EventTime, MentionRef

WORD = re.compile(r"[a-z][a-z'-]+|\d+")
STOPWORDS = frozenset(
    """
    a an the and or but of in on at to for from by with as is was were are be been being
    has have had it its this that these those he she they them his her their we our you
    i not no said says say will would could should may can after before over about into
    than then there also who which what when where while more most some any all one two
    up out new mr ms
    """.split()
)


@dataclass(frozen=True, slots=True)
class LinkParams:
    """Weights of the pair score and the merge threshold (tuned on ECB+ val)."""

    same_lemma: float = 0.35
    same_class: float = 0.2
    sentence: float = 0.4
    document: float = 0.45
    entities: float = 0.25
    place: float = 0.1
    same_time: float = 0.15
    same_sentence_penalty: float = 0.5
    same_story: float = 0.4  # both documents in one story (documents clustered by wording)
    story_threshold: float = 0.08  # mean document cosine that makes one story
    threshold: float = 0.6
    max_block: int = 150  # larger blocks are split by MinHash LSH on the sentence
    time_slack_days: int = 1
    report_window_days: int = 10  # an undated past event happened before its report


# --- time compatibility -----------------------------------------------------------


def time_interval(value: str | None) -> tuple[int, int] | None:
    """Day ordinals [first, last] a TIMEX3 date value covers, or None when unknown."""
    days = day_range(value)
    return (days[0].toordinal(), days[1].toordinal()) if days else None


def mention_interval(mention: EventMention, params: LinkParams) -> tuple[int, int] | None:
    span = time_interval(mention.time_value)
    if span is None:
        return None
    if mention.time_source == "document":  # reported on that day, happened shortly before
        return span[0] - params.report_window_days, span[1]
    return span[0] - params.time_slack_days, span[1] + params.time_slack_days


def _specificity(value: str | None) -> int:
    span = time_interval(value)
    return -1 if span is None else -(span[1] - span[0])


# --- features -----------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOPWORDS]


def _tfidf(bags: list[Counter[str]]) -> list[dict[str, float]]:
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags) + 1
    vectors = []
    for bag in bags:
        vec = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def _sparse(vectors: list[dict[str, float]]) -> sparse.csr_matrix:
    """Rows of term weights as one sparse matrix (terms numbered as met)."""
    index: dict[str, int] = {}
    rows, cols, data = [], [], []
    for r, vec in enumerate(vectors):
        for word, weight in vec.items():
            rows.append(r)
            cols.append(index.setdefault(word, len(index)))
            data.append(weight)
    shape = (len(vectors), max(1, len(index)))
    return sparse.csr_matrix((data, (rows, cols)), shape=shape)


def _row_dots(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Dot products of rows left[k] and right[k] of ``matrix``, in chunks."""
    out = np.empty(len(left))
    for start in range(0, len(left), 50_000):
        a = matrix[left[start : start + 50_000]]
        b = matrix[right[start : start + 50_000]]
        out[start : start + 50_000] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


@dataclass(slots=True)
class _Features:
    kinds: frozenset[str]
    base: str
    entities: frozenset[str]
    place: str | None
    interval: tuple[int, int] | None
    sentence: dict[str, float]
    doc: str


class _Scorer:
    """Pair scores for the mentions of one clustering run."""

    def __init__(
        self,
        mentions: Sequence[EventMention],
        entity_of: Callable[[str, str], str | None] | None,
        docs_text: Mapping[str, str] | None,
        params: LinkParams,
    ) -> None:
        self.params = params
        resolve = entity_of or (lambda doc, key: key.casefold())

        def ent(m: EventMention, key: str) -> str:
            return resolve(m.doc, key) or f"{m.doc}|{key}"

        def sentence_text(m: EventMention) -> str:
            text = (docs_text or {}).get(m.doc)
            return text[m.sentence_start : m.sentence_end] if text else m.text

        # One vector per sentence (several triggers share a sentence), cosines cached.
        sentence_of: dict[tuple[str, int], int] = {}
        for m in mentions:
            sentence_of.setdefault((m.doc, m.sentence_start), len(sentence_of))
        firsts: dict[int, EventMention] = {}
        for m in mentions:
            firsts.setdefault(sentence_of[(m.doc, m.sentence_start)], m)
        unique = _tfidf(
            [Counter(_words(sentence_text(firsts[i]))) for i in range(len(sentence_of))]
        )
        self.sentence_id = [sentence_of[(m.doc, m.sentence_start)] for m in mentions]
        sentence_vectors = [unique[i] for i in self.sentence_id]
        self._sentence_cos: dict[tuple[int, int], float] = {}
        self.sentence_matrix = _sparse(unique)
        self.features = [
            _Features(
                kinds=kind_keys(m.lemma),
                base=base_lemma(m.lemma),
                entities=frozenset(ent(m, k) for k in m.participants),
                place=ent(m, m.place) if m.place else None,
                interval=mention_interval(m, params),
                sentence=vec,
                doc=m.doc,
            )
            for m, vec in zip(mentions, sentence_vectors, strict=True)
        ]
        self.mentions = mentions
        doc_ids = sorted({m.doc for m in mentions} | set(docs_text or {}))
        texts = [(docs_text or {}).get(d, "") for d in doc_ids]
        doc_vectors = _tfidf([Counter(_words(t)) for t in texts])
        self.doc_vectors = dict(zip(doc_ids, doc_vectors, strict=True))
        self.doc_index = {d: i for i, d in enumerate(doc_ids)}
        self.doc_matrix = _sparse(doc_vectors)
        self.has_docs = any(texts)
        self._doc_cos: dict[tuple[str, str], float] = {}
        self.story = self._stories(sorted({m.doc for m in mentions})) if self.has_docs else {}

    def _stories(self, doc_ids: list[str]) -> dict[str, int]:
        """Documents grouped into stories: average-linkage on document cosine.

        Outlets covering one happening share its names and details; two similar
        happenings (two earthquakes) are told in different words. Documents are
        compared only when they share one of their most weighted words.
        """
        postings: dict[str, list[int]] = defaultdict(list)
        for i, doc in enumerate(doc_ids):
            top = sorted(self.doc_vectors[doc].items(), key=lambda kv: -kv[1])[:20]
            for word, _ in top:
                postings[word].append(i)
        # A word at the top of many documents names the corpus's subject, not a
        # story: comparing all the documents that share it would be quadratic.
        pairs = {
            (a, b)
            for ids in postings.values()
            if len(ids) <= STORY_POSTINGS_MAX
            for x, a in enumerate(ids)
            for b in ids[x + 1 :]
        }
        scores = {(a, b): self.doc_similarity(doc_ids[a], doc_ids[b]) for a, b in pairs}
        groups = _average_linkage(len(doc_ids), scores, self.params.story_threshold)
        return {doc_ids[i]: g for g, members in enumerate(groups) for i in members}

    def doc_similarity(self, a: str, b: str) -> float:
        if a == b:
            return 1.0
        key = (a, b) if a < b else (b, a)
        if key not in self._doc_cos:
            self._doc_cos[key] = _cosine(self.doc_vectors[a], self.doc_vectors[b])
        return self._doc_cos[key]

    def sentence_similarity(self, i: int, j: int) -> float:
        a, b = self.sentence_id[i], self.sentence_id[j]
        key = (a, b) if a < b else (b, a)
        if key not in self._sentence_cos:
            self._sentence_cos[key] = _cosine(self.features[i].sentence, self.features[j].sentence)
        return self._sentence_cos[key]

    def similarities(self, pairs: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
        """Sentence and document cosines of many mention pairs at once (sparse row products)."""
        if not pairs:
            return np.zeros(0), np.zeros(0)
        left, right = np.array(pairs).T
        sid = np.array(self.sentence_id)
        sentences = _row_dots(self.sentence_matrix, sid[left], sid[right])
        did = np.array([self.doc_index[f.doc] for f in self.features])
        documents = _row_dots(self.doc_matrix, did[left], did[right])
        return sentences, documents

    def score(
        self, i: int, j: int, sentence: float | None = None, document: float | None = None
    ) -> float | None:
        """Evidence that mentions i and j are one happening; None when times contradict.

        ``sentence`` and ``document`` are the pair's cosines when computed in bulk."""
        p, a, b = self.params, self.features[i], self.features[j]
        if (
            a.interval
            and b.interval
            and (a.interval[1] < b.interval[0] or b.interval[1] < a.interval[0])
        ):
            return None
        score = p.same_lemma if a.base == b.base else p.same_class
        if sentence is None:
            sentence = self.sentence_similarity(i, j)
        score += p.sentence * sentence
        if self.has_docs:
            if document is None:
                document = self.doc_similarity(a.doc, b.doc)
            score += p.document * document
        if a.entities and b.entities:
            score += p.entities * len(a.entities & b.entities) / len(a.entities | b.entities)
        if a.place and a.place == b.place:
            score += p.place
        if self.story and self.story[a.doc] == self.story[b.doc]:
            score += p.same_story
        if a.interval and a.interval == b.interval:
            score += p.same_time
        mi, mj = self.mentions[i], self.mentions[j]
        if mi.doc == mj.doc and mi.sentence_start == mj.sentence_start:
            score -= p.same_sentence_penalty  # two mentions in one sentence: usually two events
        return score


# --- blocking and clustering -------------------------------------------------------------


def _time_bucket(interval: tuple[int, int] | None) -> int | None:
    """The year of a dated mention (its interval's middle), None when undated or vague.

    Mentions whose dates fall in different years cannot corefer (their
    intervals do not overlap, a veto), so blocking by year loses no link
    between dated mentions and keeps blocks from growing with the corpus."""
    if interval is None or interval[1] - interval[0] > 400:
        return None
    return dt.date.fromordinal((interval[0] + interval[1]) // 2).year


def _candidate_pairs(scorer: _Scorer, scope: list[Hashable]) -> set[tuple[int, int]]:
    """Pairs sharing a kind of action; dated mentions meet those of their year and the
    undated ones; large blocks are narrowed by LSH on wording."""
    blocks: dict[tuple[Hashable, str], dict[int | None, list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for i, f in enumerate(scorer.features):
        bucket = _time_bucket(f.interval)
        for key in f.kinds:
            blocks[(scope[i], key)][bucket].append(i)
    limit = scorer.params.max_block
    pairs: set[tuple[int, int]] = set()
    for by_year in blocks.values():
        undated = by_year.pop(None, [])
        index = _WordingIndex(scorer, undated) if len(undated) > limit else None
        pairs.update(index.pairs() if index else _all_pairs(undated, undated))
        for members in by_year.values():
            if len(members) <= limit:
                pairs.update(_all_pairs(members, members))
            else:
                pairs.update(_WordingIndex(scorer, members).pairs())
            if index is None and len(members) * len(undated) > limit * limit:
                index = _WordingIndex(scorer, undated)
            if index is None:
                pairs.update(_all_pairs(members, undated))
            else:
                pairs.update(index.query(members))
    return pairs


def _all_pairs(left: list[int], right: list[int]) -> set[tuple[int, int]]:
    return {(min(a, b), max(a, b)) for a in left for b in right if a != b}


class _WordingIndex:
    """MinHash-LSH over the sentences of some mentions, to find similarly worded ones."""

    def __init__(self, scorer: _Scorer, members: list[int]) -> None:
        from datasketch import MinHashLSH

        self.scorer = scorer
        self.lsh = MinHashLSH(threshold=0.3, num_perm=64)
        self.hashes = dict(zip(members, self._minhashes(members), strict=True))
        for i, mh in self.hashes.items():
            self.lsh.insert(i, mh)

    def _minhashes(self, members: list[int]) -> list:
        from datasketch import MinHash

        features = self.scorer.features
        tokens = [
            [w.encode() for w in features[i].sentence] + [features[i].doc.encode()] for i in members
        ]
        return MinHash.bulk(tokens, num_perm=64)

    def pairs(self) -> set[tuple[int, int]]:
        """Similar pairs among the indexed mentions."""
        return {
            (min(i, j), max(i, j))
            for i, mh in self.hashes.items()
            for j in self.lsh.query(mh)
            if j != i
        }

    def query(self, members: list[int]) -> set[tuple[int, int]]:
        """Similar pairs between ``members`` and the indexed mentions."""
        hashes = zip(members, self._minhashes(members), strict=True)
        return {(min(i, j), max(i, j)) for i, mh in hashes for j in self.lsh.query(mh) if j != i}


VETO = -1e6
STORY_POSTINGS_MAX = 60  # documents sharing a top word, above which the word is ignored


def _average_linkage(
    n: int, scores: dict[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Merge clusters while their mean pair score (unscored pairs count 0) >= threshold."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), s in scores.items():
        sums[a][b] = s
        sums[b][a] = s
    heap = [(-s, a, b, 1, 1) for (a, b), s in scores.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b, size_a, size_b = heapq.heappop(heap)
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


def cluster_event_mentions(
    mentions: Sequence[EventMention],
    entity_of: Callable[[str, str], str | None] | None = None,
    docs_text: Mapping[str, str] | None = None,
    *,
    params: LinkParams | None = None,
    partition: Callable[[EventMention], Hashable] | None = None,
) -> list[list[int]]:
    """Groups of indices into ``mentions`` that report the same happening.

    ``entity_of(doc, key)`` maps a participant key to a corpus entity id (keys
    are compared by name when it is None); ``docs_text`` (doc id -> cleaned
    text) gives the sentences' wording and the documents' similarity;
    ``partition`` (optional) keeps mentions of different parts apart (e.g. the
    gold topics of a benchmark, or story clusters made upstream).
    """
    params = params or LinkParams()
    scorer = _Scorer(mentions, entity_of, docs_text, params)
    scope: list[Hashable] = [partition(m) if partition else None for m in mentions]
    scores: dict[tuple[int, int], float] = {}
    pairs = sorted(_candidate_pairs(scorer, scope))
    sentence, document = scorer.similarities(pairs)
    for (i, j), sent, doc in zip(pairs, sentence.tolist(), document.tolist(), strict=True):
        s = scorer.score(i, j, sent, doc)
        scores[(i, j)] = VETO if s is None else s
    return _average_linkage(len(mentions), scores, params.threshold)


# --- events ---------------------------------------------------------------------------


def _agreed_time(group: list[EventMention]) -> tuple[str | None, str | None]:
    """The most specific time value that no other mention of the group contradicts."""
    rank = {"explicit": 0, "sentence": 1, "paragraph": 2, "document": 3}
    dated = [m for m in group if time_interval(m.time_value)]
    if not dated:
        return None, None
    best = min(rank.get(m.time_source, 4) for m in dated)
    dated = [m for m in dated if rank.get(m.time_source, 4) == best]
    for m in sorted(dated, key=lambda m: -_specificity(m.time_value)):
        span = time_interval(m.time_value)
        assert span is not None
        if all(_overlap(span, time_interval(o.time_value)) for o in dated):
            return m.time_value, m.time_text
    common = Counter(m.time_value for m in dated).most_common(1)[0][0]
    return common, next(m.time_text for m in dated if m.time_value == common)


def _overlap(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is None or not (a[1] < b[0] or b[1] < a[0])


SUMMARY_WORDS = 18  # longest summary, in words of the sentence
_CLAUSE_END = re.compile(r"[.;:!?]\s|[.;:!?]$| - | – | — ")


def _summary(m: EventMention, text: str, time_value: str | None) -> str:
    """The words of the sentence around the trigger, with its nearest participants:
    "Boeing had been suspended since July 24, 2003 after violating federal law (2003-07-24)"."""
    sentence = text[m.sentence_start : m.sentence_end]
    t0, t1 = m.start - m.sentence_start, m.end - m.sentence_start
    if not sentence or not 0 <= t0 < t1 <= len(sentence):
        return m.text
    found = [(sentence.find(k), k) for k in [*m.participants, *([m.place] if m.place else [])]]
    before = [p for p, _ in found if 0 <= p < t0 and t0 - p <= 100]
    if before:
        left = max(before)
    else:  # no participant written before it: up to six words back, within the clause
        spaces = [i for i, ch in enumerate(sentence[:t0]) if ch == " "]
        left = spaces[-7] + 1 if len(spaces) >= 7 else 0
        bounds = [x.end() for x in _CLAUSE_END.finditer(sentence, 0, t0)]
        left = max([left, *bounds])
    after = [p + len(k) for p, k in found if p >= t1]
    right = min(after) if after else t1
    stop = _CLAUSE_END.search(sentence, right)
    right = stop.start() + (1 if sentence[stop.start()] in ".!?" else 0) if stop else len(sentence)
    words = sentence[left:right].split()
    line = " ".join(words[:SUMMARY_WORDS]).strip(" ,")
    if left > 0:
        line = "…" + line
    if len(words) > SUMMARY_WORDS or (right < len(sentence.rstrip()) and not line.endswith(".")):
        line += "…"
    extra = [e for e in (m.place if m.place and m.place not in line else "", time_value) if e]
    return f"{line} ({', '.join(extra)})" if extra else line


def link_events(
    analyses: Sequence[DocumentAnalysis], key_to_entity: Mapping[tuple[str, str], str]
) -> list[Event]:
    """The events of the corpus, each with its mentions in every document that reports it."""
    mentions = [e for a in analyses for e in a.events]
    texts = {a.document.id: a.document.text for a in analyses}
    groups = cluster_event_mentions(mentions, lambda doc, key: key_to_entity.get((doc, key)), texts)
    events = []
    for group in groups:
        members = sorted((mentions[i] for i in group), key=lambda m: (m.doc, m.start))
        first = members[0]
        digest = hashlib.sha1(f"{first.doc}|{first.start}|{first.end}|{first.lemma}".encode())
        value, time_text = _agreed_time(members)
        rep = max(members, key=lambda m: (len(m.participants) + (m.place is not None), -m.start))
        participants = Counter(
            key_to_entity.get((m.doc, k)) for m in members for k in m.participants
        )
        places = Counter(key_to_entity.get((m.doc, m.place)) for m in members if m.place)
        events.append(
            Event(
                id="v" + digest.hexdigest()[:10],
                trigger=Counter(base_lemma(m.lemma) for m in members).most_common(1)[0][0],
                summary=_summary(rep, texts.get(rep.doc, ""), value),
                time=EventTime(value, time_text),
                place=next((p for p, _ in places.most_common() if p), None),
                participants=[p for p, _ in participants.most_common() if p],
                mentions=[MentionRef(m.doc, m.start, m.end, m.text) for m in members],
                docs=sorted({m.doc for m in members}),
            )
        )
    events.sort(key=lambda e: (-len(e.docs), -len(e.mentions), e.id))
    return events
