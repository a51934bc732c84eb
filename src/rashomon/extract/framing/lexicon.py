"""How loaded a word is, and which way: a packaged lexicon plus embeddings.

Two resources, neither of them a hand-made list of "biased words":

* VADER's lexicon (``vader_lexicon.txt``, shipped inside the ``vaderSentiment``
  package, MIT): 7,500 words with a mean human valence rating in -4..+4. It
  gives the *direction* (polarity) of words it knows, scaled to -1..+1.
* MiniLM embeddings (:mod:`rashomon.extract.embeddings`): every candidate word is
  compared with small seed sets of loaded words (pejorative and laudatory)
  and of neutral news words. Its *loadedness* is how much nearer it lies to
  the loaded seeds than to the neutral ones (mean of the top-3 cosine
  similarities each side), so words no list names ("strongman", "junta",
  "thuggish", "slammed") are scored by their neighbourhood. Sentiment alone is
  not loadedness: "killed", "war" and "attack" are strongly negative in VADER
  but are the plain words of news, which is why the neutral seeds hold them.

The seeds are short and generic (not taken from any benchmark); the
thresholds in :data:`THRESHOLDS` were set on the PTC training articles only
(``benchmarks/framing.py`` holds out every article whose id is 0 mod 5).
Scores are cached per word for the life of the process.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

# Pejorative and laudatory words of political and news writing, the two poles
# of "loaded". Seeds, not a filter: the scorer generalises from them.
NEGATIVE_SEEDS = """
dictator tyrant despot thug thugs regime junta terrorist terrorists extremist extremists
fanatic radical puppet henchmen propaganda brutal savage barbaric evil vicious corrupt
disgraceful outrageous shameful ruthless murderous bloodthirsty slammed blasted crackdown
massacre atrocity mob looters rioters traitor hysteria hoax lies idiot scum criminals
insane disastrous catastrophic horrific sinister rogue reckless cronies zealots
""".split()
POSITIVE_SEEDS = """
hero heroes heroic brave courageous patriot patriots patriotic champion visionary legendary
glorious noble martyr liberators defenders brilliant historic triumph beloved
freedom-fighters valiant selfless
""".split()
# Plain words of news reporting: institutions, roles, reporting verbs, and the
# factual vocabulary of conflict and politics that sentiment lexicons mark.
NEUTRAL_SEEDS = """
government official officials group people said says told stated leader president
administration fighters members organization announced meeting statement country forces
report police protesters demonstrators authorities spokesman military killed died attack war
election vote law company city week year plan support help agreed including according percent
building troops opposition party minister court lawmakers policy security wounded injured
arrested charged shooting
""".split()

# A word is *loaded* when its loadedness is at least ``loaded``; a label of
# an entity counts as loaded at ``label``. ``vader`` is the minimum |VADER
# valence| (scaled to 0..1) that, with loadedness at least ``loaded_with_vader``,
# also makes a word loaded. Set on the PTC training articles (see module doc).
THRESHOLDS = {"loaded": 0.06, "loaded_with_vader": 0.0, "vader": 0.45, "label": 0.04}


@dataclass(frozen=True, slots=True)
class WordScore:
    word: str
    loadedness: float  # >0: nearer the loaded seeds than the neutral ones
    polarity: float  # -1..+1: VADER's where it knows the word, else from the seeds
    vader: float | None  # VADER valence / 4, None when not in the lexicon

    @property
    def loaded(self) -> bool:
        return is_loaded(self.loadedness, self.vader)


def is_loaded(loadedness: float, vader: float | None) -> bool:
    if loadedness >= THRESHOLDS["loaded"]:
        return True
    return (
        vader is not None
        and abs(vader) >= THRESHOLDS["vader"]
        and loadedness >= THRESHOLDS["loaded_with_vader"]
    )


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's word -> mean valence / 4 (so -1..+1)."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    lexicon: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.strip().split("\t")
        if len(parts) >= 2:
            try:
                lexicon[parts[0].lower()] = max(-1.0, min(1.0, float(parts[1]) / 4.0))
            except ValueError:
                continue
    return lexicon


def _top_mean(sims: np.ndarray, k: int = 3) -> np.ndarray:
    k = min(k, sims.shape[1])
    return np.sort(sims, axis=1)[:, -k:].mean(axis=1)


class LoadednessScorer:
    """Scores words against the seed sets; thread-safe, cached per word."""

    def __init__(self) -> None:
        from rashomon.extract.embeddings import load_encoder

        self.encoder = load_encoder()
        neg = self.encoder.encode([w.replace("-", " ") for w in NEGATIVE_SEEDS])
        pos = self.encoder.encode([w.replace("-", " ") for w in POSITIVE_SEEDS])
        self.loaded = np.vstack([neg, pos])
        self.n_negative = len(neg)
        self.neutral = self.encoder.encode(NEUTRAL_SEEDS)
        self.cache: dict[str, WordScore] = {}
        self.vectors: dict[str, np.ndarray] = {}
        self.lock = threading.Lock()

    def vectors_of(self, words: list[str]) -> np.ndarray:
        """The embedding of each word (cached)."""
        missing = sorted({w for w in words if w not in self.vectors})
        if missing:
            encoded = self.encoder.encode(missing, batch_size=128)
            with self.lock:
                self.vectors.update(zip(missing, encoded, strict=True))
        if not words:
            return np.zeros((0, self.neutral.shape[1]), dtype=np.float32)
        return np.vstack([self.vectors[w] for w in words])

    def score_many(self, words: list[str]) -> dict[str, WordScore]:
        """A :class:`WordScore` for each (lower-cased) word."""
        words = [w.lower() for w in words]
        missing = sorted({w for w in words if w not in self.cache})
        if missing:
            vectors = self.vectors_of(missing)
            to_loaded = vectors @ self.loaded.T
            loadedness = _top_mean(to_loaded) - _top_mean(vectors @ self.neutral.T)
            direction = _top_mean(to_loaded[:, : self.n_negative]) - _top_mean(
                to_loaded[:, self.n_negative :]
            )
            lexicon = vader_lexicon()
            scores = {}
            for word, load, lean in zip(missing, loadedness, direction, strict=True):
                vader = lexicon.get(word)
                if vader is None and "-" in word:
                    vader = lexicon.get(word.replace("-", ""))
                if vader is not None and vader != 0:
                    polarity = vader
                else:
                    sign = -1.0 if lean > 0 else 1.0
                    polarity = sign * float(min(1.0, max(0.0, load) * 4))
                scores[word] = WordScore(word, float(load), float(polarity), vader)
            with self.lock:
                self.cache.update(scores)
        return {w: self.cache[w] for w in words}

    def score(self, word: str) -> WordScore:
        return self.score_many([word])[word.lower()]

    def similarity(self, a: list[str], b: list[str]) -> np.ndarray:
        """Cosine similarities between two word lists."""
        return self.vectors_of([w.lower() for w in a]) @ self.vectors_of([w.lower() for w in b]).T


@lru_cache(maxsize=1)
def load_scorer() -> LoadednessScorer:
    """The process-wide scorer, built on first use."""
    return LoadednessScorer()
