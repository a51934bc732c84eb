"""What every slot finder needs about one parsed document, built once.

The event mentions are indexed by their trigger token, the entity mentions by
token (:class:`rashomon.extract.events.arguments.EntityIndex`), and the quotes
by span, so each finder can ask "which event does this token belong to?",
"which entity is this?", and "who does the document say said this?".
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from rashomon.extract.events.arguments import EntityIndex
from rashomon.model import DocumentAnalysis, EventMention, FactMention, Quote

from .lexicon import (
    HEDGE_PHRASES,
    HEDGE_WORDS,
    REVISION_ADVERBS,
    REVISION_VERBS,
    SUPERSEDED,
)
from .scope import TOLL_SLOTS, toll_scope


@dataclass(slots=True)
class Attribution:
    speaker: str | None = None
    start: int | None = None
    end: int | None = None
    quoted: bool = False


@dataclass(slots=True)
class FactContext:
    doc: Doc
    analysis: DocumentAnalysis
    text: str
    entities: EntityIndex
    events: dict[int, EventMention] = field(default_factory=dict)  # trigger token -> mention
    quotes: list[Quote] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # token character offsets

    @classmethod
    def build(cls, doc: Doc, analysis: DocumentAnalysis) -> FactContext:
        ctx = cls(
            doc=doc,
            analysis=analysis,
            text=analysis.document.text,
            entities=EntityIndex.build(doc, analysis.entity_mentions),
            quotes=sorted(analysis.quotes, key=lambda q: q.end - q.start),
            starts=[t.idx for t in doc],
        )
        for mention in analysis.events:
            i = ctx.token_at(mention.start)
            if i is not None:
                ctx.events.setdefault(i, mention)
        return ctx

    def token_at(self, char: int) -> int | None:
        i = bisect.bisect_right(self.starts, char) - 1
        if i < 0 or i >= len(self.doc):
            return None
        token = self.doc[i]
        return i if token.idx <= char < token.idx + len(token) else None

    def span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def event_of(self, token: Token, climb: int = 4) -> EventMention | None:
        """The event mention at ``token``, or at the nearest trigger above it."""
        current = token
        for _ in range(climb + 1):
            mention = self.events.get(current.i)
            if mention is not None:
                return mention
            if current.head.i == current.i:
                return None
            current = current.head
        return None

    def attribution(self, start: int, end: int) -> Attribution:
        """The innermost quote or reported clause that covers the span."""
        for quote in self.quotes:  # shortest first
            if quote.start <= start and end <= quote.end:
                return Attribution(
                    quote.speaker, quote.speaker_start, quote.speaker_end, quote.direct
                )
        return Attribution()

    def hedged(self, tokens: list[Token]) -> bool:
        """A hedge word on the clause of these tokens ("reportedly", "may have")."""
        seen: set[int] = set()
        for token in tokens:
            current = token
            for _ in range(4):
                if current.i in seen:
                    break
                seen.add(current.i)
                for child in current.children:
                    if child.lower_ in HEDGE_WORDS or child.lemma_.lower() in HEDGE_WORDS:
                        return True
                if current.lower_ in HEDGE_WORDS:
                    return True
                if current.head.i == current.i:
                    break
                current = current.head
        sentence = tokens[0].sent.text.lower() if tokens else ""
        return any(phrase in sentence for phrase in HEDGE_PHRASES if phrase != "up to")

    def revised(self, token: Token) -> bool:
        """The value is given as an update: "rose to five", "now stands at 7"."""
        current = token
        for _ in range(3):
            if current.lemma_.lower() in REVISION_VERBS:
                return True
            if any(c.lower_ in REVISION_ADVERBS and c.dep_ == "advmod" for c in current.children):
                return True
            if current.head.i == current.i:
                return False
            current = current.head
        return False

    def fact(
        self,
        event: EventMention,
        slot: str,
        value: str,
        start: int,
        end: int,
        *,
        tokens: list[Token],
        **extra: object,
    ) -> FactMention:
        """A fact mention with the attribution and hedging of its span filled in."""
        said = self.attribution(start, end)
        if slot in TOLL_SLOTS and "scope" not in extra:
            trigger = self.token_at(event.start)
            extra["scope"] = toll_scope(tokens, self.doc[trigger] if trigger is not None else None)
        return FactMention(
            doc=self.analysis.document.id,
            start=start,
            end=end,
            text=self.text[start:end],
            slot=slot,
            value=value,
            event_start=event.start,
            event_end=event.end,
            sentence_start=event.sentence_start,
            sentence_end=event.sentence_end,
            negated=bool(extra.pop("negated", event.negated)),
            superseded=slot in TOLL_SLOTS
            and bool(SUPERSEDED.search(self.text[event.sentence_start : event.sentence_end])),
            hedged=self.hedged(tokens),
            quoted=said.quoted,
            attribution=said.speaker,
            attribution_start=said.start,
            attribution_end=said.end,
            **extra,  # type: ignore[arg-type]
        )
