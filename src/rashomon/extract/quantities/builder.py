"""Growing an :class:`~.atoms.Atom` into a whole quantity phrase.

Around the number: a currency sign before it, a second number that makes a
range ("between 40 and 60", "1,500 to 2,000", "40-60"), a unit after it ("%",
"per cent", "km", "dollars"), bound and hedge words ("at least", "nearly",
"or more") and the counted noun ("fighters", "of the town").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from rashomon.extract.quantities.atoms import Atom, match_atom
from rashomon.extract.quantities.context import DocContext
from rashomon.extract.quantities.counted import (
    counted_after_hyphen,
    counted_after_of,
    counted_following,
    counted_text,
    through_hyphen,
)
from rashomon.extract.quantities.filters import (
    is_age_before,
    is_change,
    is_duration_after,
    looks_like_label,
    looks_like_list_marker,
    looks_like_year,
    match_age_after,
    names_a_model,
    precedes_as_date,
)
from rashomon.extract.quantities.lexicon import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    MAX_POST_MODIFIER,
    MAX_PRE_MODIFIER,
    MAX_UNIT,
    POST_MODIFIERS,
    PRE_MODIFIERS,
    UNIT_WORDS,
)
from rashomon.extract.quantities.numbers import scale

_DASHES = {"-", "–", "—"}


@dataclass(slots=True)
class Found:
    """A quantity in token positions; :mod:`.extractor` turns it into a Quantity."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    unit: str | None = None
    counted: str | None = None


def _words(ctx: DocContext, start: int, length: int) -> tuple[str, ...]:
    doc = ctx.doc
    if start < 0 or start + length > len(doc):
        return ()
    return tuple(doc[k].lower_ for k in range(start, start + length))


def _phrase_before(ctx: DocContext, stop: int, table: dict, longest: int):
    for length in range(longest, 0, -1):
        words = _words(ctx, stop - length, length)
        if words in table and not any(k in ctx.blocked for k in range(stop - length, stop)):
            return length, table[words]
    return 0, None


def _phrase_after(ctx: DocContext, start: int, table: dict, longest: int):
    for length in range(longest, 0, -1):
        words = _words(ctx, start, length)
        if words in table and not any(k in ctx.blocked for k in range(start, start + length)):
            return length, table[words]
    return 0, None


def _free(ctx: DocContext, atom: Atom) -> bool:
    return not any(k in ctx.blocked for k in range(atom.start, atom.end))


def _second_number(ctx: DocContext, first: Atom, start: int) -> tuple[Atom, str | None] | None:
    """The upper end of a range starting at ``first``, with its own currency."""
    doc = ctx.doc
    e = first.end
    if e + 1 >= len(doc) or e in ctx.blocked:
        return None
    conn = doc[e].lower_
    if conn not in ("to", "and", "or", *_DASHES):
        return None
    before = doc[start - 1].lower_ if start > 0 else ""
    if conn == "and" and before != "between":
        return None
    if conn == "or" and before == "between":
        return None
    if conn == "to" and is_change(doc, start, e):
        return None
    k = e + 1
    currency = None
    if doc[k].lower_ in CURRENCY_PREFIXES:
        currency = CURRENCY_PREFIXES[doc[k].lower_]
        k += 1
    if k >= len(doc):
        return None
    second = match_atom(doc, k)
    if second is None or not _free(ctx, second):
        return None
    if conn in _DASHES and not second.digits and first.digits:
        return None
    return second, currency


def _join_range(first: Atom, second: Atom) -> bool:
    """Give a bare first number the second's magnitude ("between 1 and 2 million")."""
    if first.multiplier == 1.0 and second.multiplier > 1.0 and not first.vague:
        raw_second = (second.highest or 0) / second.multiplier
        if first.value is not None and first.value <= raw_second:
            first.value = scale(first.value, second.multiplier)
            first.multiplier = second.multiplier
    low, high = first.lowest, second.highest
    return low is not None and high is not None and low < high


def _unit_after(ctx: DocContext, end: int, vague: bool) -> tuple[int, str | None]:
    doc = ctx.doc
    length, unit = _phrase_after(ctx, end, UNIT_WORDS, MAX_UNIT)
    if length:
        return length, unit
    if _glued_metres(doc, end):
        return 1, "m"
    k = end
    if k < len(doc) and doc[k].lower_ in ("us", "u.s.", "american", "australian", "canadian"):
        k += 1
    if vague and k < len(doc) and doc[k].lower_ == "of":
        k += 1
    if k < len(doc) and doc[k].lower_ in CURRENCY_WORDS and k not in ctx.blocked:
        word = doc[k].lower_
        if word in ("pound", "pounds") and k + 1 < len(doc) and doc[k + 1].lower_ == "of":
            return k + 1 - end, "lb"
        code = CURRENCY_WORDS[word]
        if doc[end].lower_ == "australian":
            code = "AUD"
        elif doc[end].lower_ == "canadian":
            code = "CAD"
        return k + 1 - end, code
    return 0, None


def _glued_metres(doc: Doc, k: int) -> bool:
    """ "fell about 200m down a gully": a small "m" glued to the digits that the number
    did not take as million (no currency before, no counted noun after) is metres. A
    capital one is not: "the 7300M chip", "a Radeon 4830M" name models."""
    return (
        0 < k < len(doc)
        and doc[k].text == "m"
        and not doc[k - 1].whitespace_
        and doc[k - 1].text[-1:].isdigit()
    )


def _apply_bound(found: Found, bound: str | None, approximate: bool) -> None:
    found.approximate = found.approximate or approximate
    if bound is None or found.value is None:
        return
    if bound == "low":
        found.low = found.value
    else:
        found.high = found.value


def build(ctx: DocContext, i: int) -> tuple[Found | None, int]:
    """The quantity whose number starts at token ``i`` and the index to go on from."""
    doc = ctx.doc
    atom = match_atom(doc, i)
    if atom is None:
        return None, i + 1
    if not _free(ctx, atom):
        return None, atom.end
    start = atom.start
    currency = atom.currency
    if start > 0 and doc[start - 1].lower_ in CURRENCY_PREFIXES and start - 1 not in ctx.blocked:
        currency = CURRENCY_PREFIXES[doc[start - 1].lower_]
        start -= 1

    found = Found(start, atom.end, atom.value, atom.low, atom.high, atom.approximate, atom.unit)
    last_number = atom
    is_range = atom.value is None and not atom.vague
    second = _second_number(ctx, atom, start)
    if second is not None and _join_range(atom, second[0]):
        other, other_currency = second
        found.end = other.end
        found.value, found.low, found.high = None, atom.lowest, other.highest
        found.approximate = atom.approximate or other.approximate
        if doc[atom.end].lower_ == "or":
            found.approximate = True
        found.unit = atom.unit or other.unit
        currency = currency or other.currency or other_currency
        last_number = other
        is_range = True

    # Unit after the amount.
    age = False
    if found.unit is None:
        length, unit = _unit_after(ctx, found.end, last_number.vague)
        if length:
            found.unit, found.end = unit, found.end + length
    if currency is not None:
        found.unit = currency

    # Hedges and bounds after ("or more", "+", "-odd") and before ("at least").
    if atom.plus or last_number.plus:
        _apply_bound(found, "low", False)
    length, rule = _phrase_after(ctx, found.end, POST_MODIFIERS, MAX_POST_MODIFIER)
    if length:
        found.end += length
        _apply_bound(found, *rule)
    pre = start
    if is_range and start > 0 and doc[start - 1].lower_ in ("between", "from"):
        pre = start - 1
    length, rule = _phrase_before(ctx, pre, PRE_MODIFIERS, MAX_PRE_MODIFIER)
    modified = bool(length) or found.approximate
    if length:
        pre -= length
        _apply_bound(found, *rule)
    found.start = pre

    # Ages belong here; other durations, dates and times to the temporal tagger.
    if is_age_before(doc, pre) and pre - 1 not in ctx.blocked:
        age, found.start = True, pre - 1
    else:
        extra = match_age_after(doc, found.end)
        if extra:
            age, found.end = True, found.end + extra
    if age:
        found.unit, found.counted = "years", "age"
        return found, found.end
    if is_duration_after(doc, found.end) or precedes_as_date(doc, pre):
        return None, found.end
    first_tok = doc[atom.start]
    if atom.start in ctx.temporal_ent_of and first_tok.lower_ not in ("hundreds", "thousands"):
        ent = ctx.temporal_ent_of[atom.start]
        if is_duration_after(doc, ent.start) or any(
            is_duration_after(doc, k) for k in range(ent.start, ent.end)
        ):
            return None, found.end
    if found.unit is None and not modified and looks_like_label(ctx, atom, start):
        return None, found.end
    if looks_like_list_marker(doc, atom):
        return None, found.end

    # The counted noun.
    counted = None
    hyphened = counted_after_hyphen(ctx, found.end) if found.unit is None else None
    of_noun = counted_after_of(ctx, found.end)
    if of_noun is not None and any(k in ctx.blocked for k in range(found.end, of_noun.i + 1)):
        of_noun = None  # "7% of GM's 2008 revenue": the phrase crosses a date
    if hyphened is not None and atom.bare and not is_range:
        counted, found.end = hyphened, hyphened.i + 1
    elif of_noun is not None:
        counted, found.end = of_noun, of_noun.i + 1
    elif found.unit is None:
        counted = counted_following(ctx, last_number.end - 1, found.end)
        if counted is not None:
            counted = through_hyphen(counted)
        if counted is not None and any(k in ctx.blocked for k in range(found.end, counted.i + 1)):
            counted = None
        if counted is not None:
            found.end = counted.i + 1
    if counted is not None:
        found.counted = counted_text(counted)
    if (
        found.unit is None
        and not modified
        and (hyphened is None or counted is not hyphened)
        and names_a_model(doc, atom, start, counted)
    ):
        return None, found.end

    if (
        atom.bare
        and found.unit is None
        and not modified
        and looks_like_year(atom, last_number if is_range else None)
        and (counted is None or counted.tag_ != "NNS")
    ):
        return None, found.end
    if (
        not atom.digits
        and not atom.vague
        and found.value == 1
        and atom.multiplier == 1.0
        and not modified
        and found.unit is None
        and not is_range
    ):
        return None, found.end  # "one of the", "one important difference"
    return found, found.end
