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
    if not line.sentence or rules.is_prompt(line) or rules.furniture_sentence(line):
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
DATED = "dated"  # a line that is a date: a byline's, a teaser's, a comment's

WEIGHTS = {
    CONTENT: 0.0,
    HEADING: -5.0,
    ITEM: -4.0,
    REPEAT: -4.0,
    FURNITURE: -3.0,
    ENDING: -120.0,
    RENDER: -5.0,
    DATED: -25.0,  # inside an article a bare date line is rare; in teasers and comments common
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
    if dated_line(block):
        return DATED
    prose = is_prose(block)
    if repeated and line.n_words <= REPEAT_MAX_WORDS and not (prose and line.terminal):
        return REPEAT
    if prose:
        return PROSE
    if rules.is_prompt(line):
        return FURNITURE
    if content_line(block):
        return CONTENT
    return ITEM if block.bullet else HEADING


DATED_MAX_WORDS = 8  # words beside the date (a time, an author, "Posted")


def dated_line(block: Block) -> bool:
    """A short line that holds a complete date: the date of a teaser, a comment,
    a byline. Between an article's paragraphs there are none."""
    from .dates import find_dates

    line = block.line
    if line.n_words > DATED_MAX_WORDS + 6 or not any(ch.isdigit() for ch in block.text):
        return False
    if line.sentence and line.terminal:
        return False  # "On March 4, 2019, the court ruled against the council."
    found = find_dates(block.text)
    if not found:
        return False
    rest = block.text[: found[0].start] + " " + block.text[found[0].end :]
    return len(rest.split()) <= DATED_MAX_WORDS


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
    return Span(best_span.start, _list_end(blocks, end))


EXTENSION_GAP = 2  # interruptions (a link, a label) a list may have before it has ended


def _list_end(blocks: Sequence[Block], end: int) -> int:
    """The last block of a list or table that closes the article: content lines
    and prose, each interrupted by at most a couple of other lines, until a
    heading that ends the article or a date line."""
    gap = 0
    for j in range(end + 1, len(blocks)):
        kind = blocks[j].kind
        if kind in (PROSE, CONTENT):
            end, gap = j, 0
        elif kind in (ENDING, DATED, REPEAT):
            break
        else:
            gap += 1
            if gap > EXTENSION_GAP:
                break
    return end
