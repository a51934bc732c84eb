"""Search across documents and entities, with filters by source, date range,
entity and event type.

Matching is a case-insensitive substring search (SQLite ``instr`` over
``lower``, so case folding is ASCII only); it needs no index beyond the
store's, and scans the texts of a 10,000-document store in a fraction of a
second.
"""

from __future__ import annotations

from typing import Any

from rashomon.report.pages import PageContext, page_window
from rashomon.report.pages.format import source_label
from rashomon.store import queries

SNIPPET_CONTEXT = 90


def hit_snippet(text: str, query: str | None) -> dict[str, Any]:
    """The words around the first match (offsets into the snippet), else the opening."""
    at = text.lower().find(query.lower()) if query else -1
    if at < 0:
        return {"text": text[: 2 * SNIPPET_CONTEXT], "marks": []}
    start = max(0, at - SNIPPET_CONTEXT)
    end = min(len(text), at + len(query) + SNIPPET_CONTEXT)
    return {
        "text": ("…" if start else "") + text[start:end] + ("…" if end < len(text) else ""),
        "marks": [
            [at - start + (1 if start else 0), at - start + (1 if start else 0) + len(query)]
        ],
    }


def search_page(
    ctx: PageContext,
    q: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    event_type: str | None = None,
    offset: int = 0,
    limit: int = 20,
) -> dict[str, Any]:
    q = (q or "").strip() or None
    filters = {
        "outlet": outlet,
        "since": since,
        "until": until,
        "entity": entity,
        "event_type": event_type,
    }
    total, docs = queries.list_documents(ctx.db, offset, limit, text=q, **filters)
    texts = queries.texts(ctx.db, [d["id"] for d in docs]) if docs else {}
    for d in docs:
        d["label"] = source_label(d, d["id"])
        d["snippet"] = hit_snippet(texts.get(d["id"], ""), q)
    entity_total, entities = (
        queries.search_entities(ctx.db, q, None, 0, 20, ctx.index) if q else (0, [])
    )
    chosen = queries.entity_names(ctx.db, [entity]) if entity else {}
    return {
        "query": {
            "q": q,
            **filters,
            "entity_name": chosen.get(entity, {}).get("name") if entity else None,
        },
        "documents": docs,
        **page_window(total, offset, limit),
        "entities": entities,
        "entities_total": entity_total,
        "outlets": [o["outlet"] for o in queries.outlets(ctx.db)],
        "event_types": [t for t, _ in ctx.index.triggers.most_common(80) if t],
    }
