"""The pages' data: one JSON-ready dict per page, built from a store.

The web app (``rashomon serve``) returns these dicts from its JSON API and
its pages draw them; the static ``report.html`` embeds the same dicts and
draws them with the same script. So both show the same views, and a page's
content is tested once, here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from rashomon.model import Event, from_dict
from rashomon.store import queries
from rashomon.store.queries import CorpusIndex


@dataclass
class PageContext:
    """A read connection to a store and its corpus index."""

    db: sqlite3.Connection
    index: CorpusIndex
    # Events as model objects, by id, made once per context (a request of the
    # server, the whole of report.html): entity timelines share most events.
    # Read-only: what a page returns is made from them, never a part of them.
    event_models: dict[str, Event] = field(default_factory=dict)
    # Framing items by target, decoded once per context: an entity's framing (one
    # of the largest items) is read again for every event it takes part in.
    # Read-only, like ``event_models``.
    framings: dict[str, dict[str, Any] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, db: sqlite3.Connection) -> PageContext:
        return cls(db, queries.build_index(db))

    def events(self, ids: list[str]) -> list[dict[str, Any]]:
        """Events by id (unknown ids skipped), in the order asked."""
        rows = [self.index.events[i].rowid for i in ids if i in self.index.events]
        return queries.items(self.db, rows)

    def event_objects(self, ids: list[str]) -> list[Event]:
        """:meth:`events` as :class:`~rashomon.model.Event` objects, each decoded once."""
        fresh = [i for i in dict.fromkeys(ids) if i not in self.event_models]
        for data in self.events(fresh):
            self.event_models[data["id"]] = from_dict(Event, data)
        return [self.event_models[i] for i in ids if i in self.event_models]

    def facts(self, ids: list[str]) -> list[dict[str, Any]]:
        rows = [self.index.facts[i].rowid for i in ids if i in self.index.facts]
        return queries.items(self.db, rows)

    def framing(self, target: str) -> dict[str, Any] | None:
        """The framing item of an entity or event, shared by the pages of this
        context: read it, never change it."""
        if target not in self.framings:
            rowid = self.index.framing.get(target)
            found = queries.items(self.db, [rowid]) if rowid is not None else []
            self.framings[target] = found[0] if found else None
        return self.framings[target]


def page_window(total: int, offset: int, limit: int) -> dict[str, int]:
    """The pagination block every list carries."""
    return {"total": total, "offset": offset, "limit": limit}
