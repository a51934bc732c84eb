"""Readers, one per file type, registered by suffix.

A reader turns decoded file text into :class:`RawDoc` records (the text
before boilerplate cleaning, plus any metadata the format itself declares)
or :class:`~rashomon.model.IngestError` records for the parts it could not
read (stage "parse"). Adding a format means writing one function and
decorating it with :func:`register`; the pipeline never branches on file
types.

=============  ================================================  ===========
suffix         what it holds                                      cleaned as
=============  ================================================  ===========
.txt .text     a page saved as text, or an article                page
.md .markdown  Markdown, front matter read for metadata           page
.html .htm     a web page; trafilatura finds the article          extracted
.json          one JSON article object, or a list of them         extracted
.jsonl         one JSON article object per line                   extracted
=============  ================================================  ===========
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import IngestError
from .articles import ArticleError, article_from_json, outlet_from_url
from .htmltext import NoTextError, html_to_text
from .markdown import markdown_to_text
from .metadata import Meta

__all__ = ["MARKUP", "READERS", "RawDoc", "outlet_from_url", "reader_for", "register"]


@dataclass
class RawDoc:
    """A document before cleaning. ``group`` names the set of documents that
    share a site template (a folder, or an outlet in a JSON file)."""

    source: str
    text: str
    group: str
    meta: Meta = field(default_factory=Meta)
    kind: str = "page"  # what the cleaner gets: a whole "page" or "extracted" article text


Reader = Callable[[str, str, Path], list[RawDoc | IngestError]]
READERS: dict[str, Reader] = {}
MARKUP: set[Reader] = set()  # readers that get the text as decoded, before normalisation


def register(*suffixes: str, markup: bool = False) -> Callable[[Reader], Reader]:
    def decorate(reader: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = reader
        if markup:
            MARKUP.add(reader)
        return reader

    return decorate


def reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


def parse_error(source: str, reason: str) -> IngestError:
    return IngestError(source, reason, "parse")


@register(".txt", ".text")
def read_text(text: str, source: str, path: Path) -> list[RawDoc | IngestError]:
    return [RawDoc(source, text, str(path.parent))]


@register(".md", ".markdown")
def read_markdown(text: str, source: str, path: Path) -> list[RawDoc | IngestError]:
    body, meta = markdown_to_text(text)
    if not body.strip():
        return [parse_error(source, "no text in Markdown")]
    return [RawDoc(source, body, str(path.parent), meta)]


@register(".html", ".htm", ".xhtml", markup=True)
def read_html(text: str, source: str, path: Path) -> list[RawDoc | IngestError]:
    try:
        body, meta = html_to_text(text)
    except NoTextError as exc:
        return [parse_error(source, str(exc))]
    return [RawDoc(source, body, str(path.parent), meta, kind="extracted")]


def loads(text: str) -> object:
    """``json.loads`` with every way it fails as one ``ValueError`` reason."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} at character {exc.pos}") from None
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ValueError(f"invalid JSON: {str(exc).split(';')[0][:120]}") from None


def _records(
    items: Iterable[tuple[str, object]], path: Path, where: Callable[[str], str]
) -> list[RawDoc | IngestError]:
    out: list[RawDoc | IngestError] = []
    for label, record in items:
        source = where(label)
        try:
            article = article_from_json(record, source)
        except ArticleError as exc:
            out.append(parse_error(source, f"{label}: {exc}" if label else str(exc)))
            continue
        group = f"{path}::{article.meta.outlet or ''}"
        out.append(RawDoc(source, article.text, group, article.meta, kind="extracted"))
        out.extend(parse_error(source, f"{label}: {w}" if label else w) for w in article.warnings)
    return out


@register(".jsonl", ".ndjson")
def read_jsonl(text: str, source: str, path: Path) -> list[RawDoc | IngestError]:
    out: list[RawDoc | IngestError] = []
    good: list[tuple[str, object]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            good.append((f"line {number}", loads(line)))
        except ValueError as exc:
            out.append(parse_error(f"{source}#line {number}", f"line {number}: {exc}"))
    out.extend(_records(good, path, lambda label: f"{source}#{label}"))
    out.sort(key=lambda r: _line_number(r.source))
    return out


def _line_number(source: str) -> int:
    tail = source.rpartition("#line ")[2]
    return int(tail) if tail.isdigit() else 0


@register(".json")
def read_json(text: str, source: str, path: Path) -> list[RawDoc | IngestError]:
    """One article object, a list of them, or ``{"articles": [...]}``."""
    try:
        value = loads(text)
    except ValueError as exc:
        return [parse_error(source, str(exc))]
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    if isinstance(value, list):
        if not value:
            return [parse_error(source, "an empty JSON list")]
        items = [(f"item {n}", item) for n, item in enumerate(value, start=1)]
        return _records(items, path, lambda label: f"{source}#{label}")
    return _records([("", value)], path, lambda label: source)
