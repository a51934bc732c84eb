"""Aliases that a document declares for a name it has just used.

News writers introduce a second name right after the first: "the Islamic
Revolutionary Guard Corps (IRGC)", "ISIL, also known as Daesh", "the Islamic
State (also called ISIS)", "Hezbollah, formerly known as ...", "the Islamic
State of Iraq and the Levant, or ISIL,", "Mosul (الموصل)". Each declaration
says that the alias names the same thing as the mention before it; the
in-document resolver gives the alias that mention's key, and the cross-document
linker learns a corpus-wide alias table from it (a document that only says
"Daesh" then joins ISIL).

The cues are a short, closed list, written as a table of regular expressions
rather than a parser: a wrong alias merges two entities, so only forms that
are unambiguous in news prose are accepted. "X, or Y" is taken only when Y is
acronym-shaped (", or ISIL,"), since "Russia, or China," is a list.

spaCy often cuts a long name that an acronym follows ("The Islamic State of
Iraq" + "Levant" before "(ISIL)"); :func:`repair_acronym_span` finds the words
whose initials spell the acronym and returns the whole name instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "de", "du", "la", "le", "al", "&", "in", "on"})

# An acronym as written in parentheses: "USAF", "EADS", "U.N.", "ISIL".
ACRONYM = r"[A-Z][A-Za-z.&-]{1,11}"
STRICT_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,}[a-z]?$|^[A-Z][A-Z0-9&-]{1,10}$")
# A capitalised name of up to seven words ("the Islamic Jihad Organization").
NAME = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|and|the|al|el|for|de|[A-Z][\w'’.-]*)){0,6}"
# Any run of letters outside the Latin script, with spaces and hyphens inside.
SCRIPT = r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF][^()\[\],;:\dA-Za-z]{0,58}"

# Cue words -> the alias shapes they accept. Order matters: longer cues first.
CUES: tuple[tuple[str, str], ...] = (
    (r"formerly\s+known\s+as", "name"),
    (r"previously\s+known\s+as", "name"),
    (r"(?:also|better|widely)\s+known\s+as", "name"),
    (r"known\s+as", "name"),
    (r"also\s+(?:called|spelled|spelt|written|referred\s+to\s+as)", "name"),
    (r"(?:formerly|previously)(?:\s+called)?", "name"),
    (r"a\.?k\.?a\.?", "name"),
    (r"or", "acronym"),
)
SHAPES = {"name": f"(?:{NAME}|{ACRONYM})", "acronym": ACRONYM}

_PAREN_PLAIN = re.compile(rf"\s*\(\s*(?P<alias>{ACRONYM}|{SCRIPT})\s*\)")
_PAREN_CUED = [
    (re.compile(rf"\s*\(\s*(?:{cue})\s+(?P<alias>{NAME}|{ACRONYM})\s*\)"), "cue") for cue, _ in CUES
]
_COMMA_CUED = [
    (
        re.compile(
            rf"\s*,\s*(?:{cue})\s+(?P<alias>{SHAPES[shape]})(?=\s*(?:[,.;:)]|\s(?:and|but|which|who)\b|$))"
        ),
        "comma-or" if cue == "or" else "cue",
    )
    for cue, shape in CUES
]
_TRAILING_FUNCTION = re.compile(r"(?:\s+(?:of|and|the|al|el|for|de))+$")


@dataclass(frozen=True, slots=True)
class Declaration:
    """``alias`` (at alias_start:alias_end) names what the mention at
    name_start:name_end names; ``how`` is the cue: acronym, script, cue or comma-or."""

    name_start: int
    name_end: int
    alias_start: int
    alias_end: int
    alias: str
    how: str


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def acronym_form(text: str) -> str:
    return text.replace(".", "").upper()


def is_non_latin(text: str) -> bool:
    """True when every letter of ``text`` is outside the Latin script."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all("LATIN" not in unicodedata.name(ch, "") for ch in letters)


def declarations_after(
    text: str, name_start: int, name_end: int, person: bool
) -> list[Declaration]:
    """The aliases declared right after the mention at name_start:name_end.

    A person takes no bare parenthesised acronym ("Nancy Pelosi (D-Calif.)" is a
    party and state), only a non-Latin rendering or a cued alias.
    """
    found: list[Declaration] = []
    pos = name_end
    for _ in range(3):  # "X (ISIL), also known as Daesh," chains two declarations
        window = text[pos : pos + 120]
        hit = _match_one(window, person)
        if hit is None:
            break
        match, how = hit
        alias = _TRAILING_FUNCTION.sub("", match.group("alias").strip())
        if alias.startswith(("the ", "The ")):
            alias = alias[4:]
        start = pos + match.start("alias") + match.group("alias").index(alias)
        if alias and any(ch.isalpha() for ch in alias):
            found.append(Declaration(name_start, name_end, start, start + len(alias), alias, how))
        pos += match.end()
    return found


def _match_one(window: str, person: bool) -> tuple[re.Match[str], str] | None:
    for pattern, how in _PAREN_CUED:
        match = pattern.match(window)
        if match:
            return match, how
    match = _PAREN_PLAIN.match(window)
    if match:
        alias = match.group("alias").strip()
        if is_non_latin(alias):
            return match, "script"
        if not person and not is_non_latin(alias) and any(ch.isupper() for ch in alias[1:]):
            return match, "acronym"
        if not person and STRICT_ACRONYM.match(alias):
            return match, "acronym"
    for pattern, how in _COMMA_CUED:
        match = pattern.match(window)
        if match:
            alias = match.group("alias")
            if how == "comma-or" and not STRICT_ACRONYM.match(alias):
                continue
            return match, how
    return None


_WORD = re.compile(r"[^\s()]+")


def repair_acronym_span(text: str, end: int, acronym: str, lower_bound: int) -> int | None:
    """The start of the words ending at ``end`` whose initials spell ``acronym``.

    "The Islamic State of Iraq and the Levant (ISIL)": spaCy may tag only
    "Levant"; the words back to "Islamic" spell ISIL, so the name starts there.
    Returns None when no capitalised run of words spells it.
    """
    target = acronym_form(acronym)
    if not target.isalpha() or len(target) < 2:
        return None
    window_start = max(lower_bound, end - 160)
    words = list(_WORD.finditer(text, window_start, end))
    for i in range(len(words) - 1, -1, -1):
        first = words[i].group()
        if not first[0].isupper() or first.casefold() in ACRONYM_SKIP:
            continue
        phrase = text[words[i].start() : end]
        got = initials(phrase)
        if got == target:
            return words[i].start()
        if len(got) > len(target):
            return None
    return None
