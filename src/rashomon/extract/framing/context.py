"""What the framing finders share: token-level views of the entity mentions,
paragraphs, and word scores and classes (actor, person, event) from the shipped
table (:mod:`.lexicon`)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from rashomon.extract.framing.lexicon import FramingLexicon, WordClass, WordScore, load_lexicon
from rashomon.model import EntityMention

PERSON_TYPES = frozenset({"PERSON"})
GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
PEOPLE_TYPES = frozenset({"ORG", "NORP"})
CONTENT_POS = frozenset({"ADJ", "ADV", "VERB", "NOUN", "PROPN"})
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass
class FramingContext:
    """One document's tokens, mentions, paragraphs and word scores."""

    doc: Doc
    doc_id: str
    mentions: list[EntityMention]
    lexicon: FramingLexicon = field(default_factory=load_lexicon)
    token_mention: dict[int, EntityMention] = field(default_factory=dict)
    paragraph_starts: list[int] = field(default_factory=list)

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

    def score(self, token: Token) -> WordScore:
        """The token's score: as a verb when it is one ("caves" in "Boehner caves")."""
        return self.lexicon.score(token.lower_, token.pos_, token.lemma_)

    def word_class(self, token: Token) -> WordClass | None:
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        return self.lexicon.word_class(token.lower_, token.lemma_)
