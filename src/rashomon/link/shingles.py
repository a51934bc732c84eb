"""Word shingles and the inverted index that proposes document pairs for reuse.

Comparing every pair of documents is quadratic; instead every document is cut
into overlapping word k-grams ("shingles"), each hashed to 64 bits, and the
hashes of the whole corpus are sorted once (``numpy``, n log n). Two documents
become a *candidate pair* only when they share several shingles. Shingles that
occur in many documents are stock phrases ("said in a statement on",
"according to the news agency") and are ignored: they would add a quadratic
number of pairs and prove nothing. What is left is near-linear in the size of
the corpus: each rare shingle contributes at most ``max_df`` choose 2 pairs.

Words are normalised (casefolded, punctuation dropped) so that "U.S." and
"US", or a changed quotation mark, do not break a match. Each word's id is
its hash; a shingle's hash is a multiply-add of its word ids with fixed
random 64-bit multipliers, computed vectorised (numpy) per document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: A word: letters/digits, with inner apostrophes kept ("don't", "O'Neill").
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

_MULTIPLIERS = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0x94D049BB133111EB,
        0xBF58476D1CE4E5B9,
    ],
    dtype=np.uint64,
)


def normalise(text: str) -> str:
    """Casefolded text with typographic apostrophes made plain."""
    return text.casefold().replace("’", "'")


def word_ids(text: str) -> np.ndarray:
    """The ids of the normalised words of ``text`` (fast path: no offsets).

    A word's id is Python's hash of it: stable within one process, which is all
    one ``find_reuse`` call needs, and cheaper than a vocabulary lookup.
    """
    words = WORD.findall(normalise(text))
    return np.fromiter(map(hash, words), dtype=np.int64, count=len(words)).view(np.uint64)


def words_with_offsets(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Word ids of ``text`` (exactly as :func:`word_ids`) with character start/end offsets."""
    norm = normalise(text)
    if len(norm) != len(text):  # casefolding changed lengths ("ß" -> "ss"): word by word
        matches = list(WORD.finditer(text))
        ids = np.fromiter((hash(normalise(m.group())) for m in matches), np.int64, len(matches))
    else:
        matches = list(WORD.finditer(norm))
        ids = np.fromiter(map(hash, (m.group() for m in matches)), np.int64, len(matches))
    spans = np.array([m.span() for m in matches], dtype=np.int64).reshape(-1, 2)
    return ids.view(np.uint64), spans[:, 0].copy(), spans[:, 1].copy()


def word_spans(text: str) -> tuple[np.ndarray, np.ndarray] | None:
    """Character start/end offsets of the words :func:`word_ids` finds, or None when
    casefolding changes the text's length (then only :func:`words_with_offsets`
    gives the offsets, with ids of its own).

    The ids are not needed: with this, another process can place the ids one
    process computed (Python's hash differs from process to process)."""
    norm = normalise(text)
    if len(norm) != len(text):
        return None
    spans = np.array([m.span() for m in WORD.finditer(norm)], dtype=np.int64).reshape(-1, 2)
    return spans[:, 0].copy(), spans[:, 1].copy()


def shingle_hashes(ids: np.ndarray, k: int) -> np.ndarray:
    """64-bit hashes of the k-word windows of one id sequence (len(ids) - k + 1 of them)."""
    n = len(ids) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h += (ids[j : j + n] + np.uint64(1)) * _MULTIPLIERS[j % len(_MULTIPLIERS)]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return h


@dataclass
class ShingleIndex:
    """All shingles of a corpus: per document its hashes, and which are usable.

    ``hashes[d]`` holds document d's shingle hashes in word order (shingle i
    starts at word i); ``rare`` the sorted hashes whose document frequency is
    between 2 and ``max_df`` (shared, but not a stock phrase).
    """

    hashes: list[np.ndarray]
    rare: np.ndarray
    pairs: np.ndarray  # (m, 2) int64 candidate document pairs, first < second
    shared: np.ndarray  # (m,) distinct usable shingles each pair shares


def build_index(
    token_ids: Sequence[np.ndarray], k: int, max_df: int, min_shared: int
) -> ShingleIndex:
    """Hash every document's shingles, find document frequencies and candidate pairs."""
    hashes = [shingle_hashes(ids, k) for ids in token_ids]
    lengths = np.array([len(h) for h in hashes], dtype=np.int64)
    empty = np.zeros(0, dtype=np.int64)
    if lengths.sum() == 0:
        return ShingleIndex(hashes, np.zeros(0, np.uint64), empty.reshape(0, 2), empty)
    all_h = np.concatenate(hashes)
    all_d = np.repeat(np.arange(len(hashes), dtype=np.int64), lengths)
    # distinct (hash, doc) entries, sorted by hash then doc
    order = np.lexsort((all_d, all_h))
    sh, sd = all_h[order], all_d[order]
    keep = np.ones(len(sh), dtype=bool)
    keep[1:] = (sh[1:] != sh[:-1]) | (sd[1:] != sd[:-1])
    uh, ud = sh[keep], sd[keep]
    # document frequency of each distinct hash
    starts = np.flatnonzero(np.r_[True, uh[1:] != uh[:-1]])
    df = np.diff(np.r_[starts, len(uh)])
    rare = uh[starts][(df >= 2) & (df <= max_df)]
    # candidate pairs: every two documents inside one usable hash group
    group_df = np.repeat(df, df)
    sel = (group_df >= 2) & (group_df <= max_df)
    gh, gd = uh[sel], ud[sel]
    keys = []
    n_docs = np.int64(len(hashes))
    for offset in range(1, max_df):
        if offset >= len(gh):
            break
        same = gh[offset:] == gh[:-offset]
        if not same.any():
            break
        keys.append(gd[:-offset][same] * n_docs + gd[offset:][same])
    if not keys:
        return ShingleIndex(hashes, rare, empty.reshape(0, 2), empty)
    pair_keys, counts = np.unique(np.concatenate(keys), return_counts=True)
    strong = counts >= min_shared
    pair_keys, counts = pair_keys[strong], counts[strong]
    pairs = np.stack([pair_keys // n_docs, pair_keys % n_docs], axis=1)
    return ShingleIndex(hashes, rare, pairs, counts)
