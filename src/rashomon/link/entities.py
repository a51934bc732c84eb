"""Entities across documents: mentions grouped into one :class:`Entity` each.

The unit of linking is a *name group*: the mentions whose document-local keys
fold to the same name and are of a compatible kind. A one-word person key
("Bush", "Qaddafi": a surname the document never expanded) is a name group per
document, since two documents may mean two people. Name groups are then
joined, in order of confidence, only within blocks that share a key, so the
cost grows with the number of mentions, never with pairs of names:

1. **Spelling** — same transliteration key (:func:`rashomon.link.names.translit_key`):
   Gaddafi/Qaddafi/al-Gaddafi, Kiev/Kyiv, Al-Qaeda/al-Qaida; organisations
   without a trailing legal form ("General Motors Corporation"). One-word names
   must also be of the same kind; a multi-word name spaCy tagged once as a
   person and once as an organisation is joined (label noise is far more
   common than a person and an organisation sharing a full name).
2. **Middle names** — "Hillary Clinton" joins "Hillary Rodham Clinton" when
   that is the only longer form; a middle *initial* marks a different person
   as often as not ("George Bush" / "George W. Bush"), so those stay apart as
   candidates.
3. **Aliases** learned from the text (:mod:`rashomon.link.aliases`): a name
   group whose name another document declared as an alias ("Daesh"), or an
   acronym that spells exactly one long name ("NATO"), joins it.
4. **Surnames** — a one-word person joins the one full name in the corpus
   with that surname; with several ("Bush": George Bush, George W. Bush) the
   documents' co-occurring entities decide, and when they do not, the surname
   stays its own entity with a candidate link to each full name.

Whenever a link is plausible but not taken, both entities record it in
``Entity.candidates`` (both directions) with a score and reason, for review.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from rashomon.extract.aliases import initials, is_non_latin
from rashomon.link.aliases import AliasTable, is_acronym
from rashomon.link.names import (
    bare,
    fold,
    name_words,
    org_key,
    translit_key,
    word_key,
)
from rashomon.model import DocumentAnalysis, Entity, EntityCandidate, EntityMention, MentionRef

# Labels that may name the same thing across documents (spaCy often tags a
# country as ORG or a company as GPE); a person is never a place.
KIND_OF_LABEL = {"PERSON": "person", "NORP": "group", "EVENT": "event", "PRODUCT": "product"}
CONTEXT_DOCS = 40  # documents sampled to describe an entity's company
MAX_CANDIDATES = 8
SPELLING_SIMILARITY = 80  # rapidfuzz token-set ratio of two spellings of one long name
MentionKey = tuple[str, int, int]


def kind(label: str) -> str:
    return KIND_OF_LABEL.get(label, "org-or-place")


def entity_id(folded_key: str, entity_kind: str) -> str:
    digest = hashlib.sha1(f"{entity_kind}|{folded_key}".encode()).hexdigest()
    return "e" + digest[:10]


key_of = lru_cache(maxsize=200_000)(translit_key)
org_key_of = lru_cache(maxsize=200_000)(org_key)
fold_of = lru_cache(maxsize=200_000)(fold)


@lru_cache(maxsize=200_000)
def word_count(name: str) -> int:
    return len(name_words(name))


@dataclass
class Group:
    """The mentions of one name (folded key) and kind, possibly in one document."""

    key: str  # folded
    name: str  # the key as first written, for the transliteration keys
    kind: str
    doc: str | None
    mentions: list[EntityMention] = field(default_factory=list)
    words: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.words = name_words(self.name)

    @property
    def is_surname(self) -> bool:
        return self.doc is not None


class UnionFind:
    """Disjoint sets that also keep each root's members (small lists merged into large)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.members: dict[int, list[int]] = {i: [i] for i in range(size)}

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        small, large = sorted((self.members.pop(keep), self.members.pop(gone)), key=len)
        large.extend(small)
        self.members[keep] = large
        return keep


def link_entities(
    analyses: Iterable[DocumentAnalysis],
) -> tuple[list[Entity], dict[MentionKey, str]]:
    """The entities of the corpus, and the entity id of every mention by (doc, start, end)."""
    linker = Linker(m for a in analyses for m in a.entity_mentions)
    linker.join_spellings()
    linker.join_middle_names()
    linker.join_aliases()
    linker.attach_surnames()
    return linker.entities()


class Linker:
    """Name groups, the union-find over them and the candidate links noted."""

    def __init__(self, mentions: Iterable[EntityMention]) -> None:
        self.groups: list[Group] = []
        index: dict[Hashable, int] = {}
        self.doc_groups: dict[str, set[int]] = defaultdict(set)
        self.table = AliasTable()
        for m in mentions:
            folded, knd = fold_of(m.key), kind(m.type)
            surname = knd == "person" and word_count(m.key) == 1
            ident = (folded, knd, m.doc) if surname else (folded, knd)
            gid = index.get(ident)
            if gid is None:
                gid = index[ident] = len(self.groups)
                self.groups.append(Group(folded, m.key, knd, m.doc if surname else None))
                if knd != "person":
                    self.table.index_long_name(m.key, gid)
            self.groups[gid].mentions.append(m)
            self.doc_groups[m.doc].add(gid)
            self.table.learn(m, gid)
        self.uf = UnionFind(len(self.groups))
        # Per root: the people's full names (first, last) it holds, whether it
        # holds any name that is not a lone surname, and its mention count.
        self.full_names: dict[int, set[tuple[str, str]]] = {}
        self.has_full: dict[int, bool] = {}
        self.size: dict[int, int] = {}
        for gid, group in enumerate(self.groups):
            words = group.words
            named = group.kind == "person" and len(words) > 1
            self.full_names[gid] = {(word_key(words[0]), word_key(words[-1]))} if named else set()
            self.has_full[gid] = not group.is_surname
            self.size[gid] = len(group.mentions)
        self.notes: dict[tuple[int, int], tuple[float, str]] = {}
        self._context: dict[int, set[int]] = {}

    # -- joining -------------------------------------------------------------

    def join_spellings(self) -> None:
        """Step 1: one transliteration key, one entity (one-word names per kind)."""
        blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
        for gid, group in enumerate(self.groups):
            if group.is_surname:
                continue
            key = key_of(group.name) if group.kind == "person" else org_key_of(group.name)
            block_kind = "*" if " " in key else group.kind
            blocks[(key, block_kind)].append(gid)
        for members in blocks.values():
            for other in members[1:]:
                self.union(members[0], other)
        by_key: dict[str, list[int]] = defaultdict(list)
        for (key, block_kind), members in blocks.items():
            if block_kind != "*":
                by_key[key].append(members[0])
        for members in by_key.values():  # "Jordan" the person and the country
            for a in members:
                for b in members:
                    if a < b:
                        self.note(a, b, 0.5, "same name, different type")

    def join_middle_names(self) -> None:
        """Step 2: "Hillary Clinton" + "Hillary Rodham Clinton"; initials stay apart."""
        blocks: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
        for gid, group in enumerate(self.groups):
            words = group.words
            if group.kind == "person" and len(words) > 1:
                block = blocks[(word_key(words[0]), word_key(words[-1]))]
                block.setdefault(key_of(group.name), gid)
        for variants in blocks.values():
            if len(variants) < 2:
                continue
            short = [g for g in variants.values() if len(self.groups[g].words) == 2]
            longer = [g for g in variants.values() if len(self.groups[g].words) > 2]
            for s in short:
                full = [g for g in longer if all(len(w) > 1 for w in self.groups[g].words)]
                if len(full) == 1 and len(longer) == 1:
                    self.union(s, full[0])
                    continue
                for g in longer:
                    self.note(s, g, 0.6, "same first and last name, different middle name")

    def join_aliases(self) -> None:
        """Step 3: aliases declared somewhere in the corpus, and undeclared acronyms."""
        for alias, targets in self.table.targets.items():
            roots = sorted({self.uf.find(t) for t in targets})
            if len(roots) > 1 and spellings_of_one_name(
                alias.upper(), [self.groups[r].name for r in roots]
            ):
                for other in roots[1:]:
                    self.union(roots[0], other)
        for gid, group in enumerate(self.groups):
            name = group.name
            targets = self.table.lookup(name)
            reason = "declared alias"
            if not targets and group.kind != "person" and is_acronym(name):
                targets = Counter(dict.fromkeys(self.table.spelled_by(name), 1))
                reason = "acronym of the only long name that spells it"
            elif targets and not self.table.trusted(name):
                for target in targets:
                    self.note(gid, target, 0.7, "alias declared in one document")
                continue
            roots = {
                self.uf.find(t)
                for t in targets
                if (self.groups[t].kind == "person") == (group.kind == "person")
            } - {self.uf.find(gid)}
            if len(roots) > 1 and spellings_of_one_name(name, [self.groups[r].name for r in roots]):
                first, *others = sorted(roots)
                for other in others:
                    self.union(first, other)
                roots = {self.uf.find(first)}
            self.choose(gid, sorted(roots), reason)

    def attach_surnames(self) -> None:
        """Step 4: one-word person names to the full name they shorten."""
        by_surname: dict[str, set[int]] = defaultdict(set)
        for gid, group in enumerate(self.groups):
            words = group.words
            if group.kind == "person" and len(words) > 1:
                by_surname[word_key(bare(words[-1]))].add(gid)
        loose: dict[str, list[int]] = defaultdict(list)
        for gid, group in enumerate(self.groups):
            if not group.is_surname or self._joined_to_full_name(gid):
                continue
            surname = key_of(group.name)
            roots = sorted({self.uf.find(g) for g in by_surname.get(surname, ())})
            if not self.choose(gid, roots, "surname of the full name"):
                loose[surname].append(gid)
        places: dict[str, set[int]] = defaultdict(set)
        for gid, group in enumerate(self.groups):
            if group.kind != "person" and len(group.words) == 1:
                places[key_of(group.name)].add(gid)
        for surname, members in loose.items():  # the same surname, no full name decides
            for other in members[1:]:
                self.union(members[0], other)
            if surname not in by_surname:
                self._retag(members[0], {self.uf.find(g) for g in places.get(surname, ())})

    def _retag(self, gid: int, roots: set[int]) -> None:
        """A one-word "person" no full name explains, that the corpus otherwise
        calls a place or organisation ("Kyiv" tagged PERSON), joins that one
        when it is named at least as often; otherwise it is a candidate."""
        if len(roots) != 1:
            for root in roots:
                self.note(gid, root, 0.5, "same name, different type")
            return
        root = next(iter(roots))
        theirs, ours = self.size[self.uf.find(root)], self.size[self.uf.find(gid)]
        if theirs >= ours:
            self.union(gid, root)
        else:
            self.note(gid, root, 0.6, "same name, different type")

    def union(self, a: int, b: int) -> None:
        ra, rb = self.uf.find(a), self.uf.find(b)
        if ra == rb:
            return
        keep = self.uf.union(ra, rb)
        gone = rb if keep == ra else ra
        self.full_names[keep] |= self.full_names.pop(gone)
        self.has_full[keep] = self.has_full[keep] or self.has_full.pop(gone)
        self.size[keep] += self.size.pop(gone)

    def _joined_to_full_name(self, gid: int) -> bool:
        return self.has_full[self.uf.find(gid)]

    def choose(self, gid: int, roots: list[int], reason: str) -> bool:
        """Join ``gid`` to the one root, or to the root its document's company
        points to; otherwise note each root as a candidate. True when joined."""
        if not roots:
            return False
        if len(roots) == 1:
            if self.conflict(gid, roots[0]):
                self.note(gid, roots[0], 0.5, reason + ", but the full names differ")
                return False
            self.union(gid, roots[0])
            return True
        docs = {m.doc for m in self.groups[gid].mentions}
        scores = sorted(((self.context_score(docs, r, gid), r) for r in roots), reverse=True)
        (best, root), (second, _) = scores[0], scores[1]
        if best > 0 and best >= 2 * second and not self.conflict(gid, root):
            self.union(gid, root)
            return True
        for score, r in scores:
            self.note(gid, r, round(0.3 + 0.5 * score, 3), reason + "; ambiguous, context")
        return False

    def conflict(self, a: int, b: int) -> bool:
        """Two people with different full names are never one entity."""
        names_a = self.full_names[self.uf.find(a)]
        names_b = self.full_names[self.uf.find(b)]
        return bool(names_a and names_b and not names_a & names_b)

    def context_score(self, docs: set[str], root: int, gid: int) -> float:
        """The share of the entities around ``docs`` that also appear around ``root``."""
        here = {self.uf.find(g) for d in docs for g in self.doc_groups[d]}
        here -= {root, self.uf.find(gid)}
        if not here:
            return 0.0
        there = self._context.get(root)
        if there is None:
            members = self.uf.members[root]
            root_docs = sorted({m.doc for g in members for m in self.groups[g].mentions})
            there = {self.uf.find(g) for d in root_docs[:CONTEXT_DOCS] for g in self.doc_groups[d]}
            self._context[root] = there
        return len(here & there) / len(here)

    def note(self, a: int, b: int, score: float, reason: str) -> None:
        pair = (min(a, b), max(a, b))
        if pair not in self.notes or self.notes[pair][0] < score:
            self.notes[pair] = (score, reason)

    # -- output --------------------------------------------------------------

    def entities(self) -> tuple[list[Entity], dict[MentionKey, str]]:
        members: dict[int, list[int]] = defaultdict(list)
        for gid in range(len(self.groups)):
            members[self.uf.find(gid)].append(gid)
        ids: dict[int, str] = {}
        taken: set[str] = set()
        entities: dict[int, Entity] = {}
        index: dict[MentionKey, str] = {}
        for root, gids in members.items():
            mentions = [m for g in gids for m in self.groups[g].mentions]
            name = display_name(mentions)
            label = Counter(m.type for m in mentions).most_common(1)[0][0]
            eid = entity_id(fold(name), kind(label))
            if eid in taken:
                first = min((m.doc, m.start) for m in mentions)
                eid = entity_id(f"{fold(name)}|{first}", kind(label))
            ids[root] = eid
            taken.add(eid)
            aliases = sorted(({m.text for m in mentions} | {m.key for m in mentions}) - {name})
            docs = sorted({m.doc for m in mentions})
            refs = [MentionRef(m.doc, m.start, m.end, m.text) for m in mentions]
            entities[root] = Entity(eid, name, label, aliases, refs, docs)
            for m in mentions:
                index[(m.doc, m.start, m.end)] = eid
        seen: set[tuple[int, int]] = set()
        for (a, b), (score, reason) in sorted(self.notes.items(), key=lambda n: -n[1][0]):
            ra, rb = self.uf.find(a), self.uf.find(b)
            if ra == rb or (min(ra, rb), max(ra, rb)) in seen:
                continue
            seen.add((min(ra, rb), max(ra, rb)))
            for x, y in ((ra, rb), (rb, ra)):
                if len(entities[x].candidates) < MAX_CANDIDATES:
                    entities[x].candidates.append(EntityCandidate(ids[y], score, reason))
        result = sorted(entities.values(), key=lambda e: (-len(e.mentions), e.name))
        return result, index


def display_name(mentions: list[EntityMention]) -> str:
    """The most frequent full form: a Latin-script, non-acronym, longest-word name if any."""
    counts = Counter(m.key for m in mentions)

    def rank(name: str) -> tuple[bool, bool, bool, int, str]:
        words = name_words(name)
        return (not is_non_latin(name), not is_acronym(name), len(words) > 1, counts[name], name)

    return max(counts, key=rank)


def key_index(
    analyses: Iterable[DocumentAnalysis], mention_index: dict[MentionKey, str]
) -> dict[tuple[str, str], str]:
    """The entity id of each document-local key: (doc, key) -> entity id."""
    index: dict[tuple[str, str], str] = {}
    for analysis in analyses:
        for m in analysis.entity_mentions:
            eid = mention_index.get((m.doc, m.start, m.end))
            if eid is not None:
                index.setdefault((m.doc, m.key), eid)
    return index


def spellings_of_one_name(acronym: str, names: list[str]) -> bool:
    """Whether the long names several documents declared ``acronym`` for are one
    organisation written differently ("European Aeronautic Defence & Space NV",
    "European Aeronautic Defense & Space Company", "EADS N.V.").

    Each must start with the acronym or have initials that do, and the names
    that spell it out must be near-identical once folded, so two different
    bodies sharing an acronym (the African National Congress and the Armenian
    National Committee, both "ANC") stay apart.
    """
    if not is_acronym(acronym):
        return False
    letters = acronym.replace(".", "").upper()
    spelled = []
    for name in names:
        if fold(name).replace(" ", "").upper().startswith(letters):
            continue
        if not initials(name).startswith(letters):
            return False
        spelled.append(fold(name))
    return all(
        fuzz.token_set_ratio(a, b) >= SPELLING_SIMILARITY for a in spelled for b in spelled if a < b
    )
