"""The document reader: the cleaned text with everything found in it marked, the
removed boilerplate, and where each metadata field came from.

Marks may overlap (a name inside a quote, a date inside a fact): the page gets
every span with its kind and draws the overlaps, so nothing is hidden.
"""

from __future__ import annotations

from typing import Any

from rashomon.report.facts import slot_label
from rashomon.report.pages import PageContext
from rashomon.report.pages.format import quantity_label, source_label, time_label
from rashomon.store import queries


def _quote_label(q: dict[str, Any]) -> str:
    how = "quote" if q.get("direct") else "reported speech"
    who = q.get("speaker") or "speaker unknown"
    return f"{how}: {who}" + (f" ({q['cue']})" if q.get("cue") else "")


def document_spans(
    ctx: PageContext, doc_id: str, text: str
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Every marked span of the document, and the tables behind them."""
    entities = queries.document_entities(ctx.db, doc_id, ctx.index.entities_by_doc.get(doc_id, []))
    times = queries.findings(ctx.db, "times", doc_id)
    quantities = queries.findings(ctx.db, "quantities", doc_id)
    quotes = queries.findings(ctx.db, "quotes", doc_id)
    spans: list[dict[str, Any]] = []
    for e in entities:
        spans.append(
            {
                "start": e["start"],
                "end": e["end"],
                "kind": "entity",
                "class": e["type"],
                "label": f"{e['type']}: {e['name']}",
                "entity": e["entity"],
            }
        )
    for t in times:
        t["label"] = time_label(t)
        spans.append({"start": t["start"], "end": t["end"], "kind": "time", "label": t["label"]})
    for q in quantities:
        q["label"] = quantity_label(q)
        spans.append(
            {"start": q["start"], "end": q["end"], "kind": "quantity", "label": q["label"]}
        )
    for q in quotes:
        q["direct"] = bool(q["direct"])
        q["label"] = _quote_label(q)
        spans.append(
            {
                "start": q["start"],
                "end": q["end"],
                "kind": "quote",
                "label": q["label"],
                "entity": q.get("speaker_entity"),
            }
        )
    facts = []
    for fact in ctx.facts(ctx.index.facts_by_doc.get(doc_id, [])):
        for value in fact.get("values") or []:
            for s in value.get("statements") or []:
                if s.get("doc") != doc_id:
                    continue
                label = f"{slot_label(fact['slot'])}: {value.get('label') or value.get('value')}"
                label += f" ({fact['status']})"
                facts.append(
                    {
                        "fact": fact["id"],
                        "event": fact["event"],
                        "label": label,
                        "status": fact["status"],
                        "start": s["start"],
                        "end": s["end"],
                        "text": s.get("text"),
                    }
                )
                spans.append(
                    {
                        "start": s["start"],
                        "end": s["end"],
                        "kind": "fact",
                        "class": fact["status"],
                        "label": label,
                        "event": fact["event"],
                    }
                )
    for event in ctx.events(ctx.index.events_by_doc.get(doc_id, [])):
        for m in event.get("mentions") or []:
            if m["doc"] == doc_id:
                spans.append(
                    {
                        "start": m["start"],
                        "end": m["end"],
                        "kind": "event",
                        "label": f"event reported by {len(event['docs'])} sources: "
                        f"{event.get('trigger')}",
                        "event": event["id"],
                    }
                )
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    return spans, {"times": times, "quantities": quantities, "quotes": quotes, "facts": facts}


def document_page(ctx: PageContext, doc_id: str) -> dict[str, Any] | None:
    doc = queries.document(ctx.db, doc_id)
    if doc is None:
        return None
    spans, tables = document_spans(ctx, doc_id, doc["text"])
    events = ctx.events(ctx.index.events_by_doc.get(doc_id, []))
    reuse_rows = [(n, r) for n, r in enumerate(ctx.index.reuse) if doc_id in (r[1], r[2])][:50]
    others = [r[2] if r[1] == doc_id else r[1] for _, r in reuse_rows]
    meta = queries.documents_meta(ctx.db, others)
    doc["label"] = source_label(doc, doc_id)
    return {
        "document": doc,
        "spans": spans,
        **tables,
        "events": [
            {
                "id": e["id"],
                "trigger": e.get("trigger"),
                "summary": e.get("summary"),
                "sources": len(e.get("docs") or []),
            }
            for e in sorted(events, key=lambda e: -len(e.get("docs") or []))
        ],
        "reuse": [
            {"index": n, "other": o, "other_label": source_label(meta.get(o), o), "words": r[3]}
            for (n, r), o in zip(reuse_rows, others, strict=True)
        ],
    }
