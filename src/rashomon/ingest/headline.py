"""How much a line of a saved page's head zone reads as the article's headline.

Split from :mod:`header`, which finds the zone and the byline and date
cluster; here each candidate line gets a score (nearness to the cluster and
the body, words shared with the first paragraphs, length) or is refused:
menu entries, page chrome that reads like words (link notes, "back to"
links, image alt text, affiliate disclosures), two-sentence paragraphs,
dated and bylined lines. Refusing is the point: a wrong title misleads a
reader more than a missing one, and the headline also anchors the date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import body, rules
from .dates import find_dates
from .layout import Block
from .metadata import looks_like_person, parse_byline

TITLE_DISTANCE = 0.35  # score lost per block between a headline candidate and the byline/body
TITLE_MAX_WORDS = 40
BANNER_RE = re.compile(r"\byou are here\b|\bwelcome\b.{0,40}!|\bbreadcrumbs?\b", re.I)
SEPARATORS = "»›>|/•·→"


def distance(blocks: Sequence[Block], a: int, b: int) -> int:
    """Blocks between ``a`` and ``b`` that a reader would notice (not furniture)."""
    lo, hi = sorted((a, b))
    skip = (body.FURNITURE, body.RENDER, body.REPEAT, body.ITEM)
    return sum(1 for j in range(lo + 1, hi) if blocks[j].kind not in skip)


CAPTION_RE = re.compile(
    r"\b(?:photo|photograph|file|getty|reuters|afp|ap photo|epa|image|pictured|caption|courtesy)\b"
    r"|\s/\s|\(\d{1,3}\)",
    re.I,
)


# Page chrome that reads like a line of words: link notes, "back to" links, image alt
# text, affiliate disclosures. None is ever an article's headline.
UI_TEXT_RE = re.compile(
    r"\bopens? in a new (?:window|tab)\b|\bexternal links?\b|\baffiliate (?:commission|link)"
    r"|\bsupported by (?:its|our) (?:audience|readers)\b|^(?:back to|return to|zurück zu[rm]?"
    r"|retour (?:à|aux?)|volver a|voltar (?:à|ao|para)|torna a)\b|\blogo$|^flag of\b",
    re.I,
)
SENTENCE_BREAK_RE = re.compile(r"[a-z]{3}[.!?]\s[A-Z]")  # not "ID. SPACE", "U.S. Army"
TEMPLATE_TITLE_WORDS = 5  # a line other pages of the site print too, beside the byline
LEDE_MIN_WORDS = 4  # a short line shares all its words with the lede too easily


def title_score(
    blocks: Sequence[Block],
    i: int,
    anchor: int,
    lede: set[str],
    below_cluster: bool,
    beside_header: bool = False,
) -> float | None:
    """How much block ``i`` reads as the headline, or None when it cannot be.

    ``beside_header``: the block is next to the byline or date line. A headline
    there may also be a line other pages of the site print (their teasers link
    to this article), so a cross-document line of headline length still counts.
    """
    block = blocks[i]
    line = block.line
    text = block.text.strip()
    n = line.n_words
    if n < 2 or n > TITLE_MAX_WORDS or (line.unspaced and n < 4):
        return None
    caption = block.reason in (rules.CAPTION, rules.REPEATED)  # a headline printed twice
    shared = beside_header and block.reason == rules.TEMPLATE and n >= TEMPLATE_TITLE_WORDS
    if block.kind in (body.ENDING, body.RENDER) or text.endswith(":"):
        return None
    if block.kind == body.FURNITURE and not (caption or shared):
        return None
    if BANNER_RE.search(text) or sum(text.count(s) for s in SEPARATORS) >= 2:
        return None
    if line.best_cue and line.cue_ratio >= 0.4 or line.imperative or line.is_domain:
        return None
    if find_dates(text) or parse_byline(text) or text.startswith("("):
        return None
    if UI_TEXT_RE.search(text):
        return None
    if n >= 15 and SENTENCE_BREAK_RE.search(text):
        return None  # two sentences: a paragraph (a disclosure, a standfirst), not a headline
    if sum(ch.isdigit() for ch in text) > 0.3 * len(text):
        return None  # "1936 – 2020", a score line
    label, colon, rest = text.partition(": ")
    if colon and len(label.split()) <= 3 and len(rest.split()) <= 4:
        return None  # "Previous club: Eastbridge United", "Inducted: 2008"
    if text.endswith(".") and not text.endswith("...") and line.cap_ratio < 0.7:
        return None  # a sentence of the article, not its headline
    score = -TITLE_DISTANCE * distance(blocks, i, anchor)
    words = {w for w in line.lower_words if len(w) > 2 or line.unspaced}
    if words and lede:
        score += 4.0 * len(words & lede) / max(len(words), LEDE_MIN_WORDS)
    if block.kind == body.REPEAT:
        score += 0.5
    if block.bullet:
        score -= 1.5
    if below_cluster:
        score -= 1.0  # below the byline and date: a caption or a standfirst
    if CAPTION_RE.search(text) or line.addresses_reader or caption:
        score -= 1.5
    if line.terminal and n > 12:
        score -= 1.5  # a standfirst, not a headline
    if 4 <= n <= 20:
        score += 1.0
    elif n <= 3:
        score -= 1.0  # a label, a name, an image's alt text
    if n <= 4 and looks_like_person(text, 4):
        score -= 1.5  # the author's name above the byline
    if line.reader_prompt or "?" in text and line.cues("share-prompt"):
        score -= 2.0
    return score


__all__ = ["UI_TEXT_RE", "distance", "title_score"]
