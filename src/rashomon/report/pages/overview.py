"""The overview: the sources, coverage over time, the events most sources report,
the most disputed facts and how the sources frame the main actors."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from rashomon.report.facts import slot_label
from rashomon.report.pages import PageContext
from rashomon.report.pages.format import date_label, snippet, source_label
from rashomon.store import queries

TOP = 10
COVERAGE_SERIES = 6
FRAMING_ROWS = 12
FRAMING_COLUMNS = 12


def event_card(event: dict[str, Any], ctx: PageContext) -> dict[str, Any]:
    """The one-line description of an event that lists show."""
    facts = ctx.index.facts_by_event.get(event["id"], [])
    time = (event.get("time") or {}).get("value")
    return {
        "id": event["id"],
        "trigger": event.get("trigger") or "",
        "summary": snippet(event.get("summary") or event.get("trigger") or ""),
        "date": time,
        "date_label": date_label(time) if time else "undated",
        "sources": len(event.get("docs") or []),
        "facts": len(facts),
        "disputed": sum(1 for f in facts if ctx.index.facts[f].conflicts),
    }


def fact_card(fact: dict[str, Any], event: dict[str, Any] | None) -> dict[str, Any]:
    """A fact in a list: its slot, its values with how many sources give each, its conflicts."""
    return {
        "id": fact["id"],
        "event": fact["event"],
        "event_summary": snippet((event or {}).get("summary") or "", 140),
        "slot": fact["slot"],
        "slot_label": slot_label(fact["slot"]),
        "status": fact["status"],
        "values": [
            {"label": v.get("label") or v.get("value"), "sources": len(v.get("sources") or [])}
            for v in fact.get("values") or []
        ],
        "conflicts": [
            {k: c.get(k) for k in ("kind", "a", "b", "reason", "confidence", "note")}
            for c in fact.get("conflicts") or []
        ],
        "omitted": len(fact.get("omitted") or []),
    }


def _periods(first: str, last: str) -> tuple[int, list[str]]:
    """The period width (4 year, 7 month, 10 day) and every period from first to last."""
    start = dt.date.fromisoformat(first[:10])
    end = dt.date.fromisoformat(last[:10])
    days = (end - start).days
    if days <= 92:
        return 10, [(start + dt.timedelta(d)).isoformat() for d in range(days + 1)]
    if days <= 6 * 366:
        months, (y, m) = [], (start.year, start.month)
        while (y, m) <= (end.year, end.month):
            months.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return 7, months
    return 4, [f"{y:04d}" for y in range(start.year, end.year + 1)]


def _epoch(period: str) -> int:
    parts = [int(p) for p in period.split("-")] + [1, 1]
    return int(dt.datetime(parts[0], parts[1], parts[2], tzinfo=dt.UTC).timestamp())


def coverage_chart(ctx: PageContext) -> dict[str, Any]:
    """Documents per period, in total and for the outlets with most documents."""
    first, last, undated = queries.date_range(ctx.db)
    try:
        width, periods = _periods(first, last) if first and last else (7, [])
    except ValueError:
        width, periods = 7, []
    rows = queries.coverage(ctx.db, width) if periods else []
    per_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    for period, outlet, number in rows:
        per_outlet[outlet][period] += number
    ranked = sorted(per_outlet, key=lambda o: -sum(per_outlet[o].values()))
    total = Counter()
    for outlet in per_outlet:
        total.update(per_outlet[outlet])
    unit = {4: "year", 7: "month", 10: "day"}[width]
    return {
        "unit": unit,
        "periods": periods,
        "x": [_epoch(p) for p in periods],
        "total": [total.get(p, 0) for p in periods],
        "series": [
            {"outlet": o or "outlet unknown", "counts": [per_outlet[o].get(p, 0) for p in periods]}
            for o in ranked[:COVERAGE_SERIES]
        ],
        "undated": undated,
    }


def framing_matrix(ctx: PageContext) -> dict[str, Any]:
    """Entity × outlet: the stance each outlet's documents take, with their labels."""
    sources = ctx.index.framing_sources
    targets = [t for t in ctx.index.framing_by_kind.get("entity", []) if sources[t] >= 2]
    targets = sorted(targets, key=lambda t: (-sources[t], t))[:FRAMING_ROWS]
    framings = queries.items(ctx.db, [ctx.index.framing[t] for t in targets])
    docs = queries.documents_meta(ctx.db, [d for f in framings for d in f["stance"]])
    column_of = {d: (m.get("outlet") or source_label(m, d)) for d, m in docs.items()}
    coverage_by_column = Counter(column_of[d] for f in framings for d in f["stance"] if d in docs)
    columns = [c for c, _ in coverage_by_column.most_common(FRAMING_COLUMNS)]
    names = queries.entity_names(ctx.db, [f["target"] for f in framings])
    rows = []
    for f in framings:
        cells: dict[str, dict[str, Any]] = {}
        for doc, stance in f["stance"].items():
            column = column_of.get(doc)
            if column not in columns:
                continue
            cell = cells.setdefault(column, {"stances": Counter(), "labels": [], "docs": []})
            cell["stances"][stance] += 1
            cell["docs"].append(doc)
            for label in (f.get("labels") or {}).get(doc, []):
                if label not in cell["labels"]:
                    cell["labels"].append(label)
        row_cells = []
        for column in columns:
            cell = cells.get(column)
            if cell is None:
                row_cells.append(None)
                continue
            stances = cell["stances"]
            n = sum(stances.values())
            row_cells.append(
                {
                    "stance": stances.most_common(1)[0][0],
                    "score": (stances["positive"] - stances["negative"]) / n,
                    "counts": dict(stances),
                    "labels": cell["labels"][:6],
                    "docs": cell["docs"],
                }
            )
        name = names.get(f["target"], {}).get("name") or f.get("name") or f["target"]
        rows.append({"target": f["target"], "name": name, "cells": row_cells})
    return {"columns": columns, "rows": rows}


def overview_page(ctx: PageContext) -> dict[str, Any]:
    top_ids = ctx.index.events_by_sources[:TOP]
    top_events = [event_card(e, ctx) for e in ctx.events(top_ids)]
    disputed = [f.id for f in ctx.index.disputed[:TOP]]
    facts = ctx.facts(disputed)
    events = {e["id"]: e for e in ctx.events([f["event"] for f in facts])}
    first, last, undated = queries.date_range(ctx.db)
    return {
        "counts": ctx.index.counts,
        "dates": {"first": first, "last": last, "undated": undated},
        "outlets": queries.outlets(ctx.db),
        "coverage": coverage_chart(ctx),
        "top_events": top_events,
        "disputed": [fact_card(f, events.get(f["event"])) for f in facts],
        "framing": framing_matrix(ctx),
        "errors": queries.errors(ctx.db),
        "event_types": [t for t, _ in ctx.index.triggers.most_common(60) if t],
    }
