"""Named-entity mentions of one document, with short forms resolved to full names.

spaCy finds the mentions; this module decides, inside one document, which
full name each mention stands for: "Gaddafi" after "Muammar Gaddafi", "the
Pentagon" and "Pentagon", "USAF" after "United States Air Force (USAF)". The
result is the mention's ``key``; linking across documents starts from it.

No library does this resolution on spaCy's output without a neural coreference
model (Coreferee's English model is not installable offline), and the cases
that matter for names are few and rule-shaped, so it is written here.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from rashomon.model import EntityMention

# spaCy labels kept as entities; the others (DATE, CARDINAL, ...) belong to
# the time and quantity extractors.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "PRODUCT"})

# Honorifics, ranks and offices that spaCy sometimes keeps inside a PERSON span.
TITLE_WORDS = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady rev fr sheikh hajj haji imam ayatollah
    president vice chairman chairwoman chancellor minister premier prime king queen prince
    princess emperor pope senator sen rep representative governor gov mayor judge justice
    general gen lt lieutenant col colonel maj major capt captain sgt sergeant adm admiral
    brig cmdr commander marshal field secretary ambassador spokesman spokeswoman ceo
    """.split()
)
LEADING_ARTICLES = ("the ", "The ")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "de", "du", "la", "le", "al", "&", "in", "on"})
PLACE = frozenset({"GPE", "LOC"})
ORG_LIKE = frozenset({"ORG", "FAC", "PRODUCT"})
PAREN_ACRONYM = re.compile(r"^\s*\(\s*([A-Z][A-Za-z.&-]{1,11})\s*\)")


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", " ", stripped.casefold()).strip()


def clean_surface(span: Span) -> tuple[int, int, str]:
    """The span's character bounds and text without a leading "the" or a trailing possessive."""
    start, end = span.start_char, span.end_char
    text = span.text
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
    end -= len(text) - len(stripped)
    return start, end, stripped


def strip_titles(name: str) -> str:
    """ "President Barack Obama" -> "Barack Obama"; keeps the name if only titles remain."""
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".").casefold() in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def acronym_form(text: str) -> str:
    return text.replace(".", "").upper()


def find_entity_mentions(doc: Doc, doc_id: str) -> list[EntityMention]:
    """All kept named-entity mentions of ``doc``, each with its document-local key."""
    raw: list[tuple[int, int, str, str]] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        start, end, text = clean_surface(ent)
        if not text or not any(ch.isalpha() for ch in text):
            continue
        raw.append((start, end, text, ent.label_))
    raw = sorted(raw + unlabelled_repeats(doc, raw))
    keys = resolve_keys(doc.text, raw)
    labels = majority_labels(keys, [label for *_, label in raw])
    return [
        EntityMention(doc=doc_id, start=s, end=e, text=t, type=labels[i], key=keys[i])
        for i, (s, e, t, _) in enumerate(raw)
    ]


def unlabelled_repeats(
    doc: Doc, raw: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, str, str]]:
    """Occurrences of names the document already uses that spaCy left unlabelled.

    The small model often tags a name once and misses it later ("USAF" after
    "United States Air Force (USAF)", "Barksdale" after "William Barksdale").
    Known multi-word names, declared acronyms and the surnames of named people
    are searched for again; a one-word hit must be a proper noun.
    """
    text = doc.text
    surfaces: dict[str, str] = {}
    for _, end, surface, label in raw:
        words = surface.split()
        if len(words) > 1:
            surfaces.setdefault(surface, label)
            if label == "PERSON" and len(words[-1]) > 2 and words[-1][0].isupper():
                surfaces.setdefault(words[-1], label)
        match = PAREN_ACRONYM.match(text[end : end + 16])
        if match and label not in {"PERSON", "NORP"}:
            surfaces.setdefault(match.group(1), label)
    if not surfaces:
        return []
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))
        + r")(?![\w-])"
    )
    taken = sorted((s, e) for s, e, _, _ in raw)
    starts = [s for s, _ in taken]
    found: list[tuple[int, int, str, str]] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        i = bisect.bisect_left(starts, end) - 1  # the last mention starting before this ends
        if i >= 0 and max(e for _, e in taken[: i + 1][-2:]) > start:
            continue  # overlaps a mention spaCy found
        surface = match.group()
        if " " not in surface and not surface.isupper():
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


def resolve_keys(text: str, mentions: list[tuple[int, int, str, str]]) -> list[str]:
    """The full name each mention stands for, within one document."""
    names = [strip_titles(m[2]) for m in mentions]
    # Acronyms declared in the text: "United States Air Force (USAF)".
    declared: dict[str, str] = {}
    for (_, end, _, label), name in zip(mentions, names, strict=True):
        match = PAREN_ACRONYM.match(text[end : end + 16])
        if match and label not in {"PERSON", "NORP"}:
            declared[acronym_form(match.group(1))] = name
    long_names = [n for n in names if len(n.split()) > 1]
    by_initials: dict[str, set[str]] = defaultdict(set)
    for name in long_names:
        by_initials[initials(name)].add(name)
    # Organisation short forms: "Northrop" for "Northrop Grumman", "Air Force"
    # for "United States Air Force" (only when exactly one long name fits).
    org_full = {n for (_, _, _, lab), n in zip(mentions, names, strict=True) if lab in ORG_LIKE}
    by_part: dict[str, set[str]] = defaultdict(set)
    for name in org_full:
        parts = name.split()
        if len(parts) < 2:
            continue
        by_part[fold(parts[0])].add(name)  # a one-word prefix: "Northrop"
        for i in range(1, len(parts)):  # any suffix: "Air Force"
            by_part[fold(" ".join(parts[i:]))].add(name)
    places = {fold(n) for (*_, lab), n in zip(mentions, names, strict=True) if lab in PLACE}
    # Surname (last word) -> the full person names that end with it.
    person_full = {n for (_, _, _, lab), n in zip(mentions, names, strict=True) if lab == "PERSON"}
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for name in person_full:
        parts = name.split()
        if len(parts) > 1:
            by_last[fold(parts[-1])].add(name)
            by_first[fold(parts[0])].add(name)
    keys: list[str] = []
    for (_, _, surface, label), name in zip(mentions, names, strict=True):
        key = _resolve_one(surface, name, label, declared, by_initials, by_last, by_first)
        if key == name and label in ORG_LIKE:
            candidates = by_part.get(fold(name), set())
            if len(candidates) == 1 and not surface.isupper() and fold(name) not in places:
                key = next(iter(candidates))
        keys.append(key)
    return _unify_spellings(keys)


def _resolve_one(
    surface: str,
    name: str,
    label: str,
    declared: dict[str, str],
    by_initials: dict[str, set[str]],
    by_last: dict[str, set[str]],
    by_first: dict[str, set[str]],
) -> str:
    words = name.split()
    if len(words) == 1:
        short = fold(name)
        form = acronym_form(name)
        if form in declared and (surface.isupper() or "." in surface):
            return declared[form]
        if label != "PERSON" and surface.isupper() and len(by_initials.get(form, ())) == 1:
            return next(iter(by_initials[form]))
        if label in {"PERSON", "ORG", "NORP"} or label == "GPE" and short in by_last:
            candidates = by_last.get(short, set())
            if len(candidates) == 1:
                return next(iter(candidates))
    if len(words) == 2 and label == "PERSON":
        # "Mr Gaddafi" is stripped already; "Muammar al-Gaddafi" vs "Gaddafi" is handled above.
        candidates = {
            full for full in by_last.get(fold(words[-1]), set()) if len(full.split()) > 2
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
