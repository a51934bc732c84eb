"""Per-document extraction: one :class:`Document` in, one :class:`DocumentAnalysis` out.

The stage is a pure function of the document (plus the packaged model), so it
runs unchanged in a process pool or on Dask workers. The extractors are
registered steps run in order on a shared context; each step reads what the
earlier ones found (quantities need the dates masked, quotes need the entity
mentions) and adds its own findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from rashomon.extract.entities import find_entity_mentions
from rashomon.extract.events import find_events
from rashomon.extract.facts import find_facts
from rashomon.extract.framing import find_framing_terms
from rashomon.extract.nlp import load_nlp
from rashomon.extract.pieces import analyse_in_pieces, needs_pieces
from rashomon.extract.quantities import find_quantities
from rashomon.extract.quotes import find_quotes
from rashomon.extract.timex import tag_times
from rashomon.model import Document, DocumentAnalysis, Sentence

# Stored with each analysed document; documents analysed by another version
# are extracted again on the next run.
# 8: a day fixed for something to come ("set the sentencing for June 28") lies
# ahead; 7: a blank line ends a sentence; 6: tolls told as earlier figures
# (FactMention.superseded); 5: tolls keep their place
# (FactMention.scope), nested person names
EXTRACTOR_VERSION = "8"


@dataclass(slots=True)
class ExtractionContext:
    document: Document
    doc: Doc
    analysis: DocumentAnalysis


Step = Callable[[ExtractionContext], None]
STEPS: dict[str, Step] = {}


def register_step(name: str) -> Callable[[Step], Step]:
    """Add an extractor to the pipeline; steps run in registration order."""

    def add(step: Step) -> Step:
        STEPS[name] = step
        return step

    return add


@register_step("sentences")
def _sentences(ctx: ExtractionContext) -> None:
    doc_id = ctx.document.id
    ctx.analysis.sentences = [Sentence(doc_id, s.start_char, s.end_char) for s in ctx.doc.sents]
    ctx.analysis.words = sum(1 for token in ctx.doc if not token.is_punct and not token.is_space)


@register_step("entities")
def _entities(ctx: ExtractionContext) -> None:
    ctx.analysis.entity_mentions = find_entity_mentions(ctx.doc, ctx.document.id)


@register_step("times")
def _times(ctx: ExtractionContext) -> None:
    ctx.analysis.times = tag_times(ctx.doc, ctx.document.id, ctx.document.published)


@register_step("quantities")
def _quantities(ctx: ExtractionContext) -> None:
    masked = [(t.start, t.end) for t in ctx.analysis.times]
    ctx.analysis.quantities = find_quantities(ctx.doc, ctx.document.id, masked)


@register_step("quotes")
def _quotes(ctx: ExtractionContext) -> None:
    mentions = ctx.analysis.entity_mentions
    ctx.analysis.quotes = find_quotes(ctx.doc, ctx.document.id, mentions)


@register_step("events")
def _events(ctx: ExtractionContext) -> None:
    found = ctx.analysis
    found.events = find_events(
        ctx.doc, ctx.document.id, found.entity_mentions, found.times, ctx.document.published
    )


@register_step("facts")
def _facts(ctx: ExtractionContext) -> None:
    ctx.analysis.facts = find_facts(ctx.doc, ctx.analysis)


@register_step("framing")
def _framing(ctx: ExtractionContext) -> None:
    mentions = ctx.analysis.entity_mentions
    ctx.analysis.framing_terms = find_framing_terms(ctx.doc, ctx.document.id, mentions)


def analyse_parsed(document: Document, doc: Doc) -> DocumentAnalysis:
    """Run every registered step on an already parsed document."""
    ctx = ExtractionContext(document, doc, DocumentAnalysis(document=document))
    for step in STEPS.values():
        step(ctx)
    return ctx.analysis


def extract_document(document: Document) -> DocumentAnalysis:
    """Everything one document says, with offsets into ``document.text``.

    A long text is analysed in pieces (:mod:`rashomon.extract.pieces`)."""
    if needs_pieces(document.text):
        return analyse_in_pieces(document, extract_document)
    return analyse_parsed(document, load_nlp()(document.text))


def extract_documents(
    documents: Iterable[Document], batch_size: int = 16
) -> Iterator[DocumentAnalysis]:
    """The same as :func:`extract_document` for many documents, parsed in batches."""
    items = list(documents)
    short = (d.text for d in items if not needs_pieces(d.text))
    parsed = load_nlp().pipe(short, batch_size=batch_size)
    for document in items:
        if needs_pieces(document.text):
            yield extract_document(document)
        else:
            yield analyse_parsed(document, next(parsed))
