"""Naming a speaker: the head token of a speaker phrase -> (name, start, end).

* a token inside a named-entity mention gives the mention's ``key`` (the
  document-local full name: "Gaddafi" -> "Muammar Gaddafi") and the mention's
  span;
* "he"/"she" resolve to the nearest preceding PERSON mention outside quotes,
  "it" to the nearest preceding organisation or place; the span stays the
  pronoun's;
* "a spokesman, John Smith," takes the apposed name;
* any other noun phrase ("the ministry", "a spokesman for the army") is kept
  as text, without its relative clauses, appositions and parentheticals.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from rashomon.extract.quotes.cues import (
    FEMALE_NAMES,
    FEMALE_TITLES,
    MALE_NAMES,
    MALE_TITLES,
    PERSON_PRONOUNS,
    THING_PRONOUNS,
)
from rashomon.model import EntityMention

DROP_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "parataxis", "punct", "cc", "prep"})
THING_TYPES = frozenset({"ORG", "GPE"})
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
WINDOW = 400  # unquoted characters searched back for a pronoun's antecedent
SPEAKER_PREPS = frozenset({"for", "of", "at", "with", "from", "in"})


class SpeakerNamer:
    """Names speaker tokens against one document's entity mentions.

    Call :meth:`name` in text order: a pronoun resolved once becomes a
    candidate for the next one ("X said ... He added ... he said").
    """

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[EntityMention],
        quoted: Sequence[tuple[int, int]],
        speaker_heads: set[int] = frozenset(),  # type: ignore[assignment]
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.mentions]
        self.quoted = sorted(quoted)
        self.quoted_starts = [q[0] for q in self.quoted]
        self.speaker_heads = speaker_heads  # token indices of cue subjects
        self.events: list[tuple[int, EntityMention]] = []  # resolved pronouns
        self.gender: dict[str, str] = {}
        for m in self.mentions:
            if m.type == "PERSON":
                g = self._gender_of(m)
                if g:
                    self.gender.setdefault(m.key, g)

    def _gender_of(self, m: EntityMention) -> str | None:
        """ "m"/"f" from a title before the name or a known first name."""
        before = self.text[max(0, m.start - 8) : m.start].split()
        title = before[-1].lower() if before else ""
        first = (m.key.split() or [""])[0].lower()
        if title in MALE_TITLES or first in MALE_NAMES:
            return "m"
        if title in FEMALE_TITLES or first in FEMALE_NAMES:
            return "f"
        return None

    def mention_at(self, pos: int) -> EntityMention | None:
        """The mention covering character ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        for k in (i, i - 1):
            if k >= 0 and self.mentions[k].start <= pos < self.mentions[k].end:
                return self.mentions[k]
        return None

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted_starts, pos) - 1
        return i >= 0 and pos < self.quoted[i][1]

    def _unquoted_distance(self, a: int, b: int) -> int:
        """Characters between ``a`` and ``b`` that are not inside a quote."""
        quoted = 0
        i = bisect.bisect_left(self.quoted_starts, a)
        while i < len(self.quoted) and self.quoted[i][0] < b:
            qa, qb = self.quoted[i]
            quoted += max(0, min(qb, b) - max(qa, a))
            i += 1
        return b - a - quoted

    def _salience(self, m: EntityMention) -> int:
        """3: the subject of a cue verb; 2: of the main verb; 1: of any verb; else 0."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return 0
        root = span.root
        if any(t.i in self.speaker_heads for t in span):
            return 3
        if root.dep_ in ("nsubj", "nsubjpass"):
            return 2 if root.head.dep_ == "ROOT" else 1
        return 0

    def antecedent(
        self, pos: int, types: frozenset[str], gender: str | None = None
    ) -> EntityMention | None:
        """The most salient compatible mention shortly before ``pos``, outside
        quotes; failing that, the nearest one."""
        candidates: list[tuple[int, int, EntityMention]] = []
        nearest = None
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0 and len(candidates) < 12:
            m = self.mentions[i]
            i -= 1
            if m.end > pos or m.type not in types or self.in_quote(m.start):
                continue
            if gender and self.gender.get(m.key, gender) != gender:
                continue
            nearest = nearest or m
            if self._unquoted_distance(m.end, pos) > WINDOW:
                break
            candidates.append((self._salience(m), m.start, m))
        for at, m in reversed(self.events):
            if gender and self.gender.get(m.key, gender) != gender:
                continue
            if at < pos and m.type in types:
                if self._unquoted_distance(at, pos) <= WINDOW:
                    candidates.append((3, at, m))
                if nearest is None or at > nearest.start:
                    nearest = m
                break
        if candidates:
            return max(candidates, key=lambda c: (c[0], c[1]))[2]
        return nearest

    def name(self, head: Token | None) -> tuple[str | None, int | None, int | None]:
        if head is None:
            return None, None, None
        start, end = head.idx, head.idx + len(head)
        low = head.lower_
        if low in PERSON_PRONOUNS or low in THING_PRONOUNS:
            types = frozenset({"PERSON"}) if low in PERSON_PRONOUNS else THING_TYPES
            gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(low)
            m = self.antecedent(start, types, gender)
            if m is None:
                return head.text, start, end
            self.events.append((start, m))
            return m.key, start, end
        if head.pos_ == "PRON":
            return head.text, start, end
        m = self.mention_at(start)
        if m is not None:
            return m.key, m.start, m.end
        for child in head.children:
            if child.dep_ == "appos":
                m = self.mention_at(child.idx)
                if m is not None and m.type in NAME_TYPES:
                    return m.key, m.start, m.end
        return self._phrase(head)

    def _phrase(self, head: Token) -> tuple[str, int, int]:
        """The noun phrase of ``head`` without clauses and asides."""
        lo, hi = head.i, head.i
        for child in head.children:
            if child.dep_ in DROP_DEPS and not (
                child.dep_ == "prep" and child.lower_ in SPEAKER_PREPS and child.i > head.i
            ):
                continue
            if child.dep_ == "conj" or child.dep_ == "cc":
                continue
            lo, hi = min(lo, child.left_edge.i), max(hi, child.right_edge.i)
        doc = head.doc
        while lo < head.i and (doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        while hi > head.i and (doc[hi].is_punct or doc[hi].is_space):
            hi -= 1
        # Stop a "for"-phrase at a comma or a clause: "a spokesman for the army, who ..."
        for k in range(head.i + 1, hi + 1):
            if doc[k].text in (",", "(", "—", "–") or doc[k].dep_ in ("relcl", "acl"):
                hi = k - 1
                break
        start = doc[lo].idx
        end = doc[hi].idx + len(doc[hi])
        return self.text[start:end], start, end
