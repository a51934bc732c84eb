"""Reading numbers: digit tokens ("50,000", "2.5bn", "GB£20.1", "40–60") and
number words ("forty-five", "two million", "one hundred and twenty").

Pure string functions, no spaCy, so they can be tested (and fuzzed) alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from rashomon.extract.quantities.lexicon import (
    CURRENCY_PREFIXES,
    GLUED_UNITS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SMALL_NUMBERS,
    TENS,
)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_CUR = r"[A-Za-z]{0,3}[$£€¥₹₽₩₪]"
NUMERAL_RE = re.compile(
    rf"^(?P<cur>{_CUR})?(?P<tilde>~)?(?P<num>{_NUM})(?P<suf>[A-Za-z%²]+)?"
    rf"(?:[-–—](?P<cur2>{_CUR})?(?P<num2>{_NUM})(?P<suf2>[A-Za-z%²]+)?)?(?P<plus>\+)?$"
)


@dataclass(slots=True, frozen=True)
class Numeral:
    """One digit token read: ``value`` (and ``value2`` for a glued range "40–60")."""

    value: float
    value2: float | None = None
    currency: str | None = None
    unit: str | None = None
    scaled: bool = False  # a magnitude was glued on ("40bn", "3m")
    approximate: bool = False  # "~300"
    plus: bool = False  # "50,000+"
    grouped: bool = False  # written with thousands separators ("2,000")


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def scale(value: float, multiplier: float) -> float:
    """``value * multiplier`` without binary noise (2.3 * 1e9 == 2_300_000_000)."""
    return float(Decimal(repr(value)) * Decimal(repr(multiplier)))


def _suffix(suffix: str | None) -> tuple[float, str | None] | None:
    """(multiplier, unit) for a suffix glued to digits, or None when unknown."""
    if not suffix:
        return 1.0, None
    low = suffix.lower()
    if low in SCALE_ABBREVIATIONS and low != "b":
        return SCALE_ABBREVIATIONS[low], None
    if low in GLUED_UNITS:
        return 1.0, GLUED_UNITS[low]
    return None


def parse_numeral(text: str) -> Numeral | None:
    """Read a token made of digits, with an optional glued currency, magnitude,
    unit, second number ("40–60") or trailing plus. None for anything else:
    ordinals ("1st"), decades ("1990s"), clock times ("10:12"), codes ("A330",
    "5G"), and numbers with a leading zero ("0100", phone and ID fragments)."""
    match = NUMERAL_RE.match(text)
    if match is None:
        return None
    num = match["num"]
    if len(num) > 1 and num[0] == "0" and num[1].isdigit():
        return None
    first = _suffix(match["suf"])
    if first is None:
        return None
    currency = None
    if match["cur"]:
        currency = CURRENCY_PREFIXES.get(match["cur"].lower())
        if currency is None:
            return None
    value = scale(_number(num), first[0])
    unit = first[1]
    value2 = None
    scaled = first[0] != 1.0
    if match["num2"] is not None:
        second = _suffix(match["suf2"])
        if second is None:
            return None
        value2 = scale(_number(match["num2"]), second[0])
        if second[0] != 1.0 and first[0] == 1.0:
            value = scale(value, second[0])  # "40-60bn": the magnitude applies to both ends
            scaled = True
        unit = unit or second[1]
    return Numeral(
        value=value,
        value2=value2,
        currency=currency,
        unit=unit,
        scaled=scaled,
        approximate=match["tilde"] is not None,
        plus=match["plus"] is not None,
        grouped="," in num,
    )


def parse_number_words(words: Sequence[str]) -> float | None:
    """The value of a spelled-out number given as lower-case words.

    Accepts "forty five" / "forty-five" (hyphens as separate words or glued),
    "one hundred and twenty", "two million three hundred thousand", a leading
    "a" ("a hundred", "a dozen"), "dozen" as a multiplier ("two dozen") and
    "half a million". Returns None when the words do not form one number.
    """
    tokens: list[str] = []
    for word in words:
        tokens.extend(part for part in word.lower().split("-") if part)
    if not tokens:
        return None
    if tokens[0] == "half":  # "half a million", "half a dozen"
        if len(tokens) >= 3 and tokens[1] == "a" and tokens[2] in (*SCALES, "dozen"):
            rest = parse_number_words(["a", *tokens[2:]])
            return None if rest is None else rest / 2
        return None
    if tokens[0] == "a":
        if len(tokens) < 2 or tokens[1] not in (*SCALES, "dozen"):
            return None
        tokens[0] = "one"
    total = 0.0
    current = 0.0
    seen_number = False
    last = ""  # kind of the previous token: small, tens, hundred, scale, and
    for tok in tokens:
        if tok in SMALL_NUMBERS:
            if last in ("small", "tens") and not (last == "tens" and SMALL_NUMBERS[tok] < 10):
                return None
            if last == "tens" and SMALL_NUMBERS[tok] == 0:
                return None
            current += SMALL_NUMBERS[tok]
            last = "small"
        elif tok in TENS:
            if last in ("small", "tens"):
                return None
            current += TENS[tok]
            last = "tens"
        elif tok == "hundred":
            if last == "hundred" or current >= 100:
                return None
            current = (current or 1) * 100
            last = "hundred"
        elif tok == "dozen":
            current = (current or 1) * 12
            last = "scale"
        elif tok in SCALES:
            scale = SCALES[tok]
            if last in ("and", "") and not seen_number:
                return None
            if last == "scale" and current == 0:
                total *= scale  # "a thousand million"
            else:
                total += (current or 1) * scale
            current = 0
            last = "scale"
        elif tok == "and":
            if last not in ("hundred", "scale"):
                return None
            last = "and"
            continue
        else:
            return None
        seen_number = True
    if last == "and" or not seen_number:
        return None
    return total + current


def is_number_word(word: str) -> bool:
    """True for a word that can be part of a spelled-out number."""
    return all(
        part in SMALL_NUMBERS or part in TENS or part in SCALES or part == "dozen"
        for part in word.lower().split("-")
        if part
    ) and any(c.isalpha() for c in word)
