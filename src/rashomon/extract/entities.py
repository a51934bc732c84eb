"""Named-entity mentions of one document, with short forms resolved to full names.

spaCy finds the mentions; this module decides, inside one document, which
full name each mention stands for: "Gaddafi" after "Muammar Gaddafi", "the
Pentagon" and "Pentagon", "USAF" after "United States Air Force (USAF)". The
result is the mention's ``key``; linking across documents starts from it.

No library does this resolution on spaCy's output without a neural coreference
model (Coreferee's English model is not installable offline), and the cases
that matter for names are few and rule-shaped, so it is written here.

Aliases the text declares ("the Islamic Revolutionary Guard Corps (IRGC)",
"ISIL, also known as Daesh", "Mosul (الموصل)") are found by
:mod:`rashomon.extract.aliases`; the alias mention gets the key of the name it
was declared for, so the cross-document linker can learn it as an alias.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from rashomon.extract.aliases import (
    STRICT_ACRONYM,
    Declaration,
    acronym_form,
    declarations_after,
    initials,
    repair_acronym_span,
)
from rashomon.link.names import bare, base_name, fold, strip_titles, word_key
from rashomon.model import EntityMention

__all__ = ["acronym_form", "find_entity_mentions", "fold", "initials", "strip_titles"]

# spaCy labels kept as entities; the others (DATE, CARDINAL, ...) belong to
# the time and quantity extractors.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "PRODUCT"})

LEADING_ARTICLES = ("the ", "The ")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
PLACE = frozenset({"GPE", "LOC"})
ORG_LIKE = frozenset({"ORG", "FAC", "PRODUCT"})
ABBREVIATION_END = re.compile(r"(?:^|[\s.])[A-Z]$")
NO_BARE_ACRONYM = frozenset({"PERSON", "NORP"})

Raw = tuple[int, int, str, str]  # start, end, surface text, spaCy label


def surname_key(word: str) -> str:
    """A surname as the resolver compares it: "al-Gaddafi" and "Qaddafi" meet."""
    return " ".join(word_key(w) for w in bare(word).split())


def clean_surface(span: Span) -> tuple[int, int, str]:
    """The span's character bounds and text without a leading "the" or a trailing possessive."""
    return clean_text(span.start_char, span.end_char, span.text)


def clean_text(start: int, end: int, text: str) -> tuple[int, int, str]:
    if "\n" in text:  # a mention never crosses a line: keep its longest line
        lines = text.split("\n")
        longest = max(lines, key=len)
        offset = text.index(longest)
        start, end, text = start + offset, start + offset + len(longest), longest
    for article in LEADING_ARTICLES:
        if text.startswith(article) and len(text) > len(article):
            start += len(article)
            text = text[len(article) :]
    match = POSSESSIVE.search(text)
    if match and len(text) > len(match.group()) + 1:
        text = text[: match.start()]
        end = start + len(text)
    stripped = text.rstrip(" .,;:-–—")
    if text[len(stripped) : len(stripped) + 1] == "." and ABBREVIATION_END.search(stripped):
        stripped += "."  # the point of "U.S." or "N.V." is part of the name
    end -= len(text) - len(stripped)
    return start, end, stripped


def find_entity_mentions(doc: Doc, doc_id: str) -> list[EntityMention]:
    """All kept named-entity mentions of ``doc``, each with its document-local key."""
    raw: list[Raw] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end, text = clean_surface(ent)
        if not text or not any(ch.isalpha() for ch in text):
            continue
        raw.append((start, end, text, ent.label_))
    raw, declarations = apply_declarations(doc.text, sorted(raw))
    raw = sorted(raw + unlabelled_repeats(doc, raw, declarations))
    keys = resolve_keys(doc.text, raw, declarations)
    labels = majority_labels(keys, [label for *_, label in raw])
    return [
        EntityMention(doc=doc_id, start=s, end=e, text=t, type=labels[i], key=keys[i])
        for i, (s, e, t, _) in enumerate(raw)
    ]


def apply_declarations(text: str, raw: list[Raw]) -> tuple[list[Raw], list[Declaration]]:
    """The mentions with declared aliases added, and the declarations found.

    A name cut short by spaCy before its acronym is widened to the words the
    acronym spells; an alias spaCy missed or tagged with another label becomes a
    mention with the label of the name it was declared for.
    """
    declarations: list[Declaration] = []
    mentions = list(raw)
    for start, end, surface, label in raw:
        name_start = start
        for decl in declarations_after(text, start, end, person=False):
            acronym = decl.how != "script" and STRICT_ACRONYM.match(decl.alias)
            if acronym and initials(surface) != acronym_form(decl.alias):
                wider = repair_acronym_span(text, end, decl.alias, 0)
                if wider is not None and wider < start:
                    name_start = wider
                    widened = "ORG" if label in NO_BARE_ACRONYM else label
                    mentions = _widen(mentions, wider, end, text, widened)
                elif label in NO_BARE_ACRONYM and decl.how == "acronym":
                    break  # "Nancy Pelosi (D-Calif.)": a party and state, not an alias
            elif decl.how == "acronym" and label in NO_BARE_ACRONYM:
                break
            declarations.append(Declaration(name_start, end, *_alias_part(decl)))
    for decl in declarations:
        name_label = next(
            (lab for s, e, _, lab in mentions if s <= decl.name_start and e >= decl.name_end),
            "ORG",
        )
        kept = [m for m in mentions if m[1] <= decl.alias_start or m[0] >= decl.alias_end]
        mentions = kept + [(decl.alias_start, decl.alias_end, decl.alias, name_label)]
    return sorted(set(mentions)), declarations


def _alias_part(decl: Declaration) -> tuple[int, int, str, str]:
    return decl.alias_start, decl.alias_end, decl.alias, decl.how


def _widen(mentions: list[Raw], start: int, end: int, text: str, label: str) -> list[Raw]:
    inside = sorted(m for m in mentions if m[0] >= start and m[1] <= end)
    first_label = next((m[3] for m in inside if m[3] in ORG_LIKE), label)
    kept = [m for m in mentions if m[1] <= start or m[0] >= end]
    return kept + [(start, end, text[start:end], first_label)]


def unlabelled_repeats(doc: Doc, raw: list[Raw], declarations: list[Declaration]) -> list[Raw]:
    """Occurrences of names the document already uses that spaCy left unlabelled.

    The small model often tags a name once and misses it later ("USAF" after
    "United States Air Force (USAF)", "Barksdale" after "William Barksdale").
    Known multi-word names, declared aliases and the surnames of named people
    are searched for again; a one-word hit must be a proper noun.
    """
    text = doc.text
    surfaces: dict[str, str] = {}
    label_at = {(s, e): label for s, e, _, label in raw}
    for decl in declarations:
        surfaces.setdefault(decl.alias, label_at.get((decl.alias_start, decl.alias_end), "ORG"))
    for _, _, surface, label in raw:
        words = surface.split()
        if len(words) > 1:
            surfaces.setdefault(surface, label)
            if label == "PERSON" and len(words[-1]) > 2 and words[-1][0].isupper():
                surfaces.setdefault(words[-1], label)
                last = words[-1].split("-")[-1]
                if bare(words[-1]) != fold(words[-1]) and len(last) > 2 and last[0].isupper():
                    surfaces.setdefault(last, label)  # "Assad" after "Bashar al-Assad"
    if not surfaces:
        return []
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
        + r")(?![\w-])"
    )
    taken = sorted((s, e) for s, e, _, _ in raw)
    starts = [s for s, _ in taken]
    found: list[Raw] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        i = bisect.bisect_left(starts, end) - 1  # the last mention starting before this ends
        if i >= 0 and max(e for _, e in taken[: i + 1][-2:]) > start:
            continue  # overlaps a mention spaCy found
        surface = match.group()
        if " " not in surface and not surface.isupper() and surface.isascii():
            span = doc.char_span(start, end)
            if span is None or any(token.pos_ != "PROPN" for token in span):
                continue
        found.append((start, end, surface, surfaces[surface]))
    return found


def majority_labels(keys: list[str], labels: list[str]) -> list[str]:
    """One label per key within a document: spaCy's most frequent label for it.

    spaCy tags the same name differently from sentence to sentence ("Northrop
    Grumman" as ORG, then PERSON); the document-wide majority is right more often.
    Ties go to the label seen first.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for key, label in zip(keys, labels, strict=True):
        votes[key][label] += 1
    best = {key: counts.most_common(1)[0][0] for key, counts in votes.items()}
    return [best[key] for key in keys]


def resolve_keys(text: str, mentions: list[Raw], declarations: list[Declaration] = ()) -> list[str]:
    """The full name each mention stands for, within one document."""
    names = [base_name(m[2], m[3]) for m in mentions]
    # Aliases declared in the text: "United States Air Force (USAF)", "ISIL,
    # also known as Daesh". Each alias points at the mention it was declared for.
    span_index = {(s, e): i for i, (s, e, _, _) in enumerate(mentions)}
    declared: dict[str, int] = {}
    for decl in declarations:
        target = span_index.get((decl.name_start, decl.name_end))
        if target is None:
            target = next(
                (
                    i
                    for i, (s, e, _, _) in enumerate(mentions)
                    if s <= decl.name_start < e or s < decl.name_end <= e
                ),
                None,
            )
        if target is not None:
            declared.setdefault(fold(decl.alias), target)
            if STRICT_ACRONYM.match(decl.alias):
                declared.setdefault(fold(acronym_form(decl.alias)), target)
    long_names = [n for n in names if len(n.split()) > 1]
    by_initials: dict[str, set[str]] = defaultdict(set)
    for name in long_names:
        by_initials[initials(name)].add(name)
    # Organisation short forms: "Northrop" for "Northrop Grumman", "Air Force"
    # for "United States Air Force": only when exactly one long name fits, the
    # long name came first, and its other words are not a place ("Ford" is not
    # "Ford Australia", which the document names as a subsidiary).
    places = {fold(n) for (*_, lab), n in zip(mentions, names, strict=True) if lab in PLACE}
    first_seen: dict[str, int] = {}
    for (start, _, _, lab), name in zip(mentions, names, strict=True):
        if lab in ORG_LIKE and len(name.split()) > 1:
            first_seen.setdefault(name, start)
    by_part: dict[str, set[str]] = defaultdict(set)
    for name in first_seen:
        parts = name.split()
        if fold(" ".join(parts[1:])) in places:
            continue
        by_part[fold(parts[0])].add(name)  # a one-word prefix: "Northrop"
        for i in range(1, len(parts)):  # any suffix: "Air Force"
            by_part[fold(" ".join(parts[i:]))].add(name)
    # Surname (last word, without "al-") -> the full person names that end with it.
    person_full = {n for (_, _, _, lab), n in zip(mentions, names, strict=True) if lab == "PERSON"}
    inside = nested_person_names(person_full)
    person_full -= set(inside)
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for name in person_full:
        parts = name.split()
        if len(parts) > 1:
            by_last[surname_key(parts[-1])].add(name)
            by_first[fold(parts[0])].add(name)
    keys: list[str] = []
    for (start, _, surface, label), name in zip(mentions, names, strict=True):
        key = inside.get(name) if label == "PERSON" else None
        key = key or _resolve_one(surface, name, label, by_initials, by_last, by_first)
        if key == name and label in ORG_LIKE:
            fits = [n for n in by_part.get(fold(name), ()) if first_seen[n] < start]
            if len(fits) == 1 and not surface.isupper() and fold(name) not in places:
                key = fits[0]
        keys.append(key)
    keys = _unify_spellings(keys)
    # Declared aliases last, so an alias takes its name's resolved key; twice for
    # chains ("ISIS, also known as Daesh" after "Islamic State (ISIS)").
    for _ in range(2):
        for i, name in enumerate(names):
            target = declared.get(fold(name))
            if target is not None and target != i:
                keys[i] = keys[target]
    return keys


def nested_person_names(names: set[str]) -> dict[str, str]:
    """Person names that end with another person name of the document, mapped to it.

    A headline's capitals make spaCy glue a verb or a title to a name ("Obama
    Nominates Marisol Okafor", "Surgeon General Marisol Okafor"): the longer
    name is the shorter one's person, and without this the surname "Okafor"
    would fit two full names and be left apart from both."""
    by_words = {tuple(n.split()): n for n in names}
    nested: dict[str, str] = {}
    for words, name in by_words.items():
        for cut in range(1, len(words) - 1):
            shorter = by_words.get(words[cut:])
            if shorter is not None:
                nested[name] = shorter
                break
    return nested


def _resolve_one(
    surface: str,
    name: str,
    label: str,
    by_initials: dict[str, set[str]],
    by_last: dict[str, set[str]],
    by_first: dict[str, set[str]],
) -> str:
    words = name.split()
    if len(words) == 1:
        short = surname_key(name)
        form = acronym_form(name)
        if label != "PERSON" and surface.isupper() and len(by_initials.get(form, ())) == 1:
            return next(iter(by_initials[form]))
        if label in {"PERSON", "ORG", "NORP"} or label == "GPE" and short in by_last:
            candidates = by_last.get(short, set())
            if len(candidates) == 1:
                return next(iter(candidates))
    if len(words) == 2 and label == "PERSON":
        # "Mr Gaddafi" is stripped already; "Muammar al-Gaddafi" vs "Gaddafi" is handled above.
        # A middle initial tells people apart ("George Bush" / "George W. Bush").
        candidates = {
            full
            for full in by_last.get(surname_key(words[-1]), set())
            if len(full.split()) > 2 and all(len(w.rstrip(".")) > 1 for w in full.split())
        } & by_first.get(fold(words[0]), set())
        if len(candidates) == 1:
            return next(iter(candidates))
    return name


def _unify_spellings(keys: list[str]) -> list[str]:
    """Keys that differ only in case, accents or punctuation take their most frequent form."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for key in keys:
        groups[fold(key)][key] += 1
    best = {folded: counts.most_common(1)[0][0] for folded, counts in groups.items()}
    return [best[fold(key)] for key in keys]
