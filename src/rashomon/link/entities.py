"""Entities across documents: mentions grouped into one :class:`Entity` each.

A first, conservative linker: mentions whose document-local keys are the same
name (ignoring case, accents and punctuation) and of a compatible kind are one
entity. Merging across spellings and aliases builds on this grouping.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from rashomon.extract.entities import fold
from rashomon.model import DocumentAnalysis, Entity, EntityMention, MentionRef

# Labels that may name the same thing across documents (spaCy often tags a
# country as ORG or a company as GPE); a person is never a place.
KIND_OF_LABEL = {"PERSON": "person", "NORP": "group", "EVENT": "event", "PRODUCT": "product"}


def kind(label: str) -> str:
    return KIND_OF_LABEL.get(label, "org-or-place")


def entity_id(folded_key: str, entity_kind: str) -> str:
    digest = hashlib.sha1(f"{entity_kind}|{folded_key}".encode()).hexdigest()
    return "e" + digest[:10]


MentionKey = tuple[str, int, int]


def link_entities(
    analyses: Iterable[DocumentAnalysis],
) -> tuple[list[Entity], dict[MentionKey, str]]:
    """The entities of the corpus, and the entity id of every mention by (doc, start, end)."""
    groups: dict[tuple[str, str], list[EntityMention]] = defaultdict(list)
    for analysis in analyses:
        for mention in analysis.entity_mentions:
            groups[(fold(mention.key), kind(mention.type))].append(mention)
    entities: list[Entity] = []
    index: dict[MentionKey, str] = {}
    for (folded, entity_kind), mentions in groups.items():
        eid = entity_id(folded, entity_kind)
        name = Counter(m.key for m in mentions).most_common(1)[0][0]
        label = Counter(m.type for m in mentions).most_common(1)[0][0]
        aliases = sorted({m.text for m in mentions} - {name})
        docs = sorted({m.doc for m in mentions})
        refs = [MentionRef(m.doc, m.start, m.end, m.text) for m in mentions]
        entities.append(Entity(eid, name, label, aliases, refs, docs))
        for m in mentions:
            index[(m.doc, m.start, m.end)] = eid
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities, index


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
