"""What two event mentions have in common: the pair features of the coreference model.

Each mention is described once (:class:`MentionTable`): its trigger's lemma
and the lemma forms of its head word, the kinds of action it belongs to, the
words, capitalised names and numbers of its sentence, its participants and
place (corpus entity ids when linking gave them), its time interval and its
document. A pair's features are then computed for many pairs at once as
sparse row products (:func:`pair_features`), so scoring millions of
candidate pairs stays a matter of seconds.

Corpus statistics: only the document cosine (``doc_cosine``) uses one, the
inverse document frequency of words over the documents being linked (TF-IDF
vectors); every other feature depends on the two mentions alone. A mention's
features therefore do not change when other documents arrive, except through
that cosine and through which story a document is put in.

The similarity of two trigger lemmas (``lemma_similarity``) is the cosine of
their MiniLM embeddings, computed once per distinct lemma of the corpus
(a few thousand single words, not a pass over sentences).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from rashomon.extract.events import base_lemma, kind_keys
from rashomon.extract.events.derivation import lemma_forms
from rashomon.extract.timex.intervals import day_range
from rashomon.model import EventMention

WORD = re.compile(r"[a-z][a-z'-]+|\d+")
NAME = re.compile(r"\b[A-Z][A-Za-z]+\b")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
STOPWORDS = frozenset(
    """
    a an the and or but of in on at to for from by with as is was were are be been being
    has have had it its this that these those he she they them his her their we our you
    i not no said says say will would could should may can after before over about into
    than then there also who which what when where while more most some any all one two
    up out new mr ms
    """.split()
)
REPORT_WINDOW_DAYS = 10  # an event dated only by its report happened up to this long before
TIME_SLACK_DAYS = 1

FEATURES = (
    "same_lemma",  # same base lemma ("invasion" = "invade")
    "shared_form",  # the head words share a lemma form ("Sacked" / "sacked")
    "same_class",  # a synonym class in common ("airstrike" / "attack")
    "lemma_in_text",  # one lemma written inside the other's trigger ("quake" in "earthquake")
    "lemma_similarity",  # MiniLM cosine of the two base lemmas
    "sentence_overlap",  # Jaccard of the content words of the two sentences
    "doc_cosine",  # TF-IDF cosine of the two documents
    "same_story",  # both documents in one story (documents clustered by wording)
    "participants",  # Jaccard of the participants (entity ids)
    "same_place",
    "other_place",  # both have a place, not the same one
    "times_disjoint",  # the two time intervals do not overlap
    "explicit_disjoint",  # ... and both dates are written next to the trigger
    "same_time",
    "same_document",
    "same_sentence",
    "shared_number",  # the sentences share a number ("6.1", "20 women")
    "other_numbers",  # both sentences have numbers, none in common
    "sentence_names",  # Jaccard of the capitalised words of the two sentences
    "document_names",  # Jaccard of the capitalised words of the two documents
    # products, for what a linear model cannot combine by itself
    "lemma_in_text_same_story",
    "same_lemma_doc_cosine",
    "same_lemma_sentence_names",
    "lemma_similarity_same_story",
)


def content_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOPWORDS]


def time_interval(value: str | None) -> tuple[int, int] | None:
    """Day ordinals [first, last] a TIMEX3 date value covers, or None when unknown."""
    days = day_range(value)
    return (days[0].toordinal(), days[1].toordinal()) if days else None


def mention_interval(mention: EventMention) -> tuple[int, int] | None:
    """The days the event may have happened on: its date, widened by a day; a date
    inherited from the report reaches back :data:`REPORT_WINDOW_DAYS`."""
    span = time_interval(mention.time_value)
    if span is None:
        return None
    if mention.time_source == "document":
        return span[0] - REPORT_WINDOW_DAYS, span[1]
    return span[0] - TIME_SLACK_DAYS, span[1] + TIME_SLACK_DAYS


def tfidf(bags: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """Sublinear TF-IDF vectors, L2-normalised (idf over ``bags``)."""
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


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def weighted_rows(vectors: Sequence[Mapping[str, float]]) -> sparse.csr_matrix:
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


def set_rows(sets: Sequence[frozenset[str] | set[str]]) -> sparse.csr_matrix:
    """Rows of word sets; words numbered in sorted order within a row, so the columns (and
    the MinHash signatures built on them) do not depend on Python's string hash seed."""
    return weighted_rows([dict.fromkeys(sorted(s), 1.0) for s in sets])


def row_dots(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Dot products of rows left[k] and right[k] of ``matrix``."""
    if len(left) == 0:
        return np.zeros(0)
    a, b = matrix[left], matrix[right]
    return np.asarray(a.multiply(b).sum(axis=1)).ravel()


def jaccard(matrix: sparse.csr_matrix, sizes: np.ndarray, left: np.ndarray, right: np.ndarray):
    inter = row_dots(matrix, left, right)
    union = sizes[left] + sizes[right] - inter
    return np.where(union > 0, inter / np.maximum(union, 1), 0.0)


def distinct_pairs(
    left: np.ndarray, right: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct (left, right) pairs and, for each input pair, its place among them.

    Mention pairs share far fewer sentence pairs (a sentence holds several
    triggers), lemma pairs and document pairs (hundreds of thousands of mention
    pairs fall in a few hundred document pairs), so what depends on the
    sentences, the lemmas or the documents alone is computed once per distinct
    pair. The indices are non-negative integers."""
    if len(left) == 0:
        return left, right, np.zeros(0, dtype=np.int64)
    width = int(max(left.max(), right.max())) + 1
    keys, inverse = np.unique(left * width + right, return_inverse=True)
    return keys // width, keys % width, inverse.ravel()


_VECTORS: dict[str, np.ndarray] = {}  # lemma -> MiniLM vector, for the process
_ENCODED: set[str] = set()  # lemmas this process encoded itself (not given by remember_vectors)


def lemma_vectors(words: Sequence[str]) -> np.ndarray:
    """MiniLM vectors of distinct lemmas, each encoded once per process.

    A vector does not depend on the other words of its batch (checked: the same
    bits alone, batched, or reordered), so one cached by an earlier run
    (:func:`remember_vectors`) is the one this run would compute."""
    fresh = [w for w in dict.fromkeys(words) if w not in _VECTORS]
    if fresh:
        from rashomon.extract.embeddings import load_encoder

        for word, vec in zip(fresh, load_encoder().encode(fresh), strict=True):
            _VECTORS[word] = vec
        _ENCODED.update(fresh)
    return np.array([_VECTORS[w] for w in words], dtype=np.float32)


def remember_vectors(stored: Mapping[str, bytes]) -> None:
    """Take lemma vectors kept from earlier runs (float32 bytes, as :func:`new_vectors` gives)."""
    for word, blob in stored.items():
        if word not in _VECTORS:
            _VECTORS[word] = np.frombuffer(blob, dtype=np.float32).copy()


def new_vectors(known: Mapping[str, bytes] | set[str]) -> dict[str, bytes]:
    """The lemma vectors this process encoded that ``known`` lacks, as float32 bytes."""
    return {w: _VECTORS[w].astype(np.float32).tobytes() for w in _ENCODED if w not in known}


@dataclass
class MentionTable:
    """Per-mention descriptions, as arrays and sparse rows, for bulk pair features."""

    mentions: Sequence[EventMention]
    base: list[str]
    kinds: list[frozenset[str]]
    doc: np.ndarray  # document index
    doc_ids: list[str]
    sentence: np.ndarray  # sentence index (unique per document and start)
    story: np.ndarray  # story index per mention (filled by blocking)
    lo: np.ndarray  # interval bounds, NaN when undated
    hi: np.ndarray
    explicit: np.ndarray
    place: np.ndarray  # place id, -1 when none
    forms: sparse.csr_matrix
    classes: sparse.csr_matrix
    participants: sparse.csr_matrix
    participant_counts: np.ndarray
    sentence_words: sparse.csr_matrix
    sentence_word_counts: np.ndarray
    sentence_names: sparse.csr_matrix
    sentence_name_counts: np.ndarray
    numbers: sparse.csr_matrix
    number_counts: np.ndarray
    doc_vectors: sparse.csr_matrix
    doc_weights: list[dict[str, float]]  # the same TF-IDF vectors, as word -> weight
    doc_names: sparse.csr_matrix
    doc_name_counts: np.ndarray
    lemma_index: np.ndarray
    lemma_matrix: np.ndarray

    @classmethod
    def build(
        cls,
        mentions: Sequence[EventMention],
        entity_of: Callable[[str, str], str | None] | None,
        docs_text: Mapping[str, str] | None,
    ) -> MentionTable:
        texts = docs_text or {}
        resolve = entity_of or (lambda doc, key: key.casefold())

        def entity(m: EventMention, key: str) -> str:
            return resolve(m.doc, key) or f"{m.doc}|{key}"

        doc_ids = sorted({m.doc for m in mentions} | set(texts))
        doc_index = {d: i for i, d in enumerate(doc_ids)}
        sentence_of: dict[tuple[str, int], int] = {}
        sentence_text: list[str] = []
        for m in mentions:
            key = (m.doc, m.sentence_start)
            if key not in sentence_of:
                sentence_of[key] = len(sentence_text)
                text = texts.get(m.doc)
                sentence_text.append(text[m.sentence_start : m.sentence_end] if text else m.text)
        words = [frozenset(content_words(t)) for t in sentence_text]
        names = [frozenset(NAME.findall(t)) for t in sentence_text]
        numbers = [frozenset(NUMBER.findall(t)) for t in sentence_text]
        sid = np.array([sentence_of[(m.doc, m.sentence_start)] for m in mentions], dtype=np.int64)
        base = [base_lemma(m.lemma) for m in mentions]
        forms = []
        for m, b in zip(mentions, base, strict=True):
            head = m.text.split()[-1] if m.text.split() else m.text
            forms.append(lemma_forms(head) | {m.lemma.lower(), b})
        kinds = [kind_keys(m.lemma) for m in mentions]
        places: dict[str, int] = {}
        place = np.array(
            [
                places.setdefault(entity(m, m.place), len(places)) if m.place else -1
                for m in mentions
            ],
            dtype=np.int64,
        )
        parts = [frozenset(entity(m, k) for k in m.participants) for m in mentions]
        intervals = [mention_interval(m) for m in mentions]
        lo = np.array([iv[0] if iv else np.nan for iv in intervals], dtype=float)
        hi = np.array([iv[1] if iv else np.nan for iv in intervals], dtype=float)
        doc_texts = [texts.get(d, "") for d in doc_ids]
        doc_weights = tfidf([Counter(content_words(t)) for t in doc_texts])
        doc_name_sets = [frozenset(NAME.findall(t)) for t in doc_texts]
        lemmas = sorted(set(base))
        lemma_pos = {w: i for i, w in enumerate(lemmas)}
        sentence_word_rows = set_rows(words)
        return cls(
            mentions=mentions,
            base=base,
            kinds=kinds,
            doc=np.array([doc_index[m.doc] for m in mentions], dtype=np.int64),
            doc_ids=doc_ids,
            sentence=sid,
            story=np.zeros(len(mentions), dtype=np.int64),
            lo=lo,
            hi=hi,
            explicit=np.array([m.time_source == "explicit" for m in mentions]),
            place=place,
            forms=set_rows(forms),
            classes=set_rows([frozenset(k for k in ks if k.startswith("c:")) for ks in kinds]),
            participants=set_rows(parts),
            participant_counts=np.array([len(p) for p in parts], dtype=float),
            sentence_words=sentence_word_rows,
            sentence_word_counts=np.array([len(w) for w in words], dtype=float),
            sentence_names=set_rows(names),
            sentence_name_counts=np.array([len(n) for n in names], dtype=float),
            numbers=set_rows(numbers),
            number_counts=np.array([len(n) for n in numbers], dtype=float),
            doc_vectors=weighted_rows(doc_weights),
            doc_weights=doc_weights,
            doc_names=set_rows(doc_name_sets),
            doc_name_counts=np.array([len(n) for n in doc_name_sets], dtype=float),
            lemma_index=np.array([lemma_pos[b] for b in base], dtype=np.int64),
            lemma_matrix=lemma_vectors(lemmas) if lemmas else np.zeros((0, 384), np.float32),
        )

    def __len__(self) -> int:
        return len(self.mentions)


CHUNK = 100_000


def pair_features(table: MentionTable, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """The :data:`FEATURES` of the pairs (left[k], right[k]), one row per pair."""
    out = np.zeros((len(left), len(FEATURES)), dtype=np.float64)
    for start in range(0, len(left), CHUNK):
        a, b = left[start : start + CHUNK], right[start : start + CHUNK]
        out[start : start + CHUNK] = _chunk(table, a, b)
    return out


def _chunk(t: MentionTable, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    sa, sb, da, db = t.sentence[a], t.sentence[b], t.doc[a], t.doc[b]
    us, vs, at_s = distinct_pairs(sa, sb)
    ud, vd, at_d = distinct_pairs(da, db)
    same_lemma = t.lemma_index[a] == t.lemma_index[b]
    texts = [m.text.lower() for m in t.mentions]
    lemma_in_text = np.array(
        [
            t.base[i] in texts[j] or t.base[j] in texts[i]
            for i, j in zip(a.tolist(), b.tolist(), strict=True)
        ],
        dtype=float,
    )
    ul, vl, at_l = distinct_pairs(t.lemma_index[a], t.lemma_index[b])
    lemma_similarity = np.einsum("ij,ij->i", t.lemma_matrix[ul], t.lemma_matrix[vl])[at_l]
    dated = ~np.isnan(t.lo[a]) & ~np.isnan(t.lo[b])
    with np.errstate(invalid="ignore"):
        disjoint = dated & ((t.hi[a] < t.lo[b]) | (t.hi[b] < t.lo[a]))
        same_time = dated & (t.lo[a] == t.lo[b]) & (t.hi[a] == t.hi[b])
    numbers_shared = (row_dots(t.numbers, us, vs) > 0)[at_s]
    both_numbers = (t.number_counts[sa] > 0) & (t.number_counts[sb] > 0)
    columns = [
        same_lemma,
        row_dots(t.forms, a, b) > 0,
        row_dots(t.classes, a, b) > 0,
        lemma_in_text,
        lemma_similarity,
        jaccard(t.sentence_words, t.sentence_word_counts, us, vs)[at_s],
        np.where(da == db, 1.0, row_dots(t.doc_vectors, ud, vd)[at_d]),
        t.story[a] == t.story[b],
        jaccard(t.participants, t.participant_counts, a, b),
        (t.place[a] >= 0) & (t.place[a] == t.place[b]),
        (t.place[a] >= 0) & (t.place[b] >= 0) & (t.place[a] != t.place[b]),
        disjoint,
        disjoint & t.explicit[a] & t.explicit[b],
        same_time,
        da == db,
        sa == sb,
        numbers_shared,
        both_numbers & ~numbers_shared,
        jaccard(t.sentence_names, t.sentence_name_counts, us, vs)[at_s],
        jaccard(t.doc_names, t.doc_name_counts, ud, vd)[at_d],
    ]
    x = np.column_stack([np.asarray(c, dtype=np.float64) for c in columns])
    f = {name: x[:, k] for k, name in enumerate(FEATURES[: x.shape[1]])}
    products = [
        f["lemma_in_text"] * f["same_story"],
        f["same_lemma"] * f["doc_cosine"],
        f["same_lemma"] * f["sentence_names"],
        f["lemma_similarity"] * f["same_story"],
    ]
    return np.column_stack([x, *products])
