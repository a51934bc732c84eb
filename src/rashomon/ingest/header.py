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
  "Assumed office", "Released" and the like never are (:mod:`dates`).
* The headline is the heading-like line of the head zone that is nearest the
  byline and the body, printed in full, not a menu entry, and shares words
  with the article's first paragraphs (each line scored in :mod:`headline`).
* The outlet comes from a site-name part of the headline line, a domain line
  near the header, a wire dateline, or the copyright line of the footer.

Each field is recorded in :class:`metadata.Meta` with the line it came from.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import body, rules
from .dates import WEEKDAY_RE, FoundDate, date_role, find_dates
from .features import WORD_RE, Line
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
from .template import line_key

TITLE_TIE = 1.0  # candidates this close to the best count as tied
HEAD_BLOCKS = 30  # how far above the body the header may start
HEAD_RAW = 80  # the same, counting share buttons and placeholders too
DATE_LINE_MAX_WORDS = 25
NEAR = 4  # blocks (furniture not counted) between a bare date line and the headline/body
RAW_NEAR = 12  # blocks of any kind between them
BARE_DATE_WORDS = 8  # words beside the date on a date line (a time, a label, the site)
TEASER_DATES = 3  # bare date lines in one head zone that make it a list of teasers
# A teaser's time stamp without a full date ("Monday 10:00PM", "3 hours ago"): it
# counts towards a list of teasers as a date line does.
STAMP_RE = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s{1,2}|today,?\s|yesterday,?\s)"
    r"(?:at\s)?[012]?\d[:.][0-5]\d\s?(?:[ap]\.?m\.?)?$|^\d{1,2}\s(?:min|mins|minutes|hours?"
    r"|hrs?|days?|weeks?)\sago$",
    re.I,
)
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


def _date_candidates(
    blocks: Sequence[Block], indices: Sequence[int], english: bool = False
) -> list[tuple]:
    """(index, FoundDate, role) for every date in a short line. On an English
    page a dotted date whose day and month are both at most 12 ("11.05.2019")
    is not read: American sites print the month first, European ones the day,
    and nothing on the line says which."""
    out = []
    latest = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    for i in indices:
        block = blocks[i]
        if block.line.n_words > DATE_LINE_MAX_WORDS or block.kind == body.PROSE:
            continue
        previous = next((b.text for b in reversed(blocks[max(0, i - 3) : i]) if b.text), None)
        for found in find_dates(block.text):
            if english and found.day_first_guess:
                continue
            role = date_role(block.text, found, previous)
            if found.iso[:10] > latest:
                role = "other"  # a publication date is never in the future ("Contract until")
            out.append((i, found, role))
    return out


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


def _name_beside_date(block: Block, found: FoundDate) -> str | None:
    """ "Chris Davies - Nov 19, 2019, 10:31 pm CST" -> "Chris Davies"; not "Latest
    News - Nov 19, 2019" (capitalised words of page furniture are not a name)."""
    rest = block.text[: found.start].strip(" -–—|•·,:")
    if rest and looks_like_person(rest, 4) and len(rest.split()) >= 2 and not Line(rest).best_cue:
        return rest
    return None


def read_header(blocks: Sequence[Block], span: body.Span) -> Header:
    """Metadata of the page whose body is ``span``, and the blocks it used."""
    meta = Meta()
    header = Header(meta, start=span.start)
    lo = _zone_start(blocks, span.start)
    # the first blocks of the span may still be header (a standfirst, then the byline)
    hi = min(span.end, span.start + 4)
    zone = list(range(lo, hi + 1))

    # bylines, on one line or as a label line ("By", "Author:") above the name
    bylines = {i: b for i in zone if (b := _byline(blocks[i])) is not None}
    for i in zone[:-1]:
        label = blocks[i].text.strip().lower().rstrip(":")
        name = name_words(blocks[i + 1].text)
        if label in BYLINE_LABELS and name and looks_like_person(name, 5):
            bylines.setdefault(i + 1, (name, "byline:label"))
            header.used.add(i)
    # dates with their evidence
    dates = _date_candidates(blocks, zone, _english(blocks, span))
    # the body starts after the last header line found in the span's first blocks
    header_lines = set(bylines) | {i for i, _, role in dates if role != "other"}
    bare = _bare_dates(blocks, dates, bylines)
    stamps = sum(1 for i in zone if i not in bare and STAMP_RE.match(blocks[i].text.strip()))
    header.teasers = len(bare) + stamps >= TEASER_DATES
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
        for i in range(max(lo, body_start - 8), body_start)
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
        beside = bool(header_lines & {i - 1, i + 1})
        score = title_score(blocks, i, anchor if i < anchor else body_start, lede, below, beside)
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
        if not _beside(blocks, i, heads):
            continue  # a teaser's byline in the rail above the article
        if meta.set("author", author, method, blocks[i].text, 0.85):
            header.used.add(i)
            break
    _pick_date(blocks, dates, bylines, anchor, body_start, header)
    if meta.author is None and wiki is None:
        _name_line(blocks, lo, body_start, header)
    _pick_outlet(blocks, lo, body_start, span, header, outlet_lines)
    header.used.update(bylines)
    return header


def _bare_dates(
    blocks: Sequence[Block], dates: list[tuple], bylines: dict[int, tuple[str, str]]
) -> set[int]:
    """The date lines among the dates: not captions or sentences that mention a date."""
    return {
        i
        for i, found, role in dates
        if role is None and i not in bylines and _bare(blocks[i].text, found)
    }


def _bare(text: str, found: FoundDate) -> bool:
    """A date line, not a sentence that mentions a date (a caption: "... speaks
    during a campaign stop, Tuesday, Nov. 19, 2019, in Columbia")."""
    rest = text[: found.start] + " " + text[found.end :]
    return len(WORD_RE.findall(rest)) <= BARE_DATE_WORDS


MENU_REASONS = frozenset({rules.NAVIGATION, rules.TEMPLATE})
MASTHEAD_MENU = 3  # menu entries between a bare date and the headline below it


def _beside(blocks: Sequence[Block], i: int, heads: Sequence[int]) -> bool:
    """Block ``i`` is within NEAR of the headline or the body, and no more than
    RAW_NEAR blocks of any kind away."""
    return any(distance(blocks, i, j) <= NEAR and abs(i - j) <= RAW_NEAR for j in heads)


MASTHEAD_GAP = 3  # blocks between a weekday date above the headline and the headline


def _masthead(
    blocks: Sequence[Block], i: int, anchors: Sequence[int], title_at: int, found: FoundDate
) -> bool:
    """A bare date far from the headline, byline and body (counting every block),
    or above the headline with the site's menu in between: the masthead's
    "today", not the article's date (the menu is the page's, the date too). So
    is a day's date with its weekday and no time ("Wednesday, November 20,
    2019") printed above the headline with other lines between: a masthead
    prints "today" that way, an article's date line sits beside its headline."""
    if min(abs(i - a) for a in anchors) > RAW_NEAR:
        return True
    text = blocks[i].text[found.start : found.end]
    if i < title_at - MASTHEAD_GAP and "T" not in found.iso and WEEKDAY_RE.match(text):
        return True
    menu = sum(
        1
        for b in blocks[i + 1 : title_at]
        if b.kind == body.FURNITURE and b.reason in MENU_REASONS  # not list items: the article's
    )
    return menu >= MASTHEAD_MENU


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


def _pick_date(
    blocks: Sequence[Block],
    dates: list[tuple],
    bylines: dict[int, tuple[str, str]],
    anchor: int,
    body_start: int,
    header: Header,
) -> None:
    meta = header.meta
    ranked = []
    title_at = header.title_at if header.title_at is not None else anchor
    heads = (title_at, body_start)
    # a byline anchors a date line only when it is the article's own (beside its head)
    anchors = [*heads, *(j for j in bylines if j < body_start and _beside(blocks, j, heads))]
    teasers = header.teasers  # a list of dated teasers: bare dates say nothing
    for i, found, role in dates:
        if role == "other":
            continue
        near = min(distance(blocks, i, a) for a in anchors)
        if role == "published":
            ranked.append((0, near, i, found, "label:published", 0.95))
        elif role == "updated":
            if near <= NEAR * 2:
                ranked.append((3, near, i, found, "label:updated", 0.6))
        elif i in bylines or _name_beside_date(blocks[i], found):
            # a byline far from the headline and the body (not from itself, an anchor) is
            # a teaser's or a comment's: it may not outrank a date line beside the
            # headline, and past twice NEAR it says nothing; nor does one that a run of
            # menu entries or teasers (not counted by ``distance``) parts from them
            near = min(distance(blocks, i, a) for a in heads)
            if min(abs(i - a) for a in heads) > RAW_NEAR:
                continue
            if near <= NEAR:
                ranked.append((1, near, i, found, "byline", 0.9))
            elif near <= NEAR * 2:
                ranked.append((2.5, near, i, found, "byline", 0.7))
        elif (
            near <= NEAR
            and not teasers
            and _bare(blocks[i].text, found)
            and not _masthead(blocks, i, anchors, title_at, found)
        ):
            ranked.append((2, near, i, found, "date-line", 0.8))
    if not ranked:
        return
    rank, _, i, found, method, confidence = min(ranked, key=lambda r: (r[0], r[1]))
    if rank == 2 and len({r[3].iso[:10] for r in ranked if r[0] == 2}) > 1:
        return  # bare date lines of two days beside the header: nothing says which is its own
    meta.set("published", found.iso, method, blocks[i].text, confidence)
    header.used.add(i)
    header.date_at = i
    name = _name_beside_date(blocks[i], found)
    if name:
        meta.set("author", name, "byline:beside-date", blocks[i].text, 0.7)


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
