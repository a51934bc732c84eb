"""Finding one number in a run of spaCy tokens.

An :class:`Atom` is the smallest amount a quantity is built from: digits with
their magnitude ("1.5 million", "3m", "40bn"), spelled-out words ("forty-five",
"half a million", "a dozen") or a vague amount ("hundreds of thousands",
"dozens", "a few hundred"). Ranges, modifiers, units and the counted noun are
added around it by :mod:`.builder`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from rashomon.extract.quantities.lexicon import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    SCALE_ABBREVIATIONS,
    SCALES,
    VAGUE_MULTIPLIERS,
    VAGUE_PLURALS,
)
from rashomon.extract.quantities.numbers import (
    is_number_word,
    parse_number_words,
    parse_numeral,
    scale,
)

# Vague plurals that need a following "of" to be amounts ("scores of people",
# not "test scores"; "tens of thousands").
_NEED_OF = {"tens", "scores"}


@dataclass(slots=True)
class Atom:
    """One number: tokens ``start``..``end`` (exclusive) of the doc."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    currency: str | None = None
    unit: str | None = None
    multiplier: float = 1.0  # the magnitude that was applied ("million" -> 1e6)
    plus: bool = False
    grouped: bool = False
    digits: bool = False  # written with digits
    vague: bool = False

    @property
    def bare(self) -> bool:
        """A plain integer in digits: what model numbers and years look like."""
        numbers = [n for n in (self.value, self.low, self.high) if n is not None]
        return (
            self.digits
            and not self.grouped
            and self.multiplier == 1.0
            and self.currency is None
            and self.unit is None
            and bool(numbers)
            and all(float(n).is_integer() for n in numbers)
        )

    @property
    def lowest(self) -> float | None:
        return self.low if self.low is not None else self.value

    @property
    def highest(self) -> float | None:
        return self.high if self.high is not None else self.value


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _scale_after(doc: Doc, j: int, glued_ok: bool) -> tuple[float, int]:
    """The magnitude word(s) at token ``j`` ("million", "m", "bn", "thousand
    million"), as (multiplier, next index). Abbreviations count only when glued
    to the digits ("3m", "£3 m" is metres)."""
    multiplier = 1.0
    while j < len(doc):
        word = doc[j].lower_
        if word in SCALES or word == "dozen":
            multiplier *= SCALES.get(word, 12.0)
        elif glued_ok and word.rstrip(".") in SCALE_ABBREVIATIONS and word not in ("b", "k"):
            if doc[j - 1].whitespace_ and word.rstrip(".") in ("m", "t"):
                break  # "3m" is million, "3 m" metres
            if word == "m" and not _million_context(doc, j):
                break  # "fell about 60m from the ridge": metres
            multiplier *= SCALE_ABBREVIATIONS[word.rstrip(".")]
        else:
            break
        glued_ok = False
        j += 1
    return multiplier, j


def _money_before(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].lower_ in CURRENCY_PREFIXES


def _million_context(doc: Doc, m: int) -> bool:
    """A glued "m" at token ``m`` is million after a currency ("$3m"), or before a
    currency word or a counted noun ("3m euros", "3m viewers"); otherwise metres."""
    if _money_before(doc, m - 1):
        return True
    following = doc[m + 1] if m + 1 < len(doc) else None
    if following is None:
        return False
    return following.lower_ in CURRENCY_WORDS or following.tag_ in ("NNS", "NNPS")


def _digit_atom(doc: Doc, i: int) -> Atom | None:
    numeral = parse_numeral(doc[i].text)
    if numeral is None:
        return None
    if (
        numeral.scaled
        and numeral.currency is None
        and doc[i].lower_.endswith("m")
        and not _money_before(doc, i)
    ):
        # "fell about 60m": metres; a glued "m" is million only after a currency ("$3m")
        numeral = parse_numeral(doc[i].text[:-1]) or numeral
        if not numeral.scaled:
            numeral = replace(numeral, unit="m")
    atom = Atom(
        start=i,
        end=i + 1,
        value=numeral.value,
        approximate=numeral.approximate,
        currency=numeral.currency,
        unit=numeral.unit,
        plus=numeral.plus,
        grouped=numeral.grouped,
        digits=True,
    )
    if numeral.value2 is not None:
        atom.low, atom.high, atom.value = numeral.value, numeral.value2, None
    if numeral.scaled:
        atom.multiplier = 0.0  # glued magnitude: no further scale words
    elif numeral.unit is None and not numeral.plus:
        multiplier, j = _scale_after(doc, i + 1, glued_ok=True)
        if multiplier != 1.0:
            atom.multiplier = multiplier
            atom.end = j
            for name in ("value", "low", "high"):
                number = getattr(atom, name)
                if number is not None:
                    setattr(atom, name, scale(number, multiplier))
    if atom.multiplier == 0.0:
        atom.multiplier = 1e3  # any magnitude: marks the atom as scaled
    return atom


def _word_atom(doc: Doc, i: int) -> Atom | None:
    first = doc[i].lower_
    if first not in ("a", "half") and not is_number_word(first):
        return None
    words: list[str] = []
    j = i
    while j < len(doc):
        tok = doc[j]
        word = tok.lower_
        starts = j == i and word in ("a", "half")
        half_a = word == "a" and words == ["half"]
        glued_hyphen = word == "-" and words and not doc[j - 1].whitespace_ and not tok.whitespace_
        if is_number_word(word) or starts or half_a or glued_hyphen:
            pass
        elif word == "and" and words and words[-1] in (*SCALES, "dozen"):
            if not (j + 1 < len(doc) and is_number_word(doc[j + 1].lower_)):
                break
        else:
            break
        words.append(word)
        j += 1
    # The longest prefix that reads as one number.
    while words:
        value = parse_number_words(words)
        if value is not None:
            multiplier = 1.0
            for word in words:
                if word in SCALES:
                    multiplier = max(multiplier, SCALES[word])
            return Atom(start=i, end=i + len(words), value=value, multiplier=multiplier)
        words.pop()
    return None


def _vague_atom(doc: Doc, i: int) -> Atom | None:
    word = doc[i].lower_
    if word in VAGUE_PLURALS:
        base = VAGUE_PLURALS[word]
        j = i + 1
        while _lower(doc, j) == "of" and VAGUE_PLURALS.get(_lower(doc, j + 1), 0) > 12:
            base *= VAGUE_PLURALS[_lower(doc, j + 1)]
            j += 2
        if word in _NEED_OF and _lower(doc, i + 1) != "of":
            return None
        return Atom(
            start=i,
            end=j,
            value=None,
            low=2 * base,
            high=10 * base,
            approximate=True,
            vague=True,
            multiplier=base,
        )
    for phrase, (lo, hi) in VAGUE_MULTIPLIERS.items():
        k = i + len(phrase)
        if tuple(_lower(doc, i + n) for n in range(len(phrase))) != phrase:
            continue
        nxt = _lower(doc, k)
        if nxt not in SCALES and nxt != "dozen":
            continue
        multiplier, j = _scale_after(doc, k, glued_ok=False)
        low, high = scale(lo, multiplier), scale(hi, multiplier)
        atom = Atom(start=i, end=j, value=None, low=low, high=high, approximate=True)
        atom.vague = True
        atom.multiplier = multiplier
        if low == high:
            atom.value, atom.low, atom.high = low, None, None
        return atom
    return None


def _and_a_half(doc: Doc, atom: Atom | None) -> Atom | None:
    """ "two and a half million", "2 and a half years"."""
    if atom is None or atom.value is None or atom.vague or atom.multiplier != 1.0:
        return atom
    j = atom.end
    if (_lower(doc, j), _lower(doc, j + 1), _lower(doc, j + 2)) != ("and", "a", "half"):
        return atom
    atom.value += 0.5
    multiplier, end = _scale_after(doc, j + 3, glued_ok=False)
    atom.end = end
    if multiplier != 1.0:
        atom.value = scale(atom.value, multiplier)
        atom.multiplier = multiplier
    return atom


def match_atom(doc: Doc, i: int) -> Atom | None:
    """The number that starts at token ``i``, or None."""
    return _and_a_half(doc, _match_atom(doc, i))


def _match_atom(doc: Doc, i: int) -> Atom | None:
    tok = doc[i]
    if tok.is_space or tok.is_punct and tok.text != "~":
        return None
    if tok.text == "~" and i + 1 < len(doc) and not tok.whitespace_:
        atom = _digit_atom(doc, i + 1)
        if atom is not None:
            atom.start = i
            atom.approximate = True
        return atom
    if tok.text[0].isdigit() or tok.text[0] in "$£€¥₹₽₩₪~." or tok.text[:2].isalpha():
        atom = _digit_atom(doc, i)
        if atom is not None:
            return atom
    return _vague_atom(doc, i) or _word_atom(doc, i)
