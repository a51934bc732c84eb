"""The entity page: its timeline, the labels each source gives it, its quotes and
the entities it appears with.

The timeline's rows come from :func:`rashomon.link.timelines.timeline_rows`
(the order and dating rules of ``rashomon timeline``), built on just the
events of this entity and their documents, so a page costs what it shows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rashomon.link.timelines import timeline_rows
from rashomon.model import Analysis, Document
from rashomon.report.pages import PageContext, page_window
from rashomon.report.pages.format import date_label, snippet, source_label
from rashomon.store import queries

TIMELINE_PAGE = 300
GRAPH_NEIGHBOURS = 12


def _epoch(moment: dt.datetime) -> float:
    return moment.replace(tzinfo=dt.UTC).timestamp()


def entity_timeline(
    ctx: PageContext, entity_id: str, offset: int = 0, limit: int = TIMELINE_PAGE
) -> dict[str, Any]:
    """One page of the entity's timeline, dated events first in time order."""
    ids = queries.timeline_ids(ctx.db, entity_id)
    window = ids[offset : offset + limit]
    events = ctx.event_objects(window)
    doc_ids = [d for e in events for d in [*e.docs, *(m.doc for m in e.mentions)]]
    meta = queries.documents_meta(ctx.db, doc_ids)
    documents = [
        Document(d, m["source"], "", m["title"], m["outlet"], m["author"], m["published"])
        for d, m in meta.items()
    ]
    analysis = Analysis(documents=documents, events=events, timelines={entity_id: window})
    rows = []
    for row in timeline_rows(analysis, entity_id):
        span = row.span
        rows.append(
            {
                "event": row.event,
                "position": row.position,
                "date": row.date,
                "date_label": date_label(row.date_label) if not row.undated else "undated",
                "date_text": row.date_text,
                "undated": row.undated,
                "summary": snippet(row.summary, 200),
                "trigger": row.trigger,
                "start": _epoch(span.start) if span else None,
                "end": _epoch(span.end) if span else None,
                "sources": [
                    {"doc": s.doc, "label": source_label(meta.get(s.doc), s.doc)}
                    for s in row.sources
                ],
            }
        )
    return {"rows": rows, **page_window(len(ids), offset, limit)}


def labels_by_source(ctx: PageContext, entity_id: str) -> list[dict[str, Any]]:
    """What each source calls the entity, its words for it and its stance."""
    framing = ctx.framing(entity_id)
    if not framing:
        return []
    words = framing.get("words") or {}
    labels = framing.get("labels") or {}
    stance = framing.get("stance") or {}
    docs = list(dict.fromkeys([*labels, *words, *stance]))
    meta = queries.documents_meta(ctx.db, docs)
    out = []
    for doc in docs:
        out.append(
            {
                "doc": doc,
                "source": source_label(meta.get(doc), doc),
                "labels": labels.get(doc, []),
                "words": [
                    {"text": w.get("text"), "kind": w.get("kind"), "quoted": bool(w.get("quoted"))}
                    for w in words.get(doc, [])
                ],
                "stance": stance.get(doc),
            }
        )
    return out


def entity_graph(ctx: PageContext, entity_id: str, name: str, kind: str) -> dict[str, Any]:
    """The entity and those it shares most documents with; edges weighted by shared documents."""
    neighbours, pairs = queries.cooccurrence(ctx.db, entity_id, ctx.index, GRAPH_NEIGHBOURS)
    names = queries.entity_names(ctx.db, [e for e, _ in neighbours])
    nodes = [{"id": entity_id, "name": name, "type": kind, "weight": 0, "centre": True}]
    nodes += [
        {
            "id": e,
            "name": names.get(e, {}).get("name", e),
            "type": names.get(e, {}).get("type"),
            "weight": n,
            "centre": False,
        }
        for e, n in neighbours
    ]
    edges = [{"a": entity_id, "b": e, "weight": n} for e, n in neighbours]
    edges += [{"a": a, "b": b, "weight": n} for (a, b), n in pairs.items()]
    return {"nodes": nodes, "edges": edges}


def entity_page(
    ctx: PageContext, entity_id: str, timeline_limit: int = TIMELINE_PAGE
) -> dict[str, Any] | None:
    entity = queries.entity(ctx.db, entity_id)
    if entity is None:
        return None
    docs = queries.entity_docs(ctx.db, entity_id, limit=50)
    meta = queries.documents_meta(ctx.db, docs)
    quotes = queries.quotes_by(ctx.db, entity_id)
    quote_meta = queries.documents_meta(ctx.db, [q["doc"] for q in quotes])
    return {
        "entity": {
            **entity,
            "documents": ctx.index.entity_docs.get(entity_id, 0),
            "mentions": ctx.index.entity_mentions.get(entity_id, 0),
        },
        "timeline": entity_timeline(ctx, entity_id, 0, timeline_limit),
        "labels": labels_by_source(ctx, entity_id),
        "quotes": [
            {
                "doc": q["doc"],
                "source": source_label(quote_meta.get(q["doc"]), q["doc"]),
                "start": q["start"],
                "end": q["end"],
                "text": q["text"],
                "cue": q["cue"],
                "direct": bool(q["direct"]),
            }
            for q in quotes
        ],
        "graph": entity_graph(ctx, entity_id, entity["name"], entity["type"]),
        "documents": [
            {
                "doc": d,
                "label": source_label(meta.get(d), d),
                "title": (meta.get(d) or {}).get("title"),
            }
            for d in docs
        ],
    }
