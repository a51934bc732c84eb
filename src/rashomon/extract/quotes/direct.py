"""Direct quotes: the spans between quotation marks, and block quotes.

This module reads characters only (no parse), so it is exact about offsets:

* double marks: straight ``"``, curly ``“ ”``, tokenised ````` ... ``''``,
  guillemets ``« »`` and German ``„ “``; straight marks are told apart as
  opening or closing from the characters around them;
* single marks in the British style, ``‘ ’`` and straight ``'``, only when a
  closing mark is found in the same paragraph, so that apostrophes (``don't``,
  ``Bush's``, ``'90s``, ``rock 'n' roll``, ``the Joneses' house``) are not read
  as quotes; single marks inside a double quote are nested and ignored;
* a paragraph that opens a quote without closing it ends that quote at the
  paragraph's end; when the next paragraph opens with a mark, the new segment
  ``continues`` the same quote (same speaker);
* block quotes: lines starting with ``>``, and indented lines after a line
  that ends with a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKS = re.compile(r"``|''|[\"“”„«»‘’']")
DOUBLE_OPENERS = frozenset({"``", "“", "„", "«"})
OPEN_BOUNDARY = "([{<—–-/\u00a0"
CLOSE_BOUNDARY = ".,;:!?)]}>—–-/…\u00a0"
ELISION = re.compile(
    r"(?:\d0s|\d\d\b|em\b|til\b|n\b|cause\b|tis\b|twas\b|bout\b|round\b|nuff\b"
    r"|s\b|re\b|ve\b|ll\b|d\b|m\b)",  # and tokenised clitics: "Boeing 's", "they 're"
    re.IGNORECASE,
)
BLOCK_LINE = re.compile(r"^[ \t]*>+[ \t]?")
INDENTED = re.compile(r"^(?:\t| {2,})\S")
WORD = re.compile(r"\w+")
OPENING_CHARS = "\"“„«‘'`"
# A line that introduces the next paragraph as what was said: "..., saying:".
CUE_COLON = re.compile(
    r"\b(?:said|says|saying|wrote|writes|writing|tweeted|tweets|tweeting|posted|posting|"
    r"stated|states|added|adding|declared|announced|reads|read|statement|tweet|post|message)"
    r"\s*:\s*$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Segment:
    """One stretch of quoted text. ``start``/``end`` bound the content (marks
    and surrounding blanks excluded); ``outer_start``/``outer_end`` include the
    marks. ``continues`` links it to the previous segment of the same quote."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    continues: bool = False
    closed: bool = True
    block: bool = False

    def words(self, text: str) -> int:
        return len(WORD.findall(text, self.start, self.end))


def _prev(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else "\n"


def _next(text: str, j: int) -> str:
    return text[j] if j < len(text) else "\n"


def _opener_like(text: str, i: int, j: int) -> bool:
    p, n = _prev(text, i), _next(text, j)
    return (p.isspace() or p in OPEN_BOUNDARY) and not n.isspace()


def _closer_like(text: str, i: int, j: int) -> bool:
    p, n = _prev(text, i), _next(text, j)
    return not p.isspace() and (n.isspace() or n in CLOSE_BOUNDARY or n in "\"”'’")


def _segment(text: str, outer_start: int, cstart: int, cend: int, outer_end: int, **kw) -> Segment:
    """A segment with its content stripped of blanks and a trailing comma."""
    while cstart < cend and text[cstart].isspace():
        cstart += 1
    while cend > cstart and (text[cend - 1].isspace() or text[cend - 1] == ","):
        cend -= 1
    return Segment(cstart, cend, outer_start, outer_end, **kw)


def _single_close(text: str, opener: str, k: int, line_end: int) -> int | None:
    """The position of the mark closing a single quote opened at ``k``, if any."""
    fallback = None
    for m in MARKS.finditer(text, k + 1, line_end):
        mark = m.group()
        if mark not in ("’", "'") or (opener == "'" and mark != "'"):
            continue
        i = m.start()
        p, n = _prev(text, i), _next(text, i + 1)
        if p.isspace() or n.isalnum() or i == k + 1:
            continue  # an apostrophe inside a word, or an empty quote
        if p in "sS" and n == " " and _next(text, i + 2).islower():
            fallback = fallback if fallback is not None else i  # "the Joneses' house"
            continue
        return i
    return fallback


def _block_segments(text: str, lines: list[tuple[int, int]]) -> tuple[list[Segment], set[int]]:
    """Block-quote segments, and the indices of the lines they take."""
    segments: list[Segment] = []
    taken: set[int] = set()
    prev_colon = prev_cue_colon = prev_block = False
    for index, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line.strip():
            continue
        marker = BLOCK_LINE.match(line)
        indented = INDENTED.match(line) and (prev_colon or prev_block)
        # "Trump lashed out on Twitter, saying:" then the tweet as a bare paragraph.
        bare = prev_cue_colon and line.lstrip()[:1] not in OPENING_CHARS
        if marker or indented or bare:
            start = a + (marker.end() if marker else 0)
            seg = _segment(text, a, start, b, b, continues=prev_block, closed=True, block=True)
            inner = text[seg.start : seg.end]
            if (
                len(inner) > 2
                and inner[0] in '"“'
                and inner[-1] in '"”'
                and inner.count(inner[0]) + inner.count(inner[-1]) <= 2
            ):
                seg = _segment(text, a, seg.start + 1, seg.end - 1, b, continues=prev_block)
                seg.block = True
            if seg.end > seg.start:
                segments.append(seg)
                taken.add(index)
            prev_block = True
        else:
            prev_block = False
        prev_colon = line.rstrip().endswith(":")
        prev_cue_colon = bool(CUE_COLON.search(line)) and not marker and not indented
    return segments, taken


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def find_segments(text: str) -> list[Segment]:
    """All quoted segments of ``text``, sorted by start."""
    lines = _lines(text)
    segments, taken = _block_segments(text, lines)
    # State of an open double quote: (opening mark, outer start, content start, continues).
    state: tuple[str, int, int, bool] | None = None
    continuation = False
    for index, (a, b) in enumerate(lines):
        if index in taken:
            state, continuation = None, False
            continue
        pos = a
        while True:
            m = MARKS.search(text, pos, b)
            if m is None:
                break
            mark, i, j = m.group(), m.start(), m.end()
            pos = j
            if state is None:
                if mark in ("‘", "'"):
                    if not _opener_like(text, i, j) or ELISION.match(text, j):
                        continue
                    close = _single_close(text, mark, i, b)
                    if close is not None:
                        seg = _segment(text, i, j, close, close + 1)
                        if seg.end > seg.start:
                            segments.append(seg)
                        pos = close + 1
                    continue
                opens = mark in DOUBLE_OPENERS or (
                    mark in ('"', "”") and _opener_like(text, i, j) and not _prev(text, i).isdigit()
                )
                if mark == '"' and _prev(text, i).isspace() and _next(text, j).isspace():
                    opens = True  # tokenised text: ' " This is ... . " '
                if opens:
                    state = (mark, i, j, continuation)
                continuation = False
                continue
            opener, ostart, cstart, cont = state
            if mark in ("‘", "’", "'", "«"):
                continue  # nested single quote or apostrophe inside a double quote
            closes = mark in ("''", "”", "»") or (mark == "“" and opener == "„")
            if mark == '"':
                closes = not (_opener_like(text, i, j) and _next(text, j).isalnum())
            if closes:
                seg = _segment(text, ostart, cstart, i, j, continues=cont)
                if seg.end > seg.start:
                    segments.append(seg)
                state = None
            elif mark in DOUBLE_OPENERS or mark == '"':
                state = (mark, i, j, False)  # the earlier opener was never closed: drop it
        if state is not None:
            state, continuation = _line_break(text, lines, index, state, segments)
    segments.sort(key=lambda s: s.start)
    return segments


def _line_break(
    text: str,
    lines: list[tuple[int, int]],
    index: int,
    state: tuple[str, int, int, bool],
    segments: list[Segment],
) -> tuple[tuple[str, int, int, bool] | None, bool]:
    """Decide what an open quote does at the end of line ``index``: go on
    (hard-wrapped text) or end here, maybe continued by the next paragraph."""
    opener, ostart, cstart, cont = state
    a, b = lines[index]
    nxt = index + 1
    while nxt < len(lines) and not text[lines[nxt][0] : lines[nxt][1]].strip():
        nxt += 1
    if nxt >= len(lines):
        seg = _segment(text, ostart, cstart, b, b, continues=cont, closed=False)
        if seg.end > seg.start:
            segments.append(seg)
        return None, False
    na, nb = lines[nxt]
    head = text[na:nb].lstrip()
    blank = nxt > index + 1
    ends_sentence = text[a:b].rstrip()[-1:] in ".?!:…"
    reopens = head[:2] == "``" or head[:1] in ("“", "„", "«", '"')
    if reopens or blank or ends_sentence or BLOCK_LINE.match(text[na:nb]):
        seg = _segment(text, ostart, cstart, b, b, continues=cont, closed=False)
        if seg.end > seg.start:
            segments.append(seg)
        return None, reopens
    return state, False
