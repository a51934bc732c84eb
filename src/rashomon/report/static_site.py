"""The data embedded in ``report.html``: the same pages the server's API returns.

The analysis is put in an in-memory store and the pages are built by the same
functions the server calls (:mod:`rashomon.report.pages`), so the static
report and ``rashomon serve`` cannot drift apart. A report is meant to be
mailed: it keeps every document, the events most sources report and the
entities most documents name (see the limits below); a link to anything left
out says so and points to ``rashomon serve``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from typing import Any

from rashomon.model import Analysis, DocumentAnalysis
from rashomon.report.pages import PageContext, document, entity, event, overview, page_window, reuse
from rashomon.report.pages.format import source_label
from rashomon.store import Store, queries

MAX_DOCUMENTS = 3000
MAX_EVENTS = 400
MAX_ENTITIES = 150
MAX_TIMELINE = 120
MAX_REUSE = 300


def memory_store(analysis: Analysis, words: dict[str, int]) -> Store:
    """The analysis in an in-memory store (what ``analyze`` writes to disk)."""
    store = Store(":memory:")
    per_doc: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for kind in ("times", "quantities", "quotes"):
        for item in getattr(analysis, kind):
            per_doc[item.doc][kind].append(item)
    for d in analysis.documents:
        found = per_doc[d.id]
        store.save_document(
            DocumentAnalysis(
                document=d,
                times=found["times"],
                quantities=found["quantities"],
                quotes=found["quotes"],
                words=words.get(d.id, len(d.text.split())),
            )
        )
    store.save_corpus(analysis)
    store.db.row_factory = sqlite3.Row
    return store


def search_index(ctx: PageContext, doc_ids: list[str]) -> dict[str, Any]:
    """What the static search filters on: each document's entities and event types."""
    entities_of: dict[str, set[str]] = defaultdict(set)
    for entity_id, doc in ctx.db.execute("SELECT DISTINCT entity, doc FROM entity_links"):
        entities_of[doc].add(entity_id)
    types_of: dict[str, set[str]] = defaultdict(set)
    for doc, lemma in ctx.db.execute("SELECT DISTINCT doc, lemma FROM event_mentions"):
        types_of[doc].add(lemma)
    for e in ctx.index.events.values():  # events come whole from the analysis here
        for doc in json.loads(
            ctx.db.execute(
                "SELECT json_extract(data, '$.docs') FROM corpus_items WHERE rowid = ?", (e.rowid,)
            ).fetchone()[0]
            or "[]"
        ):
            types_of[doc].add(e.trigger)
    meta = queries.documents_meta(ctx.db, doc_ids)
    _, entity_rows = queries.search_entities(ctx.db, None, None, 0, 100_000, ctx.index)
    aliases: dict[str, list[str]] = defaultdict(list)
    for entity_id, alias in ctx.db.execute("SELECT entity, alias FROM entity_aliases"):
        aliases[entity_id].append(alias)
    return {
        "docs": [
            {
                **meta[d],
                "label": source_label(meta[d], d),
                "entities": sorted(entities_of[d]),
                "types": sorted(types_of[d]),
            }
            for d in doc_ids
            if d in meta
        ],
        "entities": [{**e, "aliases": aliases[e["id"]]} for e in entity_rows],
        "outlets": [o["outlet"] for o in queries.outlets(ctx.db)],
        "event_types": [t for t, _ in ctx.index.triggers.most_common(80) if t],
    }


def static_pages(ctx: PageContext) -> dict[str, Any]:
    pages: dict[str, Any] = {"/info": {"writes": False, "store": "report", "documents": 0}}
    pages["/overview"] = overview.overview_page(ctx)
    total, docs = queries.list_documents(ctx.db, 0, MAX_DOCUMENTS)
    pages["/info"]["documents"] = total
    pages["/documents"] = {"documents": docs, **page_window(len(docs), 0, max(len(docs), 1))}
    for d in docs:
        pages[f"/documents/{d['id']}"] = document.document_page(ctx, d["id"])
    event_ids = list(ctx.index.events_by_sources[:MAX_EVENTS])
    event_ids += [f.event for f in ctx.index.disputed]
    for page in list(pages.values()):
        event_ids += [s["event"] for s in page.get("spans", []) if s.get("event")]
    event_ids = list(dict.fromkeys(e for e in event_ids if e in ctx.index.events))
    for event_id in event_ids:
        pages[f"/events/{event_id}"] = event.event_page(ctx, event_id)
    listed = ctx.index.events_by_sources[:MAX_EVENTS]
    pages["/events"] = {
        "events": [overview.event_card(e, ctx) for e in ctx.events(listed)],
        **page_window(len(listed), 0, max(len(listed), 1)),
    }
    _, entity_rows = queries.search_entities(ctx.db, None, None, 0, MAX_ENTITIES, ctx.index)
    pages["/entities"] = {
        "entities": entity_rows,
        **page_window(len(entity_rows), 0, max(len(entity_rows), 1)),
    }
    for row in entity_rows:
        pages[f"/entities/{row['id']}"] = entity.entity_page(ctx, row["id"], MAX_TIMELINE)
    copied = reuse.reuse_list(ctx, 0, MAX_REUSE)
    copied["limit"] = max(len(copied["items"]), 1)
    copied["total"] = len(copied["items"])
    pages["/reuse"] = copied
    for card in copied["items"]:
        pages[f"/reuse/{card['index']}"] = reuse.reuse_page(ctx, card["index"])
    return pages


def static_data(analysis: Analysis, words: dict[str, int]) -> str:
    """The report's data as a JSON string."""
    store = memory_store(analysis, words)
    try:
        ctx = PageContext.of(store.db)
        pages = static_pages(ctx)
        doc_ids = [d["id"] for d in pages["/documents"]["documents"]]
        data = {
            "written": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
            "pages": pages,
            "search": search_index(ctx, doc_ids),
        }
    finally:
        store.close()
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
