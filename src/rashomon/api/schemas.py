"""The JSON shapes of the API, for ``/openapi.json`` and response validation.

The pages' dicts are built in :mod:`rashomon.report.pages`; these models
describe them. Every model allows extra fields, so a field added there is
passed through rather than silently dropped.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Window(Open):
    total: int
    offset: int
    limit: int


class DocumentMeta(Open):
    id: str
    source: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    words: int | None = None


class DocumentList(Window):
    documents: list[DocumentMeta]


class OutletRow(Open):
    outlet: str
    documents: int
    words: int
    first: str | None = None
    last: str | None = None


class CoverageSeries(Open):
    outlet: str
    counts: list[int]


class Coverage(Open):
    unit: str
    periods: list[str]
    x: list[int]
    total: list[int]
    series: list[CoverageSeries]
    undated: int


class EventCard(Open):
    id: str
    trigger: str
    summary: str
    date: str | None = None
    date_label: str
    sources: int
    facts: int
    disputed: int


class ValueCount(Open):
    label: str | None = None
    sources: int


class Conflict(Open):
    kind: str | None = None
    a: int | None = None
    b: int | None = None
    reason: str | None = None
    confidence: float | None = None
    note: str | None = None


class FactCard(Open):
    id: str
    event: str
    event_summary: str
    slot: str
    slot_label: str
    status: str
    values: list[ValueCount]
    conflicts: list[Conflict]
    omitted: int


class FramingCell(Open):
    stance: str
    score: float
    counts: dict[str, int]
    labels: list[str]
    docs: list[str]


class FramingRow(Open):
    target: str
    name: str
    cells: list[FramingCell | None]


class FramingMatrix(Open):
    columns: list[str]
    rows: list[FramingRow]


class Overview(Open):
    counts: dict[str, int]
    dates: dict[str, Any]
    outlets: list[OutletRow]
    coverage: Coverage
    top_events: list[EventCard]
    disputed: list[FactCard]
    framing: FramingMatrix
    errors: list[dict[str, str]]
    event_types: list[str]


class Span(Open):
    start: int
    end: int
    kind: str
    label: str


class DocumentPage(Open):
    document: dict[str, Any]
    spans: list[Span]
    times: list[dict[str, Any]]
    quantities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    events: list[dict[str, Any]]
    reuse: list[dict[str, Any]]


class Passage(Open):
    start: int
    text: str
    marks: list[list[int]]


class Statement(Open):
    doc: str
    source: str
    text: str
    attribution: str | None = None
    passage: Passage


class DisputeSide(Open):
    label: str | None = None
    sources: list[str]
    statements: list[Statement]


class Dispute(Open):
    id: str
    fact: str
    slot: str
    slot_label: str
    kind: str | None = None
    reason: str | None = None
    note: str | None = None
    a: DisputeSide
    b: DisputeSide


class MatrixCell(Open):
    role: str
    value: str | None = None
    note: str | None = None


class HeldBackPair(Open):
    fact: str
    slot_label: str
    a: str
    b: str
    a_sources: list[str]
    b_sources: list[str]
    why: str


class EventPage(Open):
    event: dict[str, Any]
    sources: list[dict[str, Any]]
    facts: list[FactCard]
    matrix: list[list[MatrixCell | None]]
    disputes: list[Dispute]
    held_back: list[HeldBackPair] = []
    framing_of: str
    framing: list[dict[str, Any]]


class TimelineRow(Open):
    event: str
    position: int
    date: str | None = None
    date_label: str
    undated: bool
    summary: str
    start: float | None = None
    end: float | None = None
    sources: list[dict[str, str]]


class Timeline(Window):
    rows: list[TimelineRow]


class Graph(Open):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


class EntityPage(Open):
    entity: dict[str, Any]
    timeline: Timeline
    labels: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    graph: Graph
    documents: list[dict[str, Any]]


class EntityRow(Open):
    id: str
    name: str
    type: str | None = None
    docs: int
    mentions: int


class EntityList(Window):
    entities: list[EntityRow]


class ReuseCard(Open):
    index: int
    a: dict[str, Any]
    b: dict[str, Any]
    words: int | None = None
    similarity: float | None = None
    earlier: str | None = None
    snippet: str


class ReuseList(Window):
    items: list[ReuseCard]


class ReusePage(ReuseCard):
    direction: str


class SearchPage(Window):
    query: dict[str, Any]
    documents: list[dict[str, Any]]
    entities: list[EntityRow]
    entities_total: int
    outlets: list[str]
    event_types: list[str]


class Job(Open):
    id: str
    state: str  # queued | reading | extracting | linking | done | failed
    message: str
    total: int
    done: int
    added: list[str]
    errors: list[str]


class ServerInfo(Open):
    writes: bool
    store: str
    documents: int
