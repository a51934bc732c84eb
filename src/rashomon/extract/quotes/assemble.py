"""Putting it together: direct segments + attribution frames -> :class:`Quote`.

A direct quote takes the frame whose reported content it is ("X said: “...”",
"“...,” X said"), else the cue verb right after its closing mark ("“...,” said
X", "“...,” he told reporters") or right before its opening mark in the same
sentence ("X said in a statement: “...”"). Segments of one quote (paragraph
continuations, block-quote lines) share the speaker, and a quote with no cue
of its own takes the speaker of the previous quote in the same paragraph
("“...,” he said. “...”"). A short quote with no cue is a scare quote and is
dropped. Every frame whose content is not already a direct quote becomes an
indirect quote.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc

from rashomon.extract.quotes.attribution import Frame, find_frames
from rashomon.extract.quotes.cues import SCARE_MAX_WORDS, SCARE_PREFIXES
from rashomon.extract.quotes.direct import Segment, find_segments
from rashomon.extract.quotes.speakers import SpeakerNamer
from rashomon.model import EntityMention, Quote

AFTER_WINDOW = 8  # tokens after a closing mark searched for "he said"
BEFORE_WINDOW = 14  # tokens before an opening mark searched for "X said:"
SENTENCE_END = frozenset({".", "?", "!", "…"})
Names = dict[int, tuple[str | None, int | None, int | None]]  # id(frame) -> speaker
INHERIT_GAP = 300
TITLE_MAX_WORDS = 6
TITLE_SMALL = frozenset(
    {"the", "of", "a", "an", "and", "in", "on", "for", "to", "with", "at"}
)  # characters between two quotes of one paragraph that share a speaker


class _Index:
    """Token lookups by character offset, and where frames' verbs are."""

    def __init__(self, doc: Doc, frames: list[Frame], segments: list[Segment]) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text rebuilds the string on every access
        self.starts = [t.idx for t in doc]
        self.frame_at = {f.verb.i: f for f in frames if f.cue != "according to"}
        self.segments = segments
        self.seg_starts = [s.outer_start for s in segments]

    def token_at(self, pos: int) -> int:
        """Index of the token containing or following character ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return 0
        tok = self.doc[i]
        return i if pos < tok.idx + len(tok) else i + 1

    def in_segment(self, pos: int) -> bool:
        i = bisect.bisect_right(self.seg_starts, pos) - 1
        return i >= 0 and pos < self.segments[i].outer_end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _frame_by_content(seg: Segment, frames: Sequence[Frame], index: _Index) -> Frame | None:
    """The innermost frame whose reported content is (mostly) this segment."""
    best, best_len = None, None
    span = (seg.start, seg.end)
    for f in frames:
        if f.content is None or index.in_segment(f.verb.idx):
            continue
        shared = _overlap(span, f.content)
        if shared * 2 < (seg.end - seg.start) or abs(f.verb.idx - seg.start) > 600:
            continue
        size = f.content[1] - f.content[0]
        if best_len is None or size < best_len:
            best, best_len = f, size
    return best


def _frame_after(seg: Segment, index: _Index) -> Frame | None:
    """ "“...,” he said" / "“...,” said X, ...": a cue just after the closing mark."""
    doc, text = index.doc, index.text
    i = index.token_at(seg.outer_end)
    # "“...,” he said", "“...?” she asked", "“...” — he said": the quote hands over.
    hands_over = text[seg.outer_end - 2 : seg.outer_end].rstrip("\"”'’»")[-1:] in ",?!…—–-"
    hands_over = hands_over or text[seg.outer_end : seg.outer_end + 2].lstrip()[:1] in (
        ",",
        "—",
        "–",
    )
    for k in range(i, min(i + AFTER_WINDOW, len(doc))):
        tok = doc[k]
        if "\n" in tok.text or index.in_segment(tok.idx):
            return None
        if tok.text in SENTENCE_END and k > i:
            return None
        frame = index.frame_at.get(k)
        if frame is not None:
            ended = text[seg.start : seg.end].endswith(".")
            return frame if hands_over or (k - i < 3 and not ended) else None
    return None


def _frame_before(seg: Segment, index: _Index, used: set[int]) -> Frame | None:
    """ "X said: “...”", "X told the paper “...”": a cue earlier in the same sentence."""
    doc, text = index.doc, index.text
    i = index.token_at(seg.outer_start)
    first_inside = i
    for k in range(i - 1, max(-1, i - 1 - BEFORE_WINDOW), -1):
        tok = doc[k]
        if "\n" in tok.text or tok.text in SENTENCE_END or index.in_segment(tok.idx):
            return None
        frame = index.frame_at.get(k)
        if frame is not None and k not in used:
            between = text[tok.idx + len(tok) : seg.outer_start].rstrip()
            if between.endswith((":", ",")) or tok.right_edge.i >= first_inside or not between:
                return frame
            return None
    return None


def _frame_intro(seg: Segment, index: _Index) -> Frame | None:
    """A quote opening a paragraph after "X wrote:": the last cue of that line."""
    text = index.text
    line_start = text.rfind("\n", 0, seg.outer_start) + 1
    if line_start <= 0 or text[line_start : seg.outer_start].strip():
        return None
    intro = text[:line_start].rstrip()
    if not intro.endswith(":"):
        return None
    intro_start = text.rfind("\n", 0, len(intro)) + 1
    lo, hi = index.token_at(intro_start), index.token_at(len(intro))
    for k in range(hi - 1, lo - 1, -1):
        if k in index.frame_at:
            return index.frame_at[k]
    return None


def _chains(segments: list[Segment]) -> list[list[Segment]]:
    chains: list[list[Segment]] = []
    for seg in segments:
        if seg.continues and chains:
            chains[-1].append(seg)
        else:
            chains.append([seg])
    return chains


def _is_title(chain: list[Segment], text: str) -> bool:
    """ "Meet the Press", "The Art of the Deal": a short capitalised name, not speech."""
    if len(chain) > 1:
        return False
    words = text[chain[0].start : chain[0].end].split()
    if not 1 < len(words) <= TITLE_MAX_WORDS or not words[-1][-1:].isalnum():
        return False
    return all(w[0].isupper() or w in TITLE_SMALL for w in words)


def _is_scare(chain: list[Segment], text: str) -> bool:
    if _is_title(chain, text):
        return True
    words = sum(s.words(text) for s in chain)
    if words > SCARE_MAX_WORDS:
        return False
    before = text[max(0, chain[0].outer_start - 14) : chain[0].outer_start].lower().rstrip()
    return before.endswith(SCARE_PREFIXES)


def _direct(
    doc: Doc, doc_id: str, segments: list[Segment], frames: list[Frame], names: Names
) -> list[Quote]:
    index = _Index(doc, frames, segments)
    text = index.text
    quotes: list[Quote] = []
    used: set[int] = set()  # verbs that attributed a quote on their left
    prev: tuple[int, tuple[str | None, str | None, int | None, int | None]] | None = None
    for chain in _chains(segments):
        if _is_scare(chain, text):
            continue
        frame = None
        for seg in chain:
            frame = _frame_by_content(seg, frames, index) or _frame_after(seg, index)
            if frame is None:
                frame = _frame_before(seg, index, used) or _frame_intro(seg, index)
            if frame is not None:
                break
        if frame is not None:
            if frame.verb.idx >= chain[-1].outer_end:
                used.add(frame.verb.i)
            who = names[id(frame)]
            attribution = (who[0], frame.cue, who[1], who[2])
        elif prev is not None and _follows(text, prev[0], chain[0].outer_start):
            attribution = prev[1]
        elif sum(s.words(text) for s in chain) <= SCARE_MAX_WORDS:
            continue  # a scare quote: short, and nobody says it
        else:
            attribution = (None, None, None, None)
        speaker, cue, s_start, s_end = attribution
        for seg in chain:
            quotes.append(
                Quote(
                    doc_id,
                    seg.start,
                    seg.end,
                    text[seg.start : seg.end],
                    speaker,
                    cue,
                    True,
                    s_start,
                    s_end,
                )
            )
        if speaker is not None:
            prev = (chain[-1].outer_end, attribution)
    return quotes


def _follows(text: str, end: int, start: int) -> bool:
    """Whether a quote at ``start`` goes on from the quote ending at ``end``: in
    the same paragraph, or opening the next paragraph right after it."""
    gap = text[end:start]
    if "\n" not in gap:
        return len(gap) <= INHERIT_GAP
    lines = gap.split("\n")
    return len(lines[0]) <= INHERIT_GAP // 2 and not any(line.strip() for line in lines[1:])


def _widen(content: tuple[int, int], outer: list[tuple[int, int]]) -> tuple[int, int]:
    """Grow a reported clause so that it does not cut a direct quote in two."""
    start, end = content
    for a, b in outer:
        if a < start < b:
            start = a
        if a < end < b:
            end = b
    return start, end


def _indirect(
    doc_id: str, text: str, frames: list[Frame], segments: list[Segment], names: Names
) -> list[Quote]:
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    spans = [(s.start, s.end) for s in segments]
    outer = [(s.outer_start, s.outer_end) for s in segments]
    for f in frames:
        if f.direct_only or f.negated or f.content is None or f.speaker is None:
            continue
        if any(a <= f.verb.idx < b for a, b in outer):
            continue  # a cue inside a direct quote: the quote reports it
        content = _widen(f.content, outer)
        quoted = sum(_overlap(content, s) for s in spans)
        if quoted * 2 >= content[1] - content[0] or content in seen:
            continue
        speaker, s_start, s_end = names[id(f)]
        if speaker is None:
            continue
        seen.add(content)
        quotes.append(
            Quote(
                doc_id,
                content[0],
                content[1],
                text[content[0] : content[1]],
                speaker,
                f.cue,
                False,
                s_start,
                s_end,
            )
        )
    return quotes


def _speaker_pos(frame: Frame) -> int:
    return frame.speaker.i if frame.speaker is not None else frame.verb.i


def find_quotes(doc: Doc, doc_id: str, entity_mentions: list[EntityMention]) -> list[Quote]:
    """Direct quotes and indirect attributions of one parsed document, sorted by start.

    ``doc`` is the spaCy parse of the cleaned text (offsets are into
    ``doc.text``); ``entity_mentions`` are its named-entity mentions, whose
    ``key`` names a speaker found as a short form or a pronoun.
    """
    text = doc.text
    segments = find_segments(text)
    frames = find_frames(doc)
    heads = {f.speaker.i for f in frames if f.speaker is not None}
    namer = SpeakerNamer(doc, entity_mentions, [(s.start, s.end) for s in segments], heads)
    names = {id(f): namer.name(f.speaker) for f in sorted(frames, key=_speaker_pos)}
    quotes = _direct(doc, doc_id, segments, frames, names)
    quotes += _indirect(doc_id, text, frames, segments, names)
    quotes.sort(key=lambda q: (q.start, q.end, not q.direct))
    return quotes
