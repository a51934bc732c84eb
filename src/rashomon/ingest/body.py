"""Where the article is on a whole page saved as text.

A saved page is mostly not the article: menus, teasers, footers, comments.
What marks the article is a long run of prose (blocks dense in the page
language's function words, ending like sentences) broken only by short
things (subheads, captions, an advert); menus are long runs of short items
with no function words. So each block gets a weight, positive for prose
(its length), negative for what reads as page furniture, strongly negative
for a block that ends an article (a comments heading, a "Related" heading,
a newsletter prompt), and the article is the run of blocks with the largest
total weight (the maximum-sum segment, found in one pass). This is the Body
Text Extraction idea of Finn et al. (2001) on blocks instead of tags, with
furniture evidence instead of tag counts; no library does it for text
without markup, which is why it is written here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import rules
from .layout import Block, is_renderer_line

PROSE_MIN_WORDS = 8
PROSE_OFFSET = 4  # words a prose block must exceed to count for the article
REPEAT_MAX_WORDS = 30  # a line printed twice on the page and shorter is a teaser


@dataclass(frozen=True)
class Span:
    start: int  # first block of the article
    end: int  # last block of the article (inclusive)


def is_prose(block: Block) -> bool:
    """Running text of the article's kind: a sentence of some length."""
    line = block.line
    if not line.sentence or line.reader_prompt or rules.furniture_sentence(line):
        return False
    if line.unspaced:
        return line.n_words >= 25 or (line.terminal and line.n_words >= 12)
    return line.n_words >= PROSE_MIN_WORDS and (line.terminal or line.n_words >= 20)


def ends_article(block: Block) -> bool:
    """A heading that opens the furniture after an article: comments, related
    stories, a newsletter form, "about the author", tags."""
    line = block.line
    if line.sentence and line.n_words > 12:
        return False
    if rules.related_heading(line) or rules.comments_heading(line):
        return True
    return rules.TRAILING_RE.match(block.text.strip()) is not None


# Kinds of block, from what decides the article to what is furniture.
PROSE = "prose"
CONTENT = "content"  # a list entry, a table row: article matter that is not prose
HEADING = "heading"  # a short line: a subhead, a caption, a label
ITEM = "item"  # a menu entry or a short list item
REPEAT = "repeat"  # a short line printed more than once on the page: a teaser
FURNITURE = "furniture"  # share prompts, adverts, credits, footers
ENDING = "ending"  # opens what follows an article
RENDER = "render"  # a placeholder the renderer wrote (an image name, an iframe)

WEIGHTS = {
    CONTENT: 0.0,
    HEADING: -5.0,
    ITEM: -4.0,
    REPEAT: -4.0,
    FURNITURE: -3.0,
    ENDING: -120.0,
    RENDER: -5.0,
}


def classify(block: Block, repeated: bool = False) -> str:
    line = block.line
    if is_renderer_line(block.text) or (not block.text and block.placeholders):
        return RENDER
    if ends_article(block):
        return ENDING
    if block.reason == rules.REPEATED:
        return REPEAT
    if block.reason is not None:
        return FURNITURE
    prose = is_prose(block)
    if repeated and line.n_words <= REPEAT_MAX_WORDS and not (prose and line.terminal):
        return REPEAT
    if prose:
        return PROSE
    if line.reader_prompt:
        return FURNITURE
    if content_line(block):
        return CONTENT
    return ITEM if block.bullet else HEADING


def weight(kind: str, block: Block) -> float:
    if kind == PROSE:
        return max(1.0, float(min(block.line.n_words, 120) - PROSE_OFFSET))
    return WEIGHTS[kind]


def _short_sentence(block: Block) -> bool:
    line = block.line
    return block.kind == CONTENT and line.sentence and line.terminal and not line.headline_like


def content_line(block: Block) -> bool:
    """A short line of content rather than a menu entry: several words, in
    sentence case or with figures ("June 9 -- Coral Sky Amphitheatre, FL",
    "Charges quickly in the case"), or introducing a list ("Tour dates:")."""
    line = block.line
    if line.sentence and line.terminal and not line.best_cue:
        return True  # "He denied it."
    if line.n_words < 4 or line.best_cue:
        return False
    if block.text.endswith(":"):
        return True
    digits = any(ch.isdigit() for ch in block.text)
    return line.cap_ratio < 0.6 or (digits and line.separators == 0)


def article_span(blocks: Sequence[Block]) -> Span | None:
    """The maximum-weight run of blocks, or None when the page has no prose."""
    from .template import line_key

    counts = Counter(line_key(b.text) for b in blocks)
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, block in enumerate(blocks):
        block.kind = classify(block, counts[line_key(block.text)] > 1)
        block.score = weight(block.kind, block)
        if total <= 0:
            total, start = 0.0, i
        total += block.score
        if total >= best and total > 0:
            best, best_span = total, Span(start, i)
    if best_span is None:
        return None
    start, end = best_span.start, best_span.end
    while start > 0 and _short_sentence(blocks[start - 1]):
        start -= 1  # "He denied it." opening the article
    best_span = Span(start, end)
    while end + 1 < len(blocks) and blocks[end + 1].kind in (PROSE, CONTENT):
        end += 1  # a list or table that ends the article
    return Span(best_span.start, end)
