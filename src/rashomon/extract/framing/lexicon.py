"""How loaded a word is, and which way: a packaged lexicon plus a shipped word table.

Two resources, neither of them a hand-made list of "biased words":

* VADER's lexicon (``vader_lexicon.txt``, shipped inside the ``vaderSentiment``
  package, MIT): 7,500 words with a mean human valence rating in -4..+4. It
  gives the *direction* (polarity) of words it knows, scaled to -1..+1.
* The framing word table (``rashomon/resources/framing/words.tsv.gz``), built
  offline by ``benchmarks/build_framing_lexicon.py`` from MiniLM embeddings:
  for about 54,000 words, how much nearer each lies to small seed sets of
  loaded words (pejorative and laudatory) than to neutral news words, the same
  against loaded and plain *verbs*, and whether the noun names an actor, a
  person or an event. Words no seed names ("strongman", "junta", "slammed")
  are scored by their neighbourhood; sentiment alone is not loadedness:
  "killed", "war" and "attack" are strongly negative in VADER but are the
  plain words of news. A word missing from the table (or pruned from it as
  plainly unloaded) is plain; its lemma and simple derivations are tried
  first ("thuggish" -> "thug").

Looking words up costs no model time at extraction; the table was MiniLM's
job once, at build time. The thresholds in :data:`THRESHOLDS` were set on the
PTC training articles only (``benchmarks/framing.py`` holds out every article
whose id is 0 mod 5).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# A word is *loaded* when its loadedness is at least ``loaded``; a label of
# an entity counts as loaded at ``label``. ``vader`` is the minimum |VADER
# valence| (scaled to 0..1) that, with loadedness at least ``loaded_with_vader``,
# also makes a word loaded. A verb's loadedness is the larger of its word
# score and its verb score less ``verb_offset`` (verb scores run higher: the
# verb seeds are nearer each other). Set on the PTC training articles: the
# train-part F1 is flat around these (0.228 here, 0.229 at loaded 0.04 / verb
# offset 0.2, benchmarks/results/framing.md); of near-equal settings the
# stricter one is kept, as labels are shown only when clearly loaded.
THRESHOLDS = {
    "loaded": 0.06,
    "loaded_with_vader": 0.0,
    "vader": 0.45,
    "label": 0.06,
    "verb_offset": 0.14,
}
SUFFIXES = ("ish", "ly", "ness", "ism", "ist", "ists")


@dataclass(frozen=True, slots=True)
class WordScore:
    word: str
    loadedness: float  # >0: nearer the loaded seeds than the neutral ones
    polarity: float  # -1..+1: VADER's where it knows the word, else from the seeds
    vader: float | None  # VADER valence / 4, None when not in the lexicon

    @property
    def loaded(self) -> bool:
        return is_loaded(self.loadedness, self.vader)


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the shipped table."""

    load: float
    lean: float  # >0: nearer the pejorative seeds than the laudatory ones
    vload: float
    vlean: float
    actor: bool
    person: bool
    event: bool


@dataclass(frozen=True, slots=True)
class WordClass:
    actor: bool
    person: bool
    event: bool


PLAIN = Entry(-1.0, 0.0, -1.0, 0.0, False, False, False)


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


def _read(name: str) -> list[str]:
    data = resources.files("rashomon.resources.framing").joinpath(name).read_bytes()
    return gzip.decompress(data).decode("utf-8").splitlines()


def _stems(word: str) -> list[str]:
    """Simple derivations to try for a word the table lacks: "thuggish" -> "thug"."""
    out = []
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            out.append(stem)
            if len(stem) > 3 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return out


class FramingLexicon:
    """The shipped word table: loadedness, direction, noun classes, near synonyms."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        for line in _read("words.tsv.gz")[1:]:
            word, load, lean, vload, vlean, flags = line.split("\t")
            self.entries[word] = Entry(
                float(load), float(lean), float(vload), float(vlean),
                "a" in flags, "p" in flags, "e" in flags,
            )  # fmt: skip
        self.neighbours: dict[str, dict[str, float]] = {}
        for line in _read("neighbours.tsv.gz"):
            if "\t" not in line:
                continue
            word, rest = line.split("\t")
            near = (item.rsplit(":", 1) for item in rest.split())
            self.neighbours[word] = {w: float(s) for w, s in near}
        self.vader = vader_lexicon()

    def entry(self, word: str, lemma: str | None = None) -> Entry | None:
        word = word.lower()
        for candidate in (word, (lemma or "").lower(), word.replace("-", ""), *_stems(word)):
            if candidate and candidate in self.entries:
                return self.entries[candidate]
        return None

    def _verb_load(self, word: str, lemma: str | None) -> tuple[float, float]:
        """The best verb score of the word or a past form of its lemma ("caves" ->
        "caved"): the bare present forms of verbs sit nearer nouns ("cave")."""
        best = (-1.0, 0.0)
        base = (lemma or word).lower()
        forms = [word.lower(), base, base + "d", base + "ed", base + base[-1:] + "ed"]
        if base.endswith("y"):
            forms.append(base[:-1] + "ied")
        for form in forms:
            entry = self.entries.get(form)
            if entry is not None and entry.vload > best[0]:
                best = (entry.vload, entry.vlean)
        return best

    def score(self, word: str, pos: str | None = None, lemma: str | None = None) -> WordScore:
        """How loaded ``word`` is (as a verb when ``pos`` is ``"VERB"``), and which way."""
        low = word.lower()
        entry = self.entry(low, lemma) or PLAIN
        load, lean = entry.load, entry.lean
        if pos == "VERB":
            vload, vlean = self._verb_load(low, lemma)
            if vload - THRESHOLDS["verb_offset"] > load:
                load, lean = vload - THRESHOLDS["verb_offset"], vlean
        vader = self.vader.get(low)
        if vader is None and "-" in low:
            vader = self.vader.get(low.replace("-", ""))
        if vader is not None and vader != 0:
            polarity = vader
        else:
            polarity = (-1.0 if lean > 0 else 1.0) * min(1.0, max(0.0, load) * 4)
        return WordScore(low, load, polarity, vader)

    def score_many(self, words: list[str]) -> dict[str, WordScore]:
        """A :class:`WordScore` for each (lower-cased) word, read as a word, not a verb."""
        return {w.lower(): self.score(w) for w in words}

    def word_class(self, word: str, lemma: str | None = None) -> WordClass | None:
        entry = self.entry(word, lemma)
        if entry is None:
            return None
        return WordClass(entry.actor, entry.person, entry.event)

    def similarity(self, a: str, b: str) -> float:
        """MiniLM cosine of two actor or event nouns as stored (1 for the same
        word, 0 when neither lists the other among its near words)."""
        a, b = a.lower(), b.lower()
        if a == b:
            return 1.0
        return max(self.neighbours.get(a, {}).get(b, 0.0), self.neighbours.get(b, {}).get(a, 0.0))


@lru_cache(maxsize=1)
def load_lexicon() -> FramingLexicon:
    """The process-wide table, read on first use (a fraction of a second)."""
    return FramingLexicon()
