"""The SQLite store: per-document findings and the corpus-wide linking.

Why SQLite: embedded, one file a user can copy, readable by any tool, and
safe under concurrent readers with WAL. The store is incremental: a document
already analysed (same content id, same extractor version) is not extracted
again, and each document is written in its own transaction, so a failure
half-way through a batch never loses what was stored before.

Tables for per-document findings are generated from the data model's
dataclasses (one column per field), so the model stays the single definition.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rashomon.model import (
    SCHEMA_VERSION,
    Analysis,
    Document,
    DocumentAnalysis,
    Entity,
    EntityCandidate,
    EntityMention,
    Event,
    EventMention,
    Fact,
    FactMention,
    FieldSource,
    Framing,
    FramingTerm,
    IngestError,
    MentionRef,
    Quantity,
    Quote,
    RemovedLine,
    Reuse,
    Sentence,
    TimeMention,
    from_dict,
    to_dict,
)

# Per-document finding tables: table name -> (dataclass, DocumentAnalysis attribute).
FINDING_TABLES: dict[str, tuple[type, str]] = {
    "sentences": (Sentence, "sentences"),
    "entity_mentions": (EntityMention, "entity_mentions"),
    "times": (TimeMention, "times"),
    "quantities": (Quantity, "quantities"),
    "quotes": (Quote, "quotes"),
    "event_mentions": (EventMention, "events"),
    "framing_terms": (FramingTerm, "framing_terms"),
    "fact_mentions": (FactMention, "facts"),
}

# Corpus-level results kept as JSON documents: Analysis attribute -> dataclass.
# They are nested (facts hold values and conflicts, framing holds per-source maps)
# and always read whole, so one JSON row per item is simpler than many tables.
JSON_COLLECTIONS: dict[str, type] = {
    "events": Event,
    "facts": Fact,
    "reuse": Reuse,
    "framing": Framing,
}

_SQL_TYPES = {
    "int": "INTEGER",
    "float": "REAL",
    "bool": "INTEGER",
    "str": "TEXT",
    "bytes": "BLOB",
}
CORPUS_TABLES = (
    "entities",
    "entity_aliases",
    "entity_links",
    "entity_candidates",
    "corpus_items",
    "timelines",
    "errors",
    "duplicates",
)


def _is_list(field: dataclasses.Field[Any]) -> bool:
    return str(field.type).startswith("list[")


def _to_sql(field: dataclasses.Field[Any], value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if _is_list(field) else value


def _from_sql(field: dataclasses.Field[Any], value: Any) -> Any:
    if _is_list(field):
        return json.loads(value) if value else []
    if "bool" in str(field.type) and value is not None:
        return bool(value)
    return value


CORPUS_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT, outlet TEXT, author TEXT,
    published TEXT, language TEXT, text TEXT NOT NULL, words INTEGER, extractor TEXT,
    provenance TEXT
);
CREATE TABLE IF NOT EXISTS boilerplate (
    doc TEXT NOT NULL, position INTEGER, text TEXT, reason TEXT
);
CREATE TABLE IF NOT EXISTS entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT);
CREATE TABLE IF NOT EXISTS entity_aliases (entity TEXT NOT NULL, alias TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entity_links (
    entity TEXT NOT NULL, doc TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT
);
CREATE TABLE IF NOT EXISTS entity_candidates (
    entity TEXT NOT NULL, other TEXT NOT NULL, score REAL, reason TEXT
);
CREATE TABLE IF NOT EXISTS corpus_items (kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS timelines (entity TEXT PRIMARY KEY, events TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS errors (source TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS duplicates (source TEXT NOT NULL, duplicate_of TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS boilerplate_doc ON boilerplate(doc);
CREATE INDEX IF NOT EXISTS entity_links_entity ON entity_links(entity);
"""


def _column_type(field: dataclasses.Field[Any]) -> str:
    base = str(field.type).split("|")[0].strip()
    return _SQL_TYPES.get(base, "TEXT")


def _finding_ddl(table: str, cls: type) -> str:
    columns = ", ".join(f'"{f.name}" {_column_type(f)}' for f in dataclasses.fields(cls))
    return (
        f"CREATE TABLE IF NOT EXISTS {table} ({columns});\n"
        f"CREATE INDEX IF NOT EXISTS {table}_doc ON {table}(doc);"
    )


class Store:
    """One analysis database. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        with self.db:
            self.db.executescript(CORPUS_DDL)
            for table, (cls, _) in FINDING_TABLES.items():
                self.db.executescript(_finding_ddl(table, cls))
            self.db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema', ?)",
                (SCHEMA_VERSION,),
            )
            columns = {row[1] for row in self.db.execute("PRAGMA table_info(documents)")}
            if "provenance" not in columns:  # a store written before provenance was kept
                self.db.execute("ALTER TABLE documents ADD COLUMN provenance TEXT")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # --- per-document findings -------------------------------------------------

    def stored_documents(self, extractor: str | None = None) -> set[str]:
        """Ids of stored documents (analysed by ``extractor`` when given)."""
        if extractor is None:
            rows = self.db.execute("SELECT id FROM documents")
        else:
            rows = self.db.execute("SELECT id FROM documents WHERE extractor = ?", (extractor,))
        return {row[0] for row in rows}

    def save_document(self, analysis: DocumentAnalysis, extractor: str = "") -> None:
        """Replace one document and its findings, atomically."""
        doc = analysis.document
        with self.db:
            self._delete_document(doc.id)
            self.db.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.id,
                    doc.source,
                    doc.title,
                    doc.outlet,
                    doc.author,
                    doc.published,
                    doc.language,
                    doc.text,
                    analysis.words,
                    extractor,
                    json.dumps([to_dict(f) for f in doc.provenance], ensure_ascii=False),
                ),
            )
            self.db.executemany(
                "INSERT INTO boilerplate VALUES (?,?,?,?)",
                [(doc.id, i, line.text, line.reason) for i, line in enumerate(doc.boilerplate)],
            )
            for table, (cls, attribute) in FINDING_TABLES.items():
                fields = dataclasses.fields(cls)
                placeholders = ",".join("?" * len(fields))
                rows = [
                    tuple(_to_sql(f, getattr(item, f.name)) for f in fields)
                    for item in getattr(analysis, attribute)
                ]
                self.db.executemany(f"INSERT INTO {table} VALUES ({placeholders})", rows)

    def _delete_document(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self.db.execute("DELETE FROM boilerplate WHERE doc = ?", (doc_id,))
        for table in FINDING_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE doc = ?", (doc_id,))

    def load_documents(self, ids: Iterable[str] | None = None) -> list[DocumentAnalysis]:
        """Stored documents with their findings, in the order they were stored."""
        wanted = None if ids is None else set(ids)
        boilerplate: dict[str, list[RemovedLine]] = defaultdict(list)
        for doc, text, reason in self.db.execute(
            "SELECT doc, text, reason FROM boilerplate ORDER BY doc, position"
        ):
            boilerplate[doc].append(RemovedLine(text, reason))
        analyses: dict[str, DocumentAnalysis] = {}
        for row in self.db.execute(
            "SELECT id, source, text, title, outlet, author, published, language, words, "
            "provenance FROM documents ORDER BY rowid"
        ):
            if wanted is not None and row[0] not in wanted:
                continue
            provenance = [from_dict(FieldSource, f) for f in json.loads(row[9] or "[]")]
            document = Document(
                *row[:8], boilerplate=boilerplate.get(row[0], []), provenance=provenance
            )
            analyses[row[0]] = DocumentAnalysis(document=document, words=row[8] or 0)
        for table, (cls, attribute) in FINDING_TABLES.items():
            fields = dataclasses.fields(cls)
            for row in self.db.execute(f"SELECT * FROM {table} ORDER BY doc, start"):
                analysis = analyses.get(row[0])
                if analysis is None:
                    continue
                values = [_from_sql(f, v) for f, v in zip(fields, row, strict=True)]
                getattr(analysis, attribute).append(cls(*values))
        return list(analyses.values())

    # --- corpus-wide linking ------------------------------------------------------

    def save_corpus(self, analysis: Analysis) -> None:
        """Replace the corpus-level results (entities, links, this run's errors)."""
        with self.db:
            for table in CORPUS_TABLES:
                self.db.execute(f"DELETE FROM {table}")
            self.db.executemany(
                "INSERT INTO entities VALUES (?,?,?)",
                [(e.id, e.name, e.type) for e in analysis.entities],
            )
            self.db.executemany(
                "INSERT INTO entity_aliases VALUES (?,?)",
                [(e.id, alias) for e in analysis.entities for alias in e.aliases],
            )
            self.db.executemany(
                "INSERT INTO entity_links VALUES (?,?,?,?,?)",
                [
                    (e.id, m.doc, m.start, m.end, m.text)
                    for e in analysis.entities
                    for m in e.mentions
                ],
            )
            self.db.executemany(
                'UPDATE quotes SET speaker_entity = ? WHERE doc = ? AND start = ? AND "end" = ?',
                [(q.speaker_entity, q.doc, q.start, q.end) for q in analysis.quotes],
            )
            self.db.executemany(
                "INSERT INTO entity_candidates VALUES (?,?,?,?)",
                [
                    (e.id, c.entity, c.score, c.reason)
                    for e in analysis.entities
                    for c in e.candidates
                ],
            )
            self.db.executemany(
                "INSERT INTO corpus_items VALUES (?,?)",
                [
                    (kind, json.dumps(to_dict(item), ensure_ascii=False))
                    for kind in JSON_COLLECTIONS
                    for item in getattr(analysis, kind)
                ],
            )
            self.db.executemany(
                "INSERT INTO timelines VALUES (?,?)",
                [(entity, json.dumps(ids)) for entity, ids in analysis.timelines.items()],
            )
            self.db.executemany(
                "INSERT INTO errors VALUES (?,?)", [(e.source, e.reason) for e in analysis.errors]
            )
            self.db.executemany(
                "INSERT INTO duplicates VALUES (?,?)",
                [(d["source"], d["duplicate_of"]) for d in analysis.duplicates],
            )

    def load_analysis(self) -> Analysis:
        """Everything stored, as the same :class:`Analysis` that ``analyze`` exported."""
        analyses = self.load_documents()
        aliases: dict[str, list[str]] = defaultdict(list)
        for entity, alias in self.db.execute(
            "SELECT entity, alias FROM entity_aliases ORDER BY rowid"
        ):
            aliases[entity].append(alias)
        mentions: dict[str, list[MentionRef]] = defaultdict(list)
        for entity, doc, start, end, text in self.db.execute(
            'SELECT entity, doc, start, "end", text FROM entity_links ORDER BY rowid'
        ):
            mentions[entity].append(MentionRef(doc, start, end, text))
        candidates: dict[str, list[EntityCandidate]] = defaultdict(list)
        for entity, other, score, reason in self.db.execute(
            "SELECT entity, other, score, reason FROM entity_candidates ORDER BY rowid"
        ):
            candidates[entity].append(EntityCandidate(other, score, reason))
        entities = [
            Entity(
                eid,
                name,
                label,
                aliases[eid],
                mentions[eid],
                sorted({m.doc for m in mentions[eid]}),
                candidates[eid],
            )
            for eid, name, label in self.db.execute(
                "SELECT id, name, type FROM entities ORDER BY rowid"
            )
        ]
        return Analysis(
            documents=[a.document for a in analyses],
            entities=entities,
            times=[t for a in analyses for t in a.times],
            quantities=[q for a in analyses for q in a.quantities],
            quotes=[q for a in analyses for q in a.quotes],
            **{
                kind: [
                    from_dict(cls, json.loads(data))
                    for (data,) in self.db.execute(
                        "SELECT data FROM corpus_items WHERE kind = ? ORDER BY rowid", (kind,)
                    )
                ]
                for kind, cls in JSON_COLLECTIONS.items()
            },
            timelines={
                entity: json.loads(ids)
                for entity, ids in self.db.execute(
                    "SELECT entity, events FROM timelines ORDER BY rowid"
                )
            },
            errors=[
                IngestError(s, r) for s, r in self.db.execute("SELECT source, reason FROM errors")
            ],
            duplicates=[
                {"source": s, "duplicate_of": d}
                for s, d in self.db.execute("SELECT source, duplicate_of FROM duplicates")
            ],
        )
