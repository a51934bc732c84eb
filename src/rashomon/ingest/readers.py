"""Readers, one per file type, registered by suffix.

A reader turns decoded file text into :class:`RawDoc` records (the text
before boilerplate cleaning, plus any metadata the format itself declares)
or :class:`IngestError` records for parts it could not read. Adding a format
means writing one function and decorating it with :func:`register`; the
pipeline never branches on file types.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..model import IngestError
from .dates import normalise_date
from .htmltext import NoTextError, html_to_text
from .markdown import markdown_to_text
from .metadata import Meta


@dataclass
class RawDoc:
    """A document before cleaning. ``group`` names the set of documents that
    share a site template (a folder, or an outlet in a JSONL file)."""

    source: str
    text: str
    group: str
    meta: Meta = field(default_factory=Meta)


Reader = Callable[[str, str, Path], list[RawDoc | IngestError]]
READERS: dict[str, Reader] = {}


def register(*suffixes: str) -> Callable[[Reader], Reader]:
    def decorate(reader: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = reader
        return reader

    return decorate


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


@register(".txt", ".text")
def read_text(text: str, source: str, path: Path) -> list[RawDoc | IngestError]:
    return [RawDoc(source, text, str(path.parent))]


@register(".md", ".markdown")
def read_markdown(text: str, source: str, path: Path) -> list[RawDoc | IngestError]:
    body, meta = markdown_to_text(text)
    if not body.strip():
        return [IngestError(source, "no text in Markdown")]
    return [RawDoc(source, body, str(path.parent), meta)]


@register(".html", ".htm", ".xhtml")
def read_html(text: str, source: str, path: Path) -> list[RawDoc | IngestError]:
    try:
        body, meta = html_to_text(text)
    except NoTextError as exc:
        return [IngestError(source, str(exc))]
    return [RawDoc(source, body, str(path.parent), meta)]


def outlet_from_url(url: str) -> str | None:
    """ "https://www.example.co.uk/a/b" -> "example.co.uk"."""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.")
    return host or None


@register(".jsonl", ".ndjson")
def read_jsonl(text: str, source: str, path: Path) -> list[RawDoc | IngestError]:
    out: list[RawDoc | IngestError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}#line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(IngestError(where, f"line {number}: invalid JSON: {exc.msg}"))
            continue
        if not isinstance(record, dict):
            out.append(IngestError(where, f"line {number}: not a JSON object"))
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            out.append(IngestError(where, f"line {number}: no 'text' field"))
            continue
        url = record.get("url") if isinstance(record.get("url"), str) else None
        meta = Meta(
            title=_str(record.get("title")),
            outlet=_str(record.get("outlet")) or (outlet_from_url(url) if url else None),
            author=_str(record.get("author")),
            published=normalise_date(_str(record.get("published"))),
        )
        out.append(RawDoc(where, body, f"{path}::{meta.outlet or ''}", meta))
    return out


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
