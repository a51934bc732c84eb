"""Telling amounts from numbers that are something else: years, durations,
clock times, ages, list markers, labels and model numbers ("Boeing 737",
"Flight 93", "No. 10"), and "rose from 40 to 60" (two values, not a range).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from rashomon.extract.quantities.atoms import Atom
from rashomon.extract.quantities.context import DocContext
from rashomon.extract.quantities.lexicon import (
    AGE_WORDS,
    CHANGE_VERBS,
    CURRENCY_PREFIXES,
    INVARIANT_NOUNS,
    LABEL_WORDS,
    PRE_MODIFIERS,
    TIME_WORDS,
)
from rashomon.extract.quantities.numbers import is_number_word

_MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Jan.", "Feb", "Feb.", "Mar", "Mar.", "Apr",
    "Apr.", "Jun", "Jun.", "Jul", "Jul.", "Aug", "Aug.", "Sep", "Sep.", "Sept", "Sept.",
    "Oct", "Oct.", "Nov", "Nov.", "Dec", "Dec.",
}  # fmt: skip
_MODIFIER_WORDS = {word for phrase in PRE_MODIFIERS for word in phrase}
_DETERMINERS = {"the", "'s", "’s", "its", "their", "his", "her", "our", "this", "that", "your"}
_OPENERS = {"(", "[", '"', "'", "“", "‘", "/"}


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def is_duration_after(doc: Doc, end: int) -> bool:
    """A time word right after the amount: "three years", "a 27-year contract", "5 pm"."""
    word = _lower(doc, end)
    if word == ":" and _lower(doc, end + 1)[:2].isdigit():
        return True  # a clock split by the tokenizer or by spacing: "3: 05 a. m.", "3 : 05"
    if word in ("-", "–") or word in ("more", "full", "long", "straight", "consecutive"):
        word = _lower(doc, end + 1)
    return word in TIME_WORDS


def precedes_as_date(doc: Doc, start: int) -> bool:
    """ "March 5", "Jan. 12": a day of the month the temporal tagger missed."""
    return start > 0 and doc[start - 1].text in _MONTHS


def is_age_before(doc: Doc, start: int) -> bool:
    """ "aged 45", "at age 45"."""
    return _lower(doc, start - 1) in AGE_WORDS


def match_age_after(doc: Doc, end: int) -> int:
    """Tokens of "-year-old" / "years old" / "years of age" after the number (0 if none)."""
    words = [_lower(doc, end + k) for k in range(4)]
    if words[:4] == ["-", "year", "-", "old"]:
        return 4
    if words[:2] in (["years", "old"], ["year", "old"]):
        return 2
    if words[:3] == ["years", "of", "age"]:
        return 3
    if words[0] in ("-year-old", "-years-old"):
        return 1
    return 0


def is_change(doc: Doc, start: int, to_index: int) -> bool:
    """ "rose from 40 to 60", "cut by 5% to 40%": two values, not a range."""
    to = doc[to_index]
    if to.head.lemma_.lower() in CHANGE_VERBS and to.dep_ != "quantmod":
        return True
    for k in range(max(0, start - 3), start):
        tok = doc[k]
        if tok.lower_ == "by" or (
            tok.pos_ in ("VERB", "AUX", "ADV", "ADP")
            and tok.lemma_.lower() in CHANGE_VERBS
            and tok.lower_ != "up"
        ):
            return True
    return False


def looks_like_label(ctx: DocContext, atom: Atom, start: int) -> bool:
    """A number that names rather than counts: "Boeing 737", "Flight 93", "No. 10",
    "COVID-19", "Group of Eight", "Windows 7"."""
    doc = ctx.doc
    ent = ctx.name_ent_of.get(atom.start)
    if ent is not None:
        for tok in ent:
            if atom.start <= tok.i < atom.end:
                continue
            if (
                tok.is_alpha
                and tok.text[0].isupper()
                and not is_number_word(tok.lower_)
                and tok.lower_ not in _MODIFIER_WORDS
                and tok.lower_ not in CURRENCY_PREFIXES
            ):
                return True
    if atom.end < len(doc) and doc[atom.end].lower_ in ("th", "st", "nd", "rd"):
        return True  # "15,599 th": an ordinal split by the tokenizer
    if not atom.bare:
        return False
    if doc[atom.start].text in ctx.label_numbers:
        return True
    if start == 0:
        return False
    prev = doc[start - 1]
    if prev.lower_ in LABEL_WORDS:
        return True
    if not prev.whitespace_ and prev.text not in _OPENERS:
        return True  # glued to a word or code: "COVID-19", "F-16", "#3"
    if (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.text not in _MONTHS
        and any(c.isalpha() for c in prev.text)
    ):
        return True  # "Boeing 737", "Airbus A380 800"
    nxt = doc[atom.end] if atom.end < len(doc) else None
    return (
        nxt is not None
        and nxt.text in ("-", "/")
        and not nxt.whitespace_
        and (atom.end + 1 < len(doc) and doc[atom.end + 1].text[:1].isupper())
    )


def names_a_model(doc: Doc, atom: Atom, start: int, counted: Token | None) -> bool:
    """After the counted noun is known: "a 737 airliner", "the 787 will fly"
    (a number that names one thing) rather than "the 300 passengers"."""
    if not atom.bare or atom.value is None or atom.value == 1:
        return False
    if counted is not None:
        return (
            counted.tag_ in ("NN", "NNP")
            and counted.lower_ not in INVARIANT_NOUNS
            and counted.lemma_.lower() == counted.lower_
            and atom.end <= counted.i
        )
    prev = _lower(doc, start - 1)
    if prev in ("a", "an"):
        return True
    return prev in _DETERMINERS and atom.value >= 100 and atom.value % 10 != 0


def looks_like_list_marker(doc: Doc, atom: Atom) -> bool:
    """ "1." or "2)" at the start of a line."""
    if not atom.bare or atom.end >= len(doc) or doc[atom.end].text not in (".", ")"):
        return False
    if atom.start == 0:
        return True
    prev = doc[atom.start - 1]
    return "\n" in prev.text or "\n" in prev.whitespace_ or prev.is_space


def looks_like_year(first: Atom, second: Atom | None) -> bool:
    """A bare four-digit number between 1000 and 2100 (both ends of a range)."""

    def yearish(atom: Atom) -> bool:
        return atom.bare and atom.value is not None and 1000 <= atom.value <= 2100

    if second is not None:
        return yearish(first) and yearish(second)
    if first.value is None and first.low is not None:  # glued "2008-2011"
        return first.digits and 1000 <= first.low <= 2100 and 1000 <= (first.high or 0) <= 2100
    return yearish(first)
