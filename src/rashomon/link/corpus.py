"""Assemble the corpus-wide :class:`Analysis` from the per-document analyses.

Linking runs as registered steps over a shared context, like extraction:
entities come first (every later step maps document-local entity keys to
corpus entity ids), then each cross-document finding fills its part of the
:class:`Analysis`. Each step uses blocking or indexing of its own, so the
whole stage grows near-linearly with the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rashomon.link.blocks import Blocks, InProcess
from rashomon.link.entities import MentionKey, key_index, link_entities
from rashomon.link.events import link_events_and_stories
from rashomon.link.facts import link_facts
from rashomon.link.framing import link_framing
from rashomon.link.reuse import find_reuse
from rashomon.link.timelines import build_timelines
from rashomon.model import Analysis, DocumentAnalysis, EntityMention, IngestError, Quote


@dataclass
class LinkContext:
    analyses: Sequence[DocumentAnalysis]
    analysis: Analysis
    mention_index: dict[MentionKey, str] = field(default_factory=dict)
    key_to_entity: dict[tuple[str, str], str] = field(default_factory=dict)
    #: where the blocked parts of the steps run (:mod:`rashomon.link.blocks`)
    blocks: Blocks = field(default_factory=InProcess)


LinkStep = Callable[[LinkContext], None]
LINK_STEPS: dict[str, LinkStep] = {}


def register_link_step(name: str) -> Callable[[LinkStep], LinkStep]:
    """Add a cross-document step; steps run in registration order."""

    def add(step: LinkStep) -> LinkStep:
        LINK_STEPS[name] = step
        return step

    return add


@register_link_step("entities")
def _entities(ctx: LinkContext) -> None:
    ctx.analysis.entities, ctx.mention_index = link_entities(ctx.analyses)
    ctx.key_to_entity = key_index(ctx.analyses, ctx.mention_index)


@register_link_step("speakers")
def _speakers(ctx: LinkContext) -> None:
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for (doc, start, end), eid in ctx.mention_index.items():
        by_doc[doc].append((start, end, eid))
    keys_by_doc = {a.document.id: {m.key: m for m in a.entity_mentions} for a in ctx.analyses}
    for quote in ctx.analysis.quotes:
        quote.speaker_entity = speaker_entity(
            quote, by_doc[quote.doc], keys_by_doc[quote.doc], ctx.mention_index
        )


@register_link_step("events")
def _events(ctx: LinkContext) -> None:
    linked = link_events_and_stories(ctx.analyses, ctx.key_to_entity, ctx.blocks)
    ctx.analysis.events = linked.events
    ctx.analysis.stories = linked.stories
    ctx.analysis.timelines = build_timelines(ctx.analysis.events, ctx.analysis.documents)


@register_link_step("reuse")
def _reuse(ctx: LinkContext) -> None:
    ctx.analysis.reuse = find_reuse(ctx.analysis.documents, blocks=ctx.blocks)


@register_link_step("facts")
def _facts(ctx: LinkContext) -> None:
    ctx.analysis.facts = link_facts(ctx.analyses, ctx.analysis, ctx.key_to_entity, ctx.blocks)


@register_link_step("framing")
def _framing(ctx: LinkContext) -> None:
    ctx.analysis.framing = link_framing(ctx.analyses, ctx.key_to_entity)


def link_corpus(
    analyses: Sequence[DocumentAnalysis],
    errors: Sequence[IngestError] = (),
    duplicates: Sequence[dict[str, str]] = (),
    blocks: Blocks | None = None,
) -> Analysis:
    """Everything the corpus says, linked across documents (the blocked parts of
    the steps on ``blocks``: in this process by default)."""
    analysis = unlinked_analysis(analyses, errors, duplicates)
    ctx = LinkContext(analyses, analysis, blocks=blocks or InProcess())
    for step in LINK_STEPS.values():
        step(ctx)
    return analysis


def unlinked_analysis(
    analyses: Sequence[DocumentAnalysis],
    errors: Sequence[IngestError] = (),
    duplicates: Sequence[dict[str, str]] = (),
) -> Analysis:
    """The corpus before linking: the documents' own findings gathered in one
    :class:`Analysis` that the link steps fill."""
    return Analysis(
        documents=[a.document for a in analyses],
        times=[t for a in analyses for t in a.times],
        quantities=[q for a in analyses for q in a.quantities],
        quotes=[q for a in analyses for q in a.quotes],
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
