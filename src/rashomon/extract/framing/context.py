"""What the framing finders share: token-level views of the entity mentions,
paragraphs, and the word classes (actor, person, event) taken from embeddings."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Token

from rashomon.extract.framing.lexicon import LoadednessScorer, WordScore, load_scorer
from rashomon.model import EntityMention

# Seeds for the kind of thing a common noun names. A noun is an *actor* (a
# person or group a source can label) when it is nearer these than the
# things seeds; a *person* noun when nearer the person seeds than the group
# ones; an *event* noun ("protest", "riot") when nearest the event seeds.
PERSON_SEEDS = "man woman person leader president dictator official politician chief boss".split()
GROUP_SEEDS = """group government regime organization party militants rebels forces movement
administration army gang""".split()
EVENT_SEEDS = """protest riot uprising demonstration massacre clash crackdown coup revolution
insurrection unrest rebellion""".split()
THING_SEEDS = """thing object policy plan law money building week report idea decision water car
statement number place time area""".split()
ACTOR_MARGIN = 0.15
EVENT_MIN = 0.5

PERSON_TYPES = frozenset({"PERSON"})
GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
PEOPLE_TYPES = frozenset({"ORG", "NORP"})
CONTENT_POS = frozenset({"ADJ", "ADV", "VERB", "NOUN", "PROPN"})
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(slots=True)
class WordClass:
    actor: bool
    person: bool
    event: bool


@dataclass
class FramingContext:
    """One document's tokens, mentions, paragraphs and word scores."""

    doc: Doc
    doc_id: str
    mentions: list[EntityMention]
    scorer: LoadednessScorer = field(default_factory=load_scorer)
    token_mention: dict[int, EntityMention] = field(default_factory=dict)
    paragraph_starts: list[int] = field(default_factory=list)
    scores: dict[str, WordScore] = field(default_factory=dict)
    classes: dict[str, WordClass] = field(default_factory=dict)

    def __post_init__(self) -> None:
        doc = self.doc
        for mention in self.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.token_mention.setdefault(token.i, mention)
        text = doc.text
        self.paragraph_starts = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
        words = sorted({t.lower_ for t in doc if self.candidate(t)})
        self.scores = self.scorer.score_many(words)
        nouns = sorted({t.lower_ for t in doc if t.pos_ in ("NOUN", "PROPN") and self.candidate(t)})
        self.classes = classify(self.scorer, nouns)

    def candidate(self, token: Token) -> bool:
        return (
            token.pos_ in CONTENT_POS
            and token.is_alpha
            and len(token) > 2
            and not token.is_stop
            and token.i not in self.token_mention
        )

    def mention(self, token: Token) -> EntityMention | None:
        return self.token_mention.get(token.i)

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def score(self, token: Token) -> WordScore | None:
        return self.scores.get(token.lower_)

    def word_class(self, token: Token) -> WordClass | None:
        return self.classes.get(token.lower_)


_SEEDS: dict[str, np.ndarray] = {}


def classify(scorer: LoadednessScorer, nouns: list[str]) -> dict[str, WordClass]:
    """Actor / person / event classes of nouns, by similarity to the seeds."""
    if not nouns:
        return {}
    if not _SEEDS:
        for name, seeds in (
            ("person", PERSON_SEEDS),
            ("group", GROUP_SEEDS),
            ("event", EVENT_SEEDS),
            ("thing", THING_SEEDS),
        ):
            _SEEDS[name] = scorer.vectors_of(seeds)
    vectors = scorer.vectors_of(nouns)

    def top(name: str) -> np.ndarray:
        sims = np.sort(vectors @ _SEEDS[name].T, axis=1)[:, -3:]
        return sims.mean(axis=1)

    person, group, event, thing = top("person"), top("group"), top("event"), top("thing")
    out: dict[str, WordClass] = {}
    for i, noun in enumerate(nouns):
        actor_sim = max(person[i], group[i])
        is_event = bool(event[i] >= EVENT_MIN and event[i] > actor_sim and event[i] > thing[i])
        is_actor = bool(actor_sim - thing[i] > ACTOR_MARGIN and not is_event)
        out[noun] = WordClass(is_actor, bool(person[i] > group[i]), is_event)
    return out
