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

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from rashomon.extract.timex.intervals import TimeSpan, time_span
from rashomon.model import Analysis, Document, Event, MentionRef

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
