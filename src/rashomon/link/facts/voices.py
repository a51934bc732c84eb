"""One voice per copied passage: a statement inside text copied from another source.

A passage one outlet copied from another is not a second, independent
source: the statement in the later copy is marked ``copied_from`` the
earlier document (:class:`rashomon.model.Reuse` gives both spans and which
was published first), and the agreement counts the original once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rashomon.model import FactMention, Reuse


class CopyIndex:
    """Passages by document, to ask "is this span copied, and from whom?"."""

    def __init__(self, reuse: Sequence[Reuse]) -> None:
        self.by_doc: dict[str, list[tuple[int, int, str, bool]]] = defaultdict(list)
        for item in reuse:
            a, b = item.a, item.b
            # (start, end, other document, whether this side is the copy)
            a_is_copy = item.earlier == b.doc
            b_is_copy = item.earlier == a.doc
            if item.earlier is None:  # unknown order: the one listed second is the copy
                b_is_copy = True
            self.by_doc[a.doc].append((a.start, a.end, b.doc, a_is_copy))
            self.by_doc[b.doc].append((b.start, b.end, a.doc, b_is_copy))

    def source_of(self, fact: FactMention) -> str | None:
        """The document this statement was copied from, or None when it is original."""
        for start, end, other, is_copy in self.by_doc.get(fact.doc, ()):
            if is_copy and start <= fact.start and fact.end <= end:
                return other
        return None

    def shared(self, fact: FactMention) -> set[str]:
        """Every document this statement's passage is shared with (either direction)."""
        return {
            other
            for start, end, other, _ in self.by_doc.get(fact.doc, ())
            if start <= fact.start and fact.end <= end
        }
