"""The event page: who reports it, the source × fact matrix, each dispute side by
side with both sentences, and the words each source uses.

A cell of the matrix says what one source does with one fact of the event, as
:func:`rashomon.report.facts.cell_of` decides for every view (``compare``, the
report, the web app): ``supports`` (a value another independent source also
gives), ``states`` (the only source of an undisputed value), ``disputes``,
``revises`` (the later value of a revision), ``revised`` (the earlier one),
``copies`` (a statement copied from another source), ``omits`` (reports the
event, silent on this fact), or nothing (not one of the fact's sources).
"""

from __future__ import annotations

from typing import Any

from rashomon.model import HELD_BACK_REASONS, Fact, from_dict
from rashomon.report.facts import cell_of, slot_label, slot_sort_key
from rashomon.report.pages import PageContext
from rashomon.report.pages.format import date_label, passage, source_label
from rashomon.report.pages.overview import fact_card
from rashomon.store import queries

STATEMENTS_PER_SIDE = 4


def _note(fact: Fact, index: int | None) -> str:
    if index is None:
        return ""
    notes = [f"{c.kind}: {c.note or c.reason}" for c in fact.conflicts if index in (c.a, c.b)]
    for d in fact.held_back:
        if index in (d.a, d.b) and max(d.a, d.b) < len(fact.values):
            other = fact.values[d.b if index == d.a else d.a].label
            notes.append(f"not compared with {other}: {HELD_BACK_REASONS.get(d.why, d.why)}")
    return "; ".join(notes)


def fact_matrix(facts: list[dict[str, Any]], docs: list[str]) -> list[list[dict[str, Any] | None]]:
    """One row per document, one cell per fact (``None``: not one of its sources)."""
    models = [from_dict(Fact, f) for f in facts]
    rows = []
    for doc in docs:
        cells: list[dict[str, Any] | None] = []
        for fact in models:
            cell = cell_of(fact, doc)
            if cell is None:
                cells.append(None)
                continue
            index = next(
                (i for i, v in enumerate(fact.values) if cell.statement in v.statements), None
            )
            note = _note(fact, index)
            if cell.state == "omits":
                note = "reports the event, silent here"
            elif cell.copied_from:
                note = f"copied from {cell.copied_from}" + (f"; {note}" if note else "")
            cells.append({"role": cell.state, "value": cell.value, "note": note, "index": index})
        rows.append(cells)
    return rows


def _side(
    value: dict[str, Any], texts: dict[str, str], meta: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    statements = []
    for s in (value.get("statements") or [])[:STATEMENTS_PER_SIDE]:
        text = texts.get(s["doc"], "")
        if not text:
            continue
        sentence = (s.get("sentence_start", s["start"]), s.get("sentence_end", s["end"]))
        shown = passage(text, s["start"], s["end"])
        shown["sentence"] = [
            max(sentence[0] - shown["start"], 0),
            min(sentence[1] - shown["start"], len(shown["text"])),
        ]
        statements.append(
            {
                "doc": s["doc"],
                "source": source_label(meta.get(s["doc"]), s["doc"]),
                "text": s.get("text") or text[s["start"] : s["end"]],
                "start": s["start"],
                "attribution": s.get("attribution"),
                "copied_from": s.get("copied_from"),
                "passage": shown,
            }
        )
    return {
        "label": value.get("label") or value.get("value"),
        "value": value.get("value"),
        "sources": value.get("sources") or [],
        "statements": statements,
    }


def disputes(facts: list[dict[str, Any]], ctx: PageContext) -> list[dict[str, Any]]:
    """Every conflict of the facts, with both sides' sentences in their paragraphs."""
    docs = [
        s["doc"] for f in facts for v in f.get("values") or [] for s in v.get("statements") or []
    ]
    texts = queries.texts(ctx.db, docs) if docs else {}
    meta = queries.documents_meta(ctx.db, docs) if docs else {}
    out = []
    for fact in facts:
        values = fact.get("values") or []
        for n, c in enumerate(fact.get("conflicts") or []):
            a, b = c.get("a"), c.get("b")
            if not (isinstance(a, int) and isinstance(b, int)):
                continue
            if not (0 <= a < len(values) and 0 <= b < len(values)):
                continue
            out.append(
                {
                    "id": f"{fact['id']}-{n}",
                    "fact": fact["id"],
                    "slot": fact["slot"],
                    "slot_label": slot_label(fact["slot"]),
                    "kind": c.get("kind"),
                    "reason": c.get("reason"),
                    "note": c.get("note"),
                    "confidence": c.get("confidence"),
                    "a": _side(values[a], texts, meta),
                    "b": _side(values[b], texts, meta),
                }
            )
    return out


def held_back(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pairs of values that cannot both hold on which the comparison abstained, with
    why, so the page never says the sources agree where they only were not compared."""
    out = []
    for fact in facts:
        values = fact.get("values") or []
        for d in fact.get("held_back") or []:
            a, b = d.get("a"), d.get("b")
            if not (isinstance(a, int) and isinstance(b, int)):
                continue
            if not (0 <= a < len(values) and 0 <= b < len(values)):
                continue
            out.append(
                {
                    "fact": fact["id"],
                    "slot_label": slot_label(fact["slot"]),
                    "a": values[a].get("label") or values[a].get("value"),
                    "b": values[b].get("label") or values[b].get("value"),
                    "a_sources": values[a].get("sources") or [],
                    "b_sources": values[b].get("sources") or [],
                    "why": HELD_BACK_REASONS.get(d.get("why", ""), d.get("why", "")),
                }
            )
    return out


def framing_words(
    event: dict[str, Any], ctx: PageContext, names: dict[str, dict[str, str]]
) -> tuple[str, list[dict[str, Any]]]:
    """The words each source uses for the event, else for its participants."""
    framings = []
    own = ctx.framing(event["id"])
    if own:
        framings, kind = [own], "event"
    else:
        kind = "participants"
        for entity in event.get("participants") or []:
            found = ctx.framing(entity)
            if found:
                framings.append(found)
    reporting = set(event.get("docs") or [])
    per_doc: dict[str, dict[str, Any]] = {}
    for f in framings:
        target = names.get(f["target"], {}).get("name") or f.get("name") or f["target"]
        docs = set(f.get("words") or {}) | set(f.get("labels") or {}) | set(f.get("stance") or {})
        for doc in docs & reporting:
            entry = per_doc.setdefault(doc, {"doc": doc, "words": [], "stances": {}})
            for w in (f.get("words") or {}).get(doc, []):
                entry["words"].append(
                    {
                        "text": w.get("text"),
                        "kind": w.get("kind"),
                        "quoted": bool(w.get("quoted")),
                        "polarity": w.get("polarity"),
                        "target": target,
                    }
                )
            if not (f.get("words") or {}).get(doc):
                for label in (f.get("labels") or {}).get(doc, []):
                    entry["words"].append(
                        {"text": label, "kind": "label", "quoted": False, "target": target}
                    )
            if doc in (f.get("stance") or {}):
                entry["stances"][target] = f["stance"][doc]
    return kind, [per_doc[d] for d in event.get("docs") or [] if d in per_doc]


def event_page(ctx: PageContext, event_id: str) -> dict[str, Any] | None:
    found = ctx.events([event_id])
    if not found:
        return None
    event = found[0]
    facts = ctx.facts(ctx.index.facts_by_event.get(event_id, []))
    facts.sort(key=lambda f: slot_sort_key(f.get("slot") or ""))
    docs = list(dict.fromkeys([m["doc"] for m in event.get("mentions") or []] + event["docs"]))
    meta = queries.documents_meta(ctx.db, docs)
    docs.sort(
        key=lambda d: (
            (meta.get(d) or {}).get("published") is None,
            (meta.get(d) or {}).get("published") or "",
        )
    )
    names = queries.entity_names(
        ctx.db, [*(event.get("participants") or []), event.get("place") or ""]
    )
    kind, words = framing_words(event, ctx, names)
    for entry in words:
        entry["source"] = source_label(meta.get(entry["doc"]), entry["doc"])
    time = (event.get("time") or {}).get("value")
    return {
        "event": {
            "id": event["id"],
            "trigger": event.get("trigger"),
            "summary": event.get("summary"),
            "date": time,
            "date_label": date_label(time) if time else "undated",
            "date_text": (event.get("time") or {}).get("text"),
            "place": {"id": event["place"], **names[event["place"]]}
            if event.get("place") in names
            else None,
            "participants": [
                {"id": p, **names[p]} for p in event.get("participants") or [] if p in names
            ],
        },
        "sources": [
            {
                "doc": d,
                "label": source_label(meta.get(d), d),
                "title": (meta.get(d) or {}).get("title"),
                "mentions": [
                    {"start": m["start"], "end": m["end"], "text": m["text"]}
                    for m in event.get("mentions") or []
                    if m["doc"] == d
                ],
            }
            for d in docs
        ],
        "facts": [fact_card(f, event) for f in facts],
        "matrix": fact_matrix(facts, docs),
        "disputes": disputes(facts, ctx),
        "held_back": held_back(facts),
        "framing_of": kind,
        "framing": words,
    }
