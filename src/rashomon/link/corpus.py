"""Assemble the corpus-wide :class:`Analysis` from the per-document analyses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rashomon.link.entities import MentionKey, link_entities
from rashomon.model import Analysis, DocumentAnalysis, EntityMention, IngestError, Quote


def link_corpus(
    analyses: Sequence[DocumentAnalysis],
    errors: Sequence[IngestError] = (),
    duplicates: Sequence[dict[str, str]] = (),
) -> Analysis:
    """Entities across documents, with quotes' speakers tied to them."""
    entities, mention_index = link_entities(analyses)
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for (doc, start, end), eid in mention_index.items():
        by_doc[doc].append((start, end, eid))
    keys_by_doc = {a.document.id: {m.key: m for m in a.entity_mentions} for a in analyses}
    quotes = [q for a in analyses for q in a.quotes]
    for quote in quotes:
        quote.speaker_entity = speaker_entity(
            quote, by_doc[quote.doc], keys_by_doc[quote.doc], mention_index
        )
    return Analysis(
        documents=[a.document for a in analyses],
        entities=entities,
        times=[t for a in analyses for t in a.times],
        quantities=[q for a in analyses for q in a.quantities],
        quotes=quotes,
        errors=list(errors),
        duplicates=list(duplicates),
    )


def speaker_entity(
    quote: Quote,
    doc_mentions: list[tuple[int, int, str]],
    doc_keys: dict[str, EntityMention],
    index: dict[MentionKey, str],
) -> str | None:
    """The entity named by the quote's speaker span, or by its resolved speaker name."""
    if quote.speaker_start is not None and quote.speaker_end is not None:
        for start, end, eid in doc_mentions:
            if start >= quote.speaker_start and end <= quote.speaker_end:
                return eid
    mention = doc_keys.get(quote.speaker or "")
    if mention is not None:
        return index.get((mention.doc, mention.start, mention.end))
    return None
