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
import hashlib
import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from rashomon.model import (
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
from rashomon.store import runlog
from rashomon.store.schema import column_list, connect
from rashomon.textsafe import storable

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

CORPUS_TABLES = (
    "entities",
    "entity_aliases",
    "entity_links",
    "entity_candidates",
    "corpus_items",
    "timelines",
    "stories",
)


def _is_list(field: dataclasses.Field[Any]) -> bool:
    return str(field.type).startswith("list[")


def _to_sql(field: dataclasses.Field[Any], value: Any) -> Any:
    if _is_list(field):
        return json.dumps(value, ensure_ascii=False)
    return storable(value) if isinstance(value, str) else value


def _is_bool(field: dataclasses.Field[Any]) -> bool:
    return "bool" in str(field.type)


@cache
def _column_kinds(cls: type) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The positions of a finding table's list columns (JSON text) and of its
    bool columns, worked out once per class: :meth:`Store.load_documents`
    converts every row of every document with them (a list column holds
    JSON, empty for none; a bool column 0/1 or NULL)."""
    fields = dataclasses.fields(cls)
    lists = tuple(i for i, f in enumerate(fields) if _is_list(f))
    bools = tuple(i for i, f in enumerate(fields) if not _is_list(f) and _is_bool(f))
    return lists, bools


def _text(value: str | None) -> str | None:
    return None if value is None else storable(value)


class Store:
    """One analysis database. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path, create: bool = True, thorough: bool = False) -> None:
        """Open (or, with ``create``, make) the store at ``path``.

        Raises :class:`~rashomon.store.schema.StoreError`, leaving the file as it
        was, when it is not a Rashomon store; ``thorough`` also checks every page
        (what a writer does before adding to it).
        """
        self.path = Path(path)
        self.db = connect(
            self.path, {t: cls for t, (cls, _) in FINDING_TABLES.items()}, create, thorough
        )
        self.db.execute("PRAGMA foreign_keys=ON")

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

    def document_sources(self) -> dict[str, str]:
        """Stored document id -> the source it was read from."""
        return dict(self.db.execute("SELECT id, source FROM documents"))

    def save_document(self, analysis: DocumentAnalysis, extractor: str = "") -> None:
        """Replace one document and its findings, atomically (one transaction).

        Strings that UTF-8 cannot hold (a lone surrogate from a broken escape, a
        file name that was not UTF-8) are stored with U+FFFD in their place.
        """
        doc = analysis.document
        with self.db:
            self._delete_document(doc.id)
            self.db.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.id,
                    storable(doc.source),
                    _text(doc.title),
                    _text(doc.outlet),
                    _text(doc.author),
                    _text(doc.published),
                    doc.language,
                    storable(doc.text),
                    analysis.words,
                    extractor,
                    storable(json.dumps([to_dict(f) for f in doc.provenance], ensure_ascii=False)),
                ),
            )
            self.db.executemany(
                "INSERT INTO boilerplate VALUES (?,?,?,?)",
                [
                    (doc.id, i, storable(line.text), line.reason)
                    for i, line in enumerate(doc.boilerplate)
                ],
            )
            for table, (cls, attribute) in FINDING_TABLES.items():
                fields = dataclasses.fields(cls)
                placeholders = ",".join("?" * len(fields))
                rows = [
                    tuple(_to_sql(f, getattr(item, f.name)) for f in fields)
                    for item in getattr(analysis, attribute)
                ]
                self.db.executemany(
                    f"INSERT INTO {table} ({column_list(cls)}) VALUES ({placeholders})", rows
                )

    def _delete_document(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self.db.execute("DELETE FROM boilerplate WHERE doc = ?", (doc_id,))
        for table in FINDING_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE doc = ?", (doc_id,))

    def load_documents(self, ids: Iterable[str] | None = None) -> list[DocumentAnalysis]:
        """Stored documents with their findings, ordered by source then id.

        The order does not depend on which worker finished first or on which
        run stored a document, so the same documents always link the same way.
        """
        wanted = None if ids is None else set(ids)
        boilerplate: dict[str, list[RemovedLine]] = defaultdict(list)
        for doc, text, reason in self.db.execute(
            "SELECT doc, text, reason FROM boilerplate ORDER BY doc, position"
        ):
            boilerplate[doc].append(RemovedLine(text, reason))
        analyses: dict[str, DocumentAnalysis] = {}
        for row in self.db.execute(
            "SELECT id, source, text, title, outlet, author, published, language, words, "
            "provenance FROM documents ORDER BY source, id"
        ):
            if wanted is not None and row[0] not in wanted:
                continue
            provenance = [from_dict(FieldSource, f) for f in json.loads(row[9] or "[]")]
            document = Document(
                *row[:8], boilerplate=boilerplate.get(row[0], []), provenance=provenance
            )
            analyses[row[0]] = DocumentAnalysis(document=document, words=row[8] or 0)
        for table, (cls, attribute) in FINDING_TABLES.items():
            lists, bools = _column_kinds(cls)
            query = f"SELECT {column_list(cls)} FROM {table} ORDER BY doc, start"
            for row in self.db.execute(query):
                analysis = analyses.get(row[0])
                if analysis is None:
                    continue
                values = list(row)
                for i in lists:
                    values[i] = json.loads(values[i]) if values[i] else []
                for i in bools:
                    if values[i] is not None:
                        values[i] = bool(values[i])
                getattr(analysis, attribute).append(cls(*values))
        return list(analyses.values())

    # --- corpus-wide linking ------------------------------------------------------

    def save_corpus(self, analysis: Analysis) -> None:
        """Replace the corpus-level results (entities, links, events, facts ...) in
        one transaction; its errors and duplicates are added to the run log.

        ``corpus_items`` rows carry a ``block`` (empty for a whole-corpus run) so
        that a linking step that works block by block can later replace one
        block's results alone.
        """
        runlog.record_errors(self.db, analysis.errors, None)
        runlog.record_duplicates(self.db, analysis.duplicates, None)
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
                "INSERT INTO corpus_items (kind, data) VALUES (?,?)",
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
            self.db.executemany("INSERT INTO stories VALUES (?,?)", analysis.stories.items())

    def load_analysis(self, analyses: list[DocumentAnalysis] | None = None) -> Analysis:
        """Everything stored, as the same :class:`Analysis` that ``analyze`` exported
        (``analyses``: what :meth:`load_documents` gave, when the caller has it)."""
        if analyses is None:
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
            stories=dict(self.db.execute("SELECT doc, story FROM stories ORDER BY rowid")),
            errors=runlog.current_errors(self.db),
            duplicates=runlog.current_duplicates(self.db),
        )

    # --- what the exports were made from --------------------------------------------

    def contents_digest(self) -> str:
        """A digest of what linking reads: every stored document (id, extractor
        version) and the current errors and duplicates. Equal digests, equal exports."""
        digest = hashlib.sha1()
        for doc_id, extractor in self.db.execute("SELECT id, extractor FROM documents ORDER BY id"):
            digest.update(f"{doc_id}\t{extractor}\n".encode())
        for error in self.load_errors():
            digest.update(f"e\t{error.source}\t{error.reason}\t{error.stage}\n".encode())
        for duplicate in self.load_duplicates():
            digest.update(f"d\t{duplicate['source']}\t{duplicate['duplicate_of']}\n".encode())
        return digest.hexdigest()

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        with self.db:
            self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
            if value is not None:
                self.db.execute("INSERT INTO meta VALUES (?, ?)", (key, value))

    # --- cached word vectors --------------------------------------------------------

    def load_word_vectors(self) -> dict[str, bytes]:
        """Word -> its embedding as stored (float32 bytes); empty in an older store.

        Linking embeds each distinct event lemma; keeping the vectors here means a
        run that adds a few documents encodes only the lemmas it has not met."""
        return self._load_cache("word_vectors", "word", "vector")

    def save_word_vectors(self, vectors: dict[str, bytes]) -> None:
        """Add word vectors (existing words keep theirs)."""
        self._save_cache("word_vectors", "word", "vector BLOB", vectors)

    def load_sentence_tones(self) -> dict[str, float]:
        """Sentence digest -> its VADER tone; empty in an older store (see
        :func:`rashomon.link.framing.sentence_tone`: framing scores each sentence
        once, not again on every run that adds a document)."""
        return self._load_cache("sentence_tones", "sentence", "tone")

    def save_sentence_tones(self, tones: dict[str, float]) -> None:
        """Add sentence tones (existing sentences keep theirs)."""
        self._save_cache("sentence_tones", "sentence", "tone REAL", tones)

    def load_lemma_forms(self) -> dict[str, str]:
        """``version|word`` -> its lemma forms (a JSON list); empty in an older store (see
        :func:`rashomon.extract.events.derivation.lemma_forms`: worked out once per word,
        not again for the whole corpus on every run that adds a document)."""
        return self._load_cache("lemma_forms", "word", "forms")

    def save_lemma_forms(self, forms: dict[str, str]) -> None:
        """Add lemma forms (existing words keep theirs)."""
        self._save_cache("lemma_forms", "word", "forms TEXT", forms)

    def _load_cache(self, table: str, key: str, value: str) -> dict[str, Any]:
        """A key -> value table that linking fills as it goes; empty when not made yet."""
        try:
            return dict(self.db.execute(f"SELECT {key}, {value} FROM {table}"))
        except sqlite3.OperationalError:  # a store written before the table existed
            return {}

    def _save_cache(self, table: str, key: str, value: str, rows: dict[str, Any]) -> None:
        """Add rows to a cache table (made on first use); existing keys keep their value."""
        if not rows:
            return
        with self.db:
            self.db.execute(
                f"CREATE TABLE IF NOT EXISTS {table} ({key} TEXT PRIMARY KEY, {value} NOT NULL)"
            )
            self.db.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?, ?)", list(rows.items()))

    # --- the run log ---------------------------------------------------------------

    def begin_run(self, inputs: Sequence[str]) -> int:
        """Log the start of an ``analyze`` run; its id."""
        return runlog.begin_run(self.db, inputs)

    def end_run(self, run: int, status: str, extracted: int = 0, failed: int = 0) -> None:
        runlog.end_run(self.db, run, status, extracted, failed)

    def record_errors(self, errors: Iterable[IngestError], run: int | None = None) -> None:
        runlog.record_errors(self.db, errors, run)

    def record_duplicates(self, duplicates: Iterable[dict[str, str]], run: int | None = None):
        runlog.record_duplicates(self.db, duplicates, run)

    def load_errors(self) -> list[IngestError]:
        """The errors the export shows (see :mod:`rashomon.store.runlog`)."""
        return runlog.current_errors(self.db)

    def load_duplicates(self) -> list[dict[str, str]]:
        return runlog.current_duplicates(self.db)

    def runs(self) -> list[dict[str, Any]]:
        """Every logged run, oldest first."""
        columns = ("id", "started", "finished", "status", "inputs", "extracted", "failed")
        rows = self.db.execute(f"SELECT {', '.join(columns)} FROM runs ORDER BY id")
        return [dict(zip(columns, row, strict=True)) for row in rows]

    # --- removing sources ------------------------------------------------------------

    def match_documents(self, keys: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
        """For each key, the stored ``(id, source)`` pairs it names.

        A key names a document by its id, its source as stored, the same path
        written another way (relative or absolute), a JSONL file (all its
        records) or a folder (every source under it).
        """
        stored = list(self.db.execute("SELECT id, source FROM documents ORDER BY source, id"))
        return {key: [row for row in stored if _names(key, row)] for key in keys}

    def remove_documents(self, ids: Iterable[str]) -> list[str]:
        """Remove documents and their findings; a duplicate of a removed document
        takes its place (same text, the duplicate's source). The ids removed."""
        removed = []
        with self.db:
            for doc_id in dict.fromkeys(ids):
                heir = self.db.execute(
                    "SELECT source FROM duplicates WHERE duplicate_of = ? ORDER BY rowid",
                    (doc_id,),
                ).fetchone()
                if heir is not None:
                    self.db.execute(
                        "UPDATE documents SET source = ? WHERE id = ?", (heir[0], doc_id)
                    )
                    self.db.execute("DELETE FROM duplicates WHERE source = ?", (heir[0],))
                    continue
                source = self.db.execute("SELECT source FROM documents WHERE id = ?", (doc_id,))
                row = source.fetchone()
                if row is None:
                    continue
                self._delete_document(doc_id)
                self.db.execute("DELETE FROM errors WHERE source = ?", (row[0],))
                removed.append(doc_id)
        return removed


def _names(key: str, row: tuple[str, str]) -> bool:
    doc_id, source = row
    if key in (doc_id, source):
        return True
    path = source.split("#", 1)[0]  # a JSONL record: "feed.jsonl#line 3"
    if key == path:
        return True
    try:
        wanted, have = os.path.realpath(key), os.path.realpath(path)
    except (OSError, ValueError):
        return False
    return have == wanted or have.startswith(wanted.rstrip(os.sep) + os.sep)
