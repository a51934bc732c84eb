"""``ingest_paths``: files in, cleaned documents out, in two passes.

Pass one reads every file into raw texts (so that the cleaner can see which
lines a site repeats on every page); pass two cleans each text, reads its
metadata, and stores each distinct cleaned text once, under an id derived
from its content, so re-ingesting the same article gives the same id.

Each file passes one boundary per stage (read, decode, parse, clean): any
failure there, expected or not, becomes an :class:`~rashomon.model.IngestError`
naming the file, the stage and a one-line reason, and the batch goes on. A
document kept despite a problem (a stray byte replaced) gets a line too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Document, IngestError
from .clean import clean_text
from .decode import DecodeError, decode
from .files import ReadError, discover, read_bytes
from .language import detect_language
from .overrides import Overrides, load_overrides
from .readers import MARKUP, RawDoc, reader_for
from .template import find_template_lines, masthead_names

MAX_BYTES = 20_000_000


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    duplicates: list[dict[str, str]] = field(default_factory=list)


def document_id(text: str) -> str:
    """Stable short id: "d" + 12 hex digits of the SHA-1 of the cleaned text."""
    return "d" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def read_file(path: Path, source: str, max_bytes: int) -> tuple[list[RawDoc], list[IngestError]]:
    """One file through the read, decode and parse stages."""
    reader = reader_for(path)
    if reader is None:
        suffix = path.suffix.lower()
        reason = (
            f"unsupported file type {suffix}" if suffix else "unsupported file type (no suffix)"
        )
        return [], [IngestError(source, reason, "read")]
    try:
        data = read_bytes(path, max_bytes)
    except ReadError as exc:
        return [], [IngestError(source, str(exc), "read")]
    except Exception as exc:  # the boundary: nothing escapes as a traceback
        return [], [IngestError(source, f"unreadable: {one_line(exc)}", "read")]
    errors: list[IngestError] = []
    try:
        decoded = decode(data, normalised=reader not in MARKUP)
    except DecodeError as exc:
        return [], [IngestError(source, str(exc), "decode")]
    except Exception as exc:
        return [], [IngestError(source, f"undecodable: {one_line(exc)}", "decode")]
    if decoded.warning:
        errors.append(IngestError(source, decoded.warning, "decode"))
    if not decoded.text.strip():
        return [], [IngestError(source, "empty file (whitespace only)", "decode")]
    try:
        out = reader(decoded.text, source, path)
    except (Exception, RecursionError) as exc:
        return [], [*errors, IngestError(source, f"unparseable: {one_line(exc)}", "parse")]
    raws = [o for o in out if isinstance(o, RawDoc)]
    errors.extend(o for o in out if isinstance(o, IngestError))
    return raws, errors


def read_raw(
    paths: Sequence[str | Path],
    max_bytes: int,
    follow_links: bool = False,
    exclude: Sequence[str | Path] = (),
) -> tuple[list[RawDoc], list[IngestError]]:
    """Pass one: every input as raw documents or errors."""
    raws: list[RawDoc] = []
    errors: list[IngestError] = []
    for item in discover(paths, follow_links=follow_links, exclude=exclude):
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        found, failed = read_file(*item, max_bytes)
        raws.extend(found)
        errors.extend(failed)
    return raws, errors


def ingest_paths(
    paths: Sequence[str | Path],
    max_bytes: int = MAX_BYTES,
    meta: str | Path | Mapping[str, Mapping[str, str]] | None = None,
    follow_links: bool = False,
    exclude: Sequence[str | Path] = (),
) -> IngestResult:
    """Read, clean and deduplicate the files and folders in ``paths``.

    ``meta`` is a ``--meta`` file (or a mapping) of per-file metadata
    corrections (see :mod:`.overrides`); ``follow_links`` walks links to
    folders and files outside the input; ``exclude`` lists folders never read
    (the output folder, so that Rashomon does not ingest its own reports).
    """
    overrides, errors = load_overrides(meta, max_bytes)
    raws, read_errors = read_raw(paths, max_bytes, follow_links, exclude)
    errors.extend(read_errors)
    groups: dict[str, list[str]] = {}
    for raw in raws:
        groups.setdefault(raw.group, []).append(raw.text)
    templates = find_template_lines(groups)
    mastheads = masthead_names(groups)

    result = IngestResult(errors=errors)
    by_id: dict[str, Document] = {}
    for raw in raws:
        try:
            doc = build_document(
                raw, templates.get(raw.group, frozenset()), overrides, mastheads.get(raw.group)
            )
        except (Exception, RecursionError) as exc:  # the boundary of the clean stage
            result.errors.append(
                IngestError(raw.source, f"cleaning failed: {one_line(exc)}", "clean")
            )
            continue
        if isinstance(doc, IngestError):
            result.errors.append(doc)
            continue
        if doc.id in by_id:
            result.duplicates.append({"source": raw.source, "duplicate_of": doc.id})
            continue
        by_id[doc.id] = doc
        result.documents.append(doc)
    result.errors.extend(overrides.unused())
    return result


def build_document(
    raw: RawDoc, template: frozenset[str], overrides: Overrides, masthead: str | None = None
) -> Document | IngestError:
    cleaned = clean_text(raw.text, template, raw.meta, raw.kind)
    if not cleaned.text.strip():
        return IngestError(raw.source, "no article text left after removing boilerplate", "clean")
    meta = raw.meta
    meta.fill(cleaned.meta)
    if masthead:
        meta.set("outlet", masthead, "masthead", masthead, 0.6, rank="layout")
    overrides.apply(raw.source, meta)
    return Document(
        id=document_id(cleaned.text),
        source=raw.source,
        text=cleaned.text,
        title=meta.title,
        outlet=meta.outlet,
        author=meta.author,
        published=meta.published,
        language=detect_language(cleaned.text),
        boilerplate=cleaned.removed,
        provenance=meta.provenance(),
    )
