"""The publication date of a saved page, from the lines around its header.

Split from :mod:`header`, which finds the head zone, the bylines and the
headline. A date counts only with evidence that it is the article's own: a
"Published"/"Posted" label, a byline on the same line, or a short date line
beside the headline, the article's byline or its first paragraph. Dates that
the page shows are something else (a masthead's "today" above the menu, a
teaser's stamp in a list of teasers, another article's "Next"/"Related" date,
a date beside a byline that menus or text part from the article) are refused,
and two date lines of different days with nothing to tell them apart give no
date, nor do a byline's date and a date line that disagree, or a date later than
the article's own "Updated" stamp (a page is not updated before it is published):
a wrong date shifts every relative date of a source, a missing one does not.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from . import body, rules
from .dates import WEEKDAY_RE, FoundDate, date_role, find_dates
from .features import WORD_RE, Line
from .headline import distance
from .layout import Block
from .metadata import looks_like_person

DATE_LINE_MAX_WORDS = 25
NEAR = 4  # blocks (furniture not counted) between a byline and the headline/body
RAW_NEAR = 12  # blocks of any kind between them
# A bare date line says nothing itself: it must be next to the headline, the article's
# byline or its first paragraph, at most this many lines a reader reads between them
# (a kicker, a standfirst); one further off is a teaser's or a sidebar's.
DATE_LINE_NEAR = 2
# A byline's date is the article's when the byline is printed next to the headline or
# the first paragraph, a standfirst or a picture's caption between at most; one further
# off (NEAR still lets it find the header) is as often a teaser's or an author box's.
BYLINE_DATE_NEAR = 2
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


def date_candidates(
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
        line = []
        for found in find_dates(block.text):
            if english and found.day_first_guess:
                continue
            role = date_role(block.text, found, previous)
            if found.iso[:10] > latest:
                role = "other"  # a publication date is never in the future ("Contract until")
            line.append((i, found, role))
        out.extend(first_of_update_line(block.text, line))
    return out


ORIGINAL_RE = re.compile(r"\b(?:original(?:ly)?|first)\s?:?\s?$", re.I)


def first_of_update_line(text: str, line: list[tuple]) -> list[tuple]:
    """The dates of one line, where a line that prints the article's "Updated" date
    and another date gives the other as the publication: "Mon 3 Mar 2021 09.15 GMT
    Last modified on Fri 5 Mar 2021 16.02 GMT", "Updated March 5 / Original March 3".
    Unlabelled before the update, or labelled "Original", it is the day the page
    first appeared; the update is only when it last changed."""
    updates = [found for _, found, role in line if role == "updated"]
    if not updates:
        return line
    out = []
    for i, found, role in line:
        head = text[max(0, found.start - 12) : found.start]
        if role is None and found.end <= updates[0].start or ORIGINAL_RE.search(head):
            role = "published"
        out.append((i, found, role))
    return out


def name_beside_date(block: Block, found: FoundDate) -> str | None:
    """ "Chris Davies - Nov 19, 2019, 10:31 pm CST" -> "Chris Davies"; not "Latest
    News - Nov 19, 2019" (capitalised words of page furniture are not a name)."""
    rest = block.text[: found.start].strip(" -–—|•·,:")
    if rest and looks_like_person(rest, 4) and len(rest.split()) >= 2 and not Line(rest).best_cue:
        return rest
    return None


def bare_dates(
    blocks: Sequence[Block], dates: list[tuple], bylines: dict[int, tuple[str, str]]
) -> set[int]:
    """The date lines among the dates: not captions or sentences that mention a date."""
    return {
        i
        for i, found, role in dates
        if role is None and i not in bylines and is_bare(blocks[i].text, found)
    }


def is_bare(text: str, found: FoundDate) -> bool:
    """A date line, not a sentence that mentions a date (a caption: "... speaks
    during a campaign stop, Tuesday, Nov. 19, 2019, in Columbia")."""
    rest = text[: found.start] + " " + text[found.end :]
    return len(WORD_RE.findall(rest)) <= BARE_DATE_WORDS


MENU_REASONS = frozenset({rules.NAVIGATION, rules.TEMPLATE})
MASTHEAD_MENU = 3  # menu entries between a bare date and the headline below it


def beside(blocks: Sequence[Block], i: int, heads: Sequence[int]) -> bool:
    """Block ``i`` is within NEAR of the headline or the body, and no more than
    RAW_NEAR blocks of any kind away."""
    return any(distance(blocks, i, j) <= NEAR and abs(i - j) <= RAW_NEAR for j in heads)


MASTHEAD_GAP = 3  # blocks between a weekday date above the headline and the headline


def masthead(
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


def pick_date(
    blocks: Sequence[Block],
    dates: list[tuple],
    bylines: dict[int, tuple[str, str]],
    title_at: int,
    body_start: int,
    teasers: bool,
) -> tuple[int, FoundDate, str, float] | None:
    """The article's date among ``dates`` as (block, date, method, confidence), or
    None when no date has the evidence: a label beats a byline, which beats a date
    line beside the headline, which beats an "Updated" date."""
    ranked = []
    heads = (title_at, body_start)
    # a byline anchors a date line only when it is the article's own (beside its head)
    anchors = [*heads, *(j for j in bylines if j < body_start and beside(blocks, j, heads))]
    # in a list of dated teasers (``teasers``) bare dates say nothing
    for i, found, role in dates:
        if role == "other":
            continue
        near = min(distance(blocks, i, a) for a in anchors)
        if role in ("published", "updated") and not beside(blocks, i, anchors):
            continue  # "Posted: ..." on a teaser or a comment, away from the article's head
        if role == "published":
            ranked.append((0, near, i, found, "label:published", 0.95))
        elif role == "updated":
            ranked.append((3, near, i, found, "label:updated", 0.6))
        elif i in bylines or name_beside_date(blocks[i], found):
            # a byline more than NEAR lines from the headline and the body (not from
            # itself, an anchor) is a teaser's or a comment's, and so is one that a run
            # of menu entries or teasers (not counted by ``distance``) parts from them:
            # its date says nothing about the article
            near = min(distance(blocks, i, a) for a in heads)
            if beside(blocks, i, heads) and near <= BYLINE_DATE_NEAR:
                ranked.append((1, near, i, found, "byline", 0.9))
        elif (
            near <= DATE_LINE_NEAR
            and not teasers
            and is_bare(blocks[i].text, found)
            and not masthead(blocks, i, anchors, title_at, found)
        ):
            ranked.append((2, near, i, found, "date-line", 0.8))
    if not ranked:
        return None
    rank, _, i, found, method, confidence = min(ranked, key=lambda r: (r[0], r[1]))
    if rank == 3 and any(role == "published" for _, _, role in dates):
        # "Updated" stands in only when nothing says when the page was first published;
        # a "Published" line too far from the head to be trusted still says it was
        return None
    if rank < 3 and len({r[3].iso[:10] for r in ranked if r[0] == rank}) > 1:
        # two labels, two bylines or two date lines of different days beside the header:
        # nothing says which is the article's own (the other is a teaser's, a comment's)
        return None
    if rank in UNLABELLED and unlabelled_conflict(
        blocks, dates, bylines, ranked, title_at, body_start
    ):
        return None
    if updated_before(found, ranked):
        return None
    return i, found, method, confidence


UNLABELLED = (1, 2)  # the ranks of a byline's date and a bare date line: no label says what


def unlabelled_conflict(
    blocks: Sequence[Block],
    dates: list[tuple],
    bylines: dict[int, tuple[str, str]],
    ranked: Sequence[tuple],
    title_at: int,
    body_start: int,
) -> bool:
    """Whether the header shows two unlabelled dates of different days: a byline's
    and a date line's beside the head, or any two date lines printed between the
    headline and the first paragraph (however many lines part them, they are the
    header's). No label says which is the article's, and a byline beats a date line
    only by habit, not by evidence: the other may be the teaser's, the comment's or
    the event's, and so may this one. Precision first: no date."""
    days = {r[3].iso[:10] for r in ranked if r[0] in UNLABELLED}
    lo, hi = sorted((title_at, body_start))
    days |= {
        found.iso[:10]
        for j, found, role in dates
        if role is None and lo < j < hi and (j in bylines or is_bare(blocks[j].text, found))
    }
    return len(days) > 1


def updated_before(found: FoundDate, ranked: Sequence[tuple]) -> bool:
    """Whether an "Updated" date beside the head is a day earlier than ``found``:
    a page is never updated before it is published, so ``found`` is not the article's
    publication (a masthead's "today", a later teaser's stamp) and the update says
    only that the article is older than it."""
    return any(r[0] == 3 and r[3].iso[:10] < found.iso[:10] for r in ranked)


def teaser_zone(blocks: Sequence[Block], zone: Sequence[int], bare: set[int]) -> bool:
    """Whether the head zone is a list of dated teasers: TEASER_DATES date lines
    or teasers' time stamps ("Monday 10:00PM", "3 hours ago") in it."""
    stamps = sum(1 for i in zone if i not in bare and STAMP_RE.match(blocks[i].text.strip()))
    return len(bare) + stamps >= TEASER_DATES
