"""``rashomon compare``: the sources side by side in the terminal.

Agreed claims (most sources first), disputed claims with each contradiction's
reason, copied passages with their direction, and the framing table: the
words each source uses for the same target, and its stance. Every line names
its sources, so a reader can go back to the sentences.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from rashomon.link.framing import framing_table, source_summary
from rashomon.model import Analysis, Claim
from rashomon.store import Store

SNIPPET = 160


def _snippet(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class SourceNames:
    """Short, readable names for documents: outlet, else title, else id."""

    def __init__(self, analysis: Analysis) -> None:
        self.docs = {d.id: d for d in analysis.documents}

    def __call__(self, doc_id: str) -> str:
        doc = self.docs.get(doc_id)
        if doc is None:
            return doc_id
        name = doc.outlet or _snippet(doc.title or doc.id, 40)
        return f"{name} ({doc.published[:10]})" if doc.published else name

    def text(self, doc_id: str, start: int, end: int) -> str:
        doc = self.docs.get(doc_id)
        return doc.text[start:end] if doc else ""


def agreed(claims: list[Claim], top: int) -> list[Claim]:
    """Claims backed by the most sources, uncontested first."""
    backed = [c for c in claims if len(c.support) >= 2]
    return sorted(backed, key=lambda c: (-len(c.support), len(c.contradict), c.id))[:top]


def disputed(claims: list[Claim], top: int) -> list[Claim]:
    """Claims that some sources contradict, most contested first."""
    contested = [c for c in claims if c.contradict]
    return sorted(contested, key=lambda c: (-len(c.contradict), -len(c.support), c.id))[:top]


def _claims_table(title: str, claims: list[Claim], names: SourceNames) -> Table:
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("claim", ratio=3)
    table.add_column("supported by", ratio=2)
    table.add_column("contradicted by (why)", ratio=3)
    table.add_column("silent", justify="right")
    for claim in claims:
        against = Text()
        for c in claim.contradict:
            against.append(f"{names(c.doc)}: ", style="bold")
            against.append(f"{c.reason}\n", style="red")
            against.append(f"“{_snippet(names.text(c.doc, c.start, c.end), 100)}”\n", style="dim")
        table.add_row(
            _snippet(claim.text),
            "\n".join(names(d) for d in claim.support),
            against,
            str(len(claim.silent)),
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
    parts: list[RenderableType] = [
        Text(
            f"{len(analysis.documents)} documents · {len(analysis.claims)} claims · "
            f"{len(analysis.reuse)} copied passages · {len(analysis.framing)} framed targets",
            style="bold",
        )
    ]
    parts.append(_claims_table("Most agreed claims", agreed(analysis.claims, top), names))
    parts.append(_claims_table("Disputed claims", disputed(analysis.claims, top), names))
    if analysis.reuse:
        parts.append(_reuse_table(analysis, names, top))
    parts.extend(_framing_tables(analysis, names, top))
    return parts


def compare_command(db_path: Path, console: Console, top: int = 10) -> int:
    """Print the comparison of a stored analysis; the exit status."""
    if not Path(db_path).is_file():
        console.print(f"[red]error[/red] {db_path}: no such database")
        return 2
    with Store(db_path) as store:
        analysis = store.load_analysis()
    for part in compare_view(analysis, top):
        console.print(part)
    return 0
