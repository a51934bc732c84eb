"""Run extraction over many documents, in this process or in a pool of processes.

Each worker process loads the spaCy model once and parses its share of the
documents in batches; results come back in input order. On one machine a
process pool is all that is needed; the same pure function is what Dask
workers run beyond one machine.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from rashomon.model import Document, DocumentAnalysis, IngestError

Progress = Callable[[int], None]


Outcome = DocumentAnalysis | IngestError


def _extract_chunk(documents: list[Document]) -> list[Outcome]:
    """Analyses of a chunk; a document that breaks an extractor becomes an error, alone."""
    from rashomon.extract.pipeline import extract_document, extract_documents

    try:
        return list(extract_documents(documents))
    except Exception:  # noqa: BLE001 - isolate the failing document below
        pass
    outcomes: list[Outcome] = []
    for document in documents:
        try:
            outcomes.append(extract_document(document))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            reason = f"extraction failed: {type(exc).__name__}: {exc}".splitlines()[0]
            outcomes.append(IngestError(document.source, reason))
    return outcomes


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def run_extraction(
    documents: Sequence[Document],
    workers: int = 1,
    chunk_size: int = 8,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Analyses (or errors) for ``documents`` in input order; ``progress(n)`` after each chunk."""
    chunks = [list(documents[i : i + chunk_size]) for i in range(0, len(documents), chunk_size)]
    results: list[Outcome] = []
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            results.extend(_extract_chunk(chunk))
            if progress:
                progress(len(chunk))
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk, analyses in zip(chunks, pool.map(_extract_chunk, chunks), strict=True):
            results.extend(analyses)
            if progress:
                progress(len(chunk))
    return results
