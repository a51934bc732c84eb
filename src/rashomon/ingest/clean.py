"""Boilerplate removal, one cleaner per kind of input text.

Two kinds of text reach the cleaner, and they need opposite care:

* ``"page"``: a whole page saved as text (``.txt``, ``.md``, a browser or
  ``w3m``/``lynx`` dump). Most of it is not the article. The page is cut
  into blocks (:mod:`layout`), the article body is located (:mod:`body`),
  its header is read for metadata (:mod:`header`), and everything outside
  the body, plus the furniture inside it, is removed.
* ``"extracted"``: text a content extractor already chose (trafilatura on
  HTML, the ``text``/``maintext`` of a JSON article). It is the article,
  give or take its edges: only lines with positive evidence of being
  boilerplate go (the headline repeated as the first line, a URL or a bare
  date line above the first paragraph, share prompts, newsletter and comment
  prompts and copyright lines after the last one). Lists, subheads, repeated
  lines and non-English text stay: the extractor was right to keep them more
  often than not (measured on the Article Extraction Benchmark).

The cleaners are registered by kind in :data:`CLEANERS`. Every removed line is
reported with its reason, so the cleaning can be audited.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import RemovedLine
from . import body, rules
from .features import Line
from .header import read_header
from .layout import Block, paragraph_blocks, split_blocks
from .metadata import Meta
from .stopwords import page_stopwords
from .template import line_key, template_key


@dataclass
class Cleaned:
    text: str
    removed: list[RemovedLine]
    meta: Meta


Cleaner = Callable[[str, frozenset[str], Meta], Cleaned]
CLEANERS: dict[str, Cleaner] = {}


def register(kind: str) -> Callable[[Cleaner], Cleaner]:
    def decorate(cleaner: Cleaner) -> Cleaner:
        CLEANERS[kind] = cleaner
        return cleaner

    return decorate


def clean_text(
    text: str,
    template: frozenset[str] = frozenset(),
    known: Meta | None = None,
    kind: str = "page",
) -> Cleaned:
    """Clean one document of ``kind`` ("page" or "extracted"). ``template``
    holds the keys of lines repeated across the document's group; ``known``
    is metadata the format itself declared (its title line is dropped from
    the text when it reappears there)."""
    return CLEANERS[kind](text, template, known or Meta())


# --- shared pre-pass --------------------------------------------------------------------------


def _caption_key(text: str) -> str:
    text = re.sub(
        r"^(?:photo|image|picture|caption|pictured)\s?[:.–—-]\s?", "", text[:300], flags=re.I
    )
    text = re.sub(r"\s?\([^()]{0,60}\)\.?$|\s?[/|]\s?[^/|]{0,40}$", "", text)
    return line_key(text)


def mark_captions(blocks: Sequence[Block]) -> None:
    """A caption printed twice (once with its credit) goes entirely; later
    copies of any other repeated sentence go, the first copy stays."""
    keyed = [(b, _caption_key(b.text)) for b in blocks if b.reason in (None, rules.CREDIT)]
    counts = Counter(key for _, key in keyed if len(key.split()) >= 3)
    groups: dict[str, list[Block]] = {}
    for b, key in keyed:
        if counts[key] >= 2:
            groups.setdefault(key, []).append(b)
    for group in groups.values():
        caption = any(b.reason == rules.CREDIT for b in group) or any(
            _caption_key(b.text) != line_key(b.text) for b in group
        )
        for n, b in enumerate(group):
            if caption:
                b.reason = rules.CAPTION
            elif n and b.line.sentence:
                b.reason = rules.REPEATED


def prepare(text: str, template: frozenset[str]) -> tuple[list[Block], list[RemovedLine]]:
    """Blocks with their language-aware lines, citations stripped, template
    lines and position-independent furniture marked."""
    stopwords = page_stopwords(text)
    blocks = split_blocks(text)
    removed: list[RemovedLine] = []
    for b in blocks:
        b.text, markers = rules.strip_citations(b.text)
        removed.extend(RemovedLine(m, rules.CITATION) for m in markers)
        b.line = Line(b.text, stopwords)
        if not b.text:
            b.reason = rules.WIKI if markers else rules.WIDGET
            continue
        b.reason = rules.strong_reason(b.line)
        repeated = b.reason is None and template and template_key(b.text) in template
        if repeated and (not b.line.sentence or rules.furniture_sentence(b.line)):
            b.reason = rules.TEMPLATE
    mark_captions(blocks)
    return blocks, removed


def _join(blocks: Sequence[Block]) -> str:
    return "\n\n".join(b.text for b in blocks)


# --- whole pages ------------------------------------------------------------------------------

KIND_REASONS = {
    body.RENDER: rules.WIDGET,
    body.REPEAT: rules.REPEATED,
    body.ENDING: rules.RELATED,
}


def _outside_reason(block: Block, before: bool) -> str:
    if block.reason:
        return block.reason
    if block.kind == body.ENDING:
        return rules.COMMENTS if rules.comments_heading(block.line) else rules.RELATED
    return rules.cue_reason(block.line, rules.NAVIGATION if before else rules.FOOTER)


def widget_line(line: Line) -> bool:
    """ "Scroll to continue", "Show more": a short line of furniture words."""
    return not line.sentence and line.n_words <= 4 and line.cue_ratio >= 0.5


# "Jane Doe is a freelance writer living in Lyon": the author's note that closes an
# article; what follows it on a page (teasers, the site's other stories) is not the article.
AUTHOR_BIO_RE = re.compile(
    r"^(?:[A-Z][\w'’.-]{0,20}\s){1,3}[A-Z][\w'’-]{1,20}\sis\san?\s[^.]{0,80}?\b(?:reporter|writer"
    r"|editor|correspondent|journalist|columnist|contributor|freelancer|blogger)\b"
)
BIO_AFTER = 2  # article paragraphs before an author's note can close the article


def _before_author_bio(blocks: Sequence[Block], span: body.Span) -> body.Span:
    """The span cut before an author's note (and the name line above it)."""
    prose = 0
    for i in range(span.start, span.end + 1):
        block = blocks[i]
        if block.kind != body.PROSE:
            continue
        if prose >= BIO_AFTER and AUTHOR_BIO_RE.match(block.text):
            name = block.text.split(" is ")[0]
            end = i - 2 if blocks[i - 1].text.strip() == name else i - 1
            return body.Span(span.start, end)
        prose += 1
    return span


@register("page")
def clean_page(text: str, template: frozenset[str], known: Meta) -> Cleaned:
    blocks, removed = prepare(text, template)
    span = body.article_span(blocks)
    meta = Meta()
    if span is None:
        removed.extend(RemovedLine(b.text, _outside_reason(b, True)) for b in blocks if b.text)
        return Cleaned("", removed, meta)
    span = _before_author_bio(blocks, span)
    header = read_header(blocks, span)
    meta = header.meta
    title_key = line_key(known.title) if known.title else None
    kept: list[Block] = []
    after_ending = trailing = False
    for i, b in enumerate(blocks):
        if i in header.used or (title_key and i <= span.end and line_key(b.text) == title_key):
            reason: str | None = rules.METADATA
        elif i < header.start:
            reason = _outside_reason(b, True)
        elif i > span.end:
            trailing = trailing or bool(rules.TRAILING_RE.match(b.text))
            if trailing:
                reason = rules.TRAILING
            elif after_ending and b.kind != body.ENDING and not b.reason:
                reason = rules.RELATED
            else:
                reason = _outside_reason(b, False)
            after_ending = after_ending or (b.kind == body.ENDING and rules.related_heading(b.line))
        elif b.reason:
            reason = b.reason
        elif b.kind in (body.FURNITURE, body.RENDER, body.REPEAT, body.ENDING):
            reason = KIND_REASONS.get(b.kind) or rules.cue_reason(b.line, rules.WIDGET)
        elif widget_line(b.line):
            reason = rules.cue_reason(b.line, rules.WIDGET)
        else:
            reason = None
        if reason is None:
            kept.append(b)
        elif b.text:
            removed.append(RemovedLine(b.text, reason))
    return Cleaned(_join(kept), removed, meta)


# --- text an extractor already chose ---------------------------------------------------------

# Reasons safe after the last paragraph (the extractor's tail is where it errs).
EXTRACTED_TAIL = frozenset(
    {rules.SHARE, rules.COMMENTS, rules.FOOTER, rules.WIDGET, rules.CREDIT, rules.NAVIGATION}
)
URL_LINE_RE = re.compile(r"^(?:https?://|www\.)\S{1,2000}$")


@register("extracted")
def clean_extracted(text: str, template: frozenset[str], known: Meta) -> Cleaned:
    stopwords = page_stopwords(text)
    blocks = paragraph_blocks(text)
    removed: list[RemovedLine] = []
    for b in blocks:
        if "[" in b.text:
            b.text, markers = rules.strip_citations(b.text)
            removed.extend(RemovedLine(m, rules.CITATION) for m in markers)
        b.line = Line(b.text, stopwords)
    prose = [i for i, b in enumerate(blocks) if b.text and body.is_prose(b)]
    first = prose[0] if prose else len(blocks)
    last = prose[-1] if prose else -1
    title_key = line_key(known.title) if known.title else None
    kept: list[Block] = []
    for i, b in enumerate(blocks):
        reason = _extracted_reason(b, i < first, i > last, title_key)
        if reason is None:
            kept.append(b)
        elif b.text:
            removed.append(RemovedLine(b.text, reason))
    return Cleaned(_join(kept), removed, Meta())


def _extracted_reason(b: Block, head: bool, tail: bool, title_key: str | None) -> str | None:
    if not b.text:
        return rules.WIDGET
    if rules.WIKI_LINE_RE.match(b.text):
        return rules.WIKI
    if head and ((title_key and line_key(b.text) == title_key) or URL_LINE_RE.match(b.text)):
        return rules.METADATA
    if not tail:
        return None
    if rules.comments_heading(b.line):
        return rules.COMMENTS
    reason = rules.strong_reason(b.line)
    if reason == rules.NAVIGATION and any(ch.isdigit() for ch in b.text):
        return None  # "Aug. 8 -- Hollywood Casino - Chicago": a list entry, not a menu
    if reason in EXTRACTED_TAIL:
        return reason
    return rules.SHARE if rules.is_prompt(b.line) else None
