"""Linking what the store holds and saving the corpus results, then the exports.

Linking is skipped when the store holds exactly what the present results were
made from (same documents, errors and duplicates, same Rashomon): linking again
would give the same results, so they are read back instead.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rashomon.exports import EXPORT_STEPS, export_stored, exports_fresh
from rashomon.model import Analysis, DocumentAnalysis, IngestError
from rashomon.runhooks import Hooks, OutputError, StageClock
from rashomon.store import Store

if TYPE_CHECKING:  # linking is imported only when a run links
    from rashomon.link.blocks import Blocks

YOUNG_OBJECTS = 20_000  # allocations between young collections while linking (default 700)
LINKED_KEY = "linked"  # store meta: what the stored corpus results were made from


def stored_state(store: Store) -> str:
    """What linking and the exports are made from: the store's contents and the code."""
    return f"{store.contents_digest()} {exports_version()}"


def exports_version() -> str:
    """What the exports depend on besides the store's contents: the code's versions."""
    from rashomon import __version__
    from rashomon.extract.pipeline import EXTRACTOR_VERSION
    from rashomon.model import SCHEMA_VERSION

    return f"{__version__}/{EXTRACTOR_VERSION}/{SCHEMA_VERSION}"


def link_and_export(
    store: Store,
    out: Path,
    hooks: Hooks,
    clock: StageClock,
    exports: bool = True,
    *,
    scheduler: str | None = None,
    workers: int = 1,
) -> tuple[Analysis, list[DocumentAnalysis]]:
    """Link everything the store holds, save the corpus results, write the exports
    (unless ``exports`` is false). With a Dask ``scheduler`` (an address, or
    "local": ``workers`` processes here) the blocked parts of linking run there.

    When the store holds exactly what the present results were made from (same
    documents, errors and duplicates, same Rashomon), linking again would give
    the same results: they are read back from the store instead, and the
    exports are written only when they are not already those results'.
    """
    state = stored_state(store)
    analyses = store.load_documents()
    clock.lap("store")
    with long_lived():  # the loaded documents stay out of the collector's scans
        if store.get_meta(LINKED_KEY) == state:
            analysis = store.load_analysis(analyses)
            if exports and not exports_fresh(store, out, state):
                export_stored(store, analysis, analyses, out, hooks, state)
                clock.lap("export")
            return analysis, analyses
        store.set_meta(LINKED_KEY, None)  # until the new results are saved
        errors = store.load_errors()
        from rashomon.extract.events.derivation import new_forms, remember_forms
        from rashomon.link.blocks import blocks_for
        from rashomon.link.events.features import new_vectors, remember_vectors
        from rashomon.link.framing import new_tones, remember_tones

        stored_vectors, stored_tones = store.load_word_vectors(), store.load_sentence_tones()
        stored_forms = store.load_lemma_forms()
        remember_vectors(stored_vectors)
        remember_tones(stored_tones)
        remember_forms(stored_forms)
        with blocks_for(scheduler, workers) as blocks:
            analysis = link_documents(analyses, errors, store.load_duplicates(), hooks, blocks)
        store.save_word_vectors(new_vectors(stored_vectors))
        store.save_sentence_tones(new_tones(stored_tones))
        store.save_lemma_forms(new_forms(stored_forms))
        clock.lap("link")
        gc.freeze()  # and the linked results, which the exports only read
        hooks.on_stage("export", len(EXPORT_STEPS))
        hooks.on_step("export", "store")
        try:
            store.save_corpus(analysis)
        except Exception as exc:
            raise OutputError(f"{store.path}: cannot save the linked results ({exc})") from None
        store.set_meta(LINKED_KEY, state)
        hooks.on_advance("export", 1)
        if exports:
            export_stored(store, analysis, analyses, out, hooks, state)
        clock.lap("export")
        return analysis, analyses


@contextlib.contextmanager
def long_lived() -> Iterator[None]:
    """Leave what the process holds now (the loaded documents, the modules) out of the
    garbage collector's scans until the block ends (:func:`gc.freeze`).

    Why: linking and the exports make millions of short-lived objects, and each
    full collection they set off walked every stored document's findings again,
    about a seventh of the linking and export time on 300 articles. Young objects
    are also collected less often (every :data:`YOUNG_OBJECTS` allocations): almost
    all are freed by reference counting, and the frequent passes found next to
    nothing (peak memory unchanged). What was frozen is collectable again after."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def link_documents(
    analyses: Sequence[DocumentAnalysis],
    errors: Sequence[IngestError],
    duplicates: Sequence[dict[str, str]],
    hooks: Hooks,
    blocks: Blocks | None = None,
) -> Analysis:
    """:func:`rashomon.link.link_corpus`, step by step, naming each step to ``hooks``."""
    from rashomon.link.blocks import InProcess
    from rashomon.link.corpus import LINK_STEPS, LinkContext, unlinked_analysis

    analysis = unlinked_analysis(analyses, errors, duplicates)
    hooks.on_stage("link", len(LINK_STEPS))
    context = LinkContext(analyses, analysis, blocks=blocks or InProcess())
    for name, step in LINK_STEPS.items():
        hooks.on_step("link", name)
        step(context)
        hooks.on_advance("link", 1)
    return analysis
