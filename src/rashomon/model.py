"""The data model: the dataclasses that flow between the stages.

Every stage talks to the next only through these types:

``ingest`` yields :class:`Document` (or :class:`IngestError`), ``extract`` turns
one document into a :class:`DocumentAnalysis`, ``link`` turns all analyses
into an :class:`Analysis`, which ``store`` persists and ``report``/``api`` show.

All offsets are character offsets into :attr:`Document.text` (the cleaned
text), start inclusive, end exclusive, so every finding can be traced back to
the words behind it. The classes are plain dataclasses of built-in types so
that they pickle cheaply (Dask workers) and serialise to JSON directly
(:func:`to_dict`).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any

SCHEMA_VERSION = "rashomon/1.0"


@dataclass(slots=True)
class RemovedLine:
    """A line that ingest dropped as boilerplate, with the rule that dropped it."""

    text: str
    reason: str


@dataclass(slots=True)
class FieldSource:
    """Where one metadata field of a document came from, so a user can see why.

    ``method`` names the rule or library ("htmldate", "trafilatura", "dateline",
    "byline", "json:date_publish", "override"); ``evidence`` is the line or HTML
    element it read; ``confidence`` is 0..1.
    """

    field: str  # title | outlet | author | published
    method: str
    evidence: str | None = None
    confidence: float = 1.0


@dataclass(slots=True)
class Document:
    """One cleaned article. ``text`` is what every offset points into."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 date or date-time; None when unknown
    language: str | None = None
    boilerplate: list[RemovedLine] = field(default_factory=list)
    provenance: list[FieldSource] = field(default_factory=list)


@dataclass(slots=True)
class IngestError:
    """A file (or a line of one) that could not be read or analysed, and why.

    ``stage`` says where it failed: read, decode, parse, clean, extract."""

    source: str
    reason: str
    stage: str = "read"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(slots=True)
class Sentence:
    doc: str
    start: int
    end: int


@dataclass(slots=True)
class EntityMention:
    """A named-entity mention. ``key`` is the document-local name it resolves to
    (the full name for a short form: "Gaddafi" -> "Muammar Gaddafi")."""

    doc: str
    start: int
    end: int
    text: str
    type: str
    key: str


@dataclass(slots=True)
class TimeMention:
    """A TIMEX3-style temporal expression.

    ``type`` is DATE, TIME, DURATION or SET; ``value`` its TIMEX3 value
    ("2019-03-05", "2009-WI", "P3Y", "PXDE"); ``mod`` a TIMEX3 modifier such as
    START, END, MID, APPROX; ``anchor`` the value it was resolved against when it
    is relative ("Tuesday" against the document date). ``end_value`` holds the
    upper bound when the expression is a range ("from 2003 to 2005").
    """

    doc: str
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    anchor: str | None = None
    end_value: str | None = None


@dataclass(slots=True)
class Quantity:
    """A counted amount: "between 40 and 60 fighters" -> low 40, high 60."""

    doc: str
    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None
    counted: str | None = None


@dataclass(slots=True)
class Quote:
    """A direct quote or an indirect attribution, with its speaker and cue."""

    doc: str
    start: int
    end: int
    text: str
    speaker: str | None
    cue: str | None
    direct: bool
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: str | None = None  # filled by ``link``


@dataclass(slots=True)
class EventMention:
    """One mention of something that happened: a trigger word and its arguments.

    ``start``/``end`` cover the trigger ("battle", "signed", "was born");
    ``participants`` and ``place`` are document-local entity keys
    (:attr:`EntityMention.key`); the time is the normalised value of the date
    attached to the trigger, or inherited from its sentence, paragraph or the
    document date, as ``time_source`` says.
    """

    doc: str
    start: int
    end: int
    text: str
    lemma: str
    sentence_start: int
    sentence_end: int
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    time_value: str | None = None
    time_text: str | None = None
    time_source: str = "none"  # explicit | sentence | paragraph | document | none
    negated: bool = False


@dataclass(slots=True)
class FramingTerm:
    """A word or phrase one source uses for a target: a label ("militants",
    "regime"), an evaluative word near it ("brutal"), or scare quotes."""

    doc: str
    start: int
    end: int
    text: str
    kind: str  # label | evaluative | scare-quote
    target: str | None = None  # document-local entity key
    polarity: float | None = None  # -1 (negative) .. +1 (positive) where known


@dataclass(slots=True)
class FactMention:
    """One statement one source makes about one event: the slot it fills and its value.

    ``start``/``end`` cover the value as written ("five people", "on Sunday",
    "in Bountiful"); ``event_start``/``event_end`` the trigger of the
    :class:`EventMention` of the same document the statement is about. ``slot``
    is ``when``, ``where``, ``agent`` (who acted), ``patient`` (who was acted
    on), ``count:<role>`` (``count:killed``, ``count:injured``,
    ``count:arrested``, ``count:money`` ...) or ``outcome``; ``value`` is
    normalised (a TIMEX3 value, a document-local entity key, a number or range
    "4-6", an outcome lemma). ``attribution`` is who the source says said it
    ("police", "Reuters"), ``quoted`` whether the value sits inside a direct
    quotation, ``hedged`` whether the source marks it as uncertain ("reportedly",
    "may have"), ``revised`` whether it is given as an update ("rose to five"),
    ``superseded`` whether it is told as an earlier, since replaced figure ("early reports
    said four dead"),
    ``scope`` the place a toll is told for ("nine died in Dunmore district": a
    part of a disaster's toll, not a rival figure).
    """

    doc: str
    start: int
    end: int
    text: str
    slot: str
    value: str
    event_start: int
    event_end: int
    sentence_start: int
    sentence_end: int
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    negated: bool = False
    hedged: bool = False
    quoted: bool = False
    revised: bool = False  # given as an update of an earlier figure ("rose to five")
    superseded: bool = False  # told as an earlier figure ("early reports said four dead")
    scope: str | None = None  # a toll's own place, lowercased ("dunmore district")
    attribution: str | None = None
    attribution_start: int | None = None
    attribution_end: int | None = None


@dataclass(slots=True)
class DocumentAnalysis:
    """Everything ``extract`` found in one document."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    framing_terms: list[FramingTerm] = field(default_factory=list)
    facts: list[FactMention] = field(default_factory=list)
    words: int = 0


@dataclass(slots=True)
class MentionRef:
    doc: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class EntityCandidate:
    """A possible same-entity link that was not merged, kept for review."""

    entity: str
    score: float
    reason: str


@dataclass(slots=True)
class Entity:
    """One person, organisation or place across all its mentions."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[MentionRef] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)
    candidates: list[EntityCandidate] = field(default_factory=list)


@dataclass(slots=True)
class EventTime:
    value: str | None = None
    text: str | None = None


@dataclass(slots=True)
class Event:
    """One real-world happening across all the documents that report it."""

    id: str
    trigger: str
    summary: str
    time: EventTime = field(default_factory=EventTime)
    place: str | None = None  # entity id
    participants: list[str] = field(default_factory=list)  # entity ids
    mentions: list[MentionRef] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Passage:
    doc: str
    start: int
    end: int


@dataclass(slots=True)
class Reuse:
    """A passage of ``b`` copied (near-verbatim or lightly edited) from ``a``, or
    the other way round: ``earlier`` is the id of the document published first,
    None when the dates are unknown or equal."""

    a: Passage
    b: Passage
    words: int
    similarity: float
    earlier: str | None = None


@dataclass(slots=True)
class FactStatement:
    """One source's statement of a fact value, traceable to its span."""

    doc: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    attribution: str | None = None
    published: str | None = None
    copied_from: str | None = None  # the document this passage was copied from: one voice


@dataclass(slots=True)
class FactValue:
    """One value of a slot and the statements that give it (compatible wordings).

    ``sources`` are the independent documents: a copy counts as its original."""

    value: str  # normalised (corpus entity id for actors and places)
    label: str  # for people: "5 killed", "2019-03-02", "Bountiful"
    statements: list[FactStatement] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    denied: bool = False  # the statements say this one did not act / was not acted on


@dataclass(slots=True)
class FactConflict:
    """Two values of one slot that cannot both hold (a dispute), or a later
    report that changes an earlier one (a revision, ``a`` the earlier value)."""

    kind: str  # dispute | revision
    a: int  # index into Fact.values
    b: int
    reason: str  # number | date | place | actor | victim | negation | outcome
    confidence: float
    note: str


# Why two values that cannot both hold were not called a dispute or a revision:
# code -> the sentence a reader is shown. The link stage writes the codes, the
# report and the API show the sentences; a finding the comparison abstains on is
# shown with its reason, never silently dropped.
HELD_BACK_REASONS: dict[str, str] = {
    "same-source": "one source gives both values (its own update, or two things read as one)",
    "several-answers": "a source gives both values: here the slot has several answers "
    "(two incidents, two parts of one figure)",
    "other-detail": "the two sentences differ on another detail (a day, a place, a person, "
    "a figure): they may tell two happenings",
    "no-shared-detail": "the two sentences share no other detail that shows they tell "
    "the same thing",
    "order-unknown": "a figure that changes as a story develops, in reports without a "
    "date: an update cannot be told from a dispute",
    "both-named": "each source also names the other's value: two participants",
    "organisation": "an organisation or a place acts through its units and parts",
    "other-place": "the two figures are told for different places: one may be a part "
    "of the other (a village's toll and the whole quake's)",
    "smaller-part": "the report gives a larger figure elsewhere: its smaller one counts "
    "a part (one village, one hospital) or an earlier happening",
    "superseded": "one source tells its figure as an earlier one, since replaced; told "
    "in another report than the figure now, it may be another happening's",
    "same-weekday": "both sources name the same weekday; only their reports' dates put "
    "it on two days",
    "dates-far-apart": "the dates are further apart than the reports are old: two happenings",
    "date-ahead": "a date after its report: a plan or a forecast",
    "denied": "one of the values is denied, not stated",
    "hedged": "approximate or hedged wording: too weak to call a dispute",
}


@dataclass(slots=True)
class FactDifference:
    """Two values of one slot that cannot both hold, on which the comparison
    abstained: neither a dispute nor a revision, for the reason ``why``."""

    a: int  # index into Fact.values
    b: int
    why: str  # a key of HELD_BACK_REASONS


@dataclass(slots=True)
class Fact:
    """One slot of one event across the sources: who agrees, disputes, revises, omits."""

    id: str
    event: str  # event id
    slot: str
    status: str  # agreed | disputed | revised | uncertain (incompatible, abstained) | single
    values: list[FactValue] = field(default_factory=list)
    conflicts: list[FactConflict] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)  # docs reporting the event, silent here
    held_back: list[FactDifference] = field(default_factory=list)  # abstained, with why

    def agreed_values(self) -> list[FactValue]:
        """The values two or more independent sources give, where no dispute or revision
        is called: an agreement among those sources, also when another value stands
        apart unjudged ("uncertain": four reports say Thursday, one says Friday)."""
        if self.status not in ("agreed", "uncertain"):
            return []
        return [v for v in self.values if len(v.sources) >= 2]


@dataclass(slots=True)
class FramingWord:
    """A word one source uses for a referent, with whether it is the writer's own."""

    doc: str
    start: int
    end: int
    text: str
    kind: str  # label | action | evaluative | scare-quote
    quoted: bool = False  # inside someone else's quotation, not the writer's own words
    polarity: float | None = None


@dataclass(slots=True)
class Framing:
    """How each source words one target (an entity or event id): its words and stance."""

    target: str
    labels: dict[str, list[str]] = field(default_factory=dict)  # doc id -> terms
    target_kind: str = "entity"  # entity | event
    name: str = ""
    words: dict[str, list[FramingWord]] = field(default_factory=dict)  # doc id -> words
    stance: dict[str, str] = field(default_factory=dict)  # doc id -> positive|negative|neutral
    evidence: dict[str, list[MentionRef]] = field(default_factory=dict)  # doc id -> sentences


@dataclass(slots=True)
class Analysis:
    """The whole result: what ``store`` keeps and ``report`` shows."""

    documents: list[Document] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timelines: dict[str, list[str]] = field(default_factory=dict)  # entity id -> event ids
    stories: dict[str, str] = field(default_factory=dict)  # doc id -> its story's first doc id
    facts: list[Fact] = field(default_factory=list)
    reuse: list[Reuse] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    duplicates: list[dict[str, str]] = field(default_factory=list)
    schema: str = SCHEMA_VERSION


_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_dict(obj: Any) -> Any:
    """A dataclass (or list of them) as plain JSON-ready data.

    Called on every item of the corpus for the store and for each export, so the
    common types are told apart by ``type()`` and a dataclass's field names are
    looked up once per class (:func:`_field_names`), not per object."""
    cls = type(obj)
    if cls in _PLAIN:
        return obj
    if cls is list:
        return [to_dict(item) for item in obj]
    if cls is dict:
        return {key: to_dict(value) for key, value in obj.items()}
    names = _field_names(cls)
    if names is not None:
        return {name: to_dict(getattr(obj, name)) for name in names}
    if isinstance(obj, list):
        return [to_dict(item) for item in obj]
    if isinstance(obj, dict):
        return {key: to_dict(value) for key, value in obj.items()}
    return obj


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass, in order; None for any other class."""
    if dataclasses.is_dataclass(cls) and isinstance(cls, type):
        return tuple(f.name for f in dataclasses.fields(cls))
    return None


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(options[0], data) if len(options) == 1 else data
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_build(item, x) for x in data]
    if origin is dict:
        _, value = typing.get_args(tp)
        return {k: _build(value, v) for k, v in data.items()}
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, data)
    return data


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """The inverse of :func:`to_dict` for a dataclass of this module."""
    hints = _hints(cls)
    return cls(
        **{name: _build(hints[name], value) for name, value in data.items() if name in hints}
    )
