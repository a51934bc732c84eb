"""``tag_times``: temporal expressions of one parsed document, as TimeMentions.

1. Candidates come from our own patterns (:mod:`patterns`) and from spaCy's
   DATE and TIME entities, which catch phrasings the patterns miss but often
   over-extend ("the 2013 season") or are not normalisable.
2. Selection keeps the longest candidates that the normaliser understands and
   that pass the parse-based filters (a bare "2010" must read as a year, "May"
   must not be the modal), without overlaps.
3. Normalisation runs in text order, so that each expression can be anchored
   on the latest date before it ("two days later"), with the tense of its
   clause deciding the direction of deictic ones ("Tuesday").

Ranges follow TimeML: each end is its own mention ("from 2003 to 2005" gives
"2003" and "2005"; "1957-58" gives "1957" and "58" read as 1958), and the
first end also carries the range's ``end_value`` so that a reader of one
mention sees the whole range.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc

from rashomon.model import TimeMention

from .anchoring import Reference, Timex, granularity, parse_dct
from .context import (
    clause_tense,
    is_age,
    is_month_name,
    is_ordinal_second,
    is_year_like,
    rate_value,
)
from .normalize import normalize_timex
from .patterns import (
    NUMBER_RANGE_RE,
    RANGE_LINK_RE,
    RANGE_OPEN_RE,
    YEAR_RANGE_RE,
    Candidate,
    find_candidates,
)

# A stand-in document date, only to test whether a span is normalisable at all.
_PROBE_DATE = date(2000, 6, 15)
_PROBE = Reference(_PROBE_DATE, None, None, _PROBE_DATE.isoformat())
_ANCHOR_SENTENCES = 3
_DATED_RE = re.compile(r"^\d{4}")
_SPACY_LABELS = ("DATE", "TIME")
_COMPARATIVE_RE = re.compile(r"(?:earlier|later|before|after)$", re.IGNORECASE)
_THAN_RE = re.compile(r"\s+than\b", re.IGNORECASE)
_DURATION_KINDS = ("duration", "vague_duration", "bare_units", "range_num")


def _range_candidates(text: str) -> list[Candidate]:
    found = []
    for match in YEAR_RANGE_RE.finditer(text):
        first, second = match["a"], match["b"]
        if len(second) == 2:
            second = first[:2] + second
            if int(second) <= int(first):
                continue  # "2012-04": a month, not a range
        elif int(second) <= int(first) or int(second) - int(first) > 50:
            continue
        found.append(Candidate(*match.span("a"), "year_range"))
        found.append(Candidate(*match.span("b"), "year_range", second))
    for match in NUMBER_RANGE_RE.finditer(text):
        found.append(Candidate(*match.span("a"), "range_num", f"{match['a']} {match['unit']}"))
    return found


def _acceptable(doc: Doc, text: str, candidate: Candidate) -> Timex | None:
    """The probe normalisation of a candidate, or None when it should be dropped."""
    if candidate.kind == "year" and not is_year_like(doc, candidate.start, candidate.end):
        return None
    if candidate.kind == "month" and not is_month_name(doc, candidate.start, candidate.end):
        return None
    if candidate.kind in _DURATION_KINDS and is_age(text, candidate.start, candidate.end):
        return None
    span_text = text[candidate.start : candidate.end]
    if "\n" in span_text or is_ordinal_second(doc, candidate.end):
        return None
    if _COMPARATIVE_RE.search(span_text) and _THAN_RE.match(text, candidate.end):
        return None  # "a month earlier than usual": a comparison, not a date
    timex = normalize_timex(candidate.norm or span_text, ref=_PROBE)
    if timex is None:
        return None
    if (
        candidate.kind == "spacy"
        and timex.type == "DURATION"
        and is_age(text, candidate.start, candidate.end)
    ):
        return None
    return timex


def _select(doc: Doc, text: str, candidates: list[Candidate]) -> list[tuple[Candidate, Timex]]:
    """Longest acceptable candidates first, ours before spaCy's at equal length; each
    with its normalisation against a stand-in document date."""
    order = sorted(
        candidates,
        key=lambda c: (-(c.end - c.start), c.kind == "spacy", c.start),
    )
    taken: list[tuple[Candidate, Timex]] = []
    occupied = bytearray(len(text) + 1)
    for candidate in order:
        if any(occupied[candidate.start : candidate.end]):
            continue
        probe = _acceptable(doc, text, candidate)
        if probe is None:
            continue
        occupied[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
        taken.append((candidate, probe))
    taken.sort(key=lambda pair: pair[0].start)
    return taken


def _link_ranges(text: str, mentions: list[TimeMention]) -> None:
    for first, second in zip(mentions, mentions[1:], strict=False):
        between = text[first.end : second.start]
        if first.type != second.type or not RANGE_LINK_RE.match(between):
            continue
        opened = RANGE_OPEN_RE.search(text[max(0, first.start - 9) : first.start])
        if between.strip().lower() == "and" and not opened:
            continue
        first.end_value = second.value


def tag_times(doc: Doc, doc_id: str, dct: str | None) -> list[TimeMention]:
    """The temporal expressions of ``doc`` as TimeMentions, sorted and non-overlapping.

    ``dct`` is the document's publication date (ISO 8601) or None when unknown;
    relative expressions are then left with X placeholders or no value.
    """
    text = doc.text
    candidates = find_candidates(text) + _range_candidates(text)
    candidates += [
        Candidate(ent.start_char, ent.end_char, "spacy")
        for ent in doc.ents
        if ent.label_ in _SPACY_LABELS
    ]
    selected = _select(doc, text, candidates)
    if not selected:
        return []
    day = parse_dct(dct)
    dct_value = day.isoformat() if day else None
    sentence_starts = (
        [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
    )
    anchor: tuple[str, int] | None = None
    mentions: list[TimeMention] = []
    for candidate, probe in selected:
        sentence = bisect_right(sentence_starts, candidate.start)
        anchor_value, near = None, False
        if anchor is not None and sentence - anchor[1] <= _ANCHOR_SENTENCES:
            anchor_value, near = anchor[0], sentence == anchor[1]
        tense = clause_tense(doc, candidate.start, candidate.end)
        ref = Reference(day, anchor_value, tense, dct_value, near)
        span_text = text[candidate.start : candidate.end]
        timex = normalize_timex(candidate.norm or span_text, ref=ref)
        if timex is None:  # relative, and nothing to resolve it against
            timex = Timex(probe.type, None, probe.mod)
        elif timex.type == "DURATION" and (
            rate := rate_value(text, candidate.start, candidate.end)
        ):
            timex = Timex("SET", rate)
        mentions.append(
            TimeMention(
                doc=doc_id,
                start=candidate.start,
                end=candidate.end,
                text=span_text,
                type=timex.type,
                value=timex.value,
                mod=timex.mod,
                anchor=timex.anchor,
                end_value=timex.end_value,
            )
        )
        value = timex.value
        dated = timex.type in ("DATE", "TIME") and value and _DATED_RE.match(value)
        if dated and granularity(value[:10]) is not None:
            anchor = (value[:10] if timex.type == "TIME" else value, sentence)
    _link_ranges(text, mentions)
    return mentions
