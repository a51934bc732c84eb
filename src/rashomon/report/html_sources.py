"""The report's "across sources" part: facts, copied passages, framing.

The same selections as ``rashomon compare`` (most agreed, most disputed),
as HTML tables whose cells link to the documents' sections in the page.
"""

from __future__ import annotations

from html import escape

from rashomon.link.framing import framing_table
from rashomon.model import Analysis
from rashomon.report.compare import SourceNames
from rashomon.report.facts import agreements, disputes, slot_label

SNIPPET = 220


def _cut(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _source(names: SourceNames, doc: str) -> str:
    return f'<a href="#{escape(doc)}">{escape(names(doc))}</a>'


def _fact_rows(analysis: Analysis, names: SourceNames, top: int) -> str:
    rows = []
    for d in disputes(analysis, top):
        sides = []
        for value in (d.a, d.b):
            said = "".join(
                f"<div>{_source(names, s.doc)}"
                f"{escape(f' (says {s.attribution})') if s.attribution else ''}: "
                f"<i>“{escape(_cut(names.text(s.doc, s.sentence_start, s.sentence_end), 160))}”</i>"
                f"</div>"
                for s in value.statements[:3]
            )
            sides.append(f"<b>{escape(value.label)}</b>{said}")
        rows.append(
            f"<tr><td>{escape(slot_label(d.fact.slot))}</td><td>{sides[0]}</td>"
            f"<td>{sides[1]}</td><td>{escape(d.conflict.reason)} "
            f"({d.conflict.confidence:.2f})</td></tr>"
        )
    head = "<tr><th>what</th><th>one side</th><th>the other side</th><th>why</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>" if rows else "<p class=meta>none found</p>"


def _agreement_rows(analysis: Analysis, names: SourceNames, top: int) -> str:
    rows = [
        f"<tr><td>{escape(slot_label(f.slot))}</td><td>{escape(v.label)}</td>"
        f"<td>{'<br>'.join(_source(names, d) for d in v.sources)}</td></tr>"
        for f, v in agreements(analysis, top)
    ]
    head = "<tr><th>what</th><th>value</th><th>independent sources</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>" if rows else "<p class=meta>none found</p>"


def across_sources_html(analysis: Analysis, top: int = 15) -> str:
    """The HTML of the cross-source sections."""
    names = SourceNames(analysis)
    parts = [
        "<h2>Disputed facts</h2>",
        _fact_rows(analysis, names, top),
        "<h2>Agreed facts</h2>",
        _agreement_rows(analysis, names, top),
        "<h2>Copied passages</h2>",
    ]
    reuse_rows = [
        f"<tr><td>{_source(names, r.a.doc)}{'' if r.earlier else ' (order unknown)'}</td>"
        f"<td>{_source(names, r.b.doc)}</td><td>{r.words}</td><td>{r.similarity:.2f}</td>"
        f"<td>{escape(_cut(names.text(r.a.doc, r.a.start, r.a.end)))}</td></tr>"
        for r in sorted(analysis.reuse, key=lambda r: -r.words)[:top]
    ]
    parts.append(
        "<table><tr><th>first published</th><th>copied in</th><th>words</th><th>similarity</th>"
        f"<th>passage</th></tr>{''.join(reuse_rows)}</table>"
        if reuse_rows
        else "<p class=meta>none found</p>"
    )
    parts.append("<h2>Framing: the words each source uses</h2>")
    rows = framing_table(analysis.framing, analysis.documents, analysis.entities)
    rows.sort(key=lambda r: -len(r.cells))
    cells = []
    for row in rows[:top]:
        for i, cell in enumerate(row.cells):
            target = escape(row.name) if i == 0 else ""
            cells.append(
                f"<tr><td>{target}</td><td>{_source(names, cell.doc)}</td>"
                f"<td>{escape(', '.join(cell.labels[:6])) or '—'}</td>"
                f"<td class=stance-{escape(cell.stance)}>{escape(cell.stance)}</td></tr>"
            )
    parts.append(
        "<table><tr><th>target</th><th>source</th><th>labels</th><th>stance</th></tr>"
        f"{''.join(cells)}</table>"
        if cells
        else "<p class=meta>none found</p>"
    )
    return "".join(parts)
