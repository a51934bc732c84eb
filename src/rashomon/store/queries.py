"""Read-only, paginated queries over a store that ``analyze`` wrote, for the pages.

:class:`~rashomon.store.sqlite.Store` loads a whole analysis; a page needs
one screenful of it. These functions read only what a page shows, with
``LIMIT``/``OFFSET`` and the store's indexes, so a page of a 10,000-document
store opens in well under a second. They never write: :func:`connect_readonly`
opens the file with SQLite's ``mode=ro``.

The corpus-wide results (events, facts, reuse, framing) are JSON rows of
``corpus_items`` with no index by id. :func:`build_index` reads the few fields
a page needs to find a row (an event's id and number of sources, a fact's
event and status, the documents a fact or a copied passage involves) once,
with SQLite's own JSON functions, into a :class:`CorpusIndex`; pages then fetch
only their rows by ``rowid``. The index is rebuilt when the store changes
(:func:`store_version`).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOCUMENT_COLUMNS = ("id", "source", "title", "outlet", "author", "published", "words")


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to ``path`` (which must be an existing store)."""
    resolved = Path(path).resolve()
    if not resolved.is_file():
        raise FileNotFoundError(f"{path}: no such store")
    db = sqlite3.connect(f"{resolved.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    db.row_factory = sqlite3.Row
    return db


def store_version(path: str | Path) -> tuple[int, ...]:
    """Changes whenever the store file (or its write-ahead log) is written."""
    stamps: list[int] = []
    for suffix in ("", "-wal"):
        try:
            stat = Path(f"{path}{suffix}").stat()
        except FileNotFoundError:
            stamps += [0, 0]
        else:
            stamps += [stat.st_mtime_ns, stat.st_size]
    return tuple(stamps)


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def _as_dicts(rows: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in rows]


# --- the corpus index ---------------------------------------------------------


@dataclass
class EventEntry:
    rowid: int
    id: str
    trigger: str
    sources: int
    time: str | None


@dataclass
class FactEntry:
    rowid: int
    id: str
    event: str
    slot: str
    status: str
    conflicts: int
    sources: int


@dataclass
class CorpusIndex:
    """Where each corpus-wide item is, and the few numbers pages sort by."""

    events: dict[str, EventEntry] = field(default_factory=dict)
    events_by_sources: list[str] = field(default_factory=list)  # ids, most sources first
    facts: dict[str, FactEntry] = field(default_factory=dict)
    facts_by_event: dict[str, list[str]] = field(default_factory=dict)
    facts_by_doc: dict[str, list[str]] = field(default_factory=dict)
    events_by_doc: dict[str, list[str]] = field(default_factory=dict)  # events of 2+ sources
    reuse: list[tuple[int, str, str, int]] = field(default_factory=list)  # rowid, a, b, words
    framing: dict[str, int] = field(default_factory=dict)  # target id -> rowid
    framing_by_kind: dict[str, list[str]] = field(default_factory=dict)
    framing_sources: dict[str, int] = field(default_factory=dict)  # target -> stance docs
    entities_by_doc: dict[str, list[str]] = field(default_factory=dict)
    entity_docs: dict[str, int] = field(default_factory=dict)  # entity id -> documents
    entity_mentions: dict[str, int] = field(default_factory=dict)
    triggers: Counter[str] = field(default_factory=Counter)  # event type -> events
    entities_by_docs: list[str] = field(default_factory=list)  # ids, most documents first
    counts: dict[str, int] = field(default_factory=dict)  # rows per kind of finding

    @property
    def disputed(self) -> list[FactEntry]:
        """Facts with a dispute or revision, the most contested first."""
        contested = [f for f in self.facts.values() if f.conflicts]
        return sorted(contested, key=lambda f: (-f.conflicts, -f.sources, f.id))


def build_index(db: sqlite3.Connection) -> CorpusIndex:
    """Read the corpus-wide rows' keys once (see the module doc)."""
    index = CorpusIndex()
    for rowid, eid, trigger, sources, time, docs in db.execute(
        "SELECT rowid, json_extract(data, '$.id'), json_extract(data, '$.trigger'), "
        "json_array_length(data, '$.docs'), json_extract(data, '$.time.value'), "
        "json_extract(data, '$.docs') FROM corpus_items WHERE kind = 'events'"
    ):
        index.events[eid] = EventEntry(rowid, eid, trigger or "", sources or 0, time)
        index.triggers[trigger or ""] += 1
        if (sources or 0) >= 2:
            for doc in dict.fromkeys(json.loads(docs)):
                index.events_by_doc.setdefault(doc, []).append(eid)
    index.events_by_sources = sorted(
        index.events, key=lambda e: (-index.events[e].sources, index.events[e].rowid)
    )
    for rowid, fid, event, slot, status, conflicts in db.execute(
        "SELECT rowid, json_extract(data, '$.id'), json_extract(data, '$.event'), "
        "json_extract(data, '$.slot'), json_extract(data, '$.status'), "
        "json_array_length(data, '$.conflicts') FROM corpus_items WHERE kind = 'facts'"
    ):
        index.facts[fid] = FactEntry(rowid, fid, event, slot or "", status or "", conflicts or 0, 0)
        index.facts_by_event.setdefault(event, []).append(fid)
    fact_docs: dict[str, set[str]] = defaultdict(set)
    for fid, doc in db.execute(
        "SELECT json_extract(c.data, '$.id'), json_extract(s.value, '$.doc') "
        "FROM corpus_items AS c, json_each(c.data, '$.values') AS v, "
        "json_each(v.value, '$.statements') AS s WHERE c.kind = 'facts'"
    ):
        fact_docs[fid].add(doc)
    for fid, docs in fact_docs.items():
        index.facts[fid].sources = len(docs)
        for doc in docs:
            index.facts_by_doc.setdefault(doc, []).append(fid)
    index.reuse = [
        (rowid, a, b, words or 0)
        for rowid, a, b, words in db.execute(
            "SELECT rowid, json_extract(data, '$.a.doc'), json_extract(data, '$.b.doc'), "
            "json_extract(data, '$.words') FROM corpus_items WHERE kind = 'reuse' "
            "ORDER BY json_extract(data, '$.words') DESC, rowid"
        )
    ]
    for rowid, target, kind, sources in db.execute(
        "SELECT rowid, json_extract(data, '$.target'), "
        "coalesce(json_extract(data, '$.target_kind'), 'entity'), "
        "(SELECT count(*) FROM json_each(data, '$.stance')) "
        "FROM corpus_items WHERE kind = 'framing'"
    ):
        index.framing[target] = rowid
        index.framing_by_kind.setdefault(kind, []).append(target)
        index.framing_sources[target] = sources
    for doc, entity_id in db.execute("SELECT DISTINCT doc, entity FROM entity_links"):
        index.entities_by_doc.setdefault(doc, []).append(entity_id)
    for entity, mentions, docs in db.execute(
        "SELECT entity, count(*), count(DISTINCT doc) FROM entity_links GROUP BY entity"
    ):
        index.entity_mentions[entity] = mentions
        index.entity_docs[entity] = docs
    index.entities_by_docs = sorted(
        index.entity_docs,
        key=lambda e: (-index.entity_docs[e], -index.entity_mentions[e], e),
    )
    index.counts = counts(db, index)
    return index


def items(db: sqlite3.Connection, rowids: list[int]) -> list[dict[str, Any]]:
    """Corpus-wide items (events, facts, ...) by rowid, in the order asked."""
    if not rowids:
        return []
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for rowid, data in db.execute(
            f"SELECT rowid, data FROM corpus_items WHERE rowid IN ({marks})", chunk
        ):
            found[rowid] = json.loads(data)
    return [found[r] for r in rowids if r in found]


# --- documents ----------------------------------------------------------------


def document_filter(
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    event_type: str | None = None,
    text: str | None = None,
) -> tuple[str, list[Any]]:
    """A ``WHERE`` clause (and its parameters) over ``documents``."""
    clauses: list[str] = []
    params: list[Any] = []
    if outlet:
        clauses.append("coalesce(outlet, '') = ?")
        params.append(outlet)
    if since:
        clauses.append("published >= ?")
        params.append(since)
    if until:
        clauses.append("substr(published, 1, ?) <= ?")
        params += [len(until), until]
    if entity:
        clauses.append("id IN (SELECT doc FROM entity_links WHERE entity = ?)")
        params.append(entity)
    if event_type:
        clauses.append("id IN (SELECT doc FROM event_mentions WHERE lemma = ?)")
        params.append(event_type)
    if text:
        clauses.append("(instr(lower(text), ?) > 0 OR instr(lower(coalesce(title, '')), ?) > 0)")
        params += [text.lower(), text.lower()]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_documents(
    db: sqlite3.Connection, offset: int = 0, limit: int = 50, order: str = "published", **filters
) -> tuple[int, list[dict[str, Any]]]:
    """(total, one page of documents) matching ``filters`` (see :func:`document_filter`)."""
    where, params = document_filter(**filters)
    total = db.execute(f"SELECT count(*) FROM documents{where}", params).fetchone()[0]
    extra = ", leaning" if "leaning" in _columns(db, "documents") else ""
    sort = "published IS NULL, published, rowid" if order == "published" else "rowid"
    rows = db.execute(
        f"SELECT {', '.join(DOCUMENT_COLUMNS)}{extra} FROM documents{where} "
        f"ORDER BY {sort} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return total, _as_dicts(rows)


def documents_meta(db: sqlite3.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Id -> the metadata (no text) of the documents ``ids``."""
    out: dict[str, dict[str, Any]] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents WHERE id IN ({marks})", chunk
        ):
            out[row["id"]] = dict(row)
    return out


def document(db: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """One document with its text, metadata provenance and removed boilerplate."""
    row = db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    doc = dict(row)
    doc.pop("extractor", None)
    doc["provenance"] = json.loads(doc.get("provenance") or "[]")
    doc["boilerplate"] = _as_dicts(
        db.execute(
            "SELECT text, reason FROM boilerplate WHERE doc = ? ORDER BY position", (doc_id,)
        )
    )
    return doc


def texts(db: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """Id -> cleaned text of the documents ``ids``."""
    unique = list(dict.fromkeys(ids))
    marks = ",".join("?" * len(unique))
    return dict(db.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", unique))


def findings(db: sqlite3.Connection, table: str, doc_id: str) -> list[dict[str, Any]]:
    """The rows of one per-document finding table (times, quantities, quotes...) for a doc."""
    if table not in {"times", "quantities", "quotes", "event_mentions"}:
        raise ValueError(f"not a finding table: {table}")
    return _as_dicts(db.execute(f"SELECT * FROM {table} WHERE doc = ? ORDER BY start", (doc_id,)))


def document_entities(
    db: sqlite3.Connection, doc_id: str, entity_ids: list[str]
) -> list[dict[str, Any]]:
    """The mentions in a document of the entities ``entity_ids`` (those it names, from
    :attr:`CorpusIndex.entities_by_doc`: the links are indexed by entity, not document)."""
    rows: list[dict[str, Any]] = []
    for start in range(0, len(entity_ids), 500):
        chunk = entity_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows += _as_dicts(
            db.execute(
                'SELECT l.start, l."end", l.text, e.id AS entity, e.name, e.type '
                "FROM entity_links AS l JOIN entities AS e ON e.id = l.entity "
                f"WHERE l.entity IN ({marks}) AND l.doc = ?",
                [*chunk, doc_id],
            )
        )
    return sorted(rows, key=lambda r: (r["start"], r["end"]))


def outlets(db: sqlite3.Connection, limit: int = 200) -> list[dict[str, Any]]:
    """Each outlet (``""`` when unknown) with its documents, words and first/last date."""
    extra = (
        ", group_concat(DISTINCT leaning) AS leaning"
        if "leaning" in _columns(db, "documents")
        else ""
    )
    return _as_dicts(
        db.execute(
            "SELECT coalesce(outlet, '') AS outlet, count(*) AS documents, "
            "sum(coalesce(words, 0)) AS words, min(published) AS first, max(published) AS last"
            f"{extra} FROM documents GROUP BY coalesce(outlet, '') "
            "ORDER BY documents DESC, outlet LIMIT ?",
            (limit,),
        )
    )


def coverage(db: sqlite3.Connection, width: int) -> list[tuple[str, str, int]]:
    """(period, outlet, documents) with the period the first ``width`` characters of
    the date (7: month, 10: day)."""
    return [
        tuple(row)
        for row in db.execute(
            "SELECT substr(published, 1, ?) AS period, coalesce(outlet, ''), count(*) "
            "FROM documents WHERE published IS NOT NULL AND length(published) >= ? "
            "GROUP BY period, coalesce(outlet, '') ORDER BY period",
            (width, width),
        )
    ]


def date_range(db: sqlite3.Connection) -> tuple[str | None, str | None, int]:
    """The first and last publication dates, and how many documents have none."""
    first, last = db.execute("SELECT min(published), max(published) FROM documents").fetchone()
    undated = db.execute("SELECT count(*) FROM documents WHERE published IS NULL").fetchone()[0]
    return first, last, undated


def counts(db: sqlite3.Connection, index: CorpusIndex) -> dict[str, int]:
    """Rows per kind of finding, for the overview's headline (corpus-wide ones from the
    index: counting ``corpus_items`` by kind would read every JSON row)."""
    out = {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("documents", "entities", "times", "quantities", "quotes", "errors")
    }
    out.update(
        events=len(index.events),
        facts=len(index.facts),
        reuse=len(index.reuse),
        framing=len(index.framing),
    )
    return out


def errors(db: sqlite3.Connection, limit: int = 100) -> list[dict[str, Any]]:
    return _as_dicts(db.execute("SELECT source, reason FROM errors LIMIT ?", (limit,)))


# --- entities -----------------------------------------------------------------


def entity(db: sqlite3.Connection, entity_id: str) -> dict[str, Any] | None:
    """One entity with its aliases and the look-alikes kept apart from it."""
    row = db.execute("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    out = dict(row)
    out["aliases"] = [
        a for (a,) in db.execute("SELECT alias FROM entity_aliases WHERE entity = ?", (entity_id,))
    ]
    out["candidates"] = _as_dicts(
        db.execute(
            "SELECT c.other AS entity, e.name, c.score, c.reason FROM entity_candidates AS c "
            "LEFT JOIN entities AS e ON e.id = c.other WHERE c.entity = ? ORDER BY c.score DESC",
            (entity_id,),
        )
    )
    return out


def entity_names(db: sqlite3.Connection, ids: list[str]) -> dict[str, dict[str, str]]:
    """Id -> {name, type} of the entities ``ids``."""
    unique = [i for i in dict.fromkeys(ids) if i]
    out: dict[str, dict[str, str]] = {}
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.execute(f"SELECT id, name, type FROM entities WHERE id IN ({marks})", chunk):
            out[row["id"]] = {"name": row["name"], "type": row["type"]}
    return out


def search_entities(
    db: sqlite3.Connection,
    text: str | None,
    kind: str | None,
    offset: int,
    limit: int,
    index: CorpusIndex,
) -> tuple[int, list[dict[str, Any]]]:
    """Entities whose name or an alias contains ``text`` (any case), most documents first."""
    clauses, params = [], []
    if text:
        clauses.append(
            "(instr(lower(name), ?) > 0 OR id IN "
            "(SELECT entity FROM entity_aliases WHERE instr(lower(alias), ?) > 0))"
        )
        params += [text.lower(), text.lower()]
    if kind:
        clauses.append("type = ?")
        params.append(kind)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    docs, mentions = index.entity_docs, index.entity_mentions
    if where:
        ids = [i for (i,) in db.execute(f"SELECT id FROM entities{where}", params)]
        ids.sort(key=lambda e: (-docs.get(e, 0), -mentions.get(e, 0), e))
    else:
        ids = index.entities_by_docs
    window = ids[offset : offset + limit]
    names = entity_names(db, window)
    rows = [
        {"id": e, **names[e], "docs": docs.get(e, 0), "mentions": mentions.get(e, 0)}
        for e in window
        if e in names
    ]
    return len(ids), rows


def entity_docs(db: sqlite3.Connection, entity_id: str, limit: int = 2000) -> list[str]:
    return [
        d
        for (d,) in db.execute(
            "SELECT DISTINCT doc FROM entity_links WHERE entity = ? LIMIT ?", (entity_id, limit)
        )
    ]


def quotes_by(db: sqlite3.Connection, entity_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """Quotes whose speaker is the entity."""
    return _as_dicts(
        db.execute(
            "SELECT * FROM quotes WHERE speaker_entity = ? ORDER BY doc, start LIMIT ?",
            (entity_id, limit),
        )
    )


def cooccurrence(
    db: sqlite3.Connection, entity_id: str, index: CorpusIndex, limit: int = 12
) -> tuple[list[tuple[str, int]], dict[tuple[str, str], int]]:
    """The entities that share most documents with ``entity_id`` (id, shared documents),
    and how many documents each pair of them shares (the graph's other edges)."""
    members: dict[str, set[str]] = defaultdict(set)
    for doc in entity_docs(db, entity_id):
        for other in index.entities_by_doc.get(doc, []):
            if other != entity_id:
                members[other].add(doc)
    top = sorted(members, key=lambda e: (-len(members[e]), e))[:limit]
    pairs = {
        (a, b): len(members[a] & members[b])
        for i, a in enumerate(top)
        for b in top[i + 1 :]
        if members[a] & members[b]
    }
    return [(e, len(members[e])) for e in top], pairs


def timeline_ids(db: sqlite3.Connection, entity_id: str) -> list[str]:
    row = db.execute("SELECT events FROM timelines WHERE entity = ?", (entity_id,)).fetchone()
    return json.loads(row[0]) if row else []
