"""``report.html``: one self-contained page with the documents and their findings.

No template engine and no external asset: the page must open offline from a
file, be mailed as an attachment and archived. Every finding is shown in its
document's cleaned text, so a reader sees the words behind it.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from pathlib import Path

from rashomon.model import Analysis, Document, Quantity, Quote, TimeMention
from rashomon.report.html_sources import across_sources_html

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#22223b;color:#fff;padding:1rem 2rem}
header h1{margin:0;font-size:1.4rem}
main{padding:1rem 2rem;max-width:72rem}
section.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:1rem}
.meta{color:#555;font-size:.9rem}
.text{white-space:pre-wrap;border-left:3px solid #eee;padding-left:.8rem;margin:.6rem 0}
mark{border-radius:3px;padding:0 2px}
mark.PERSON{background:#ffe3b3}mark.ORG{background:#c9e4ff}mark.GPE,mark.LOC,mark.FAC{background:#d4f4d2}
mark.NORP,mark.EVENT,mark.PRODUCT{background:#eadcff}
mark.time{background:#ffd1dc}mark.quantity{background:#fff3a3}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f5}
details{margin:.4rem 0}.errors li{color:#a00}
.legend mark{margin-right:.4rem}
.stance-negative{color:#a00}.stance-positive{color:#070}.stance-neutral{color:#666}
"""


def _row(cells: list[object]) -> str:
    return (
        "<tr>"
        + "".join(f"<td>{escape(str(c)) if c is not None else ''}</td>" for c in cells)
        + "</tr>"
    )


def _table(headers: list[str], rows: list[list[object]]) -> str:
    if not rows:
        return "<p class=meta>none found</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f"<table><tr>{head}</tr>{''.join(_row(r) for r in rows)}</table>"


def highlighted_text(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` with non-overlapping ``(start, end, css class, title)`` spans marked."""
    out: list[str] = []
    cursor = 0
    for start, end, css, title in sorted(spans):
        if start < cursor or end > len(text):
            continue  # overlaps an earlier, higher-priority mark
        out.append(escape(text[cursor:start]))
        out.append(f'<mark class="{css}" title="{escape(title)}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def _document_section(
    document: Document,
    entity_spans: list[tuple[int, int, str, str]],
    times: list[TimeMention],
    quantities: list[Quantity],
    quotes: list[Quote],
    words: int | None,
) -> str:
    spans = [(t.start, t.end, "time", f"{t.type} {t.value}") for t in times]
    taken = [(s, e) for s, e, _, _ in spans]
    for q in quantities:
        if not any(q.start < e and s < q.end for s, e in taken):
            spans.append(
                (q.start, q.end, "quantity", f"{q.value} {q.unit or ''} {q.counted or ''}")
            )
    taken = [(s, e) for s, e, _, _ in spans]
    spans += [sp for sp in entity_spans if not any(sp[0] < e and s < sp[1] for s, e in taken)]
    meta = " · ".join(
        escape(part)
        for part in (
            document.outlet or "outlet unknown",
            document.author or "author unknown",
            document.published or "date unknown",
            f"{words} words" if words is not None else "",
            document.source,
        )
        if part
    )
    removed = _table(["removed line", "reason"], [[b.text, b.reason] for b in document.boilerplate])
    return (
        f'<section class=doc id="{escape(document.id)}">'
        f"<h2>{escape(document.title or document.id)}</h2>"
        f"<p class=meta>{meta}</p>"
        f"<div class=text>{highlighted_text(document.text, spans)}</div>"
        f"<details><summary>Dates ({len(times)})</summary>"
        + _table(
            ["text", "type", "value", "mod", "anchor"],
            [[t.text, t.type, t.value, t.mod, t.anchor] for t in times],
        )
        + f"</details><details><summary>Quantities ({len(quantities)})</summary>"
        + _table(
            ["text", "value", "low", "high", "approx.", "unit", "counted"],
            [
                [q.text, q.value, q.low, q.high, q.approximate, q.unit, q.counted]
                for q in quantities
            ],
        )
        + f"</details><details><summary>Quotes and attributions ({len(quotes)})</summary>"
        + _table(
            ["speaker", "cue", "direct", "text"],
            [[q.speaker, q.cue, "direct" if q.direct else "reported", q.text] for q in quotes],
        )
        + f"</details><details><summary>Removed boilerplate ({len(document.boilerplate)})</summary>"
        + removed
        + "</details></section>"
    )


def render_html(analysis: Analysis, words: dict[str, int] | None = None) -> str:
    """The whole page as a string."""
    words = words or {}
    entity_spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for entity in analysis.entities:
        for m in entity.mentions:
            entity_spans[m.doc].append(
                (m.start, m.end, entity.type, f"{entity.type}: {entity.name}")
            )
    by_doc: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for kind, items in (
        ("times", analysis.times),
        ("quantities", analysis.quantities),
        ("quotes", analysis.quotes),
    ):
        for item in items:
            by_doc[item.doc][kind].append(item)
    sections = [
        _document_section(
            d,
            entity_spans[d.id],
            by_doc[d.id]["times"],
            by_doc[d.id]["quantities"],
            by_doc[d.id]["quotes"],
            words.get(d.id),
        )
        for d in analysis.documents
    ]
    index_rows = "".join(
        f'<tr><td><a href="#{escape(d.id)}">{escape(d.title or d.id)}</a></td>'
        f"<td>{escape(d.outlet or '')}</td><td>{escape(d.published or '')}</td>"
        f"<td>{words.get(d.id, '')}</td><td>{len(by_doc[d.id]['times'])}</td>"
        f"<td>{len(by_doc[d.id]['quantities'])}</td><td>{len(by_doc[d.id]['quotes'])}</td></tr>"
        for d in analysis.documents
    )
    index = (
        "<table><tr><th>title</th><th>outlet</th><th>published</th><th>words</th>"
        f"<th>dates</th><th>quantities</th><th>quotes</th></tr>{index_rows}</table>"
    )
    entity_rows = [
        [e.name, e.type, ", ".join(e.aliases[:8]), len(e.mentions), len(e.docs)]
        for e in analysis.entities[:200]
    ]
    errors = "".join(f"<li>{escape(str(e))}</li>" for e in analysis.errors)
    dupes = "".join(
        f"<li>{escape(d['source'])} = document {escape(d['duplicate_of'])}</li>"
        for d in analysis.duplicates
    )
    legend = (
        "<p class=legend><mark class=PERSON>person</mark><mark class=ORG>organisation</mark>"
        "<mark class=GPE>place</mark><mark class=NORP>group/other</mark>"
        "<mark class=time>date/time</mark><mark class=quantity>quantity</mark></p>"
    )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width,initial-scale=1'>"
        f"<title>Rashomon report</title><style>{STYLE}</style></head><body>"
        f"<header><h1>Rashomon report</h1><p>{len(analysis.documents)} documents, "
        f"{len(analysis.entities)} entities, {len(analysis.times)} dates, "
        f"{len(analysis.quantities)} quantities, {len(analysis.quotes)} quotes, "
        f"{len(analysis.errors)} failures</p></header><main>"
        + (f"<h2>Files that could not be read</h2><ul class=errors>{errors}</ul>" if errors else "")
        + (f"<h2>Exact duplicates (stored once)</h2><ul>{dupes}</ul>" if dupes else "")
        + across_sources_html(analysis)
        + "<h2>Documents</h2>"
        + index
        + f"<details><summary><h2 style=display:inline>Entities ({len(analysis.entities)})"
        + "</h2></summary>"
        + _table(["name", "type", "also written", "mentions", "documents"], entity_rows)
        + "</details>"
        + legend
        + "".join(sections)
        + "</main></body></html>"
    )


def write_html(analysis: Analysis, path: str | Path, words: dict[str, int] | None = None) -> None:
    Path(path).write_text(render_html(analysis, words), encoding="utf-8")
