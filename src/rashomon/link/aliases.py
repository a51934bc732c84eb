"""The corpus-wide alias table, learned from the documents themselves.

Each mention carries its surface ``text`` and its document-local ``key`` (the
full name the extract stage resolved it to). Where the two differ as names —
"IRGC" -> "Islamic Revolutionary Guard Corps", "Daesh" -> "Islamic State of
Iraq and the Levant" (declared in that document), "الموصل" -> "Mosul",
"Northrop" -> "Northrop Grumman" — the surface is an alias of the key. A
document that uses only the alias (it says "Daesh" and nothing else) can then
join the entity another document declared it for.

The table also indexes long names by their initials, so an acronym no
document declared ("NATO") can still find "North Atlantic Treaty
Organization" when exactly one long name in the corpus spells it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import lru_cache

from rashomon.extract.aliases import STRICT_ACRONYM, acronym_form, initials
from rashomon.link.names import base_name, fold
from rashomon.model import EntityMention

Unit = Hashable


def alias_form(mention: EntityMention) -> str | None:
    """The folded alias a mention declares for its key, or None when it is the key.

    Titles and possessives are not aliases ("President Obama"); a surname that
    is the last word of the key is left to the surname index.
    """
    return _alias(mention.text, mention.type, mention.key)


@lru_cache(maxsize=200_000)
def _alias(text: str, label: str, key: str) -> str | None:
    surface = fold(base_name(text, label))
    folded_key = fold(key)
    if not surface or surface == folded_key:
        return None
    if label == "PERSON" and folded_key.endswith(" " + surface):
        return None
    return surface


def is_acronym(name: str) -> bool:
    return bool(STRICT_ACRONYM.match(name.replace(" ", ""))) and len(name) <= 12


@dataclass
class AliasTable:
    """alias -> the units it was declared for, and long-name initials -> units."""

    targets: dict[str, Counter[Unit]] = field(default_factory=lambda: defaultdict(Counter))
    declared_in: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_initials: dict[str, set[Unit]] = field(default_factory=lambda: defaultdict(set))

    def learn(self, mention: EntityMention, unit: Unit) -> None:
        alias = alias_form(mention)
        if alias is not None:
            self.targets[alias][unit] += 1
            self.declared_in[alias].add(mention.doc)

    def index_long_name(self, key: str, unit: Unit) -> None:
        if len(key.split()) > 1:
            letters = initials(key)
            if len(letters) >= 2:
                self.by_initials[letters].add(unit)

    def lookup(self, key: str) -> Counter[Unit]:
        """The units ``key`` is a declared alias of, with how often it was used so."""
        return self.targets.get(fold(key), Counter())

    def spelled_by(self, acronym: str) -> set[Unit]:
        """The long names whose initials spell ``acronym`` ("UN" -> United Nations)."""
        if not is_acronym(acronym):
            return set()
        return self.by_initials.get(acronym_form(acronym), set())

    def trusted(self, key: str) -> bool:
        """Whether an alias may merge on its own: short forms always, a longer
        name only when two documents declare it (one writer's "formerly known
        as" should not fuse two organisations everywhere)."""
        folded = fold(key)
        short = len(folded.split()) == 1 or is_acronym(key) or not key.isascii()
        return short or len(self.declared_in.get(folded, ())) >= 2
