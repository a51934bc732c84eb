"""``ingest_paths``: files in, cleaned documents out, in two passes.

Pass one reads every file into raw texts (so that the cleaner can see which
lines a site repeats on every page); pass two cleans each text, reads its
metadata, and stores each distinct cleaned text once, under an id derived
from its content, so re-ingesting the same article gives the same id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Document, IngestError
from .clean import clean_text
from .files import ReadError, discover, read_text
from .language import detect_language
from .readers import RawDoc, reader_for
from .template import find_template_lines

MAX_BYTES = 20_000_000


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    duplicates: list[dict[str, str]] = field(default_factory=list)


def document_id(text: str) -> str:
    """Stable short id: "d" + 12 hex digits of the SHA-1 of the cleaned text."""
    return "d" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def read_raw(paths: Sequence[str | Path], max_bytes: int) -> tuple[list[RawDoc], list[IngestError]]:
    """Pass one: every input as a raw document or an error."""
    raws: list[RawDoc] = []
    errors: list[IngestError] = []
    for item in discover(paths):
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        path, source = item
        reader = reader_for(path)
        if reader is None:
            suffix = path.suffix.lower()
            errors.append(
                IngestError(
                    source,
                    f"unsupported file type {suffix}"
                    if suffix
                    else "unsupported file type (no suffix)",
                )
            )
            continue
        try:
            text = read_text(path, max_bytes)
        except ReadError as exc:
            errors.append(IngestError(source, str(exc)))
            continue
        for out in reader(text, source, path):
            (errors if isinstance(out, IngestError) else raws).append(out)
    return raws, errors


def ingest_paths(paths: Sequence[str | Path], max_bytes: int = MAX_BYTES) -> IngestResult:
    """Read, clean and deduplicate the files and folders in ``paths``."""
    raws, errors = read_raw(paths, max_bytes)
    groups: dict[str, list[str]] = {}
    for raw in raws:
        groups.setdefault(raw.group, []).append(raw.text)
    templates = find_template_lines(groups)

    result = IngestResult(errors=errors)
    by_id: dict[str, Document] = {}
    for raw in raws:
        cleaned = clean_text(raw.text, templates.get(raw.group, frozenset()), raw.meta)
        if not cleaned.text.strip():
            result.errors.append(
                IngestError(raw.source, "no article text left after removing boilerplate")
            )
            continue
        meta = raw.meta
        meta.fill(cleaned.meta)
        doc_id = document_id(cleaned.text)
        if doc_id in by_id:
            result.duplicates.append({"source": raw.source, "duplicate_of": doc_id})
            continue
        doc = Document(
            id=doc_id,
            source=raw.source,
            text=cleaned.text,
            title=meta.title,
            outlet=meta.outlet,
            author=meta.author,
            published=meta.published,
            language=detect_language(cleaned.text),
            boilerplate=cleaned.removed,
        )
        by_id[doc_id] = doc
        result.documents.append(doc)
    return result
