"""The first stages of a run: reading the inputs, extracting each document, storing it.

Faults are contained here: every input that fails (reading, decoding, parsing,
cleaning, extraction) becomes one :class:`IngestError` and the batch goes on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from rashomon.model import Document, DocumentAnalysis, IngestError
from rashomon.runhooks import OutputError
from rashomon.store import Store


def read_inputs(
    paths: Sequence[str | Path], max_bytes: int, **options: Any
) -> tuple[list[Document], list[IngestError], list[dict[str, str]]]:
    """Ingest the inputs. Ingest turns each bad file into an error of its own; should
    it fail as a whole, each file is read alone so that one bad input costs one line."""
    from rashomon.ingest import ingest_paths

    try:
        ingested = ingest_paths(paths, max_bytes=max_bytes, **options)
        return list(ingested.documents), list(ingested.errors), list(ingested.duplicates)
    except Exception:  # noqa: BLE001 - fall back to the per-file boundary below
        pass
    documents: list[Document] = []
    errors: list[IngestError] = []
    duplicates: list[dict[str, str]] = []
    seen: set[str] = set()
    listing = {k: v for k, v in options.items() if k in ("follow_links", "exclude")}
    for item in _each_input(paths, **listing):
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        path, source = item
        try:
            alone = ingest_paths([path], max_bytes=max_bytes, meta=options.get("meta"))
        except Exception as exc:  # noqa: BLE001 - this file, and only it, failed
            errors.append(IngestError(source, f"could not be read: {_reason(exc)}", "read"))
            continue
        errors += alone.errors
        duplicates += alone.duplicates
        for document in alone.documents:
            if document.id in seen:
                duplicates.append({"source": document.source, "duplicate_of": document.id})
            else:
                seen.add(document.id)
                documents.append(document)
    return documents, errors, duplicates


def _each_input(
    paths: Sequence[str | Path], **listing: Any
) -> Iterator[tuple[Path, str] | IngestError]:
    from rashomon.ingest.files import discover

    try:
        yield from discover(paths, **listing)
    except Exception as exc:  # noqa: BLE001 - listing itself failed: name the inputs
        for path in paths:
            yield IngestError(str(path), f"could not be listed: {_reason(exc)}", "read")


def _reason(exc: BaseException) -> str:
    detail = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def extract_all(
    documents: Sequence[Document], workers: int, scheduler: str | None, limits: object | None
) -> Iterator[DocumentAnalysis | IngestError]:
    """Each document's analysis or its error, as they finish (the models load only
    when there is something to extract)."""
    if not documents:
        return iter(())
    from rashomon.extract.runner import iter_extraction

    return iter_extraction(documents, workers=workers, scheduler=scheduler, limits=limits)


def save(store: Store, analysis: DocumentAnalysis, extractor: str) -> None:
    """Store one document; a full disk or a broken store stops the run with a reason."""
    try:
        store.save_document(analysis, extractor)
    except sqlite3.Error as exc:
        raise OutputError(
            f"{store.path}: cannot store {analysis.document.source} ({exc})"
        ) from None
