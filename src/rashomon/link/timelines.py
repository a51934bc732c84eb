"""Timelines: for each entity, the events it takes part in, in time order.

An event's date is the TIMEX3 value linking gave it (``Event.time.value``). A
value names an *interval*, not a point, at the granularity the words gave:
"2008" is the whole year, "2008-03" a month, "2008-W09" an ISO week,
"2008-Q1" a quarter, "2009-WI" the winter that starts in December 2009,
"200" the 2000s. :func:`time_span` turns a value into that interval;
"2008-XX-XX" is read as the year and "2008-03-XX" as the month, while a value
with no year ("XXXX-03-01"), a duration ("P3Y") or a set has no place on a
timeline and counts as undated.

The order follows the SemEval-2015 TimeLine convention (Minard et al. 2015):
events anchored in time are ordered by their date, and events with the same
date are simultaneous (they share a position). Between intervals of different
sizes the order is by start, and for equal starts the coarser interval comes
first: "2008" < "2008-01" < "2008-01-01" < "2008-03-01" < "2009" (so an event
dated only "in 2007" sits at the head of 2007, before "2007-02-28", as in the
task's gold timelines). The deictic references are read against the date of
the document that reports the event: PRESENT_REF is that day; PAST_REF ("recently",
"previously") is the open interval before it and is placed just before that
day; FUTURE_REF just after it.

Events without a usable date come after the dated ones, in document order:
the publication date of the first document that reports them (documents
without a date last), then the order of the documents in the corpus, then
the character offset of the mention. :class:`TimelineRow` marks them
``undated`` so that no reader takes their place for a date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from rashomon.model import Analysis, Document, Event, MentionRef

_DAY = timedelta(days=1)
_SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}  # start month, months
_PARTS_OF_DAY = {"MO": (6, 12), "AF": (12, 18), "EV": (18, 22), "NI": (21, 24), "DT": (8, 18)}
_REFS = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}

_DATE_RE = re.compile(
    r"^(?P<y>\d{4}|XXXX)"
    r"(?:-(?:(?P<m>\d\d|XX)(?:-(?P<d>\d\d|XX))?"
    r"|W(?P<w>\d\d)(?:-(?P<wd>[1-7]|WE))?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T(?P<time>.*))?$"
)
_COARSE_RE = re.compile(r"^(?P<digits>\d{2,3})X{0,2}$")  # "200" / "200X" decade, "19" century
_TIME_RE = re.compile(r"^(?P<h>\d\d)(?::?(?P<mi>\d\d)(?::?(?P<s>\d\d)(?:\.\d+)?)?)?")


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """The interval a TIMEX3 value covers: ``start`` inclusive, ``end`` exclusive.

    ``open_start``/``open_end`` mark PAST_REF and FUTURE_REF, whose far end is
    unknown (``start``/``end`` then equal the reference day's bound)."""

    value: str
    start: datetime
    end: datetime
    open_start: bool = False
    open_end: bool = False

    @property
    def sort_key(self) -> tuple[datetime, float]:
        """Start first, then the longer interval first (coarser before finer)."""
        if self.open_start:  # just before the reference day
            return (self.end, float("-inf"))
        if self.open_end:  # just after it
            return (self.start, float("-inf"))
        return (self.start, -(self.end - self.start).total_seconds())

    @property
    def label(self) -> str:
        """The value as a reader should see it."""
        if self.open_start:
            return f"before {self.end.date().isoformat()}"
        if self.open_end:
            return f"after {(self.start - _DAY).date().isoformat()}"
        if self.value == "PRESENT_REF":
            return self.start.date().isoformat()
        return self.value


def _reference_day(reference: date | str | None) -> date | None:
    if reference is None or isinstance(reference, date):
        return reference
    match = re.match(r"\s*(\d{4})-(\d\d)-(\d\d)", reference)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _month_add(year: int, month: int, months: int) -> datetime:
    index = year * 12 + (month - 1) + months
    return datetime(index // 12, index % 12 + 1, 1)


def _time_of_day(day: datetime, text: str) -> tuple[datetime, datetime] | None:
    if text[:2] in _PARTS_OF_DAY:
        first, last = _PARTS_OF_DAY[text[:2]]
        return day + timedelta(hours=first), day + timedelta(hours=last)
    match = _TIME_RE.match(text)
    if not match or int(match["h"]) > 24:
        return None
    start = day + timedelta(hours=int(match["h"]))
    if match["s"]:
        start += timedelta(minutes=int(match["mi"]), seconds=int(match["s"]))
        return start, start + timedelta(seconds=1)
    if match["mi"]:
        start += timedelta(minutes=int(match["mi"]))
        return start, start + timedelta(minutes=1)
    return start, start + timedelta(hours=1)


def _date_bounds(match: re.Match[str]) -> tuple[datetime, datetime] | None:
    year = int(match["y"])
    if match["w"]:
        week = date.fromisocalendar(year, int(match["w"]), 1)
        monday = datetime.combine(week, datetime.min.time())
        if match["wd"] == "WE":
            return monday + 5 * _DAY, monday + 7 * _DAY
        if match["wd"]:
            day = monday + (int(match["wd"]) - 1) * _DAY
            return day, day + _DAY
        return monday, monday + 7 * _DAY
    if match["q"] or match["h"]:
        months = 3 if match["q"] else 6
        part = int(match["q"] or match["h"])
        return _month_add(year, 1, months * (part - 1)), _month_add(year, 1, months * part)
    if match["s"]:
        first, months = _SEASONS[match["s"]]
        return _month_add(year, first, 0), _month_add(year, first, months)
    month = match["m"]
    if not month or month == "XX":
        return datetime(year, 1, 1), datetime(year + 1, 1, 1)
    day = match["d"]
    if not day or day == "XX":
        return _month_add(year, int(month), 0), _month_add(year, int(month), 1)
    start = datetime(year, int(month), int(day))
    if match["time"]:
        return _time_of_day(start, match["time"]) or (start, start + _DAY)
    return start, start + _DAY


def time_span(value: str | None, reference: date | str | None = None) -> TimeSpan | None:
    """The interval of a TIMEX3 date value, or ``None`` when it cannot be placed.

    ``reference`` (a date or an ISO date string: the publication date of the
    reporting document) resolves PAST_REF, PRESENT_REF and FUTURE_REF.
    """
    if not value:
        return None
    value = value.strip()
    if value in _REFS:
        day = _reference_day(reference)
        if day is None:
            return None
        start = datetime.combine(day, datetime.min.time())
        if value == "PAST_REF":
            return TimeSpan(value, start, start, open_start=True)
        if value == "FUTURE_REF":
            return TimeSpan(value, start + _DAY, start + _DAY, open_end=True)
        return TimeSpan(value, start, start + _DAY)
    coarse = _COARSE_RE.match(value)
    if coarse:  # decade ("200") or century ("19")
        digits = coarse["digits"]
        size = 10 if len(digits) == 3 else 100
        first = int(digits) * size
        if first < 1:
            return None
        return TimeSpan(value, datetime(first, 1, 1), datetime(first + size, 1, 1))
    match = _DATE_RE.match(value)
    if not match or match["y"] == "XXXX":
        return None
    try:
        bounds = _date_bounds(match)
    except (ValueError, OverflowError):
        return None
    if bounds is None:
        return None
    return TimeSpan(value, *bounds)


# ---------------------------------------------------------------------------
# Ordering the events of a corpus


def _document_positions(documents: Sequence[Document]) -> dict[str, tuple[int, str, int]]:
    """doc id -> (0 when dated else 1, publication date, index in the corpus)."""
    positions: dict[str, tuple[int, str, int]] = {}
    for index, doc in enumerate(documents):
        published = (doc.published or "").strip()
        positions[doc.id] = (0 if published else 1, published, index)
    return positions


def _first_mention(
    event: Event, positions: dict[str, tuple[int, str, int]]
) -> tuple[tuple[int, str, int], int]:
    """The earliest report of ``event`` in document order, as a sort key."""
    unknown = (2, "", len(positions))
    keys = [(positions.get(m.doc, unknown), m.start) for m in event.mentions]
    keys += [(positions.get(doc, unknown), 0) for doc in event.docs if not event.mentions]
    return min(keys) if keys else (unknown, 0)


def _reference_for(event: Event, positions: dict[str, tuple[int, str, int]]) -> str | None:
    """The publication date of the first document that reports the event."""
    (dated, published, _), _ = _first_mention(event, positions)
    return published if dated == 0 else None


def event_span(event: Event, documents: Sequence[Document]) -> TimeSpan | None:
    """The interval of an event's date, deictic values read against its first report."""
    return time_span(event.time.value, _reference_for(event, _document_positions(documents)))


def order_events(events: Sequence[Event], documents: Sequence[Document]) -> list[Event]:
    """Dated events by date (coarser first on equal starts), then undated by document order."""
    positions = _document_positions(documents)
    dated: list[tuple[tuple[datetime, float], tuple[tuple[int, str, int], int], int, Event]] = []
    undated: list[tuple[tuple[tuple[int, str, int], int], int, Event]] = []
    for index, event in enumerate(events):
        report = _first_mention(event, positions)
        span = time_span(event.time.value, _reference_for(event, positions))
        if span is None:
            undated.append((report, index, event))
        else:
            dated.append((span.sort_key, report, index, event))
    dated.sort(key=lambda item: item[:3])
    undated.sort(key=lambda item: item[:2])
    return [item[-1] for item in dated] + [item[-1] for item in undated]


def event_entities(event: Event) -> list[str]:
    """The entity ids an event involves: its participants, then its place."""
    ids = list(dict.fromkeys(event.participants))
    if event.place and event.place not in ids:
        ids.append(event.place)
    return ids


def build_timelines(events: Sequence[Event], documents: Sequence[Document]) -> dict[str, list[str]]:
    """For every entity that takes part in (or is the place of) an event, its event
    ids in time order; undated events last, in document order (see the module doc)."""
    timelines: dict[str, list[str]] = {}
    for event in order_events(events, documents):
        for entity in event_entities(event):
            timelines.setdefault(entity, []).append(event.id)
    return timelines


# ---------------------------------------------------------------------------
# Rows for rendering


@dataclass(slots=True)
class Source:
    """A document that reports an event."""

    doc: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None

    @property
    def label(self) -> str:
        return self.outlet or self.title or self.doc


@dataclass(slots=True)
class TimelineRow:
    """One event on an entity's timeline, ready to show.

    ``date`` is the TIMEX3 value (``None`` when undated), ``date_label`` how to
    show it, ``position`` its place on the timeline: rows with equal dates
    share a position (simultaneous, as in SemEval-2015 TimeLine), undated rows
    have position 0 and ``undated`` set (they are placed by document order).
    """

    event: str
    position: int
    date: str | None
    date_label: str
    date_text: str | None
    undated: bool
    summary: str
    trigger: str
    sources: list[Source] = field(default_factory=list)
    mentions: list[MentionRef] = field(default_factory=list)
    span: TimeSpan | None = None


def _sources(event: Event, docs: dict[str, Document]) -> list[Source]:
    ids = list(dict.fromkeys([m.doc for m in event.mentions] + list(event.docs)))
    sources = []
    for doc_id in ids:
        doc = docs.get(doc_id)
        if doc is None:
            sources.append(Source(doc_id))
        else:
            sources.append(Source(doc_id, doc.outlet, doc.title, doc.published))
    return sorted(sources, key=lambda s: (s.published is None, s.published or "", ids.index(s.doc)))


def timeline_rows(analysis: Analysis, entity_id: str) -> list[TimelineRow]:
    """The rows of ``entity_id``'s timeline: ``analysis.timelines`` when it has
    the entity, else built from ``analysis.events``."""
    by_id = {event.id: event for event in analysis.events}
    ids = analysis.timelines.get(entity_id)
    if ids is None:
        ids = build_timelines(analysis.events, analysis.documents).get(entity_id, [])
    events = [by_id[i] for i in ids if i in by_id]
    positions = _document_positions(analysis.documents)
    docs = {doc.id: doc for doc in analysis.documents}
    rows: list[TimelineRow] = []
    position = 0
    previous: tuple[datetime, datetime] | None = None
    for event in events:
        span = time_span(event.time.value, _reference_for(event, positions))
        if span is not None:
            bounds = (span.start, span.end) if not (span.open_start or span.open_end) else None
            if bounds is None or bounds != previous:
                position += 1
            previous = bounds
        rows.append(
            TimelineRow(
                event=event.id,
                position=position if span is not None else 0,
                date=span.value if span else None,
                date_label=span.label if span else "undated",
                date_text=event.time.text,
                undated=span is None,
                summary=event.summary or event.trigger,
                trigger=event.trigger,
                sources=_sources(event, docs),
                mentions=list(event.mentions),
                span=span,
            )
        )
    return rows
