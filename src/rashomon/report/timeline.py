"""``rashomon timeline``: one entity's events in time order, with who reports them.

:func:`find_entity` resolves what a user types ("gallois", "Société Générale",
"airbus") to an entity; :func:`render_timeline` draws its timeline as a table;
:func:`timeline_command` is the whole command, so the CLI wrapper only passes
its arguments through.

Matching is plain and general: case-, accent- and space-insensitive, on the
entity's name and aliases. An exact match (the name or an alias) beats a
partial one; a partial match is every word of the query in one name or alias
("Gallois" -> "Louis Gallois"). Among the matches of the best kind the entity
with the most mentions wins; when more than one entity matches, the others
are kept as a note, so the reader knows the answer was a choice. No rule
here knows any benchmark's target names (the SemEval-2015 TimeLine targets
are resolved by this same matcher, and score what it finds).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from rashomon.link.timelines import TimelineRow, timeline_rows
from rashomon.model import Analysis, Entity
from rashomon.textsafe import one_line

MAX_SOURCES = 3
_TIERS = ("name", "alias", "part of a name")


def normalize_name(text: str) -> str:
    """Lower case, no accents, words separated by single spaces ("S&P" keeps its "&")."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = re.findall(r"[\w&]+", stripped.casefold().replace("_", " "))
    return " ".join(words)


@dataclass(slots=True)
class EntityMatch:
    """The entity chosen for a query, how it matched, and the others that matched as well."""

    entity: Entity | None
    how: str | None = None
    others: list[Entity] = field(default_factory=list)

    @property
    def note(self) -> str | None:
        if self.entity is None or not self.others:
            return None
        shown = ", ".join(f"{e.name} ({len(e.mentions)})" for e in self.others[:5])
        more = f" and {len(self.others) - 5} more" if len(self.others) > 5 else ""
        return (
            f"{len(self.others) + 1} entities match; showing {self.entity.name} "
            f"({len(self.entity.mentions)} mentions). Also: {shown}{more}."
        )


def _tier(query: str, entity: Entity) -> int | None:
    """0 the exact name, 1 an exact alias, 2 a partial match, ``None`` no match."""
    name = normalize_name(entity.name)
    aliases = [normalize_name(a) for a in entity.aliases]
    if query == name:
        return 0
    if query in aliases:
        return 1
    compact = query.replace(" ", "")
    if any(compact == n.replace(" ", "") for n in [name, *aliases]):
        return 1  # "Daimler Chrysler" = "DaimlerChrysler"
    query_words = set(query.split())
    if any(query_words <= set(n.split()) for n in [name, *aliases] if n):
        return 2  # "Gallois" -> "Louis Gallois"
    return None


def match_entity(analysis: Analysis, query: str) -> EntityMatch:
    """The best entity for ``query`` with the runners-up (see the module doc)."""
    wanted = normalize_name(query)
    if not wanted:
        return EntityMatch(None)
    scored = [
        (tier, entity)
        for entity in analysis.entities
        if (tier := _tier(wanted, entity)) is not None
    ]
    if not scored:
        return EntityMatch(None)
    # An exact name and an exact alias are equally exact: both compete on mentions,
    # and so do all partial matches when there is no exact one.
    exact = min(tier for tier, _ in scored) <= 1
    candidates = [(tier, e) for tier, e in scored if (tier <= 1) == exact]
    candidates.sort(key=lambda item: (-len(item[1].mentions), item[0], item[1].name, item[1].id))
    best_tier, best = candidates[0]
    return EntityMatch(best, _TIERS[best_tier], [e for _, e in candidates[1:]])


def find_entity(analysis: Analysis, query: str) -> Entity | None:
    """The entity ``query`` names (name or alias, case and accents ignored), or ``None``."""
    return match_entity(analysis, query).entity


def close_names(analysis: Analysis, query: str, limit: int = 5) -> list[str]:
    """Entity names that look like ``query``, for an "unknown entity" message."""
    by_key: dict[str, str] = {}
    for entity in sorted(analysis.entities, key=lambda e: -len(e.mentions)):
        for name in [entity.name, *entity.aliases]:
            by_key.setdefault(normalize_name(name), entity.name)
    keys = difflib.get_close_matches(normalize_name(query), list(by_key), n=limit * 2, cutoff=0.6)
    return list(dict.fromkeys(by_key[k] for k in keys))[:limit]


# ---------------------------------------------------------------------------
# Rendering


def _sources_cell(row: TimelineRow) -> str:
    labels = list(dict.fromkeys(source.label for source in row.sources))
    shown = ", ".join(labels[:MAX_SOURCES])
    if len(labels) > MAX_SOURCES:
        shown += f" (+{len(labels) - MAX_SOURCES} more)"
    return shown


def _date_cell(row: TimelineRow, previous: TimelineRow | None) -> Text:
    if row.undated:
        return Text("undated", style="dim italic")
    if previous is not None and not previous.undated and previous.position == row.position:
        return Text("  〃", style="dim")  # same date as the row above: simultaneous
    label = row.date_label
    if row.date_text and row.date_text.strip().casefold() != label.casefold():
        return Text.assemble(label, (f"  “{row.date_text.strip()}”", "dim"))
    return Text(label)


def render_timeline(analysis: Analysis, entity: Entity, note: str | None = None) -> RenderableType:
    """A table of the entity's events: date, one-line summary, the sources that report it.

    Dated events come first in time order; undated ones follow under a marked
    section, in document order.
    """
    rows = timeline_rows(analysis, entity.id)
    dated = sum(not row.undated for row in rows)
    title = f"Timeline of {entity.name} ({entity.type})"
    if not rows:
        message = Text(f"No events involving {entity.name} were found.", style="yellow")
        if not analysis.events:
            message.append(" (this analysis holds no events at all)", style="dim")
        parts: list[RenderableType] = [Text(title, style="bold"), message]
        if note:
            parts.insert(1, Text(note, style="dim"))
        return Group(*parts)
    table = Table(
        title=title,
        caption=f"{dated} dated event(s) in time order; same date = simultaneous (〃)."
        + (
            f" {len(rows) - dated} undated event(s) placed by document order."
            if dated < len(rows)
            else ""
        ),
        show_lines=False,
        expand=False,
    )
    table.add_column("date", no_wrap=True)
    table.add_column("what happened", overflow="fold", ratio=3)
    table.add_column("reported by", overflow="fold", ratio=1)
    previous: TimelineRow | None = None
    for row in rows:
        if row.undated and (previous is None or not previous.undated):
            if previous is not None:
                table.add_section()
            table.add_row(
                "", Text("── undated (placed by document order) ──", style="bold italic"), ""
            )
        summary = " ".join(row.summary.split())
        table.add_row(_date_cell(row, previous), summary, _sources_cell(row))
        previous = row
    if note:
        return Group(Text(note, style="dim"), table)
    return table


def timeline_command(db_path: str | Path, query: str, console: Console) -> int:
    """Print the timeline of the entity ``query`` names; the exit code (0, 1 unknown
    entity, 2 no such database)."""
    from rashomon.store import Store

    path = Path(db_path)
    if not path.is_file():
        console.print(Text.assemble(("error", "red"), f" {one_line(str(path))}: no such database"))
        return 2
    with Store(path) as store:
        analysis = store.load_analysis()
    found = match_entity(analysis, query)
    if found.entity is None:
        close = close_names(analysis, query)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        console.print(
            Text.assemble(("error", "red"), f" no entity named {one_line(repr(query))}.{hint}"),
            soft_wrap=True,
        )
        return 1
    console.print(render_timeline(analysis, found.entity, note=found.note))
    return 0
