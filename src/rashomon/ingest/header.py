"""The headline, byline, date and outlet of a page saved as text.

On a saved page the article's header sits just above its first paragraph:
a headline, perhaps a standfirst, a byline, a date; sometimes the date comes
first, sometimes the byline sits below the standfirst or after a photo
caption. So the header is read in the *head zone*, the blocks just before the
article body that :mod:`body` found (and its first few blocks, which may be
the standfirst), not at the top of the page, where the masthead prints
today's date and the menu prints other headlines.

* A date counts only with evidence that it is the publication date: a
  "Published"/"Posted" label, a byline on the same line, or a short date line
  next to the headline or the byline. "Updated" dates are used only when
  nothing says when the page was first published; dates labelled "Born",
  "Assumed office", "Released" and the like never are (:mod:`dates`). Which
  date has that evidence is decided in :mod:`pubdate`.
* The headline is the heading-like line of the head zone that is nearest the
  byline and the body, printed in full, not a menu entry, and shares words
  with the article's first paragraphs (each line scored in :mod:`headline`).
* The outlet comes from a site-name part of the headline line, a domain line
  near the header, a wire dateline, or the copyright line of the footer.

Each field is recorded in :class:`metadata.Meta` with the line it came from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import body, rules
from .dates import find_dates
from .features import Line
from .headline import distance, title_score
from .language import detect_language
from .layout import Block
from .metadata import (
    Meta,
    copyright_owner,
    dateline_outlet,
    looks_like_person,
    name_words,
    parse_byline,
    parse_outlet_line,
    parse_role_line,
    split_title,
    wiki_source,
)
from .pubdate import (
    RAW_NEAR,
    bare_dates,
    beside,
    date_candidates,
    name_beside_date,
    pick_date,
    teaser_zone,
)
from .template import line_key

TITLE_TIE = 1.0  # candidates this close to the best count as tied
SUBHEAD_GAP = 2  # read lines between the byline or date and a heading below them
STANDFIRST_GAP = 5  # blocks from a headline down to the byline, a standfirst and a photo between
HEAD_BLOCKS = 30  # how far above the body the header may start
HEAD_RAW = 80  # the same, counting share buttons and placeholders too
HEAD_INSIDE = 4  # blocks of the body that may still be header (standfirst, byline)
BYLINE_LABELS = frozenset(
    "by author authors written by von por par di door av autor auteur autore".split()
)
WIKI_CHROME_RE = re.compile(r"^(?:jump to|from wiki|\(redirected)", re.I)


@dataclass
class Header:
    meta: Meta
    used: set[int] = field(default_factory=set)  # blocks read as metadata
    start: int = 0  # first block of the body once the header is taken out
    title_at: int | None = None  # the block the headline was read from
    date_at: int | None = None  # the block the date was read from
    teasers: bool = False  # the head zone is a list of dated teasers


def _zone_start(blocks: Sequence[Block], start: int) -> int:
    """The first block of the head zone: HEAD_BLOCKS blocks above the body, not
    counting share buttons and placeholders (a share panel of forty buttons
    between the date line and the first paragraph hides nothing), and never
    more than HEAD_RAW blocks of any kind."""
    counted, i = 0, start
    while i > 0 and counted < HEAD_BLOCKS and start - i < HEAD_RAW:
        i -= 1
        counted += blocks[i].kind not in (body.FURNITURE, body.RENDER)
    return i


def _zone_end(blocks: Sequence[Block], span: body.Span) -> int:
    """The last block of the head zone: the body's first HEAD_INSIDE blocks (a
    standfirst, then the byline and the date), not counting images, share
    buttons and repeated lines between them, and never more than RAW_NEAR."""
    counted, i = 0, span.start
    while i < span.end and i - span.start < RAW_NEAR:
        counted += blocks[i].kind not in (body.FURNITURE, body.RENDER, body.REPEAT, body.ITEM)
        if counted > HEAD_INSIDE:
            break
        i += 1
    return i


def _menu_entry(block: Block) -> bool:
    return block.kind == body.ITEM or (
        block.kind == body.FURNITURE and block.reason in (rules.NAVIGATION, rules.TEMPLATE)
    )


def _in_menu(blocks: Sequence[Block], i: int) -> bool:
    """A menu entry between menu entries: "By Any Means Necessary" in a list of a
    radio station's shows reads as a byline, but a byline is not part of a menu."""
    if not 0 < i < len(blocks) - 1:
        return False
    return all(_menu_entry(blocks[j]) for j in (i - 1, i, i + 1))


def _subhead(blocks: Sequence[Block], i: int, header_line: int, body_start: int) -> bool:
    """Heading ``i`` sits below the article's byline or date (``header_line``, beside
    the body) with SUBHEAD_GAP read lines of its intro between: a subhead."""
    own = beside(blocks, header_line, [body_start])
    return own and distance(blocks, header_line, i) >= SUBHEAD_GAP


def _apart(blocks: Sequence[Block], i: int, j: int) -> bool:
    """Whether headline candidate ``i`` is not printed together with ``j`` below it
    (as a headline is with its standfirst): lines a reader sees between them, or
    ``i`` is ``j`` with a breadcrumb glued on ("HomeSPORT NEWSBreaking: ...")."""
    upper, lower = blocks[i].text.strip(), blocks[j].text.strip()
    if upper != lower and upper.endswith(lower):
        return True
    # a comment count or a share button between them is not a line a reader reads
    return any(b.kind in READ_KINDS for b in blocks[i + 1 : j])


READ_KINDS = frozenset({body.PROSE, body.CONTENT, body.HEADING})


def _english(blocks: Sequence[Block], span: body.Span) -> bool:
    """Whether the article's paragraphs are in English."""
    prose = " ".join(b.text for b in blocks[span.start : span.end + 1] if b.kind == body.PROSE)
    return detect_language(prose) == "en"


def _byline(block: Block) -> tuple[str, str] | None:
    """(author, method) when the block is a byline."""
    text = block.text.strip()
    parsed = parse_byline(text)
    if parsed:
        return parsed[0], "byline"
    role = parse_role_line(text)
    if role:
        return role, "byline:role"
    return None


def read_header(blocks: Sequence[Block], span: body.Span) -> Header:
    """Metadata of the page whose body is ``span``, and the blocks it used."""
    meta = Meta()
    header = Header(meta, start=span.start)
    lo = _zone_start(blocks, span.start)
    # the first blocks of the span may still be header (a standfirst, then the byline)
    hi = _zone_end(blocks, span)
    zone = list(range(lo, hi + 1))

    # bylines, on one line or as a label line ("By", "Author:") above the name
    bylines = {
        i: b for i in zone if (b := _byline(blocks[i])) is not None and not _in_menu(blocks, i)
    }
    for i in zone[:-1]:
        label = blocks[i].text.strip().lower().rstrip(":")
        name = name_words(blocks[i + 1].text)
        if label in BYLINE_LABELS and name and looks_like_person(name, 5):
            bylines.setdefault(i + 1, (name, "byline:label"))
            header.used.add(i)
    # dates with their evidence
    dates = date_candidates(blocks, zone, _english(blocks, span))
    # the body starts after the last header line found in the span's first blocks
    header_lines = set(bylines) | {i for i, _, role in dates if role != "other"}
    bare = bare_dates(blocks, dates, bylines)
    labelled = {i for i, _, role in dates if role in ("published", "updated")}
    header.teasers = teaser_zone(blocks, zone, bare)
    if header.teasers:  # the teasers' date lines say nothing, not even where the header is
        header_lines -= bare
    # where a byline beside the body shows where the header is, a date line far from it
    # and from the body is not part of it (a masthead's "today", above the menu)
    own = [j for j in bylines if abs(j - span.start) <= RAW_NEAR] + [span.start]
    if len(own) > 1:
        header_lines -= {i for i in bare if min(abs(i - j) for j in own) > RAW_NEAR}
    inside = [i for i in header_lines if span.start <= i <= hi]
    if inside:
        header.start = max(inside) + 1
    body_start = header.start

    lede = set()
    for block in blocks[body_start : span.end + 1]:
        if block.kind == body.PROSE:
            lede.update(w for w in block.line.lower_words if len(w) > 2 or block.line.unspaced)
            if len(lede) > 80:
                break

    outlet_lines = {
        i: outlet
        for i in range(max(lo, span.start - 8), body_start)  # beside the header
        if blocks[i].kind != body.PROSE and (outlet := parse_outlet_line(blocks[i].line))
    }
    # the headline: nearest the byline/date cluster or the body
    anchors = [i for i in header_lines if i < body_start] or [body_start]
    anchor = min(anchors)
    scored = []
    for i in range(lo, body_start):
        if i in header_lines or i in outlet_lines:
            continue
        if blocks[i].kind == body.PROSE and blocks[i].line.n_words > 30:
            continue
        below = bool(header_lines) and i > anchor
        # a byline or a labelled date above it (a bare date line may be the masthead's)
        above = [j for j in header_lines if j < i and (j in bylines or j in labelled)]
        if below and above and _subhead(blocks, i, max(above), body_start):
            continue
        # beside the byline or the date line, or with only a standfirst between
        next_to = i - 1 in header_lines or any(
            0 < j - i <= STANDFIRST_GAP and distance(blocks, i, j) <= 1 for j in header_lines
        )
        score = title_score(blocks, i, anchor if i < anchor else body_start, lede, below, next_to)
        if score is not None:
            scored.append((score, -abs(anchor - i), i))
    title_method = "headline"
    wiki = next((i for i in range(lo, span.end + 1) if wiki_source(blocks[i].text)), None)
    if wiki is not None:  # a wiki's page title is the line above "From Wikipedia, ..."
        above = [
            j for j in range(max(lo, wiki - 3), wiki) if blocks[j].text and j not in header_lines
        ]
        named = [
            j for j in above if blocks[j].kind != body.FURNITURE or blocks[j].reason == rules.WIKI
        ]
        if named and not WIKI_CHROME_RE.match(blocks[named[-1]].text):
            scored, title_method = [(10.0, 0, named[-1])], "wiki-title"
    if scored:
        best, _, top = max(scored)
        # a headline is printed above its standfirst and the captions: of the near-best, the
        # first, if it is in the same header (not a copy in a sticky bar or a menu far above)
        tied = [c for c in scored if c[0] >= best - TITLE_TIE and top - c[2] <= RAW_NEAR]
        score, _, i = min(tied, key=lambda c: c[2])
        # ... unless the first is not printed with the line beside the byline or date: a
        # breadcrumb glued onto a copy of it, or a line that others part from it
        for c in tied:
            j = c[2]
            if j > i and j + 1 in header_lines and _apart(blocks, i, j):
                score, i = c[0], j
                break
        if score > -3.0:
            title, site = split_title(blocks[i].text)
            confidence = min(0.95, 0.6 + score / 10)
            meta.set("title", title, title_method, blocks[i].text, confidence)
            header.used.add(i)
            header.title_at = i
            if site:
                meta.set("outlet", site, "headline:site-name", blocks[i].text, 0.7)
            # every copy of the headline and the standfirst below it are header too
            key = line_key(blocks[i].text)
            for j in range(lo, body_start):
                if line_key(blocks[j].text) == key or (j > i and blocks[j].kind == body.PROSE):
                    header.used.add(j)

    heads = [j for j in (header.title_at, body_start) if j is not None]
    for i, (author, method) in sorted(bylines.items(), key=lambda kv: abs(kv[0] - anchor)):
        if not beside(blocks, i, heads):
            continue  # a teaser's byline in the rail above the article
        if meta.set("author", author, method, blocks[i].text, 0.85):
            header.used.add(i)
            break
    _set_date(blocks, dates, bylines, anchor, body_start, header)
    if meta.author is None and wiki is None:
        _name_line(blocks, lo, body_start, header)
    _pick_outlet(blocks, lo, body_start, span, header, outlet_lines)
    header.used.update(bylines)
    return header


def _name_line(blocks: Sequence[Block], lo: int, body_start: int, header: Header) -> None:
    """A person's name on its own line beside the headline or the date (no "By"):
    "Dallas Robinson", "Catherine Shu @catherineshu / 2 days"."""
    near = [j for j in (header.title_at, header.date_at) if j is not None]
    for j in range(body_start - 1, lo - 1, -1):
        if j in header.used or not any(abs(j - k) <= 2 for k in near):
            continue
        text = blocks[j].text.strip()
        name = name_words(text.split(" @")[0].split("@")[0])
        whole = name == text or text.startswith(name + " @") or text.startswith(name + "@")
        if whole and 2 <= len(name.split()) <= 4 and looks_like_person(name, 4):
            header.meta.set("author", name, "name-line", text, 0.6)
            header.used.add(j)
            return


def _set_date(
    blocks: Sequence[Block],
    dates: list[tuple],
    bylines: dict[int, tuple[str, str]],
    anchor: int,
    body_start: int,
    header: Header,
) -> None:
    title_at = header.title_at if header.title_at is not None else anchor
    picked = pick_date(blocks, dates, bylines, title_at, body_start, header.teasers)
    if picked is None:
        return
    i, found, method, confidence = picked
    header.meta.set("published", found.iso, method, blocks[i].text, confidence)
    header.used.add(i)
    header.date_at = i
    name = name_beside_date(blocks[i], found)
    if name:
        header.meta.set("author", name, "byline:beside-date", blocks[i].text, 0.7)


def _pick_outlet(
    blocks: Sequence[Block],
    lo: int,
    body_start: int,
    span: body.Span,
    header: Header,
    outlet_lines: dict[int, str],
) -> None:
    """Outlet evidence, strongest first: a wiki's "From X", a site line near the
    header, the site named on the date line, a wire dateline, the copyright."""
    meta = header.meta
    for i in range(lo, min(len(blocks), span.end + 1)):
        if (outlet := wiki_source(blocks[i].text)) is not None:
            meta.set("outlet", outlet, "wiki-source", blocks[i].text, 0.9)
            return
    for i, outlet in sorted(outlet_lines.items(), key=lambda kv: -kv[0]):
        if meta.set("outlet", outlet, "site-line", blocks[i].text, 0.6):
            header.used.add(i)
    date_line = meta.sources.get("published")
    if date_line is not None and date_line.evidence:
        found = find_dates(date_line.evidence)
        if found:
            rest = date_line.evidence[: found[0].start] + " " + date_line.evidence[found[0].end :]
            if (outlet := parse_outlet_line(Line(rest.strip(" ,|-")))) is not None:
                meta.set("outlet", outlet, "date-line:site", date_line.evidence, 0.6)
    first = next((b for b in blocks[body_start : span.end + 1] if b.kind == body.PROSE), None)
    if first is not None and (outlet := dateline_outlet(first.text)):
        meta.set("outlet", outlet, "wire-dateline", first.text[:80], 0.5)
    for block in reversed(blocks[span.end + 1 :]):
        owner = copyright_owner(block.text)
        if owner:
            meta.set("outlet", owner, "copyright", block.text, 0.5, rank="layout")
            return


__all__ = ["Header", "read_header"]
