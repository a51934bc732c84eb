"""Which mention pairs are scored at all: stories, then kinds of action, then wording.

Documents are first grouped into stories (:func:`stories`): outlets covering
one happening share its names and details, so average-linkage on document
cosine, comparing only documents that share one of their most weighted
words, puts them together. Candidate pairs (:func:`candidate_pairs`) are
then drawn inside each story:

* a small story (at most ``max_block`` mentions) pairs all its mentions, so
  mentions of one happening written with unrelated words ("the deal" and
  "acquired") can still meet;
* in a larger story, mentions meet those that share a kind of action (the
  same lemma or a synonym class) or whose lemmas are close in meaning
  (MiniLM cosine of the lemmas at least ``lemma_neighbour``);
* across stories, only mentions of the same lemma dated the same day meet;
* any block still larger than ``max_block`` is narrowed by MinHash LSH on
  the sentence's words, and each mention keeps at most ``max_neighbours``
  of the mentions the index returns, so even one sentence repeated
  thousands of times gives a number of pairs linear in the mentions.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from rashomon.link.blocks import Blocks, InProcess, balance

from .clustering import average_linkage
from .features import MentionTable, cosine

STORY_POSTINGS_MAX = 60  # documents sharing a top word, above which the word is ignored
STORY_TOP_WORDS = 20


def stories(doc_vectors: list[dict[str, float]], threshold: float) -> list[int]:
    """A story number for each document (average-linkage on document cosine).

    A word at the top of more than :data:`STORY_POSTINGS_MAX` documents names
    the corpus's subject, not a story, and is not used to compare them (that
    would be quadratic)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(doc_vectors):
        for word, _ in sorted(vec.items(), key=lambda kv: -kv[1])[:STORY_TOP_WORDS]:
            postings[word].append(i)
    pairs = {
        (a, b)
        for ids in postings.values()
        if len(ids) <= STORY_POSTINGS_MAX
        for x, a in enumerate(ids)
        for b in ids[x + 1 :]
    }
    scores = {(a, b): cosine(doc_vectors[a], doc_vectors[b]) for a, b in pairs}
    groups = average_linkage(len(doc_vectors), scores, threshold)
    story = [0] * len(doc_vectors)
    for g, members in enumerate(groups):
        for i in members:
            story[i] = g
    return story


class WordingIndex:
    """MinHash-LSH over the sentences of some mentions, to find similarly worded ones.

    Mentions with the same words in the same document (a sentence repeated,
    two triggers of one sentence) share one entry; a mention meets, in each
    similar entry, the members nearest to it in corpus order, at most
    ``max_neighbours`` in all, so the pairs stay linear in the mentions."""

    def __init__(self, table: MentionTable, members: list[int], max_neighbours: int) -> None:
        from datasketch import MinHashLSH

        self.table = table
        self.max_neighbours = max_neighbours
        self.lsh = MinHashLSH(threshold=0.3, num_perm=64)
        self.groups: dict[tuple, list[int]] = defaultdict(list)
        for i in sorted(members):
            self.groups[self._signature(i)].append(i)
        self.keys = list(self.groups)
        self.hashes = self._minhashes(self.keys)
        for k, mh in enumerate(self.hashes):
            self.lsh.insert(k, mh)

    def _signature(self, i: int) -> tuple:
        rows = self.table.sentence_words
        sentence = self.table.sentence[i]
        cols = rows.indices[rows.indptr[sentence] : rows.indptr[sentence + 1]]
        return (int(self.table.doc[i]), *sorted(cols.tolist()))

    def _minhashes(self, keys: list[tuple]) -> list:
        from datasketch import MinHash

        tokens = [[str(c).encode() for c in key[1:]] + [f"d{key[0]}".encode()] for key in keys]
        return MinHash.bulk(tokens, num_perm=64)

    def _meet(self, i: int, entries: list[int]) -> list[int]:
        """The members of the entries nearest to mention ``i`` in corpus order."""
        share = max(1, self.max_neighbours // max(1, len(entries)))
        found: list[int] = []
        for k in entries:
            group = self.groups[self.keys[k]]
            at = bisect.bisect_left(group, i)
            window = group[max(0, at - share) : at + share + 1]
            found += sorted((j for j in window if j != i), key=lambda j: (abs(j - i), j))[:share]
        return found

    def pairs(self) -> set[tuple[int, int]]:
        """Similar pairs among the indexed mentions."""
        found: set[tuple[int, int]] = set()
        for k, mh in enumerate(self.hashes):
            entries = self.lsh.query(mh)
            for i in self.groups[self.keys[k]]:
                found.update((min(i, j), max(i, j)) for j in self._meet(i, entries))
        return found

    def query(self, members: list[int]) -> set[tuple[int, int]]:
        """Similar pairs between ``members`` and the indexed mentions."""
        by_signature: dict[tuple, list[int]] = defaultdict(list)
        for i in members:
            by_signature[self._signature(i)].append(i)
        keys = list(by_signature)
        found: set[tuple[int, int]] = set()
        for key, mh in zip(keys, self._minhashes(keys), strict=True):
            entries = self.lsh.query(mh)
            for i in by_signature[key]:
                found.update((min(i, j), max(i, j)) for j in self._meet(i, entries))
        return found


def _block_pairs(
    table: MentionTable, left: list[int], right: list[int] | None, limit: int, neighbours: int
) -> set[tuple[int, int]]:
    """All pairs within ``left`` (or between ``left`` and ``right``), by LSH when large."""
    if right is None:
        if len(left) <= limit:
            return {(a, b) for x, a in enumerate(left) for b in left[x + 1 :]}
        return WordingIndex(table, left, neighbours).pairs()
    if len(left) * len(right) <= limit * limit:
        return {(min(a, b), max(a, b)) for a in left for b in right if a != b}
    return WordingIndex(table, right, neighbours).query(left)


@dataclass
class StoryBatch:
    """Stories (their mentions' indices) whose candidate pairs one task finds."""

    stories: list[list[int]]
    max_block: int
    max_neighbours: int
    lemma_neighbour: float

    def __len__(self) -> int:
        return sum(len(m) for m in self.stories)


def candidate_pairs(
    table: MentionTable,
    scope: list,
    *,
    max_block: int,
    max_neighbours: int,
    lemma_neighbour: float,
    blocks: Blocks | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs (i < j) as two index arrays (see the module doc); the
    pairs inside stories are found in batches of stories on ``blocks`` (in this
    process by default), all sharing the mention table."""
    by_story: dict[tuple, list[int]] = defaultdict(list)
    for i in range(len(table)):
        by_story[(scope[i], int(table.story[i]))].append(i)
    members = list(by_story.values())
    runner = blocks or InProcess()
    if runner.parallelism <= 1:
        picks = [list(range(len(members)))] if members else []
    else:  # a small story pairs all its mentions; a large one about max_block each
        weights = [len(m) * min(len(m), max_block) for m in members]
        picks = balance(weights, runner.parallelism)
    batches = [
        StoryBatch([members[k] for k in pick], max_block, max_neighbours, lemma_neighbour)
        for pick in picks
    ]
    found = runner.map("event-candidates", story_pairs, batches, table)
    same_day: dict[tuple, list[int]] = defaultdict(list)
    for i in range(len(table)):
        if table.explicit[i] and not np.isnan(table.lo[i]) and table.hi[i] - table.lo[i] <= 3:
            same_day[(scope[i], table.base[i], table.lo[i])].append(i)
    pairs: set[tuple[int, int]] = set()
    for block in same_day.values():
        pairs.update(_block_pairs(table, block, None, max_block, max_neighbours))
    found.append(np.array(list(pairs), dtype=np.int64).reshape(-1, 2))
    everything = np.concatenate(found)
    if not len(everything):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    n = np.int64(max(1, len(table)))
    keys = np.unique(everything[:, 0] * n + everything[:, 1])  # sorted, each pair once
    return keys // n, keys % n


def story_pairs(batch: StoryBatch, table: MentionTable) -> np.ndarray:
    """The candidate pairs inside each story of the batch, as (m, 2) rows (i < j)."""
    max_block, max_neighbours = batch.max_block, batch.max_neighbours
    pairs: set[tuple[int, int]] = set()
    for members in batch.stories:
        if len(members) <= max_block:
            pairs.update((a, b) for x, a in enumerate(members) for b in members[x + 1 :])
            continue
        by_key: dict[str, list[int]] = defaultdict(list)
        by_lemma: dict[int, list[int]] = defaultdict(list)
        for i in members:
            for key in table.kinds[i]:
                by_key[key].append(i)
            by_lemma[int(table.lemma_index[i])].append(i)
        for block in by_key.values():
            pairs.update(_block_pairs(table, block, None, max_block, max_neighbours))
        lemmas = sorted(by_lemma)
        vectors = table.lemma_matrix[lemmas]
        close = np.argwhere(np.triu(vectors @ vectors.T, 1) >= batch.lemma_neighbour)
        for x, y in close.tolist():
            left, right = by_lemma[lemmas[x]], by_lemma[lemmas[y]]
            pairs.update(_block_pairs(table, left, right, max_block, max_neighbours))
    return np.array(list(pairs), dtype=np.int64).reshape(-1, 2)  # sorted by the caller
