"""``rashomon compare``: the sources side by side in the terminal.

Disputed facts side by side (each side's value, sources, attribution and
sentence), revised figures in time order, each event's source × fact matrix
(who agrees, disputes, revises, copies or omits), agreed facts with their
independent sources, copied passages with their direction, and the framing
table. Every line names its sources, so a reader can go back to the sentences.
Document text is shown as rich ``Text``, never parsed as markup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from rashomon.link.framing import framing_table, source_summary
from rashomon.model import Analysis, Fact, FactStatement, FactValue
from rashomon.report.facts import (
    COPIES,
    DISPUTES,
    OMITS,
    REVISED,
    REVISES,
    STATES,
    SUPPORTS,
    HeldBack,
    Incident,
    agreements,
    disputes,
    held_back,
    incidents,
    revisions,
    slot_label,
    sources_of,
)
from rashomon.report.pages.format import file_name
from rashomon.store import Store
from rashomon.textsafe import one_line

SNIPPET = 160


def _snippet(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class SourceNames:
    """Short, readable names for documents: outlet, else title, else file name, else id."""

    def __init__(self, analysis: Analysis) -> None:
        self.docs = {d.id: d for d in analysis.documents}

    def __call__(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        if doc is None:
            return doc_id
        name = doc.outlet or _snippet(doc.title or file_name(doc.source) or doc.id, 40)
        return f"{name} ({doc.published[:10]})" if doc.published else name

    def text(self, doc_id: str, start: int, end: int) -> str:
        doc = self.docs.get(doc_id)
        return doc.text[start:end] if doc else ""


def _sentence(names: SourceNames, s: FactStatement, width: int = 70) -> Text:
    """The statement's sentence around its value, the value in bold."""
    doc = names.docs.get(s.doc)
    text = Text()
    if doc is None:
        return text.append(s.text)
    left = doc.text[max(s.sentence_start, s.start - width) : s.start]
    right = doc.text[s.end : min(s.sentence_end, s.end + width)]
    text.append(("…" if s.start - width > s.sentence_start else "") + " ".join(left.split()))
    text.append(" " + " ".join(doc.text[s.start : s.end].split()) + " ", style="bold yellow")
    text.append(" ".join(right.split()) + ("…" if s.end + width < s.sentence_end else ""))
    return text


def _side(names: SourceNames, value: FactValue) -> Text:
    text = Text(value.label, style="bold")
    for s in value.statements[:3]:
        said = f", says {s.attribution}" if s.attribution else ""
        copied = f", copied from {names(s.copied_from)}" if s.copied_from else ""
        text.append(f"\n{names(s.doc)}{said}{copied}:\n", style="cyan")
        text.append_text(_sentence(names, s))
    if len(value.statements) > 3:
        text.append(f"\n… and {len(value.statements) - 3} more", style="dim")
    return text


AGREED_SHOWN = 3  # sources whose own sentence an agreement shows


def _agreed_side(names: SourceNames, value: FactValue) -> Text:
    """An agreed value with each independent source's own sentence (its first
    statement), so the reader sees what every supporter says, not only that it agrees:
    two agreed days of one event read apart ("pleaded guilty Wednesday" / "records
    disclosed Wednesday")."""
    text = Text(value.label, style="bold")
    first: dict[str, FactStatement] = {}
    for s in value.statements:
        first.setdefault(s.doc, s)
    shown = [first[d] for d in value.sources if d in first][:AGREED_SHOWN]
    for s in shown:
        said = f", says {s.attribution}" if s.attribution else ""
        text.append(f"\n{names(s.doc)}{said}:\n", style="cyan")
        text.append_text(_sentence(names, s, width=50))
    if len(value.sources) > len(shown):
        text.append(f"\n… and {len(value.sources) - len(shown)} more sources", style="dim")
    return text


def _event_name(analysis: Analysis, fact: Fact) -> str:
    event = next((e for e in analysis.events if e.id == fact.event), None)
    return _snippet(event.summary, 90) if event else fact.event


def _disputes_table(analysis: Analysis, names: SourceNames, top: int) -> Table:
    table = Table(title="Disputed facts", show_lines=True, expand=True)
    table.add_column("event · what", ratio=2)
    table.add_column("one side", ratio=4)
    table.add_column("the other side", ratio=4)
    table.add_column("why", min_width=11)
    for d in disputes(analysis, top):
        table.add_row(
            Text(f"{_event_name(analysis, d.fact)}\n", style="dim").append(
                slot_label(d.fact.slot), style="bold"
            ),
            _side(names, d.a),
            _side(names, d.b),
            Text(f"{d.conflict.reason}\nconfidence {d.conflict.confidence:.2f}", style="red"),
        )
    return table


def _held_back_table(analysis: Analysis, names: SourceNames, top: int) -> Table:
    table = Table(
        title="Different values not called disputes (Rashomon abstained; check by hand)",
        show_lines=True,
        expand=True,
    )
    table.add_column("event · what", ratio=2)
    table.add_column("one value", ratio=4)
    table.add_column("other values", ratio=4)
    table.add_column("why not compared", ratio=2)
    for first, others in held_back_rows(held_back(analysis))[:top]:
        table.add_row(
            Text(f"{_event_name(analysis, first.fact)}\n", style="dim").append(
                slot_label(first.fact.slot), style="bold"
            ),
            _side(names, first.a),
            _side(names, others[0]) if len(others) == 1 else _values_list(names, others),
            Text(first.why, style="yellow"),
        )
    return table


def held_back_rows(found: list[HeldBack]) -> list[tuple[HeldBack, list[FactValue]]]:
    """The held-back pairs as rows: all the pairs of one fact held back for one reason
    are one row, its weightiest value against the others ("$750,000" against the
    itemised sums a source also gives), so the list does not repeat the same side and
    sentences once per pair."""
    rows: dict[tuple[str, str], tuple[HeldBack, list[FactValue]]] = {}
    for h in found:
        first, others = rows.setdefault((h.fact.id, h.difference.why), (h, []))
        for value in (h.a, h.b):
            labels = {first.a.label} | {v.label for v in others}
            if value.label not in labels:
                others.append(value)
    return list(rows.values())


def _values_list(names: SourceNames, values: list[FactValue]) -> Text:
    """Several values, each with its first statement's source and sentence."""
    text = Text()
    for i, value in enumerate(values[:AGREED_SHOWN]):
        s = value.statements[0]
        text.append(("\n" if i else "") + value.label, style="bold")
        text.append(f"\n{names(s.doc)}:\n", style="cyan")
        text.append_text(_sentence(names, s, width=50))
    if len(values) > AGREED_SHOWN:
        rest = ", ".join(v.label for v in values[AGREED_SHOWN:])
        text.append(f"\n… and {rest}", style="dim")
    return text


def _revisions_table(analysis: Analysis, names: SourceNames, top: int) -> Table:
    table = Table(title="Revised figures (in time order)", show_lines=True, expand=True)
    table.add_column("event · what", ratio=2)
    table.add_column("earlier", ratio=4)
    table.add_column("later", ratio=4)
    for d in revisions(analysis)[:top]:
        table.add_row(
            Text(f"{_event_name(analysis, d.fact)}\n", style="dim").append(
                slot_label(d.fact.slot), style="bold"
            ),
            _side(names, d.a),
            _side(names, d.b),
        )
    return table


CELL_STYLE = {
    SUPPORTS: ("✓ ", "green"),
    STATES: ("· ", ""),
    DISPUTES: ("✗ ", "red"),
    REVISES: ("↻ ", "magenta"),
    REVISED: ("⇢ ", "dim magenta"),
    COPIES: ("⧉ ", "dim"),
    OMITS: ("— ", "dim"),
}


def _incident_table(analysis: Analysis, incident: Incident, names: SourceNames) -> Table:
    title = _snippet(incident.event.summary, 100) if incident.event else "event"
    table = Table(title=title, show_lines=False, expand=True, title_justify="left")
    table.add_column("source", ratio=2)
    slots = incident.slots[:6]
    for slot in slots:
        table.add_column(slot_label(slot), ratio=2)
    for doc in incident.docs:
        row: list[RenderableType] = [Text(names(doc))]
        for slot in slots:
            cell = incident.cell(doc, slot)
            if cell is None:
                row.append(Text(""))
                continue
            mark, style = CELL_STYLE[cell.state]
            label = cell.value if cell.state != OMITS else "not stated"
            row.append(Text(mark + label, style=style))
        table.add_row(*row)
    return table


def _agreements_table(analysis: Analysis, names: SourceNames, top: int) -> Table:
    table = Table(title="Agreed facts (independent sources)", show_lines=True, expand=True)
    table.add_column("event · what", ratio=2)
    table.add_column("value, and what each source says", ratio=5)
    table.add_column("sources", ratio=2)
    for fact, value in agreements(analysis, top):
        copies = sorted({s.doc for s in value.statements if s.copied_from})
        sources = ", ".join(names(d) for d in value.sources)
        if copies:
            sources += f" (+ {len(copies)} copied)"
        table.add_row(
            Text(f"{_event_name(analysis, fact)}\n", style="dim").append(
                slot_label(fact.slot), style="bold"
            ),
            _agreed_side(names, value),
            Text(sources),
        )
    return table


def _reuse_table(analysis: Analysis, names: SourceNames, top: int) -> Table:
    table = Table(title="Copied passages", show_lines=True, expand=True)
    table.add_column("first published", ratio=2)
    table.add_column("copied in", ratio=2)
    table.add_column("words", justify="right")
    table.add_column("similarity", justify="right")
    table.add_column("passage", ratio=4)
    for reuse in sorted(analysis.reuse, key=lambda r: -r.words)[:top]:
        first, then = reuse.a, reuse.b
        if reuse.earlier is None:
            first_name, then_name = f"{names(first.doc)} (order unknown)", names(then.doc)
        else:
            first_name, then_name = names(first.doc), names(then.doc)
        table.add_row(
            first_name,
            then_name,
            str(reuse.words),
            f"{reuse.similarity:.2f}",
            _snippet(names.text(first.doc, first.start, first.end)),
        )
    return table


def _framing_tables(analysis: Analysis, names: SourceNames, top: int) -> Iterator[Table]:
    rows = framing_table(analysis.framing, analysis.documents, analysis.entities)
    rows.sort(key=lambda r: -len(r.cells))
    table = Table(title="Framing: the words each source uses", show_lines=True, expand=True)
    table.add_column("target", ratio=2)
    table.add_column("source", ratio=2)
    table.add_column("labels", ratio=4)
    table.add_column("stance")
    style = {"negative": "red", "positive": "green", "neutral": "dim"}
    for row in rows[:top]:
        for i, cell in enumerate(row.cells):
            table.add_row(
                row.name if i == 0 else "",
                names(cell.doc),
                ", ".join(cell.labels[:6]) or "—",
                Text(cell.stance, style=style.get(cell.stance, "")),
            )
    yield table
    summary = source_summary(analysis.framing)
    if summary:
        glance = Table(title="Sources at a glance", expand=True)
        for column in ("source", "targets", "loaded labels", "negative", "neutral", "positive"):
            glance.add_column(column, justify="left" if column == "source" else "right")
        for doc, row in sorted(summary.items(), key=lambda kv: -kv[1]["loaded_share"]):
            glance.add_row(
                names(doc),
                str(int(row["targets"])),
                f"{row['loaded_share']:.0%}",
                str(int(row["negative"])),
                str(int(row["neutral"])),
                str(int(row["positive"])),
            )
        yield glance


def compare_view(analysis: Analysis, top: int = 10) -> list[RenderableType]:
    """Everything ``rashomon compare`` prints, in order."""
    names = SourceNames(analysis)
    if len(analysis.documents) < 2:
        return [
            Text(
                f"Comparing needs two sources or more; this analysis holds "
                f"{len(analysis.documents)} document. Add more with `rashomon analyze`.",
                style="yellow",
            )
        ]
    status = Counter(f.status for f in analysis.facts)
    # events whose facts two sources or more give (an event's reports may sit in several
    # linked events of one happening; the facts gather them)
    multi = len({f.event for f in analysis.facts if len(sources_of(f)) >= 2})
    parts: list[RenderableType] = [
        Text(
            f"{len(analysis.documents)} documents · {multi} event{'' if multi == 1 else 's'} "
            f"compared across sources · facts: {status['agreed']} agreed, "
            f"{status['disputed']} disputed, "
            f"{status['revised']} revised, "
            f"{status['uncertain']} unclear (values differ, not compared: why below), "
            f"{status['single']} from one source · {len(analysis.reuse)} copied passages",
            style="bold",
        ),
        Text(
            "A dispute is shown only when two independent sources give values that cannot "
            "both be true and agree on other details of the same incident.",
            style="dim",
        ),
    ]
    found = disputes(analysis, top)
    parts.append(
        _disputes_table(analysis, names, top)
        if found
        else Text("No disputed facts found.", style="dim")
    )
    if revisions(analysis):
        parts.append(_revisions_table(analysis, names, top))
    if held_back(analysis):
        parts.append(_held_back_table(analysis, names, max(1, top // 2)))
    shown = [i for i in incidents(analysis) if len(i.docs) >= 2][: max(1, top // 2)]
    if shown:
        parts.append(
            Text(
                "Events across sources (✓ agrees · ✗ disputed · ↻ revises · ⇢ revised · "
                "⧉ copied · — reports the event, does not say):",
                style="bold",
            )
        )
        parts.extend(_incident_table(analysis, i, names) for i in shown)
    parts.append(_agreements_table(analysis, names, top))
    if analysis.reuse:
        parts.append(_reuse_table(analysis, names, top))
    parts.extend(_framing_tables(analysis, names, top))
    return parts


def compare_command(db_path: Path, console: Console, top: int = 10) -> int:
    """Print the comparison of a stored analysis; the exit status."""
    if not Path(db_path).is_file():
        console.print(
            Text.assemble(("error", "red"), f" {one_line(str(db_path))}: no such database")
        )
        return 2
    with Store(db_path) as store:
        analysis = store.load_analysis()
    for part in compare_view(analysis, top):
        console.print(part)
    return 0
